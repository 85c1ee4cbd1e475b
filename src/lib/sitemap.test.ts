import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtPagePaths } from './built-pages.ts';
import { robotsTxt, sitemapXml } from './sitemap.ts';

describe('the pages a build wrote', () => {
  it('are the index.html files as URL paths; 404.html and other files are not pages', () => {
    const dir = mkdtempSync(join(tmpdir(), 'built-'));
    for (const path of ['', 'varde/kontakt', 'en', 'en/varde/kontakt', 'pagefind']) mkdirSync(join(dir, path), { recursive: true });
    for (const file of ['index.html', 'varde/kontakt/index.html', 'en/index.html', 'en/varde/kontakt/index.html', '404.html', 'varde/kontakt/social-og-handicap.vcf', 'pagefind/pagefind.js']) {
      writeFileSync(join(dir, file), '');
    }
    expect(builtPagePaths(dir)).toEqual(['/', '/en/', '/en/varde/kontakt/', '/varde/kontakt/']);
  });
});

describe('sitemap.xml', () => {
  const xml = sitemapXml(['/', '/en/', '/varde/', '/en/varde/', '/kun-dansk/'], 'https://stoette.example.dk');

  it('lists every page by its absolute URL on the configured site', () => {
    const locs = [...xml.matchAll(/<loc>(.*?)<\/loc>/g)].map((m) => m[1]);
    expect(locs).toEqual([
      'https://stoette.example.dk/',
      'https://stoette.example.dk/en/',
      'https://stoette.example.dk/en/varde/',
      'https://stoette.example.dk/kun-dansk/',
      'https://stoette.example.dk/varde/',
    ]);
  });

  it('links each Danish page and its English twin both ways, and a page without a twin to nothing', () => {
    const entry = (loc: string) => xml.split('<url>').find((e) => e.includes(`<loc>https://stoette.example.dk${loc}</loc>`))!;
    for (const loc of ['/varde/', '/en/varde/']) {
      expect(entry(loc)).toContain('hreflang="da" href="https://stoette.example.dk/varde/"');
      expect(entry(loc)).toContain('hreflang="en" href="https://stoette.example.dk/en/varde/"');
    }
    expect(entry('/kun-dansk/')).not.toContain('hreflang');
  });

  it('is well-formed: one urlset in the sitemap namespace, special characters escaped', () => {
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"')).toBe(true);
    expect(sitemapXml(['/a&b/'], 'https://x.dk')).toContain('<loc>https://x.dk/a&amp;b/</loc>');
  });
});

describe('robots.txt', () => {
  it('points crawlers to the sitemap on the configured site and keeps them out of the API', () => {
    expect(robotsTxt('https://stoette.example.dk')).toBe(
      'User-agent: *\nDisallow: /api/\n\nSitemap: https://stoette.example.dk/sitemap.xml\n',
    );
  });
});
