/**
 * The application form without JavaScript, on a phone: "Tjek dine svar"
 * before sending, every post answered with a redirect (post-redirect-get),
 * so the address bar shows the page's own address and a reload never posts
 * again. The same journey with JavaScript is in apply-draft.spec.ts.
 */
import { expect, test, type Page } from '@playwright/test';
import { birthDateForAge, marker } from '../support/applications.ts';
import { storedWith } from '../support/applications.ts';
import { blockSiteScripts } from './support/no-js.ts';
import { axeViolations, expectPrintedInOneColumn } from './support/site.ts';

test.use({ viewport: { width: 390, height: 844 } });
test.beforeEach(({ context }) => blockSiteScripts(context));

const FORM = '/bronderslev/ansoeg/';
const CHECK = '/bronderslev/ansoeg/tjek/';
/** The form page and "Tjek dine svar" after a post: the form draft's key (random, nothing personal) in the address. */
const FORM_KEPT = /\/bronderslev\/ansoeg\/\?svar=[\w-]{43}$/;
const CHECK_KEPT = /\/bronderslev\/ansoeg\/tjek\/\?svar=[\w-]{43}$/;

/** Every navigation's method and URL, to prove no page was reached by a post that a reload would repeat. */
function navigations(page: Page) {
  const seen: string[] = [];
  page.on('request', (request) => {
    if (request.isNavigationRequest()) seen.push(`${request.method()} ${new URL(request.url()).pathname}`);
  });
  return seen;
}

/** The one-page form as a 25-year-old applying for herself, all but the name (its labels are neutral until it is sent). */
async function fillAllButName(page: Page, description: string) {
  const born = birthDateForAge(25);
  await page.getByLabel('Jeg søger for mig selv').check();
  await page.getByLabel('Dag', { exact: true }).fill(born.day);
  await page.getByLabel('Måned', { exact: true }).fill('april');
  await page.getByLabel('År', { exact: true }).fill(born.year);
  await page.getByLabel('Telefonnummer (frivilligt)', { exact: true }).fill('12 34 56 78');
  await page.getByRole('group', { name: 'Får den, der skal have støtte, førtidspension?' }).getByLabel('Nej').check();
  await page.getByLabel('Fortæl kort, hvad der er svært').fill(description);
  await page.getByRole('group', { name: 'Hvordan skal kommunen helst tage kontakt?' }).getByLabel('Telefon').check();
  await page.getByRole('group', { name: /hente oplysninger/ }).getByLabel('Ja').check();
}

const continueButton = (page: Page) => page.getByRole('button', { name: 'Fortsæt' });
const sendButton = (page: Page) => page.getByRole('button', { name: 'Send ansøgning' });

test('a problem comes back on the form’s own address; fixed, "Tjek dine svar" shows the answers and the unit; "Ret" returns there; sent once', async ({ page }) => {
  const description = marker();
  const visits = navigations(page);
  await page.goto(FORM);
  await fillAllButName(page, description);
  await continueButton(page).click();

  // Back on the form, at its own address, with the problem and every answer.
  await expect(page).toHaveURL(FORM_KEPT);
  await expect(page.locator('.error-summary')).toBeFocused();
  await expect(page.locator('.error-summary')).toContainText('Skriv dit fulde navn.');
  await expect(page.getByLabel('Fortæl kort, hvad der er svært')).toHaveValue(description);
  await expect(page.getByLabel('Måned', { exact: true })).toHaveValue('april');
  expect(await axeViolations(page)).toEqual([]);
  // A reload shows the same page and posts nothing.
  await page.reload();
  await expect(page.locator('.error-summary')).toContainText('Skriv dit fulde navn.');
  await expect(page.getByLabel('Fortæl kort, hvad der er svært')).toHaveValue(description);

  await page.getByLabel('Fulde navn').fill('Sofie Testesen');
  await continueButton(page).click();
  await expect(page).toHaveURL(CHECK_KEPT);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tjek dine svar');
  await expect(page.getByRole('row', { name: /Fulde navn/ })).toContainText('Sofie Testesen');
  await expect(page.getByRole('row', { name: /Fødselsdato/ })).toContainText(`${birthDateForAge(25).day}.4.${birthDateForAge(25).year}`);
  // Where it goes and why, decided on the server from the answers.
  await expect(page.locator('.routing-preview')).toContainText('Din ansøgning går til UngeCentret, fordi du er under 30 år og ikke får førtidspension.');
  await expect(page.locator('.routing-preview')).toContainText('9945 4705');
  expect(await axeViolations(page)).toEqual([]);
  await page.reload();
  await expect(page.getByRole('row', { name: /Fulde navn/ })).toContainText('Sofie Testesen');

  // "Ret" goes to the question on the form; "Fortsæt" comes back to "Tjek dine svar".
  await page.getByRole('link', { name: 'Ret telefonnummer' }).click();
  await expect(page).toHaveURL(/\/bronderslev\/ansoeg\/\?svar=[\w-]{43}#f-phone$/);
  await page.getByLabel('Telefonnummer (frivilligt)', { exact: true }).fill('87 65 43 21');
  await continueButton(page).click();
  await expect(page).toHaveURL(CHECK_KEPT);
  await expect(page.getByRole('row', { name: /Telefonnummer/ }).first()).toContainText('87 65 43 21');
  expect(await storedWith('bronderslev', description)).toHaveLength(0);

  // The language switch keeps the answers; a new visit to the form (the next person at this computer) starts empty.
  await page.getByRole('link', { name: 'English' }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Check your answers');
  await expect(page.getByRole('row', { name: /Phone number/ }).first()).toContainText('87 65 43 21');
  await page.getByRole('link', { name: 'Dansk' }).first().click();
  await expect(page).toHaveURL(CHECK_KEPT);
  await page.goto(FORM);
  await expect(page.getByLabel('Fulde navn')).toHaveValue('');
  await page.goBack();
  await expect(page.getByRole('row', { name: /Telefonnummer/ }).first()).toContainText('87 65 43 21');

  await sendButton(page).click();
  await expect(page).toHaveURL(/\/bronderslev\/ansoeg\/kvittering\/\?reference=/);
  const stored = await storedWith('bronderslev', description);
  expect(stored).toHaveLength(1);
  expect(stored[0]!.application.applicant.phone).toBe('87 65 43 21');
  await expect(page.getByText(stored[0]!.reference)).toBeVisible();

  // Back from the receipt: the answers are no longer kept, and nothing is sent again.
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Vi har ikke dine svar');
  expect(await axeViolations(page)).toEqual([]);
  expect(await storedWith('bronderslev', description)).toHaveLength(1);

  // Only the form's buttons posted; every page a person saw was reached by a GET.
  const posts = visits.filter((v) => v.startsWith('POST'));
  expect(posts).toEqual([`POST ${CHECK}`, `POST ${CHECK}`, `POST ${CHECK}`, 'POST /api/ansoegninger']);
});

test('"Tjek dine svar" prints as a record: one column in the site’s font, answers from the first page, no buttons or "Ret"', async ({ page }) => {
  await page.goto(FORM);
  await fillAllButName(page, marker());
  await page.getByLabel('Fulde navn').fill('Sofie Testesen');
  await continueButton(page).click();
  await expect(page).toHaveURL(CHECK_KEPT);
  await expectPrintedInOneColumn(page, { wide: '.review', gone: ['.apply-form__actions', '.review__change'], onFirstPage: 'Hvem søger' });
});

test('in English, and for someone else: the check page speaks to the helper about "the person"', async ({ page }) => {
  const born = birthDateForAge(40);
  await page.goto('/en/varde/ansoeg/');
  await page.getByLabel('I am applying for someone else').check();
  await page.getByLabel('Your name').fill('Hanne Helper');
  await page.getByLabel('How are you related to the person?').fill('Mother');
  await page.getByLabel('The person has agreed that I apply for them').check();
  await page.getByLabel('Full name').fill('Kim Person');
  await page.getByLabel('Day', { exact: true }).fill(born.day);
  await page.getByLabel('Month', { exact: true }).fill(born.month);
  await page.getByLabel('Year', { exact: true }).fill(born.year);
  await page.getByLabel('Tell us briefly what is difficult').fill(marker());
  await page.getByLabel('Letter or Digital Post').check();
  await page.getByRole('group', { name: /get information/ }).getByLabel('Yes').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  // A letter needs an address or a CPR number: the problem, on the English form's own address.
  await expect(page).toHaveURL(/\/en\/varde\/ansoeg\/\?svar=[\w-]{43}$/);
  await expect(page.locator('.error-summary')).toBeFocused();
  await page.getByLabel('Street and number').fill('Testvej 1');
  await page.getByLabel('Postcode').fill('6800');
  await page.getByLabel('Town').fill('Varde');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page).toHaveURL(/\/en\/varde\/ansoeg\/tjek\/\?svar=[\w-]{43}$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Check your answers');
  const text = await page.locator('main').innerText();
  expect(text).toContain('Kim Person');
  expect(text).not.toMatch(/\byour application goes\b/i);
  expect(text).toMatch(/The application goes to/);
  expect(await axeViolations(page)).toEqual([]);
});
