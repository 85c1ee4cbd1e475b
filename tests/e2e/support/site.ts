/**
 * What the e2e suite visits: every HTML page the build produced (so a new
 * page is tested for free), axe configured for WCAG 2.0–2.2 A and AA, and how a page prints.
 */
import { execFileSync } from 'node:child_process';
import { AxeBuilder } from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';
import { kommuneSlugs } from '../../support/kommuner.ts';

export { builtPages, clientDir } from '../../support/built-pages.ts';

/** Scripts the browser runs: every <script> but JSON-LD data blocks. */
export const executableScripts = (page: Page): Locator => page.locator('script:not([type="application/ld+json"])');

/** Every kommune's slug, from the content files (content/kommuner/). */
export const KOMMUNER: readonly string[] = kommuneSlugs;

/** `/bronderslev/` and `/en/bronderslev/`: the standard pages, which ship no JavaScript. */
export const isStandardPage = (path: string) => KOMMUNER.some((k) => path === `/${k}/` || path === `/en/${k}/`);

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * axe's violations on the page, or only in `include` (a selector): a state
 * that changed one part of a page already scanned whole (an island's next
 * step, a result in place of the questions) is scanned where it changed.
 * Each page state is scanned once, in one test: every built page in
 * pages.spec.ts, each state a journey reaches in the spec that owns it.
 */
export async function axeViolations(page: Page, include?: string) {
  const builder = new AxeBuilder({ page }).withTags(AXE_TAGS);
  if (include) builder.include(include);
  const results = await builder.analyze();
  return results.violations.map((v) => ({
    id: v.id,
    help: v.help,
    targets: v.nodes.map((n) => n.target.join(' ')).slice(0, 5),
  }));
}

/** Collects console errors and uncaught exceptions for a page. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

/**
 * The page as Chromium prints it (its PDF, A4): every font in the PDF is the site's own (IBM Plex Sans, not the
 * serif DKFDS prints in), and — with print media — `wide` spans the printed column, `gone` is not printed.
 * Font names stand uncompressed in the PDF's font dictionaries; `onFirstPage` (text the first printed page
 * must hold, so a long table does not jump to page 2 and leave page 1 empty) is read with poppler's pdftotext.
 */
export async function expectPrintedInOneColumn(page: Page, { wide, gone, onFirstPage }: { wide: string; gone: string[]; onFirstPage?: string }) {
  const printed = await page.pdf({ format: 'A4' });
  if (onFirstPage !== undefined) {
    const firstPage = execFileSync('pdftotext', ['-f', '1', '-l', '1', '-', '-'], { input: printed }).toString('utf8');
    expect(firstPage.replace(/\s+/g, ' ')).toContain(onFirstPage);
  }
  const pdf = printed.toString('latin1');
  const fonts = [...pdf.matchAll(/\/BaseFont\s*\/(?:[A-Z]{6}\+)?([\w-]+)/g)].map((m) => m[1]);
  expect(fonts.length).toBeGreaterThan(0);
  expect(fonts.filter((font) => !font!.startsWith('IBMPlexSans'))).toEqual([]);
  await page.emulateMedia({ media: 'print' });
  for (const selector of gone) await expect(page.locator(selector).first()).toBeHidden();
  const width = (selector: string) => page.locator(selector).first().evaluate((el) => el.getBoundingClientRect().width);
  expect(await width(wide)).toBeGreaterThan(0.9 * (await width('main')));
  await page.emulateMedia({ media: 'screen' });
}

/**
 * The language switches of a page, in the header and in the footer: two navigation landmarks with names of
 * their own, each linking to the page (`path`, without `/en`) in each language, `query` kept, every link
 * named in its own language with lang and hreflang, the page's own language marked current.
 */
export async function expectLanguageSwitches(page: Page, path: string, query = '') {
  const english = (await page.locator('html').getAttribute('lang')) === 'en';
  const names = english ? { header: 'Language', footer: 'Language, bottom of the page' } : { header: 'Sprog', footer: 'Sprog, nederst på siden' };
  for (const [landmark, name] of [['banner', names.header], ['contentinfo', names.footer]] as const) {
    const nav = page.getByRole(landmark).getByRole('navigation', { name, exact: true });
    await expect(nav.getByRole('link')).toHaveCount(2);
    for (const [lang, text, href] of [['da', 'Dansk', path], ['en', 'English', `/en${path}`]] as const) {
      const link = nav.getByRole('link', { name: text, exact: true });
      await expect(link).toHaveAttribute('href', `${href}${query}`);
      await expect(link).toHaveAttribute('lang', lang);
      await expect(link).toHaveAttribute('hreflang', lang);
      if ((lang === 'en') === english) await expect(link).toHaveAttribute('aria-current', 'true');
      else await expect(link).not.toHaveAttribute('aria-current');
    }
  }
}
