/**
 * Search: the Pagefind index built after `astro build`, the island on /soeg/
 * under the real CSP (console errors include CSP violations), the field in
 * every header, and the page without JavaScript.
 */
import { expect, test, type Page } from '@playwright/test';
import { KOMMUNER, axeViolations, collectErrors, executableScripts } from './support/site.ts';
import { withoutSiteScripts } from './support/no-js.ts';

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
  await expect(page.getByRole('searchbox', { name: /Søg i kommunernes/ })).toHaveValue('UngeCentret');
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
  // Kort fortalt in English is English text: the English index has it.
  expect(english).toContain('If you are under 30, you call UngeCentret on 9945 4705.');

  await search(page, '/en/soeg/?q=samtaleterapi');
  await page.getByRole('link', { name: 'Search the Danish pages for “samtaleterapi”' }).click();
  await expect(page).toHaveURL(/\/soeg\/\?q=samtaleterapi$/);
  await expect(page.locator('.search-results__list a[href="/bronderslev/"]')).toBeVisible();
});

test('the search field in the header of a page about no kommune searches all of them', async ({ page }) => {
  await page.goto('/sammenlign/');
  const header = page.getByRole('search', { name: 'Søg på Støtteportalen' });
  await header.getByRole('searchbox').fill('klage');
  await header.getByRole('button', { name: 'Søg' }).click();
  await expect(page).toHaveURL(/\/soeg\/\?q=klage$/);
  await expect(page.getByRole('status')).toHaveText(/^\d+ sider passer til „klage“\.$/);
});

test('a new search on the search page updates the address, and Back shows the previous results', async ({ page }) => {
  await search(page, '/soeg/?q=UngeCentret');
  const field = page.getByRole('searchbox', { name: /Søg i kommunernes/ });
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

test('without JavaScript, searching from Brønderslev’s header lists Brønderslev’s pages first, then every kommune’s', async ({ browser }) => {
  const context = await withoutSiteScripts(browser);
  const page = await context.newPage();
  await page.goto('/bronderslev/');
  await page.getByRole('search', { name: 'Søg på Støtteportalen' }).getByRole('searchbox', { name: 'Søg på siderne om Brønderslev Kommune' }).fill('klage');
  await page.getByRole('search', { name: 'Søg på Støtteportalen' }).getByRole('button', { name: 'Søg' }).click();
  await expect(page).toHaveURL(/\/soeg\/\?q=klage&kommune=bronderslev#sider-bronderslev$/);
  await expect(page.getByText('Søgningen kræver JavaScript.')).toBeVisible();
  const own = page.getByRole('region', { name: 'Siderne om Brønderslev Kommune' });
  await expect(own.getByRole('link')).toHaveText(['Kvalitetsstandarden', 'Klagefrist: hvornår skal du klage?', 'Telefon og telefontid', /^Kan jeg få støtte\?/, 'Søg om støtte på nettet']);
  await expect(own.locator('a[href="/bronderslev/kontakt/"]')).toBeVisible();
  // "Klage" without JavaScript still leads to the complaint deadline, one link away.
  await own.getByRole('link', { name: 'Klagefrist: hvornår skal du klage?' }).click();
  await expect(page).toHaveURL('/bronderslev/#klagefrist');
  await expect(page.locator('section.complaint-deadline')).toContainText('Det siger loven: Kommunen skal have din klage senest 4 uger efter');
  await page.goBack();
  // First: before the list of all pages, and only Brønderslev's block; the page stays at its top (h1, field, message).
  const headings = await page.locator('.search-all-pages h2').evaluateAll((hs) => hs.filter((h) => h.getClientRects().length).map((h) => h.textContent));
  expect(headings).toEqual(['Siderne om Brønderslev Kommune', 'Alle sider']);
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  const all = page.getByRole('region', { name: 'Alle sider' });
  for (const k of KOMMUNER) {
    await expect(all.locator(`a[href="/${k}/"]`)).toHaveCount(1);
    await expect(all.locator(`a[href="/${k}/kontakt/"]`)).toHaveCount(1);
  }
  expect(await axeViolations(page)).toEqual([]);
  await page.goto('/soeg/?q=klage');
  await expect(page.locator('.search-kommune-pages:visible')).toHaveCount(0);
  await context.close();
});

test('a citizen on Sønderborg’s page searches “klage”: only Sønderborg’s pages, and one link widens the search to every kommune and back', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('/sonderborg/');
  const header = page.getByRole('search', { name: 'Søg på Støtteportalen' });
  await header.getByRole('searchbox', { name: 'Søg på siderne om Sønderborg Kommune' }).fill('klage');
  await header.getByRole('button', { name: 'Søg' }).click();
  await expect(page).toHaveURL(/\/soeg\/\?q=klage&kommune=sonderborg#sider-sonderborg$/);
  const status = page.getByRole('status');
  await expect(status).toHaveText(/^\d+ sider? om Sønderborg Kommune passer til „klage“\.$/);
  const results = page.locator('.search-results__list h3 a');
  const own = await hrefs(results);
  expect(own).toContain('/sonderborg/');
  expect(own.every((h) => h!.startsWith('/sonderborg/'))).toBe(true);
  await expect(page.getByLabel('Hvilken kommune?')).toHaveValue('sonderborg');
  // The pages listed for people without JavaScript are not shown twice.
  await expect(page.locator('.search-kommune-pages:visible')).toHaveCount(0);
  expect(await axeViolations(page)).toEqual([]);

  const widen = page.getByRole('link', { name: 'Søg efter „klage“ i alle kommuner i stedet' });
  await widen.click();
  await expect(page).toHaveURL(/\/soeg\/\?q=klage$/);
  await expect(status).toHaveText(/^\d+ sider passer til „klage“\.$/);
  expect(await hrefs(results)).toEqual(expect.arrayContaining(['/sonderborg/', '/bronderslev/', '/varde/', '/aabenraa/', '/frederikssund/']));
  await expect(page.getByLabel('Hvilken kommune?')).toHaveValue('');
  // The same link now narrows again, and keeps the keyboard focus.
  const narrow = page.getByRole('link', { name: 'Søg kun efter „klage“ på siderne om Sønderborg Kommune' });
  await expect(narrow).toBeFocused();
  await narrow.press('Enter');
  await expect(status).toHaveText(/om Sønderborg Kommune passer til „klage“/);
  expect(await hrefs(results)).toEqual(own);
  await page.goBack();
  await expect(status).toHaveText(/^\d+ sider passer til „klage“\.$/);
  expect(errors).toEqual([]);
});

test('the widen link does what it says even when the form was changed but not sent', async ({ page }) => {
  await search(page, '/soeg/?q=klage&kommune=sonderborg');
  await expect(page.getByRole('status')).toHaveText(/om Sønderborg Kommune passer til „klage“/);
  // The citizen starts to change the form, then uses the link instead.
  await page.getByLabel('Hvilken kommune?').selectOption({ label: 'Alle kommuner' });
  await page.getByRole('searchbox').last().fill('bisidder');
  await page.getByRole('link', { name: 'Søg efter „klage“ i alle kommuner i stedet' }).click();
  await expect(page).toHaveURL(/\/soeg\/\?q=klage$/);
  await expect(page.getByRole('status')).toHaveText(/^\d+ sider passer til „klage“\.$/);
});

test('on the search page a citizen chooses which kommune’s pages to search', async ({ page }) => {
  await search(page, '/soeg/?q=klage');
  await page.getByLabel('Hvilken kommune?').selectOption({ label: 'Varde Kommune' });
  await page.getByRole('button', { name: 'Søg', exact: true }).last().click();
  await expect(page).toHaveURL(/\?q=klage&kommune=varde$/);
  await expect(page.getByRole('status')).toHaveText(/om Varde Kommune passer til „klage“/);
  const found = await hrefs(page.locator('.search-results__list h3 a'));
  expect(found).toContain('/varde/');
  expect(found.every((h) => h!.startsWith('/varde/'))).toBe(true);
  // A kommune that is not one of the five searches all of them rather than nothing.
  await search(page, '/soeg/?q=klage&kommune=atlantis');
  await expect(page.getByRole('status')).toHaveText(/^\d+ sider passer til „klage“\.$/);
});

test('the English search keeps to the kommune too, and its link to the Danish pages keeps it', async ({ page }) => {
  await page.goto('/en/bronderslev/');
  const header = page.getByRole('search', { name: 'Search Støtteportalen' });
  await header.getByRole('searchbox').fill('UngeCentret');
  await header.getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL(/\/en\/soeg\/\?q=UngeCentret&kommune=bronderslev#sider-bronderslev$/);
  await expect(page.getByRole('status')).toHaveText(/pages? about Brønderslev Kommune match/);
  const found = await hrefs(page.locator('.search-results__list h3 a'));
  expect(found).toContain('/en/bronderslev/kontakt/');
  expect(found.every((h) => h!.startsWith('/en/bronderslev/'))).toBe(true);
  await expect(page.getByRole('link', { name: 'Search the Danish pages for “UngeCentret”' })).toHaveAttribute('href', '/soeg/?q=UngeCentret&kommune=bronderslev');
});

test('a method name finds the kommune that offers it before the compare page, whose excerpt is not “Står ikke i kvalitetsstandarden”', async ({ page }) => {
  for (const [query, standard] of [['Housing First', '/sonderborg/'], ['CTI', '/bronderslev/'], ['straksforløb', '/sonderborg/']] as const) {
    const found = await hrefs(await search(page, `/soeg/?q=${encodeURIComponent(query)}`));
    expect(found[0], query).toBe(standard);
    expect(found, `${query}: the compare page is still found`).toContain('/sammenlign/');
    const excerpt = page.locator('.search-results__list > li', { has: page.locator('h3 a[href="/sammenlign/"]') }).locator('p').first();
    await expect(excerpt, query).not.toContainText('Står ikke i kvalitetsstandarden');
  }
});

test('the header search adds no JavaScript: the front, compare and statement pages ship none', async ({ page }) => {
  for (const path of ['/', '/en/', '/sammenlign/', '/en/sammenlign/', '/tilgaengelighed/', '/privatliv/']) {
    await page.goto(path);
    await expect(executableScripts(page), path).toHaveCount(0);
  }
});

/**
 * "When must I complain?" from a kommune's pages: the first result is the kommune's standard, its first section is
 * the complaint deadline, and following it shows the deadline — the standard's where it gives one, and always the
 * law's (retssikkerhedsloven § 67), labelled as law.
 */
for (const [slug, query, standardSays] of [
  ['frederikssund', 'klagefrist', 'Kvalitetsstandarden siger ikke, hvor lang tid du har til at klage.'],
  ['aabenraa', 'klage', 'Kvalitetsstandarden siger ikke, hvor lang tid du har til at klage.'],
  ['bronderslev', 'klage', 'I afsnittet „Klager“ siger kvalitetsstandarden: „skal vi have modtaget din klage indenfor 4 uger“'],
] as const) {
  test(`a citizen on ${slug}’s page searches “${query}” and is led first to the kommune’s complaint deadline`, async ({ page }) => {
    await page.goto(`/${slug}/`);
    const header = page.getByRole('search', { name: 'Søg på Støtteportalen' });
    await header.getByRole('searchbox').fill(query);
    await header.getByRole('button', { name: 'Søg' }).click();
    await expect(page.getByRole('status')).toHaveText(/passer til/);
    const first = page.locator('.search-results__list > li').first();
    await expect(first.locator('h3 a')).toHaveAttribute('href', `/${slug}/`);
    const section = first.locator('ul a').first();
    await expect(section).toHaveText('Klagefrist');
    await section.click();
    await expect(page).toHaveURL(`/${slug}/#klagefrist`);
    const deadline = page.locator('section.complaint-deadline');
    await expect(deadline).toContainText(standardSays);
    await expect(deadline).toContainText(
      'Det siger loven: Kommunen skal have din klage senest 4 uger efter, at du har fået afgørelsen. Det står i retssikkerhedsloven § 67.',
    );
    await expect(page.locator('#klagefrist')).toBeInViewport();
  });
}
