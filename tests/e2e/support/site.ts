/**
 * What the e2e suite visits: every HTML page the build produced (so a new
 * page is tested for free), and axe configured for WCAG 2.0–2.2 A and AA.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
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
