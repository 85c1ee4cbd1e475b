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

/** With JavaScript, from the support step on: the description, contact and consent, then send. */
async function describeAndSend(page: Page, description: string) {
  await page.getByLabel('Fortæl kort, hvad der er svært').fill(description);
  await page.getByRole('button', { name: 'Fortsæt' }).click();
  await page.getByRole('group', { name: 'Hvordan vil du helst kontaktes af kommunen?' }).getByLabel('Telefon').check();
  await page.getByRole('group', { name: /bisidder/ }).getByLabel('Nej').check();
  await page.getByRole('group', { name: /hente oplysninger/ }).getByLabel('Ja').check();
  await page.getByRole('button', { name: 'Fortsæt' }).click();
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

const BRONDERSLEV_CARRIED = { who: 'self', age: 25, pension: 'nej', needs: ['socialt-liv'] };

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
 * Sønderborg lists its own indsatser, not the VUM themes the API's `needs`
 * takes: the chosen items go along as the start of the description, in the
 * citizen's words to edit, and no VUM theme is ticked for them.
 */
const sonderborg: Given = {
  who: 'self',
  age: '40',
  reducedFunction: 'ja',
  needs: ['administration', 'indkoeb-og-kost'],
  coveredByOtherHelp: 'nej',
  housing: 'eget-hjem',
  canTakePart: 'ja',
  shortNeed: 'nej',
};
const CARRIED = 'Jeg har brug for hjælp til:\n- Administration\n- Indkøb og kost';
const SONDERBORG_RECEIPT = /\/sonderborg\/ansoeg\/kvittering\/\?reference=[2-9A-Z]{4}-[2-9A-Z]{4}$/;

async function expectOwnItemsCarried(page: Page) {
  await expect(page.getByLabel('Fortæl kort, hvad der er svært')).toHaveValue(CARRIED);
  await expect(page.getByRole('group', { name: 'Hvad er svært i hverdagen?' }).getByRole('checkbox', { checked: true })).toHaveCount(0);
}

// No førtidspension question at 40: `pension` goes along as null.
const SONDERBORG_CARRIED = { who: 'self', age: 40, pension: null, needs: [], description: CARRIED };

test('with JavaScript: in Sønderborg her own help items go along as the start of the description', async ({ page }) => {
  await page.goto(questionnaire('sonderborg'));
  await answerWithIsland(page, sonderborg);
  await page.getByRole('link', { name: /^Søg (nu|alligevel)$/ }).click();
  await expect(page).toHaveURL(/\/sonderborg\/ansoeg\/$/);
  expect(await carried(page, 'sonderborg')).toEqual(SONDERBORG_CARRIED);
  await expect(page.getByLabel('Jeg søger for mig selv')).toBeChecked();
});

test('with JavaScript: in Sønderborg, from the carried items, she adds to the description and sends; no VUM theme is stored', async ({ page }) => {
  const extra = marker();
  await openFormCarrying(page, 'sonderborg', SONDERBORG_CARRIED);
  await expect(page.getByLabel('Jeg søger for mig selv')).toBeChecked();
  await page.getByRole('button', { name: 'Fortsæt' }).click();
  await fillTheRest(page, 'Karen Indsats', 40);
  await page.getByRole('button', { name: 'Fortsæt' }).click();
  await expectOwnItemsCarried(page);
  const description = `${CARRIED}\n${extra}`;
  await describeAndSend(page, description);

  await expect(page).toHaveURL(SONDERBORG_RECEIPT);
  const stored = await storedWith('sonderborg', description);
  expect(stored.map((a) => a.application.needs)).toEqual([[]]);
});

test.describe('without JavaScript, in Sønderborg', () => {
  test.use({ javaScriptEnabled: false });

  test('her own help items are posted along and start the description; she adds to it and sends', async ({ page }) => {
    const extra = marker();
    await page.goto(questionnaire('sonderborg'));
    await answerWithForm(page, sonderborg);
    await page.getByRole('button', { name: /^Søg (nu|alligevel)$/ }).click();
    await expect(page).toHaveURL(/\/sonderborg\/ansoeg\/$/);
    await expectOwnItemsCarried(page);
    await expect(page.locator('.error-summary')).toHaveCount(0);

    await fillTheRest(page, 'Karen Indsats', 40);
    await fillContactAndConsent(page, `${CARRIED}\n${extra}`);
    await page.getByRole('button', { name: 'Fortsæt' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tjek dine svar');
    await page.getByRole('button', { name: 'Send ansøgning' }).click();
    await expect(page).toHaveURL(SONDERBORG_RECEIPT);
    // An HTML form sends a textarea's line breaks as CRLF; they are stored as LF, as the island sends them.
    const stored = await storedWith('sonderborg', `${CARRIED}\n${extra}`);
    expect(stored.map((a) => a.application.needs)).toEqual([[]]);
  });
});
