/**
 * Lighthouse (mobile, its default) in Debian's Chromium for the pages a
 * citizen meets on the way: performance, accessibility, best practices, SEO.
 */
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { existsSync } from 'node:fs';

export interface LighthouseScores {
  path: string;
  performance: number | null;
  accessibility: number | null;
  bestPractices: number | null;
  seo: number | null;
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

export async function lighthouseScores(base: string, paths: string[]): Promise<LighthouseScores[]> {
  const chromePath = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
  const chrome = await chromeLauncher.launch({ chromePath, chromeFlags: CHROME_FLAGS });
  try {
    const results: LighthouseScores[] = [];
    for (const path of paths) {
      const result = await lighthouse(new URL(path, base).href, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
      });
      const c = result?.lhr.categories;
      const score = (key: string) => (c?.[key]?.score == null ? null : Math.round(c[key]!.score! * 100));
      results.push({ path, performance: score('performance'), accessibility: score('accessibility'), bestPractices: score('best-practices'), seo: score('seo') });
    }
    return results;
  } finally {
    chrome.kill();
  }
}
