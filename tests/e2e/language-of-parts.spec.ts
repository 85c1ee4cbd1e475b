/**
 * WCAG 3.1.2 Language of Parts on every English page: the Danish words the
 * English pages show (the standard's text, unit names, routing reasons) are
 * marked lang="da", so a screen reader says them in Danish. Every English page
 * of the sitemap with and without JavaScript, and the pages the server renders
 * after a post: the application form's states, its error page, the receipt
 * and the questionnaire's result. See support/language-of-parts.ts.
 */
import { expect, test, type Page } from '@playwright/test';
import { KOMMUNER, builtPages, executableScripts } from './support/site.ts';
import { birthDateForAge, clientAddress, validBody } from '../support/applications.ts';
import { danishWithoutLang } from './support/language-of-parts.ts';
import { withoutSiteScripts } from './support/no-js.ts';
import { OUTCOME_EXAMPLES, answerWithForm, answerWithIsland, questionnaire } from './support/questionnaire.ts';

test.use({ extraHTTPHeaders: { 'X-Forwarded-For': clientAddress() } });

async function expectDanishMarked(page: Page) {
  expect(await danishWithoutLang(page), `Danish text without lang="da" on ${page.url()}`).toEqual([]);
}

test('the check finds Danish outside lang="da" and lets proper names and marked Danish be', async ({ page }) => {
  await page.setContent(`<html lang="en"><title>Apply in Brønderslev Kommune</title><body>
    <p>Your application goes to UngeCentret.</p>
    <p>Ring til os, hvis du er i tvivl</p>
    <p>Phone hours: <span lang="da">Mandag kl. 8.00 – 14.00</span>, in Sønderborg, from Støtteportalen</p>
    <p aria-label="Gå til indhold">Skip</p></body></html>`);
  expect(await danishWithoutLang(page)).toEqual([
    { text: 'Your application goes to UngeCentret.', where: 'p' },
    { text: 'Ring til os, hvis du er i tvivl', where: 'p' },
    { text: 'Gå til indhold', where: 'p[aria-label]' },
  ]);
});

for (const path of builtPages.filter((p) => p.startsWith('/en/'))) {
  test(`${path}: Danish text is marked lang="da", with JavaScript and without`, async ({ browser, page }) => {
    await page.goto(path, { waitUntil: 'load' });
    await expectDanishMarked(page);
    // A page that loads no script (the standards) is the same page without JavaScript.
    if ((await executableScripts(page).count()) === 0) return;
    const context = await withoutSiteScripts(browser);
    const plain = await context.newPage();
    await plain.goto(path);
    await expectDanishMarked(plain);
    await context.close();
  });
}

test.describe('the English application form, as the answers change', () => {
  test('Brønderslev: the rules before the age, then UngeCentret for a 25-year-old, up to "Check your answers"', async ({ page }) => {
    const born = birthDateForAge(25);
    await page.goto('/en/bronderslev/ansoeg/');
    await page.getByLabel('I am applying for myself').check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.locator('.routing-preview')).toContainText('depends on age');
    await expectDanishMarked(page);
    await page.getByLabel('Full name').fill('Test Person');
    await page.getByLabel('Day', { exact: true }).fill(born.day);
    await page.getByLabel('Month', { exact: true }).fill(born.month);
    await page.getByLabel('Year', { exact: true }).fill(born.year);
    await page.getByLabel('Phone number').fill('12345678');
    await page.getByRole('group', { name: /early retirement pension/ }).getByLabel('No', { exact: true }).check();
    await expect(page.locator('.routing-preview')).toContainText('Your application goes to UngeCentret');
    await expectDanishMarked(page);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByLabel(/^Social life/).check();
    await page.getByLabel(/^Tell us briefly/).fill('Test text');
    await expectDanishMarked(page);
    await page.getByRole('button', { name: 'Continue' }).click();
    await expectDanishMarked(page);
    await page.getByRole('group', { name: /contact you/ }).getByLabel('Phone').check();
    await page.getByRole('group', { name: /meetings/ }).getByLabel('No').check();
    await page.getByRole('group', { name: /get information/ }).getByLabel('Yes').check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Check your answers' })).toBeVisible();
    await expectDanishMarked(page);
  });

  test('Frederikssund: a 16-year-old is told, in the standard’s Danish, where young people get help', async ({ page }) => {
    const born = birthDateForAge(16);
    await page.goto('/en/frederikssund/ansoeg/');
    await page.getByLabel('I am applying for myself').check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByLabel('Day', { exact: true }).fill(born.day);
    await page.getByLabel('Month', { exact: true }).fill(born.month);
    await page.getByLabel('Year', { exact: true }).fill(born.year);
    await expect(page.locator('.under18')).toBeVisible();
    await expectDanishMarked(page);
  });

  for (const [kommune, age] of [['bronderslev', 25], ['frederikssund', 17]] as const) {
    test(`without JavaScript, ${kommune}: the form comes back with errors (age ${age}) and its Danish is marked`, async ({ browser }) => {
      const context = await withoutSiteScripts(browser);
      const page = await context.newPage();
      const born = birthDateForAge(age);
      await page.goto(`/en/${kommune}/ansoeg/`);
      await page.getByLabel('Day', { exact: true }).fill(born.day);
      await page.getByLabel('Month', { exact: true }).fill(born.month);
      await page.getByLabel('Year', { exact: true }).fill(born.year);
      await page.getByRole('button', { name: 'Continue' }).click();
      await expect(page.locator('#error-summary-page')).toBeVisible();
      await expectDanishMarked(page);
      await context.close();
    });
  }
});

for (const kommune of KOMMUNER) {
  test(`${kommune}: the English receipt marks the unit and the standard’s next steps as Danish`, async ({ page }) => {
    const { reference } = await (await page.request.post('/api/ansoegninger', { data: validBody(kommune) })).json();
    await page.goto(`/en/${kommune}/ansoeg/kvittering/?reference=${reference}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('We have received your application');
    await expectDanishMarked(page);
  });
}

for (const { slug, given } of OUTCOME_EXAMPLES) {
  test(`${slug}: the English questionnaire (${given.age} years) marks the kommune’s words as Danish on every screen and the result, with JavaScript and without`, async ({ browser, page }) => {
    await page.goto(questionnaire(slug, 'en'));
    await answerWithIsland(page, given, () => expectDanishMarked(page));
    await expectDanishMarked(page);
    const context = await withoutSiteScripts(browser);
    const plain = await context.newPage();
    await plain.goto(questionnaire(slug, 'en'));
    await answerWithForm(plain, given);
    await expectDanishMarked(plain);
    await context.close();
  });
}
