/**
 * Search: the Pagefind index built after `astro build`, the island on /soeg/
 * under the real CSP (console errors include CSP violations), the field in
 * every header, and the page without JavaScript.
 */
import { expect, test, type Page } from '@playwright/test';
import { axeViolations, collectErrors, executableScripts } from './support/site.ts';

/** The result links (page titles) once the search has answered. */
async function search(page: Page, path: string) {
  await page.goto(path);
  await expect(page.getByRole('status')).toHaveText(/passer til|match/);
  return page.locator('.search-results__list h3 a');
}
const hrefs = (links: import('@playwright/test').Locator) => links.evaluateAll((as) => as.map((a) => a.getAttribute('href')));

test('searching "UngeCentret" finds Brønderslev’s contact page and standard, without a console or CSP error', async ({ page }) => {
  const errors = collectErrors(page);
  const results = await search(page, '/soeg/?q=UngeCentret');
  expect(await hrefs(results)).toEqual(expect.arrayContaining(['/bronderslev/kontakt/', '/bronderslev/']));
  await expect(page.getByRole('searchbox', { name: /Søg i alle kommunernes/ })).toHaveValue('UngeCentret');
  expect(errors).toEqual([]);
});

test('searching "Housing First" finds Sønderborg’s standard and the section about it', async ({ page }) => {
  const results = await search(page, '/soeg/?q=Housing%20First');
  expect(await hrefs(results)).toContain('/sonderborg/');
  await expect(page.locator('.search-results__list mark').first()).toHaveText(/housing|first/i);
  const section = page.locator('.search-results__list a[href="/sonderborg/#hvis-du-er-hjemloes"]');
  await expect(section).toBeVisible();
});

test('the Danish search finds only Danish pages, the English search only English ones', async ({ page }) => {
  const da = await hrefs(await search(page, '/soeg/?q=UngeCentret'));
  expect(da.every((h) => !h!.startsWith('/en/'))).toBe(true);
  const en = await hrefs(await search(page, '/en/soeg/?q=UngeCentret'));
  expect(en).toContain('/en/bronderslev/kontakt/');
  expect(en.every((h) => h!.startsWith('/en/'))).toBe(true);
  const housingFirst = await hrefs(await search(page, '/en/soeg/?q=Housing%20First'));
  expect(housingFirst).toContain('/en/sammenlign/');
});

/** The text Pagefind indexed for `url`, from the index of the search page's language. */
async function indexedText(page: Page, searchPage: string, query: string, url: string): Promise<string> {
  await page.goto(searchPage);
  return page.evaluate(
    async ([q, u]) => {
      const bundle = '/pagefind/pagefind.js';
      const pagefind = await import(/* @vite-ignore */ bundle);
      const { results } = await pagefind.search(q);
      for (const r of results) {
        const data = await r.data();
        if (data.url === u) return data.content as string;
      }
      return '';
    },
    [query, url],
  );
}

test('the standards’ Danish text is indexed on the Danish pages only; the English page says where to search it', async ({ page }) => {
  // Brønderslev's standard text lists "Samtaleterapi" among what the support does not include.
  const danish = await indexedText(page, '/soeg/', 'UngeCentret', '/bronderslev/');
  expect(danish).toContain('Samtaleterapi');
  const english = await indexedText(page, '/en/soeg/', 'UngeCentret', '/en/bronderslev/');
  expect(english).toContain('Socio-educational support in Brønderslev Kommune');
  expect(english).toContain('UngeCentret');
  expect(english).not.toContain('Samtaleterapi');
  expect(english).not.toContain('Er du under 30 år, ringer du til UngeCentret');

  await search(page, '/en/soeg/?q=samtaleterapi');
  await page.getByRole('link', { name: 'Search the Danish pages for “samtaleterapi”' }).click();
  await expect(page).toHaveURL(/\/soeg\/\?q=samtaleterapi$/);
  await expect(page.locator('.search-results__list a[href="/bronderslev/"]')).toBeVisible();
});

test('the search field in the header of any page leads to the results', async ({ page }) => {
  await page.goto('/varde/');
  const header = page.getByRole('search', { name: 'Søg på Støtteportalen' });
  await header.getByRole('searchbox').fill('klage');
  await header.getByRole('button', { name: 'Søg' }).click();
  await expect(page).toHaveURL(/\/soeg\/\?q=klage$/);
  await expect(page.getByRole('status')).toHaveText(/^\d+ sider passer til „klage“\.$/);
});

test('a new search on the search page updates the address, and Back shows the previous results', async ({ page }) => {
  await search(page, '/soeg/?q=UngeCentret');
  const field = page.getByRole('searchbox', { name: /Søg i alle kommunernes/ });
  await field.fill('Housing First');
  await field.press('Enter');
  await expect(page).toHaveURL(/\?q=Housing%20First$/);
  await expect(page.getByRole('status')).toContainText('„Housing First“');
  await page.goBack();
  await expect(page.getByRole('status')).toContainText('„UngeCentret“');
  await expect(field).toHaveValue('UngeCentret');
});

test('the search page with results has no axe violations, in both languages', async ({ page }) => {
  await search(page, '/soeg/?q=Housing%20First');
  expect(await axeViolations(page)).toEqual([]);
  await search(page, '/en/soeg/?q=UngeCentret');
  expect(await axeViolations(page)).toEqual([]);
});

test('without JavaScript, searching from the header lists every kommune’s pages instead', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/bronderslev/');
  await page.getByRole('search', { name: 'Søg på Støtteportalen' }).getByRole('searchbox').fill('klage');
  await page.getByRole('search', { name: 'Søg på Støtteportalen' }).getByRole('button', { name: 'Søg' }).click();
  await expect(page).toHaveURL(/\/soeg\/\?q=klage$/);
  await expect(page.getByText('Søgningen kræver JavaScript.')).toBeVisible();
  const all = page.getByRole('region', { name: 'Alle sider' });
  for (const k of ['bronderslev', 'frederikssund', 'sonderborg', 'varde', 'aabenraa']) {
    await expect(all.locator(`a[href="/${k}/"]`)).toHaveCount(1);
    await expect(all.locator(`a[href="/${k}/kontakt/"]`)).toHaveCount(1);
  }
  await context.close();
});

test('the header search adds no JavaScript: the front, compare and statement pages ship none', async ({ page }) => {
  for (const path of ['/', '/en/', '/sammenlign/', '/en/sammenlign/', '/tilgaengelighed/', '/privatliv/']) {
    await page.goto(path);
    await expect(executableScripts(page), path).toHaveCount(0);
  }
});
