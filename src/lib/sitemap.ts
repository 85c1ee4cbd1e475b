/**
 * sitemap.xml and robots.txt, written after the build from the pages it
 * produced (src/integrations/findability.ts). Every Danish page has an English
 * twin under /en/ with the same slugs; the sitemap says so with hreflang
 * alternates, as the pages' own <link rel="alternate"> do.
 */
import { localized, withoutLang } from '../domain/paths.ts';

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function sitemapXml(paths: readonly string[], site: string | URL): string {
  const all = new Set(paths);
  const url = (path: string) => escapeXml(new URL(path, site).href);
  const entries = [...all].sort().map((path) => {
    const da = withoutLang(path);
    const en = localized('en', da);
    const alternates =
      all.has(da) && all.has(en)
        ? [
            `    <xhtml:link rel="alternate" hreflang="da" href="${url(da)}"/>`,
            `    <xhtml:link rel="alternate" hreflang="en" href="${url(en)}"/>`,
          ]
        : [];
    return ['  <url>', `    <loc>${url(path)}</loc>`, ...alternates, '  </url>'].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    ...entries,
    '</urlset>',
    '',
  ].join('\n');
}

/** Everything may be crawled except the API; the sitemap is named by its absolute URL. */
export function robotsTxt(site: string | URL): string {
  return ['User-agent: *', 'Disallow: /api/', '', `Sitemap: ${new URL('/sitemap.xml', site).href}`, ''].join('\n');
}
