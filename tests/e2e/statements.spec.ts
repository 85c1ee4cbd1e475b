/**
 * The accessibility statement and the privacy notice. (axe and reflow run for
 * them in pages.spec.ts; the footer links to them on every page are checked
 * in tests/server/statements.test.ts.)
 */
import { expect, test } from '@playwright/test';
import { KOMMUNER } from './support/site.ts';

test('the accessibility statement gives the target, how it is tested, the known gaps and how to report a problem', async ({ page }) => {
  await page.goto('/tilgaengelighed/');
  const main = page.getByRole('main');
  await expect(main).toContainText('WCAG 2.1 på niveau AA');
  await expect(page.getByRole('region', { name: 'Sådan tester vi' })).toContainText('axe');
  await expect(page.getByRole('region', { name: 'Sådan tester vi' })).toContainText('320 pixels');
  const gaps = page.getByRole('region', { name: 'Det virker ikke endnu' });
  await expect(gaps).toContainText('Vi har ikke testet siderne sammen med brugere af skærmlæsere');
  await expect(gaps).toContainText('Søgningen kræver JavaScript');
  await expect(page.getByRole('region', { name: 'Hvis du vil klage' })).toContainText('Digitaliseringsstyrelsen');
});

test('the statement gives the operator’s contact address, or says there is none and sends people to their kommune', async ({ page }) => {
  // `npm test` builds and tests in the same environment: SITE_CONTACT_EMAIL is either set for both or for neither.
  const email = process.env.SITE_CONTACT_EMAIL?.trim();
  await page.goto('/tilgaengelighed/');
  const report = page.getByRole('region', { name: 'Fortæl os om et problem' });
  if (email) {
    await expect(report.getByRole('link', { name: email })).toHaveAttribute('href', `mailto:${email}`);
    return;
  }
  await expect(report).toContainText('har endnu ikke oplyst en adresse');
  await expect(page.locator('main a[href^="mailto:"]')).toHaveCount(0);
  for (const k of KOMMUNER) {
    await expect(report.locator(`a[href="/${k}/kontakt/"]`)).toHaveCount(1);
  }
});

test('the privacy notice says what the application collects, why, on what legal basis, for how long, and the applicant’s rights', async ({ page }) => {
  await page.goto('/privatliv/');
  const collects = page.getByRole('region', { name: 'Hvad ansøgningen indeholder' });
  for (const field of ['navn', 'CPR-nummer', 'førtidspension', 'bisidder', 'helbred', 'indhente oplysninger']) {
    await expect(collects).toContainText(field);
  }
  const basis = page.getByRole('region', { name: 'Retsgrundlag' });
  await expect(basis).toContainText('artikel 6, stk. 1, litra e');
  await expect(basis).toContainText('artikel 9, stk. 2, litra b');
  await expect(basis).toContainText('litra h');
  await expect(page.getByRole('region', { name: 'Hvem er ansvarlig' })).toContainText('Den kommune, du søger i, er dataansvarlig');
  await expect(page.getByRole('region', { name: 'Hvem får oplysningerne' })).toContainText('den enhed i kommunen, som skal behandle den');
  await expect(page.getByRole('region', { name: 'Hvor længe oplysningerne gemmes' })).toContainText('30 dage');
  // The example comes from Brønderslev's routing rule in its content file, not from the strings.
  await expect(page.getByRole('region', { name: 'Hvorfor oplysningerne bruges' })).toContainText(
    'I Brønderslev går ansøgninger fx til UngeCentret, hvis du er under 30 år og ikke får førtidspension.',
  );
  const rights = page.getByRole('region', { name: 'Dine rettigheder' });
  await expect(rights).toContainText('Datatilsynet');
  await expect(rights.locator('a[href="/varde/kontakt/"]')).toHaveCount(1);
  await expect(page.getByRole('region', { name: /Spørgeskemaet/ })).toContainText('gemmer ikke dine svar');
});

test('both statements exist in English with the same sections', async ({ page }) => {
  for (const path of ['/tilgaengelighed/', '/privatliv/']) {
    await page.goto(path);
    const danish = await page.locator('main h2').count();
    await page.goto(`/en${path}`);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.locator('main h2')).toHaveCount(danish);
  }
  await expect(page.getByRole('region', { name: 'Legal basis' })).toContainText('Article 6(1)(e)');
  await expect(page.getByRole('region', { name: 'How long the information is kept' })).toContainText('30 days old');
});
