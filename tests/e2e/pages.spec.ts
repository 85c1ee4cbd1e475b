import { expect, test, type Page } from '@playwright/test';
import { axeViolations, builtPages, collectErrors, executableScripts, expectLanguageSwitches, isStandardPage } from './support/site.ts';

/** The text of each tel: link the browser laid out on more than one line (an inline box per line). */
const phoneLinksOnMoreThanOneLine = (page: Page) =>
  page.locator('a[href^="tel:"]').evaluateAll((links) => links.filter((a) => a.getClientRects().length > 1).map((a) => a.textContent));

/**
 * Every built page, once each: the one axe scan of the page as it loads
 * (states a journey reaches are scanned in that journey's spec), then the
 * same page narrowed to 320 px (the browser lays it out again; no reload).
 */
for (const path of builtPages) {
  test(`${path}: answers 200 with one h1, no console error and no axe violation${isStandardPage(path) ? '; ships no JavaScript (JSON-LD data is not executed)' : ''}; a language switch in the header and the footer leads to the same page; reflows at 320 px without sideways scrolling, and no phone number breaks across lines`, async ({ page }) => {
    const errors = collectErrors(page);
    const response = await page.goto(path);
    expect(response?.status()).toBe(200);
    await expect(page.locator('h1')).toHaveCount(1);
    if (isStandardPage(path)) await expect(executableScripts(page)).toHaveCount(0);
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await expectLanguageSwitches(page, path.replace(/^\/en\//, '/'));

    await page.setViewportSize({ width: 320, height: 640 });
    expect(await page.evaluate(() => window.innerWidth)).toBe(320); // reading the sizes below lays the page out again
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(await phoneLinksOnMoreThanOneLine(page)).toEqual([]);
  });
}

test.describe('on a 320 px phone', () => {
  test.use({ viewport: { width: 320, height: 640 } });

  for (const path of ['/varde/', '/en/varde/']) {
    test(`${path}: Varde’s Kort fortalt gives the number to call as one tap-to-call link on one line`, async ({ page }) => {
      await page.goto(path);
      const link = page.locator('.kort-fortalt a[href="tel:+4579946800"]');
      await expect(link).toHaveText('79 94 68 00');
      const box = (await link.boundingBox())!;
      const lineHeight = await link.evaluate((a) => parseFloat(getComputedStyle(a).lineHeight));
      expect(box.height).toBeLessThan(lineHeight * 1.5);
      expect(await phoneLinksOnMoreThanOneLine(page)).toEqual([]);
    });
  }

  for (const path of ['/frederikssund/kontakt/', '/en/frederikssund/kontakt/']) {
    test(`${path}: the numbers in “Sådan kan du søge skriftligt” are tap-to-call links on one line each`, async ({ page }) => {
      await page.goto(path);
      const howToApply = page.locator('#ansoegning-gaar-til').locator('..');
      await expect(howToApply.locator('a[href="tel:+4570222210"]').first()).toHaveText('70 22 22 10');
      await expect(howToApply.locator('a[href="tel:+4547351164"]').first()).toHaveText('47 35 11 64');
      expect(await phoneLinksOnMoreThanOneLine(page)).toEqual([]);
    });
  }

  for (const path of ['/frederikssund/', '/en/frederikssund/']) {
    test(`${path}: in the text of a standard, the units’ own numbers are tap-to-call links on one line`, async ({ page }) => {
      await page.goto(path);
      // "Hvem skal jeg kontakte?" in the standard's own text (rehype-unit-phone-links.ts), not only Kort fortalt.
      const section = page.locator('#hvem-skal-jeg-kontakte').locator('xpath=following-sibling::*');
      await expect(section.locator('a[href="tel:+4570222210"]').first()).toHaveText('70 22 22 10');
      await expect(section.locator('a[href="tel:+4547351164"]').first()).toHaveText('47 35 11 64');
      expect(await phoneLinksOnMoreThanOneLine(page)).toEqual([]);
    });
  }
});

test('in the text of a standard, only the unit’s number becomes a link; other digits stay text (Sønderborg)', async ({ page }) => {
  await page.goto('/sonderborg/');
  // The standard's document number and dates are digits too; only the unit's number becomes a link.
  await expect(page.locator('main a[href^="tel:"]')).not.toHaveCount(0);
  const numbers = await page.locator('main a[href^="tel:"]').evaluateAll((links) => [...new Set(links.map((a) => a.getAttribute('href')))]);
  expect(numbers).toEqual(['tel:+4527904340']);
});
