/**
 * Lighthouse (mobile, its default: simulated throttling) in Debian's Chromium
 * for every page type a citizen meets: performance, accessibility, best
 * practices, SEO, and the performance metrics behind the score (FCP, LCP,
 * TBT, CLS, Speed Index). One Lighthouse run varies by a few points on a busy
 * machine, so each page is run `runs` times (3 by default) and the report
 * gives the median of each number, beside every run's performance score.
 */
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { existsSync } from 'node:fs';

/** One Lighthouse run of one page. */
export interface LighthouseRun {
  performance: number | null;
  accessibility: number | null;
  bestPractices: number | null;
  seo: number | null;
  /** First Contentful Paint, Largest Contentful Paint, Total Blocking Time, Speed Index: milliseconds. */
  fcpMs: number | null;
  lcpMs: number | null;
  tbtMs: number | null;
  cls: number | null;
  speedIndexMs: number | null;
}

/** A page type's runs and the median of each number over them. */
export interface LighthouseScores extends LighthouseRun {
  type: string;
  path: string;
  runs: LighthouseRun[];
}

const CHROME_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** The middle value (of an even count, the lower of the two middle ones: never better than a run that was measured). */
export function median(values: (number | null)[]): number | null {
  const known = values.filter((v): v is number => v !== null).sort((a, b) => a - b);
  if (!known.length) return null;
  return known[Math.floor((known.length - 1) / 2)]!;
}

/** For a lower-is-better metric, the lower middle value would flatter: the upper one. */
function medianHigh(values: (number | null)[]): number | null {
  const known = values.filter((v): v is number => v !== null).sort((a, b) => a - b);
  if (!known.length) return null;
  return known[Math.ceil((known.length - 1) / 2)]!;
}

export async function lighthouseScores(base: string, pages: { type: string; path: string }[], runs = 3): Promise<LighthouseScores[]> {
  const chromePath = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
  const chrome = await chromeLauncher.launch({ chromePath, chromeFlags: CHROME_FLAGS });
  try {
    const results: LighthouseScores[] = [];
    for (const { type, path } of pages) {
      const all: LighthouseRun[] = [];
      for (let i = 0; i < runs; i++) {
        const result = await lighthouse(new URL(path, base).href, {
          port: chrome.port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
        });
        const c = result?.lhr.categories;
        const a = result?.lhr.audits;
        const score = (key: string) => (c?.[key]?.score == null ? null : Math.round(c[key]!.score! * 100));
        const value = (key: string) => (a?.[key]?.numericValue == null ? null : a[key]!.numericValue!);
        const ms = (key: string) => {
          const v = value(key);
          return v === null ? null : Math.round(v);
        };
        const cls = value('cumulative-layout-shift');
        all.push({
          performance: score('performance'),
          accessibility: score('accessibility'),
          bestPractices: score('best-practices'),
          seo: score('seo'),
          fcpMs: ms('first-contentful-paint'),
          lcpMs: ms('largest-contentful-paint'),
          tbtMs: ms('total-blocking-time'),
          cls: cls === null ? null : Math.round(cls * 1000) / 1000,
          speedIndexMs: ms('speed-index'),
        });
      }
      const of = <K extends keyof LighthouseRun>(key: K) => all.map((r) => r[key]);
      results.push({
        type,
        path,
        performance: median(of('performance')),
        accessibility: median(of('accessibility')),
        bestPractices: median(of('bestPractices')),
        seo: median(of('seo')),
        fcpMs: medianHigh(of('fcpMs')),
        lcpMs: medianHigh(of('lcpMs')),
        tbtMs: medianHigh(of('tbtMs')),
        cls: medianHigh(of('cls')),
        speedIndexMs: medianHigh(of('speedIndexMs')),
        runs: all,
      });
    }
    return results;
  } finally {
    chrome.kill();
  }
}

/** Whether a page type meets the bar (ARCHITECTURE.md): median performance 100 and median CLS 0. */
export const meetsBar = (s: LighthouseScores) => s.performance === 100 && s.cls === 0;
