/**
 * What a page costs to load, as a browser fetches it: the HTML, its
 * stylesheets and its scripts with every module they import, each counted
 * gzipped (the budgets in ARCHITECTURE.md are gzip sizes). Used by the budget
 * tests and by `npm run bench`.
 */
import { gzipSync } from 'node:zlib';

export interface PageWeight {
  path: string;
  html: number;
  css: number;
  js: number;
  /** Every stylesheet and script counted, with its gzip size. */
  files: { url: string; kind: 'css' | 'js'; gzip: number }[];
}

const gzipSize = (text: string) => gzipSync(Buffer.from(text), { level: 9 }).length;

/** Static imports of an ES module bundle: `import"./a.js"`, `from"./b.js"`, `import("./c.js")`. */
export function moduleImports(code: string): string[] {
  const found = new Set<string>();
  for (const m of code.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)["']([^"']+\.m?js)["']/g)) found.add(m[1]!);
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

  const seen = new Set<string>();
  const queue = assets.js.map((src) => (src === '(inline)' ? src : new URL(src, pageUrl).href));
  while (queue.length) {
    const url = queue.shift()!;
    if (seen.has(url)) continue;
    seen.add(url);
    if (url === '(inline)') throw new Error(`${path}: has an inline script (the CSP forbids them)`);
    const code = await text(new URL(url));
    files.push({ url: new URL(url).pathname, kind: 'js', gzip: gzipSize(code) });
    for (const spec of moduleImports(code)) queue.push(new URL(spec, url).href);
  }
  const sum = (kind: 'css' | 'js') => files.filter((f) => f.kind === kind).reduce((n, f) => n + f.gzip, 0);
  return { path, html: gzipSize(html), css: sum('css'), js: sum('js'), files };
}

/**
 * The budgets (ARCHITECTURE.md, "Quality bars") in gzip bytes. `contact` and
 * `search` are the project's own additions; `search` is the search page's own
 * script (Pagefind's runtime and index load only when a search is made, and
 * are Pagefind's to keep small).
 */
export const BUDGETS = {
  html: 14 * 1024,
  css: 15 * 1024,
  js: { content: 0, contact: 5 * 1024, questionnaire: 15 * 1024, application: 30 * 1024, search: 5 * 1024 },
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
