/**
 * Filling in the application form with JavaScript, as the tests of the form
 * (apply.spec.ts) and of its answers kept in the tab (apply-draft.spec.ts) do.
 */
import { expect, type Page } from '@playwright/test';
import { birthDateForAge } from '../../support/applications.ts';

export const continueButton = (page: Page) => page.getByRole('button', { name: 'Fortsæt' });

/**
 * Fills in the steps as a 25-year-old applying for herself; `onStep` looks at
 * each step, filled in, before going on (axe in one test, the layout in another).
 */
export async function applyWithJavaScript(page: Page, description: string, onStep: (page: Page, step: number) => Promise<void> = async () => {}) {
  const born = birthDateForAge(25);
  await page.getByLabel('Jeg søger for mig selv').check();
  await onStep(page, 1);
  await continueButton(page).click();

  await expect(page.getByRole('heading', { level: 2, name: 'Om dig' })).toBeFocused();
  await page.getByLabel('Fulde navn').fill('Sofie Testesen');
  await page.getByLabel('Dag', { exact: true }).fill(born.day);
  await page.getByLabel('Måned', { exact: true }).fill(born.month);
  await page.getByLabel('År', { exact: true }).fill(born.year);
  await page.getByLabel('Telefonnummer').fill('12 34 56 78');
  await page.getByRole('group', { name: 'Får du førtidspension?' }).getByLabel('Nej').check();
  await expect(page.locator('.routing-preview')).toContainText(
    'Din ansøgning går til UngeCentret, fordi du er under 30 år og ikke får førtidspension.',
  );
  await expect(page.locator('.routing-preview')).toContainText('9945 4705');
  await onStep(page, 2);
  await continueButton(page).click();

  await page.getByLabel('Socialt liv, fx at være sammen med andre').check();
  await page.getByLabel('Fortæl kort, hvad der er svært').fill(description);
  await expect(page.getByText(`Du har ${4000 - description.length} tegn tilbage`)).toBeVisible();
  await onStep(page, 3);
  await continueButton(page).click();

  await page.getByRole('group', { name: 'Hvordan vil du helst kontaktes af kommunen?' }).getByLabel('Telefon').check();
  await page.getByRole('group', { name: /bisidder/ }).getByLabel('Nej').check();
  await page.getByRole('group', { name: /hente oplysninger/ }).getByLabel('Ja').check();
  await onStep(page, 4);
  await continueButton(page).click();

  await expect(page.getByRole('heading', { level: 2, name: 'Tjek dine svar' })).toBeFocused();
  await expect(page.getByRole('row', { name: /Fulde navn/ })).toContainText('Sofie Testesen');
  await expect(page.getByRole('row', { name: /Fødselsdato/ })).toContainText(`${born.day}.${born.month}.${born.year}`);
  await onStep(page, 5);
}

/** The date of birth of someone who is `age` today, typed into the form's three fields. */
export async function fillBirthDate(page: Page, age: number) {
  const born = birthDateForAge(age);
  await page.getByLabel('Dag', { exact: true }).fill(born.day);
  await page.getByLabel('Måned', { exact: true }).fill(born.month);
  await page.getByLabel('År', { exact: true }).fill(born.year);
}
