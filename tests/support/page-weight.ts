/**
 * What a page costs to load, as a browser fetches it: the HTML, its
 * stylesheets and its scripts with every module they import, each counted
 * gzipped (the budgets in ARCHITECTURE.md are gzip sizes). Used by the budget
 * tests and by `npm run bench`.
 *
 * `js` is what loads before first use: the page's scripts and their static
 * imports. A part an island loads with `import()` as it mounts (the form's
 * check, the questionnaire's result; docs/islands.md) is counted apart, as
 * `lazy` files, and in `jsTotal`.
 */
import { gzipSync } from 'node:zlib';

export interface PageWeight {
  path: string;
  html: number;
  css: number;
  /** Scripts before first use (the budget). */
  js: number;
  /** Every script, with those loaded by `import()`. */
  jsTotal: number;
  /** Every stylesheet and script counted, with its gzip size; `lazy`: reached only through `import()`. */
  files: { url: string; kind: 'css' | 'js'; gzip: number; lazy?: boolean }[];
}

const gzipSize = (text: string) => gzipSync(Buffer.from(text), { level: 9 }).length;

/** Imports of an ES module bundle: `import"./a.js"`, `from"./b.js"`, and (with `lazy`) `import("./c.js")`. */
export function moduleImports(code: string, which: 'static' | 'lazy' | 'all' = 'all'): string[] {
  const found = new Set<string>();
  for (const m of code.matchAll(/(?:\bfrom\s*|\bimport\s*(\()?\s*)["']([^"']+\.m?js)["']/g)) {
    const lazy = m[1] === '(';
    if (which === 'all' || (which === 'lazy') === lazy) found.add(m[2]!);
  }
  return [...found];
}

/** Stylesheets and executable scripts a page links (JSON-LD and other data blocks are not scripts). */
export function pageAssets(html: string): { css: string[]; js: string[] } {
  const attr = (tag: string, name: string) => new RegExp(`\\b${name}\\s*=\\s*["']([^"']*)["']`).exec(tag)?.[1];
  const css = [...html.matchAll(/<link\b[^>]*>/g)]
    .map((m) => m[0])
    .filter((tag) => attr(tag, 'rel') === 'stylesheet')
    .map((tag) => attr(tag, 'href')!)
    .filter(Boolean);
  const js = [...html.matchAll(/<script\b[^>]*>/g)]
    .map((m) => m[0])
    .filter((tag) => {
      const type = attr(tag, 'type');
      return !type || type === 'module' || type === 'text/javascript';
    })
    .map((tag) => attr(tag, 'src') ?? '(inline)');
  return { css, js };
}

async function text(url: URL): Promise<string> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url.pathname}: ${response.status}`);
  return response.text();
}

export async function pageWeight(base: string, path: string, init?: RequestInit): Promise<PageWeight> {
  const pageUrl = new URL(path, base);
  const response = await fetch(pageUrl, init);
  if (!response.ok && response.status !== 422) throw new Error(`${path}: ${response.status}`);
  const html = await response.text();
  const assets = pageAssets(html);
  const files: PageWeight['files'] = [];
  for (const href of assets.css) files.push({ url: href, kind: 'css', gzip: gzipSize(await text(new URL(href, pageUrl))) });

  // First everything the page's scripts import statically, then what they load with import().
  const seen = new Set<string>();
  const queue = assets.js.map((src) => ({ url: src === '(inline)' ? src : new URL(src, pageUrl).href, lazy: false }));
  const later: typeof queue = [];
  while (queue.length || later.length) {
    const { url, lazy } = queue.shift() ?? later.shift()!;
    if (seen.has(url)) continue;
    seen.add(url);
    if (url === '(inline)') throw new Error(`${path}: has an inline script (the CSP forbids them)`);
    const code = await text(new URL(url));
    files.push({ url: new URL(url).pathname, kind: 'js', gzip: gzipSize(code), ...(lazy ? { lazy } : {}) });
    for (const spec of moduleImports(code, 'static')) (lazy ? later : queue).push({ url: new URL(spec, url).href, lazy });
    for (const spec of moduleImports(code, 'lazy')) later.push({ url: new URL(spec, url).href, lazy: true });
  }
  const sum = (kind: 'css' | 'js', lazy = false) => files.filter((f) => f.kind === kind && (lazy || !f.lazy)).reduce((n, f) => n + f.gzip, 0);
  return { path, html: gzipSize(html), css: sum('css'), js: sum('js'), jsTotal: sum('js', true), files };
}

/**
 * The budgets (ARCHITECTURE.md, "Quality bars") in gzip bytes. `js` is what
 * loads before first use (`PageWeight.js`); `jsTotal` bounds everything a page
 * can load, the parts loaded with `import()` too. `contact` and
 * `search` are the project's own additions; `search` is the search page's own
 * script (Pagefind's runtime and index load only when a search is made, and
 * are Pagefind's to keep small).
 */
export const BUDGETS = {
  html: 14 * 1024,
  css: 15 * 1024,
  js: { content: 0, contact: 5 * 1024, questionnaire: 12 * 1024, application: 24 * 1024, search: 5 * 1024 },
  jsTotal: { content: 0, contact: 5 * 1024, questionnaire: 17 * 1024, application: 32 * 1024, search: 5 * 1024 },
} as const;

export type PageType = keyof typeof BUDGETS.js;

/** Which budget a page path has: the kommune's contact, questionnaire and application pages, search, or content. */
export function pageType(path: string): PageType {
  const p = path.replace(/^\/en(?=\/)/, '').replace(/\?.*$/, '');
  if (/^\/[a-z]+\/kontakt\/$/.test(p)) return 'contact';
  if (/^\/[a-z]+\/kan-jeg-faa-stoette\/(resultat\/)?$/.test(p)) return 'questionnaire';
  if (/^\/[a-z]+\/ansoeg\/(kvittering\/)?$/.test(p)) return 'application';
  if (p === '/soeg/') return 'search';
  return 'content';
}
