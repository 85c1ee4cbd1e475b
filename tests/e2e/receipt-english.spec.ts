/**
 * The English receipt: what happens next in English for every kommune in
 * content/ (each text the receipt shows from the kommune's data in the
 * content file's English, `textEn`, with its Danish under it and a line that
 * the Danish standard counts; the dates it counts in English), and the
 * language switch in its header, which keeps the receipt's reference.
 */
import { expect, test, type Page } from '@playwright/test';
import { KOMMUNER, axeViolations, expectLanguageSwitches } from './support/site.ts';
import { danishWithoutLang } from './support/language-of-parts.ts';
import { clientAddress, validBody } from '../support/applications.ts';
import { kommune } from '../support/kommuner.ts';
import { RECEIPT_NEXT_FACTS, factOf, outsideDeadlineOf, receiptTexts } from '../../src/domain/facts.ts';

test.use({ extraHTTPHeaders: { 'X-Forwarded-For': clientAddress() } });

/** A stored application's receipt in `lang`: its path (with the reference) and when it was received. */
async function openReceipt(page: Page, slug: string, prefix: '' | '/en') {
  const answer = await (await page.request.post('/api/ansoegninger', { data: validBody(slug) })).json();
  const query = `?reference=${answer.reference}`;
  await page.goto(`${prefix}/${slug}/ansoeg/kvittering/${query}`);
  await expect(page.locator('.receipt-reference')).toHaveText(answer.reference);
  return { query, receivedAt: new Date(answer.receivedAt as string) };
}

/** "7 January 2027": the Danish date of `received`, `weeks` weeks on, counted on a calendar, in English. */
function dayInEnglish(received: Date, weeks: number) {
  const [y, m, d] = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen' }).format(received).split('-').map(Number);
  return new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(Date.UTC(y!, m! - 1, d! + weeks * 7)));
}

const plain = (text: string) => text.replace(/<\/?da>/g, '');

for (const slug of KOMMUNER) {
  test(`${slug}: the English receipt says what happens next in English, with the Danish it is translated from, and English dates`, async ({ page }) => {
    const k = kommune(slug);
    const texts = receiptTexts(k);
    const { receivedAt } = await openReceipt(page, slug, '/en');
    const next = page.locator('.next-steps');

    // Every text the receipt shows from the kommune's data has its English in the content file, shown as such …
    for (const text of texts) {
      expect(text.textEn, `content/kommuner/${slug}.mdx: textEn of "${text.text}"`).toBeDefined();
      const point = next.locator('dd').filter({ hasText: plain(text.textEn!) });
      await expect(point).toHaveCount(1);
      // … with the Danish under it, labelled and marked Danish.
      await expect(point.locator('.in-danish')).toHaveText(`In Danish: ${text.text}`);
      await expect(point.locator('.in-danish > [lang="da"]')).toHaveText(text.text);
    }
    // No other point of the kommune's is left in Danish, and none is shown twice.
    await expect(next.locator('.in-danish')).toHaveCount(texts.length);
    await expect(next.getByRole('heading', { level: 3 }).first()).toHaveText(`How we read the quality standard for ${k.name}`);

    // Said once: our translation, and the Danish standard counts, with a link to it in Danish.
    const note = next.locator('.translation-note');
    if (texts.length > 0) {
      await expect(note).toHaveText('We have translated the municipality’s points into English. The Danish text is under each point. The Danish quality standard is what counts: read it in Danish.');
      await expect(note.getByRole('link', { name: 'read it in Danish' })).toHaveAttribute('href', `/${slug}/`);
      await expect(note.getByRole('link', { name: 'read it in Danish' })).toHaveAttribute('hreflang', 'da');
    } else {
      // A standard that gives none of the receipt's facts (Frederikssund): nothing translated, nothing to say so.
      await expect(note).toHaveCount(0);
      await expect(next).toContainText('Not stated in the quality standard.');
    }

    // The dates counted from the weeks the standard (or another source) gives, in English.
    const weeks = [...RECEIPT_NEXT_FACTS.map((key) => factOf(k, key)?.weeksAfterApplying), outsideDeadlineOf(k)?.processingWeeks].filter((w) => w !== undefined);
    await expect(next.locator('.receipt-date')).toHaveText(weeks.map((w) => `That is, by ${dayInEnglish(receivedAt, w)} at the latest.`));

    expect(await danishWithoutLang(page)).toEqual([]);
    expect(await axeViolations(page, 'main')).toEqual([]);
  });
}

test('the language switch in the receipt’s header keeps the reference, both ways, and works with the keyboard at 320 px', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  const { query } = await openReceipt(page, 'varde', '');
  await expectLanguageSwitches(page, '/varde/ansoeg/kvittering/', query);
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);

  // From the skip link, the keyboard reaches the site's name, the kommune, then the switch's two links; focus shows.
  const english = page.getByRole('banner').getByRole('link', { name: 'English', exact: true });
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Gå til indhold' })).toBeFocused();
  for (const name of ['Støtteportalen', 'Varde Kommune', 'Dansk', 'English']) {
    await page.keyboard.press('Tab');
    await expect(page.getByRole('banner').getByRole('link', { name, exact: true })).toBeFocused();
  }
  const focusRing = await english.evaluate((a) => {
    const style = getComputedStyle(a);
    return { outline: style.outlineStyle, width: parseFloat(style.outlineWidth) };
  });
  expect(focusRing.outline).not.toBe('none');
  expect(focusRing.width).toBeGreaterThan(0);
  await page.keyboard.press('Enter');

  await expect(page).toHaveURL(`/en/varde/ansoeg/kvittering/${query}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('We have received your application');
  await expectLanguageSwitches(page, '/varde/ansoeg/kvittering/', query);
  await page.getByRole('banner').getByRole('link', { name: 'Dansk', exact: true }).click();
  await expect(page).toHaveURL(`/varde/ansoeg/kvittering/${query}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Vi har modtaget din ansøgning');

  // Printed, the header's switch goes with the navigation; the receipt stays.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('banner').getByRole('navigation', { name: 'Sprog', exact: true })).toBeHidden();
  await expect(page.locator('.receipt-reference')).toBeVisible();
});
