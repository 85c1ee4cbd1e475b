/**
 * `/sammenlign/`: the service levels of every kommune's standard side by side.
 * (axe, one h1 and reflow at 320 px run for it in pages.spec.ts like every page.)
 */
import { expect, test, type Page } from '@playwright/test';
import { countInWords } from '../../src/lib/number-words.ts';
import { KOMMUNER } from './support/site.ts';
import { kommune } from '../support/kommuner.ts';

/** "fem kommuner", "five municipalities": as many as there are content files. */
const howMany = { da: countInWords(KOMMUNER.length, 'da'), en: countInWords(KOMMUNER.length, 'en') };
const caption = new RegExp(`Socialpædagogisk støtte i ${howMany.da} kommuner`);
const table = (page: Page) => page.getByRole('table', { name: caption });
/** The cell for a topic (row header) and a kommune (its column: the kommuner in the order of their names). */
const cellOf = (page: Page, topic: string, slug: string) =>
  table(page).getByRole('row', { name: new RegExp(`^${topic}`) }).getByRole('cell').nth(KOMMUNER.indexOf(slug));

test('a citizen compares the kommuner: one column each, the standard’s words, and silence said out loud', async ({ page }) => {
  await page.goto('/sammenlign/');
  const headers = table(page).getByRole('columnheader');
  await expect(headers).toHaveText(['Emne', ...KOMMUNER.map((slug) => kommune(slug).shortName)]);

  const processing = cellOf(page, 'Sagsbehandlingstid', 'bronderslev');
  await expect(processing).toContainText('op til 5 uger');
  await expect(processing.getByRole('link', { name: /Kilde/ })).toHaveAttribute('href', '/bronderslev/#sagsbehandlingstid');
  await expect(cellOf(page, 'Sagsbehandlingstid', 'frederikssund')).toContainText('Står ikke i kvalitetsstandarden');
  await expect(cellOf(page, 'Sagsbehandlingstid', 'frederikssund').getByRole('link')).toHaveAttribute('href', '/frederikssund/kontakt/');

  await expect(cellOf(page, 'Aldersgrænse', 'varde')).toContainText('Du skal være over 18 år.');
  await expect(cellOf(page, 'Aldersgrænse', 'bronderslev')).toContainText('Står ikke i kvalitetsstandarden');
  // Where a standard is silent and the law settles it for every kommune, the cell says the law's rule, labelled as law.
  await expect(cellOf(page, 'Aldersgrænse', 'bronderslev')).toContainText('Det siger loven: Socialpædagogisk støtte efter § 85 i serviceloven er hjælp til voksne.');
  await expect(cellOf(page, 'Aldersgrænse', 'varde')).not.toContainText('Det siger loven');
  await expect(cellOf(page, 'Frist for at klage', 'aabenraa')).toContainText('Det siger loven: Kommunen skal have din klage senest 4 uger efter, at du har fået afgørelsen. Det står i retssikkerhedsloven § 67.');
  await expect(cellOf(page, 'Frist for at klage', 'varde')).toContainText('Du kan klage inden 4 uger fra den dag, du fik afgørelsen.');
  await expect(cellOf(page, 'Hvornår kommunen kontakter dig', 'varde')).toContainText('senest 4 uger');
  await expect(cellOf(page, 'Det betaler du selv', 'frederikssund')).toContainText('transport');

  await expect(cellOf(page, 'Housing First', 'sonderborg')).toContainText('Ja.');
  await expect(cellOf(page, 'Frit valg af leverandør', 'bronderslev')).toContainText('Nej.');
  await expect(cellOf(page, 'Enhed for unge', 'bronderslev')).toContainText('UngeCentret: under 30 år. Sådan forstår vi kvalitetsstandarden: ikke hvis du får førtidspension.');
  await expect(cellOf(page, 'Enhed for unge', 'frederikssund')).toContainText('Ungekontakten: 15–29 år.');
  await expect(cellOf(page, 'Kvalitetsstandarden er godkendt', 'aabenraa')).toContainText('4. juni 2025');
  await expect(cellOf(page, 'Kvalitetsstandarden er godkendt', 'varde')).toContainText('ingen dato i dokumentet');
});

test('every "Kilde" link leads to a section that exists on the kommune’s page', async ({ page }) => {
  await page.goto('/sammenlign/');
  const hrefs = await table(page).getByRole('link', { name: /^Kilde/ }).evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
  expect(hrefs.length).toBeGreaterThan(40);
  const byPage = new Map<string, Set<string>>();
  for (const href of hrefs) {
    const [path, id] = href.split('#') as [string, string];
    byPage.set(path, (byPage.get(path) ?? new Set()).add(id));
  }
  for (const [path, ids] of byPage) {
    await page.goto(path);
    for (const id of ids) await expect(page.locator(`[id="${id}"]`), `${path}#${id}`).toHaveCount(1);
  }
});

test('at 320 px the table scrolls in its own labelled region, also with the keyboard', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto('/sammenlign/');
  const region = page.getByRole('region', { name: caption });
  const widths = await region.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
  expect(widths.scroll).toBeGreaterThan(widths.client);
  await region.focus();
  await expect(region).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => region.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
  // The topic column stays at the left edge while the kommune columns scroll under it.
  const topic = await table(page).getByRole('rowheader', { name: 'Sagsbehandlingstid' }).boundingBox();
  const box = await region.boundingBox();
  expect(Math.abs(topic!.x - box!.x)).toBeLessThanOrEqual(2);
});

test('printed, the whole table fits the page and the links are left out', async ({ page }) => {
  await page.setViewportSize({ width: 1050, height: 700 });
  await page.emulateMedia({ media: 'print' });
  await page.goto('/sammenlign/');
  const region = page.getByRole('region', { name: caption });
  const widths = await region.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
  expect(widths.scroll).toBeLessThanOrEqual(widths.client);
  await expect(table(page).getByRole('link', { name: /^Kilde/ }).first()).toBeHidden();
});

test('in English the labels are English and the standards’ words are marked as Danish', async ({ page }) => {
  await page.goto('/en/sammenlign/');
  const t = page.getByRole('table', { name: new RegExp(`Socio-educational support in ${howMany.en} municipalities`) });
  await expect(t.getByRole('rowheader', { name: 'Processing time' })).toBeVisible();
  const processing = (slug: string) => t.getByRole('row', { name: /^Processing time/ }).getByRole('cell').nth(KOMMUNER.indexOf(slug));
  await expect(processing('bronderslev').locator('[lang="da"]')).toHaveText('Sagsbehandlingstiden er op til 5 uger.');
  await expect(processing('frederikssund')).toContainText('Not stated in the quality standard.');
  await expect(processing('bronderslev').getByRole('link', { name: /^Source/ })).toHaveAttribute('href', '/en/bronderslev/#sagsbehandlingstid');
});

test('the front page and every footer lead to the comparison', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: `Sammenlign, hvad de ${howMany.da} kommuner lover` }).click();
  await expect(page).toHaveURL(/\/sammenlign\/$/);
  await page.goto('/varde/kontakt/');
  await expect(page.getByRole('contentinfo').getByRole('link', { name: 'Sammenlign kommunerne' })).toHaveAttribute('href', '/sammenlign/');
});
