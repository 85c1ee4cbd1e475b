/**
 * The whole journey across the two features: "Kan jeg få støtte?" → "Søg nu"
 * → the application form, with the answers carried over → the receipt. With
 * JavaScript (sessionStorage) and without (a form post to the form page).
 *
 * With JavaScript each journey is two tests, so neither does too much for a
 * slow machine: the questionnaire to the filled-in form, checking what it
 * carried in sessionStorage (the contract between the two, see
 * src/domain/questionnaire-answers.ts); then, from exactly that, the form to
 * the receipt and the store.
 */
import { expect, test, type Page } from '@playwright/test';
import { answerWithForm, answerWithIsland, questionnaire, type Given } from './support/questionnaire.ts';
import { birthDateForAge, clientAddress, marker, storedWith } from '../support/applications.ts';
import { axeViolations } from './support/site.ts';
import { blockSiteScripts } from './support/no-js.ts';

test.use({ extraHTTPHeaders: { 'X-Forwarded-For': clientAddress() } });

/** A 25-year-old in Brønderslev, not on førtidspension, who wants help with her social life. */
const given: Given = {
  who: 'self',
  age: '25',
  pension: 'nej',
  reducedFunction: 'ja',
  needs: ['socialt-liv'],
  kindOfHelp: 'learn',
  coveredByOtherHelp: 'nej',
  housing: 'eget-hjem',
  canTakePart: 'ja',
};
const RECEIPT = /\/bronderslev\/ansoeg\/kvittering\/\?reference=[2-9A-Z]{4}-[2-9A-Z]{4}$/;

/** What the questionnaire carried over is filled in; the rest is typed. */
async function expectCarriedOver(page: Page) {
  await expect(page.getByLabel('Jeg søger for mig selv')).toBeChecked();
  await expect(page.getByRole('group', { name: 'Får du førtidspension?' }).getByLabel('Nej')).toBeChecked();
  await expect(page.getByLabel('Socialt liv, fx at være sammen med andre')).toBeChecked();
}

async function fillTheRest(page: Page, name = 'Sofie Rejse', age = 25) {
  const born = birthDateForAge(age);
  await page.getByLabel('Fulde navn').fill(name);
  await page.getByLabel('Dag', { exact: true }).fill(born.day);
  await page.getByLabel('Måned', { exact: true }).fill(born.month);
  await page.getByLabel('År', { exact: true }).fill(born.year);
  await page.getByLabel(/^Telefonnummer/).fill('12345678');
}

/** With JavaScript, from the support step on: the description, contact and consent, then (after `onReview` looked at "Tjek dine svar") send. */
async function describeAndSend(page: Page, description: string, onReview: () => Promise<void> = async () => {}) {
  await page.getByLabel('Fortæl kort, hvad der er svært').fill(description);
  await page.getByRole('button', { name: 'Fortsæt' }).click();
  await page.getByRole('group', { name: 'Hvordan vil du helst kontaktes af kommunen?' }).getByLabel('Telefon').check();
  await page.getByRole('group', { name: /bisidder/ }).getByLabel('Nej').check();
  await page.getByRole('group', { name: /hente oplysninger/ }).getByLabel('Ja').check();
  await page.getByRole('button', { name: 'Fortsæt' }).click();
  await onReview();
  await page.getByRole('button', { name: 'Send ansøgning' }).click();
}

async function fillContactAndConsent(page: Page, description: string) {
  await page.getByLabel('Fortæl kort, hvad der er svært').fill(description);
  await page.getByRole('group', { name: 'Hvordan vil du helst kontaktes af kommunen?' }).getByLabel('Telefon').check();
  await page.getByRole('group', { name: /hente oplysninger/ }).getByLabel('Ja').check();
}

/** What the questionnaire left in sessionStorage for the form (the prefill contract). */
const carried = (page: Page, slug: string) => page.evaluate((key) => JSON.parse(sessionStorage.getItem(key) ?? 'null'), `stoetteportalen:questionnaire:${slug}`);

/** Opens the form with `answers` carried over, as the questionnaire leaves them. */
async function openFormCarrying(page: Page, slug: string, answers: unknown) {
  await page.addInitScript(([key, value]) => sessionStorage.setItem(key!, value!), [`stoetteportalen:questionnaire:${slug}`, JSON.stringify(answers)]);
  await page.goto(`/${slug}/ansoeg/`);
}

const BRONDERSLEV_CARRIED = { who: 'self', age: 25, pension: 'nej', needs: ['socialt-liv'], helpAreas: [] };

test('with JavaScript: the questionnaire’s answers go along to the form, which routes to UngeCentret before a date of birth is typed', async ({ page }) => {
  await page.goto(questionnaire('bronderslev'));
  await answerWithIsland(page, given);
  await expect(page.locator('#resultat')).toHaveText('Socialpædagogisk støtte passer sandsynligvis til dig');
  await page.getByRole('link', { name: 'Søg nu' }).click();
  await expect(page).toHaveURL(/\/bronderslev\/ansoeg\/$/);
  expect(await carried(page, 'bronderslev')).toEqual(BRONDERSLEV_CARRIED);

  await expect(page.getByLabel('Jeg søger for mig selv')).toBeChecked();
  await page.getByRole('button', { name: 'Fortsæt' }).click();
  // The age from the questionnaire routes before a date of birth is typed.
  await expect(page.locator('.routing-preview')).toContainText('Din ansøgning går til UngeCentret');
  await expect(page.getByRole('group', { name: 'Får du førtidspension?' }).getByLabel('Nej')).toBeChecked();
});

test('with JavaScript: from the carried answers she fills in the rest and lands on an UngeCentret receipt, her needs stored', async ({ page }) => {
  const description = marker();
  await openFormCarrying(page, 'bronderslev', BRONDERSLEV_CARRIED);
  await expect(page.getByLabel('Jeg søger for mig selv')).toBeChecked();
  await page.getByRole('button', { name: 'Fortsæt' }).click();
  await fillTheRest(page);
  await page.getByRole('button', { name: 'Fortsæt' }).click();
  await expect(page.getByLabel('Socialt liv, fx at være sammen med andre')).toBeChecked();
  await describeAndSend(page, description);

  await expect(page).toHaveURL(RECEIPT);
  await expect(page.locator('main')).toContainText('Din ansøgning er sendt til UngeCentret i Brønderslev Kommune.');
  const stored = await storedWith('bronderslev', description);
  expect(stored.map((a) => [a.unitId, a.application.needs])).toEqual([['ungecentret', ['socialt-liv']]]);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the result’s "Søg nu" posts the answers to the form page, which fills them in; she lands on an UngeCentret receipt', async ({ page }) => {
    const description = marker();
    await page.goto(questionnaire('bronderslev'));
    await answerWithForm(page, given);
    await expect(page.locator('#resultat')).toHaveText('Socialpædagogisk støtte passer sandsynligvis til dig');
    await page.getByRole('button', { name: 'Søg nu' }).click();
    await expect(page).toHaveURL(/\/bronderslev\/ansoeg\/$/);
    // Filled in, and no error shown for what is still missing.
    await expectCarriedOver(page);
    await expect(page.locator('.error-summary')).toHaveCount(0);

    await fillTheRest(page);
    await fillContactAndConsent(page, description);
    await page.getByRole('button', { name: 'Fortsæt' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tjek dine svar');
    await page.getByRole('button', { name: 'Send ansøgning' }).click();
    await expect(page).toHaveURL(RECEIPT);
    await expect(page.locator('main')).toContainText('Din ansøgning er sendt til UngeCentret i Brønderslev Kommune.');
    const stored = await storedWith('bronderslev', description);
    expect(stored.map((a) => [a.unitId, a.application.needs])).toEqual([['ungecentret', ['socialt-liv']]]);
  });
});

/**
 * Aabenraa lists its own help items, not the VUM themes the API's `needs`
 * takes: the form's help question offers that list, with the items chosen in
 * the questionnaire already ticked (so it is not asked again), and they are
 * stored as `helpAreas`, never as VUM themes and never in the description.
 */
const aabenraa: Given = {
  who: 'self',
  age: '35',
  reducedFunction: 'ja',
  needs: ['vedligeholde-og-udvikle-faerdigheder', 'deltage-i-en-aktivitet'],
  kindOfHelp: 'learn',
  coveredByOtherHelp: 'nej',
};
const CHOSEN = ['vedligeholde-og-udvikle-faerdigheder', 'deltage-i-en-aktivitet'];
const AABENRAA_RECEIPT = /\/aabenraa\/ansoeg\/kvittering\/\?reference=[2-9A-Z]{4}-[2-9A-Z]{4}$/;
// No førtidspension question in Aabenraa: `pension` goes along as null.
const AABENRAA_CARRIED = { who: 'self', age: 35, pension: null, needs: [], helpAreas: CHOSEN };

/** The help question asks Aabenraa's own list, once, with the questionnaire's choices ticked; the description is empty. */
async function expectOwnItemsTicked(page: Page) {
  const question = page.getByRole('group', { name: 'Hvad har du brug for hjælp til?' });
  await expect(question.getByLabel('At holde fast i og udvikle dine færdigheder')).toBeChecked();
  await expect(question.getByLabel('At deltage i en bestemt aktivitet')).toBeChecked();
  await expect(question.getByRole('checkbox')).toHaveCount(4);
  await expect(question.getByRole('checkbox', { checked: true })).toHaveCount(2);
  // Asked once: no VUM theme to choose as well, and nothing carried into the text.
  await expect(page.getByRole('checkbox', { name: /Socialt liv|Sundhed|Samfundsliv/ })).toHaveCount(0);
  await expect(page.getByLabel('Fortæl kort, hvad der er svært')).toHaveValue('');
}

async function expectStoredAsHelpAreas(description: string) {
  const stored = await storedWith('aabenraa', description);
  expect(stored.map((a) => [a.application.helpAreas, a.application.needs ?? []])).toEqual([[CHOSEN, []]]);
  expect(stored[0]!.application.description).toBe(description);
}

test('with JavaScript: in Aabenraa her own help items go along as helpAreas', async ({ page }) => {
  await page.goto(questionnaire('aabenraa'));
  await answerWithIsland(page, aabenraa);
  await page.getByRole('link', { name: /^Søg (nu|alligevel)$/ }).click();
  await expect(page).toHaveURL(/\/aabenraa\/ansoeg\/$/);
  expect(await carried(page, 'aabenraa')).toEqual(AABENRAA_CARRIED);
  await expect(page.getByLabel('Jeg søger for mig selv')).toBeChecked();
});

test('with JavaScript: in Aabenraa the help question comes with her items ticked; "Tjek dine svar" names them; they are stored as helpAreas', async ({ page }) => {
  const description = marker();
  await openFormCarrying(page, 'aabenraa', AABENRAA_CARRIED);
  await expect(page.getByLabel('Jeg søger for mig selv')).toBeChecked();
  await page.getByRole('button', { name: 'Fortsæt' }).click();
  await fillTheRest(page, 'Karen Indsats', 35);
  await page.getByRole('button', { name: 'Fortsæt' }).click();
  await expectOwnItemsTicked(page);
  expect(await axeViolations(page)).toEqual([]);
  await describeAndSend(page, description, () =>
    expect(page.getByRole('row', { name: /Hvad har du brug for hjælp til/ })).toContainText('At holde fast i og udvikle dine færdigheder; At deltage i en bestemt aktivitet'),
  );

  await expect(page).toHaveURL(AABENRAA_RECEIPT);
  await expectStoredAsHelpAreas(description);
});

test.describe('without JavaScript, in Aabenraa', () => {
  // The site's scripts blocked (not JavaScript off), so axe can look at the page.
  test.beforeEach(({ context }) => blockSiteScripts(context));

  test('her own help items are posted along and ticked in the help question; she sends, and they are stored as helpAreas', async ({ page }) => {
    const description = marker();
    await page.goto(questionnaire('aabenraa'));
    await answerWithForm(page, aabenraa);
    await page.getByRole('button', { name: /^Søg (nu|alligevel)$/ }).click();
    await expect(page).toHaveURL(/\/aabenraa\/ansoeg\/$/);
    await expectOwnItemsTicked(page);
    await expect(page.locator('.error-summary')).toHaveCount(0);
    expect(await axeViolations(page)).toEqual([]);

    await fillTheRest(page, 'Karen Indsats', 35);
    await fillContactAndConsent(page, description);
    await page.getByRole('button', { name: 'Fortsæt' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tjek dine svar');
    await expect(page.getByRole('row', { name: /Hvad har du brug for hjælp til/ })).toContainText('At holde fast i og udvikle dine færdigheder; At deltage i en bestemt aktivitet');
    await page.getByRole('button', { name: 'Send ansøgning' }).click();
    await expect(page).toHaveURL(AABENRAA_RECEIPT);
    await expectStoredAsHelpAreas(description);
  });
});
