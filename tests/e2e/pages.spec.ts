import { expect, test } from '@playwright/test';
import { axeViolations, builtPages, collectErrors, executableScripts, isStandardPage } from './support/site.ts';

test('the build produced the front page and every kommune page in Danish and English', () => {
  for (const k of ['bronderslev', 'frederikssund', 'sonderborg', 'varde', 'aabenraa']) {
    for (const path of [`/${k}/`, `/${k}/kontakt/`, `/en/${k}/`, `/en/${k}/kontakt/`]) {
      expect(builtPages).toContain(path);
    }
  }
  expect(builtPages).toEqual(expect.arrayContaining(['/', '/en/', '/tilgaengelighed/', '/privatliv/']));
});

for (const path of builtPages) {
  test.describe(`page ${path}`, () => {
    test('answers 200 with one h1, no console error and no axe violation', async ({ page }) => {
      const errors = collectErrors(page);
      const response = await page.goto(path);
      expect(response?.status()).toBe(200);
      await expect(page.locator('h1')).toHaveCount(1);
      expect(await axeViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
    });

    test('reflows at 320 px without sideways scrolling', async ({ page }) => {
      await page.setViewportSize({ width: 320, height: 640 });
      await page.goto(path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
    });

    if (isStandardPage(path)) {
      test('ships no JavaScript (JSON-LD data is not executed)', async ({ page }) => {
        await page.goto(path);
        await expect(executableScripts(page)).toHaveCount(0);
      });
    }
  });
}
