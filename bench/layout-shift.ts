/**
 * Layout shift when an island takes over its server-rendered form
 * (docs/islands.md): each page opened in Chromium at a phone's and a
 * desktop's size, the island's module held back 0.4 s (a slow network) so the
 * fallback is laid out and painted first, and the web fonts kept out so their
 * swap is not counted. Once `[data-mounted="true"]` and `document.fonts.ready`,
 * the `layout-shift` entries (buffered) are summed; each should be 0.
 */
import { existsSync } from 'node:fs';
import { chromium } from 'playwright';

export const VIEWPORTS = [
  { name: 'telefon', width: 390, height: 844 },
  { name: 'skrivebord', width: 1350, height: 940 },
] as const;

export interface LayoutShift {
  path: string;
  viewport: string;
  /** The sum of the entries' values. */
  sum: number;
  /** Each entry: its value and the elements that moved. */
  entries: { value: number; sources: string[] }[];
}

export async function layoutShifts(base: string, paths: string[]): Promise<LayoutShift[]> {
  const executablePath = process.env.CHROMIUM_PATH ?? ['/usr/bin/chromium-headless-shell', '/usr/bin/chromium'].find((p) => existsSync(p));
  const browser = await chromium.launch({ executablePath });
  const rows: LayoutShift[] = [];
  try {
    for (const viewport of VIEWPORTS) {
      for (const path of paths) {
        const page = await browser.newPage({ viewport });
        await page.route('**/*.woff2', (route) => route.abort());
        await page.route('**/_astro/*.js', async (route) => {
          await new Promise((resolve) => setTimeout(resolve, 400));
          await route.continue();
        });
        await page.goto(new URL(path, base).href);
        await page.waitForSelector('[data-mounted="true"]');
        const entries = await page.evaluate(async () => {
          await document.fonts.ready;
          // Two frames, so a shift the takeover caused has been laid out and reported.
          await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
          return new Promise<{ value: number; sources: string[] }[]>((resolve) => {
            new PerformanceObserver((list) => {
              resolve(
                list.getEntries().map((e) => {
                  const shift = e as PerformanceEntry & { value: number; sources?: { node?: Node | null }[] };
                  const sources = (shift.sources ?? []).map((s) => (s.node instanceof Element ? `${s.node.localName}${s.node.className ? `.${String(s.node.className).split(' ')[0]}` : ''}` : String(s.node?.nodeName)));
                  return { value: shift.value, sources };
                }),
              );
            }).observe({ type: 'layout-shift', buffered: true });
            // No entry at all: the observer is never called.
            setTimeout(() => resolve([]), 500);
          });
        });
        rows.push({ path, viewport: `${viewport.width}×${viewport.height}`, sum: entries.reduce((n, e) => n + e.value, 0), entries });
        await page.close();
      }
    }
  } finally {
    await browser.close();
  }
  return rows;
}
