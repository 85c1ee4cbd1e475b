/**
 * Nothing typed is lost in the tab: each step of the form with JavaScript is
 * a history entry, and the answers are kept for the tab (sessionStorage) so
 * Back, Forward, reload, a visit to another page and the language switch
 * come back to the same step with every answer. On a phone-sized window.
 */
import { expect, test, type Page } from '@playwright/test';
import { clientAddress, marker } from '../support/applications.ts';
import { applyWithJavaScript, continueButton } from './support/apply.ts';
import { axeViolations, expectPrintedInOneColumn } from './support/site.ts';

test.use({ extraHTTPHeaders: { 'X-Forwarded-For': clientAddress() }, viewport: { width: 375, height: 740 } });

const FORM = '/bronderslev/ansoeg/';
const DRAFT_KEY = 'stoetteportalen:application:bronderslev';
const stepHeading = (page: Page, name: string) => page.getByRole('heading', { level: 2, name });
const draft = (page: Page) => page.evaluate((key) => sessionStorage.getItem(key), DRAFT_KEY);

/** Every "leave the page?" question asked; the person says yes (reload asks while answers are not sent: see the last test). */
let asked: string[] = [];
test.beforeEach(({ page }) => {
  asked = [];
  page.on('dialog', (dialog) => {
    asked.push(dialog.type());
    void dialog.accept();
  });
});

test('Back and Forward move between the steps and keep every answer; reload comes back to the same step', async ({ page }) => {
  await page.goto(FORM);
  const description = marker();
  await applyWithJavaScript(page, description);
  // The step is in the history entry's state: nothing, and nothing personal, in the address.
  expect(new URL(page.url()).pathname + new URL(page.url()).search + new URL(page.url()).hash).toBe(FORM);

  await page.goBack();
  await expect(stepHeading(page, 'Kontakt og samtykke')).toBeFocused();
  await expect(page.getByRole('group', { name: /bisidder/ }).getByLabel('Nej')).toBeChecked();
  await page.goBack();
  await expect(stepHeading(page, 'Behov for støtte')).toBeFocused();
  await expect(page.getByLabel('Fortæl kort, hvad der er svært')).toHaveValue(description);
  await page.goBack();
  await expect(stepHeading(page, 'Om dig')).toBeFocused();
  await expect(page.getByLabel('Fulde navn')).toHaveValue('Sofie Testesen');
  await page.goBack();
  await expect(stepHeading(page, 'Hvem søger?')).toBeFocused();
  await expect(page.getByLabel('Jeg søger for mig selv')).toBeChecked();

  for (const heading of ['Om dig', 'Behov for støtte', 'Kontakt og samtykke', 'Tjek dine svar']) {
    await page.goForward();
    await expect(stepHeading(page, heading)).toBeFocused();
  }
  await expect(page.getByRole('row', { name: /Fulde navn/ })).toContainText('Sofie Testesen');

  await page.goBack();
  await expect(stepHeading(page, 'Kontakt og samtykke')).toBeVisible();
  await page.reload();
  await expect(stepHeading(page, 'Kontakt og samtykke')).toBeVisible();
  await expect(page.getByText('Trin 4 af 5')).toBeVisible();
  await expect(page.getByRole('group', { name: /hente oplysninger/ }).getByLabel('Ja')).toBeChecked();
  await continueButton(page).click();
  await expect(page.getByRole('row', { name: /Fortæl kort/ })).toContainText(description);
  expect(await axeViolations(page, 'main')).toEqual([]);
});

test('a visit to the kommune’s page and the language switch come back to the same step with every answer', async ({ page }) => {
  await page.goto(FORM);
  await page.getByLabel('Jeg søger for mig selv').check();
  await continueButton(page).click();
  await page.getByLabel('Fulde navn').fill('Sofie Testesen');
  await page.getByLabel('Telefonnummer').fill('12 34 56 78');

  // Out to the kommune's page by the breadcrumbs, and back with the browser's Back: no question asked, nothing lost.
  await page.getByRole('navigation', { name: 'Brødkrummer' }).getByRole('link', { name: 'Brønderslev Kommune' }).click();
  await expect(page).toHaveURL(/\/bronderslev\/$/);
  await page.goBack();
  await expect(stepHeading(page, 'Om dig')).toBeVisible();
  await expect(page.getByLabel('Fulde navn')).toHaveValue('Sofie Testesen');

  // The header's link to the English page: the same step, in English, with the answers.
  await page.getByRole('banner').getByRole('link', { name: 'English' }).click();
  await expect(page).toHaveURL(/\/en\/bronderslev\/ansoeg\/$/);
  await expect(stepHeading(page, 'About you')).toBeVisible();
  await expect(page.getByLabel('Full name')).toHaveValue('Sofie Testesen');
  await expect(page.getByLabel('Phone number')).toHaveValue('12 34 56 78');
  // Neither page of the site asked "leave the page?": the answers stay in the tab.
  expect(asked).toEqual([]);
});

test('the form’s own "Tilbage" is the browser’s Back: Back after it goes further back, not forward again', async ({ page }) => {
  await page.goto(FORM);
  await applyWithJavaScript(page, marker());
  await page.getByRole('button', { name: 'Tilbage' }).click();
  await expect(stepHeading(page, 'Kontakt og samtykke')).toBeFocused();
  await page.getByRole('button', { name: 'Tilbage' }).click();
  await expect(stepHeading(page, 'Behov for støtte')).toBeFocused();
  await page.goBack();
  await expect(stepHeading(page, 'Om dig')).toBeFocused();
  await page.goForward();
  await expect(stepHeading(page, 'Behov for støtte')).toBeFocused();
});

test('"Ret" on "Tjek dine svar" goes back there after the change', async ({ page }) => {
  await page.goto(FORM);
  await applyWithJavaScript(page, marker());
  await page.getByRole('link', { name: 'Ret telefonnummer' }).click();
  await expect(page.getByLabel('Telefonnummer')).toBeFocused();
  await page.getByLabel('Telefonnummer').fill('87 65 43 21');
  await continueButton(page).click();
  await expect(stepHeading(page, 'Tjek dine svar')).toBeFocused();
  await expect(page.getByRole('row', { name: /Telefonnummer/ }).first()).toContainText('87 65 43 21');
});

test('"Tjek dine svar" prints as a record: one column in the site’s font, the unit to call, no steps, buttons or "Ret"', async ({ page }) => {
  await page.goto(FORM);
  await applyWithJavaScript(page, marker());
  await expectPrintedInOneColumn(page, { wide: '.review', gone: ['.apply-steps', '.apply-form__actions', '.review__change'], onFirstPage: 'Hvem søger' });
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.routing-preview')).toBeVisible();
  await expect(page.locator('.routing-preview')).toContainText('9945 4705');
});

test('sent, the answers are gone from the tab: the form starts empty again', async ({ page }) => {
  await page.goto(FORM);
  await applyWithJavaScript(page, marker());
  expect(await draft(page)).toContain('Sofie Testesen');
  await page.getByRole('button', { name: 'Send ansøgning' }).click();
  await expect(page).toHaveURL(/\/kvittering\/\?reference=/);
  expect(await draft(page)).toBeNull();
  await page.goto(FORM);
  await expect(stepHeading(page, 'Hvem søger?')).toBeVisible();
  await expect(page.getByLabel('Jeg søger for mig selv')).not.toBeChecked();
});

test('a key the server says was used for other answers does not jam the form: a fresh key, and the person told plainly', async ({ page }) => {
  const keys: string[] = [];
  await page.route('**/api/ansoegninger', async (route) => {
    keys.push(route.request().headers()['idempotency-key']!);
    // The first send: the key's earlier application had other answers (the API's 422 without a field).
    if (keys.length === 1) await route.fulfill({ status: 422, contentType: 'application/json', body: JSON.stringify({ errors: [{ path: '', message: 'Idempotency-Key er brugt før til en anden ansøgning.' }] }) });
    else await route.continue();
  });
  await page.goto(FORM);
  await applyWithJavaScript(page, marker());
  await page.getByRole('button', { name: 'Send ansøgning' }).click();
  const summary = page.locator('.error-summary');
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('Ansøgningen er måske allerede sendt fra denne fane.');
  await expect(summary).not.toContainText('Idempotency-Key');
  await page.getByRole('button', { name: 'Send ansøgning' }).click();
  await expect(page).toHaveURL(/\/kvittering\/\?reference=/);
  expect(keys).toHaveLength(2);
  expect(keys[1]).not.toBe(keys[0]);
});

test('leaving the site or closing the tab with answers not sent asks first', async ({ page }) => {
  await page.goto(FORM);
  await page.getByLabel('Jeg søger for mig selv').check();
  const asked = page.waitForEvent('dialog');
  await page.close({ runBeforeUnload: true });
  expect((await asked).type()).toBe('beforeunload');
});
