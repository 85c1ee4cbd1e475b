/**
 * The HTML pages a build wrote: every `index.html` under the client output,
 * as URL paths ("/", "/bronderslev/kontakt/", "/en/…"). Server-rendered
 * routes (the API, form results) have no file there and so are not pages
 * here; neither is `404.html`. The sitemap and the e2e suite both use this.
 */
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

function indexFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? indexFiles(join(dir, e.name)) : e.name === 'index.html' ? [join(dir, e.name)] : [],
  );
}

export function builtPagePaths(clientDir: string): string[] {
  return indexFiles(clientDir)
    .map((file) => {
      const parts = relative(clientDir, file).split(sep).slice(0, -1);
      return parts.length ? `/${parts.join('/')}/` : '/';
    })
    .sort();
}
