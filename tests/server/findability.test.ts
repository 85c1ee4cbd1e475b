/**
 * Findability over HTTP, no browser: the build produced every kommune's pages
 * in both languages; sitemap.xml and robots.txt; a description, canonical URL,
 * language and the other language's alternate on every page. (The schema.org
 * data and the contact cards, read as a browser finds them, are in
 * tests/e2e/findability.spec.ts.)
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { builtPages } from '../support/built-pages.ts';
import { kommuneSlugs } from '../support/kommuner.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

const pathOf = (url: string) => new URL(url).pathname;

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.stop());

/** The page's text, after checking that it answered 200. */
async function text(path: string) {
  const response = await server.request(path);
  expect(response.status, path).toBe(200);
  return response.text();
}

it('the build produced the front page and every kommune page in Danish and English', () => {
  for (const k of kommuneSlugs) {
    for (const path of [`/${k}/`, `/${k}/kontakt/`, `/en/${k}/`, `/en/${k}/kontakt/`]) {
      expect(builtPages).toContain(path);
    }
  }
  expect(builtPages).toEqual(expect.arrayContaining(['/', '/en/', '/tilgaengelighed/', '/privatliv/']));
});

it('sitemap.xml lists every built page, in both languages, and nothing else', async () => {
  const xml = await text('/sitemap.xml');
  const locs = [...xml.matchAll(/<loc>(.*?)<\/loc>/g)].map((m) => pathOf(m[1]!));
  expect(locs.sort()).toEqual([...builtPages].sort());
  expect(locs).toEqual(expect.arrayContaining(['/sammenlign/', '/en/sammenlign/', '/soeg/', '/en/soeg/', '/tilgaengelighed/', '/privatliv/']));
  expect(locs.some((p) => p.startsWith('/api/') || p.includes('kvittering'))).toBe(false);
});

it('robots.txt points to the sitemap on the same site', async () => {
  const robots = await text('/robots.txt');
  const sitemap = /^Sitemap: (.+)$/m.exec(robots)?.[1];
  expect(pathOf(sitemap!)).toBe('/sitemap.xml');
  const xml = await text('/sitemap.xml');
  // The sitemap and robots.txt name the same origin (SITE_URL at build time).
  expect(xml).toContain(`<loc>${new URL('/', sitemap).href}</loc>`);
});

it('every page has its own description, a canonical URL, its language and a link to the other language', async () => {
  const descriptions = new Map<string, string>();
  for (const path of builtPages) {
    const html = await text(path);
    const english = path.startsWith('/en/');
    expect(html, path).toContain(`<html lang="${english ? 'en' : 'da'}"`);
    const canonical = /<link rel="canonical" href="([^"]+)"/.exec(html)?.[1];
    expect(canonical && pathOf(canonical), path).toBe(path);
    const description = /<meta name="description" content="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(description.length, path).toBeGreaterThan(30);
    expect(descriptions.get(description), `${path} repeats the description of another page`).toBeUndefined();
    descriptions.set(description, path);
    const twin = english ? path.replace(/^\/en/, '') : `/en${path}`;
    expect(html, path).toMatch(new RegExp(`hreflang="${english ? 'da' : 'en'}" href="[^"]*${twin.replace(/\//g, '\\/')}"`));
  }
});
