/**
 * Writes sitemap.xml and robots.txt into the client output when the build is
 * done, from the HTML pages the build actually produced (so a new static page
 * is in the sitemap without anyone listing it). URLs are absolute on `site`,
 * which SITE_URL sets (astro.config.mjs).
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { builtPagePaths } from '../lib/built-pages.ts';
import { robotsTxt, sitemapXml } from '../lib/sitemap.ts';

export function findability(): AstroIntegration {
  let site: URL | undefined;
  let clientDir: URL | undefined;
  return {
    name: 'stoetteportalen:findability',
    hooks: {
      'astro:config:done': ({ config }) => {
        site = config.site ? new URL(config.site) : undefined;
        clientDir = config.build.client;
      },
      'astro:build:done': ({ logger }) => {
        if (!site || !clientDir) throw new Error('findability: `site` must be set (SITE_URL) to write the sitemap');
        const dir = fileURLToPath(clientDir);
        const pages = builtPagePaths(dir);
        writeFileSync(`${dir}/sitemap.xml`, sitemapXml(pages, site));
        writeFileSync(`${dir}/robots.txt`, robotsTxt(site));
        logger.info(`sitemap.xml with ${pages.length} pages and robots.txt for ${site.origin}`);
      },
    },
  };
}
