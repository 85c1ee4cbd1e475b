/**
 * Nothing moves once it is on the screen (CLS 0, ARCHITECTURE.md): every
 * page type, at a phone's and a desktop's size, loaded until its islands have
 * mounted (`data-mounted="true"`), its plain scripts have written what they
 * write (the phone status, the search's scope) and its fonts are loaded; then
 * the sum of Chromium's `layout-shift` entries (those not caused by input) is
 * 0. The entries are collected from the very start of the page (an init
 * script, `buffered: true`) and read after two more frames, so a shift caused
 * by the last change is counted too.
 */
import { expect, test, type Page } from '@playwright/test';

/** A UTC instant for a Danish wall-clock time (winter, UTC+1). */
const dk = (local: string) => new Date(`${local}:00+01:00`);

const PAGES: { name: string; path: string; at?: Date }[] = [
  { name: 'front page', path: '/' },
  { name: 'standard', path: '/bronderslev/' },
  { name: 'English standard', path: '/en/bronderslev/' },
  // The phone status is written in the browser: a short line, and the longest there is (two lines on a phone).
  { name: 'contact (open: a short status)', path: '/sonderborg/kontakt/', at: dk('2026-11-23T08:30') },
  { name: 'contact (24 December: the longest status)', path: '/bronderslev/kontakt/', at: dk('2026-12-24T09:00') },
  { name: 'questionnaire', path: '/bronderslev/kan-jeg-faa-stoette/' },
  { name: 'application form', path: '/bronderslev/ansoeg/' },
  { name: 'compare', path: '/sammenlign/' },
  { name: 'search', path: '/soeg/' },
];

const VIEWPORTS = {
  phone: { width: 390, height: 844 },
  desktop: { width: 1280, height: 900 },
};

interface Shift {
  value: number;
  sources: string[];
}

declare global {
  interface Window {
    __layoutShifts: Shift[];
    __layoutShiftObserver: PerformanceObserver;
  }
}

/** Collects every layout shift from the start of the page, with the elements that moved. */
async function observeShifts(page: Page) {
  await page.addInitScript(() => {
    type LayoutShift = PerformanceEntry & { value: number; hadRecentInput: boolean; sources: { node: Node | null }[] };
    const describe = (node: Node | null) => {
      if (!(node instanceof Element)) return node?.nodeName ?? '?';
      return `${node.tagName.toLowerCase()}${node.id ? `#${node.id}` : ''}${node.classList.length ? `.${[...node.classList].join('.')}` : ''}`;
    };
    window.__layoutShifts = [];
    const record = (entries: PerformanceEntryList) => {
      for (const entry of entries as LayoutShift[]) {
        if (entry.hadRecentInput) continue;
        window.__layoutShifts.push({ value: entry.value, sources: entry.sources.map((s) => describe(s.node)) });
      }
    };
    window.__layoutShiftObserver = new PerformanceObserver((list) => record(list.getEntries()));
    window.__layoutShiftObserver.observe({ type: 'layout-shift', buffered: true });
    // Flushed by the test before it reads: entries queued but not yet delivered.
    (window as unknown as { __flushShifts: () => void }).__flushShifts = () => record(window.__layoutShiftObserver.takeRecords());
  });
}

/** Waits until the page has done what it does on load: islands mounted, scripts' texts written, fonts loaded. */
async function settle(page: Page) {
  await page.waitForFunction(() => [...document.querySelectorAll<HTMLElement>('[data-island]')].every((el) => el.dataset.mounted === 'true'));
  // The phone status (phone-status.ts) and the search (search.ts) are plain scripts: they have run when their text is there.
  await page.waitForFunction(() => [...document.querySelectorAll<HTMLElement>('[data-phone-status]')].every((el) => (el.textContent ?? '').trim() !== ''));
  await page.waitForFunction(() => {
    const status = document.querySelector<HTMLElement>('[data-search-status]');
    return !status || document.querySelector<HTMLElement>('[data-search-scope]')?.dataset.pending === undefined;
  });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  // Two frames after the last change: its shift, if any, has been rendered and queued.
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
}

for (const [viewportName, viewport] of Object.entries(VIEWPORTS)) {
  test.describe(`${viewportName} (${viewport.width}×${viewport.height})`, () => {
    test.use({ viewport });
    for (const p of PAGES) {
      test(`${p.name}: nothing shifts while it loads`, async ({ page }) => {
        if (p.at) await page.clock.setFixedTime(p.at);
        await observeShifts(page);
        await page.goto(p.path);
        await settle(page);
        const shifts = await page.evaluate(() => {
          (window as unknown as { __flushShifts: () => void }).__flushShifts();
          return window.__layoutShifts;
        });
        const total = shifts.reduce((sum, s) => sum + s.value, 0);
        expect(total, `layout shifts on ${p.path}: ${JSON.stringify(shifts)}`).toBe(0);
      });
    }
  });
}
