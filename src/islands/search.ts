/**
 * The search island on /soeg/: runs Pagefind (the index `pagefind --site
 * dist/client` writes after the build) for `?q=` and for each search made in
 * the form, and lists the results. Plain TypeScript; Pagefind itself is loaded
 * only when there is something to search. Pagefind picks the index of the
 * page's language from <html lang>, so /soeg/ searches the Danish pages and
 * /en/soeg/ the English ones.
 *
 * Without JavaScript the form still submits to /soeg/?q=…, and the page lists
 * every kommune's pages instead (SearchPage.astro).
 */
import { excerptSegments } from '../lib/search-excerpt.ts';
import { fillTemplate } from '../lib/template.ts';

export interface SearchStrings {
  searching: string;
  results: string;
  oneResult: string;
  noResults: string;
  failed: string;
  alsoInSections: string;
  otherLanguageLink: string;
}

interface Config {
  strings: SearchStrings;
  /** The search page in the other language ("/en/soeg/"). */
  otherLanguageSearch: string;
}

interface SubResult {
  title: string;
  url: string;
}
interface ResultData {
  url: string;
  meta: { title?: string };
  excerpt: string;
  sub_results?: SubResult[];
}
interface Pagefind {
  init?: () => Promise<void>;
  search: (query: string) => Promise<{ results: { data: () => Promise<ResultData> }[] } | null>;
}

/** Where `pagefind --site dist/client` writes its bundle. A variable, so that Vite leaves the import alone. */
const BUNDLE = '/pagefind/pagefind.js';
const PAGE_SIZE = 10;

function element<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (text !== undefined) el.textContent = text;
  return el;
}

function renderResult(data: ResultData, strings: SearchStrings): HTMLLIElement {
  const item = element('li');
  item.className = 'search-result';
  const heading = element('h3');
  heading.className = 'h4';
  const link = element('a', data.meta.title ?? data.url);
  link.href = data.url;
  heading.append(link);
  const excerpt = element('p');
  for (const segment of excerptSegments(data.excerpt)) {
    excerpt.append(segment.mark ? element('mark', segment.text) : document.createTextNode(segment.text));
  }
  item.append(heading, excerpt);
  // Sections of the page that match (Pagefind's sub-results with an anchor), up to three.
  const sections = (data.sub_results ?? []).filter((s) => s.url.includes('#')).slice(0, 3);
  if (sections.length) {
    const list = element('ul');
    for (const s of sections) {
      const a = element('a', s.title);
      a.href = s.url;
      const li = element('li');
      li.append(a);
      list.append(li);
    }
    item.append(element('p', strings.alsoInSections), list);
  }
  return item;
}

function start(root: HTMLElement): void {
  const { strings, otherLanguageSearch } = JSON.parse(root.dataset.search ?? '{}') as Config;
  const form = document.querySelector<HTMLFormElement>('form[data-search-form]');
  const input = form?.querySelector<HTMLInputElement>('input[name="q"]');
  const status = root.querySelector<HTMLElement>('[data-search-status]');
  const heading = root.querySelector<HTMLElement>('[data-search-heading]');
  const list = root.querySelector<HTMLOListElement>('ol');
  const more = root.querySelector<HTMLButtonElement>('[data-search-more]');
  const otherLanguage = root.querySelector<HTMLElement>('[data-search-other]');
  const other = otherLanguage?.querySelector('a');
  if (!form || !input || !status || !heading || !list || !more || !otherLanguage || !other) return;
  for (const el of document.querySelectorAll<HTMLElement>('[data-search-nojs]')) el.hidden = true;

  let pagefind: Promise<Pagefind> | undefined;
  const load = () =>
    (pagefind ??= (import(/* @vite-ignore */ BUNDLE) as Promise<Pagefind>).then(async (pf) => {
      await pf.init?.();
      return pf;
    }));
  let results: { data: () => Promise<ResultData> }[] = [];
  let shown = 0;
  let latest = 0;

  async function showMore(): Promise<HTMLAnchorElement | null> {
    const batch = await Promise.all(results.slice(shown, shown + PAGE_SIZE).map((r) => r.data()));
    const items = batch.map((d) => renderResult(d, strings));
    list!.append(...items);
    shown += batch.length;
    more!.hidden = shown >= results.length;
    return items[0]?.querySelector('a') ?? null;
  }

  async function run(query: string): Promise<void> {
    const request = ++latest;
    list!.replaceChildren();
    more!.hidden = true;
    heading!.hidden = otherLanguage!.hidden = !query;
    if (!query) {
      status!.textContent = '';
      return;
    }
    status!.textContent = strings.searching;
    other!.href = `${otherLanguageSearch}?q=${encodeURIComponent(query)}`;
    other!.textContent = fillTemplate(strings.otherLanguageLink, { query });
    try {
      const search = await (await load()).search(query);
      if (request !== latest) return;
      results = search?.results ?? [];
      shown = 0;
      await showMore();
      if (request !== latest) return;
      // Announced once the results are on the page.
      const count = results.length;
      status!.textContent = fillTemplate(count === 0 ? strings.noResults : count === 1 ? strings.oneResult : strings.results, { count, query });
    } catch {
      if (request === latest) status!.textContent = strings.failed;
    }
  }

  const queryInUrl = () => new URLSearchParams(location.search).get('q')?.trim() ?? '';

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const query = input.value.trim();
    history.pushState(null, '', query ? `?q=${encodeURIComponent(query)}` : location.pathname);
    void run(query);
  });
  window.addEventListener('popstate', () => {
    input.value = queryInUrl();
    void run(input.value);
  });
  more.addEventListener('click', () => {
    // Keyboard and screen-reader users land on the first of the new results.
    void showMore().then((first) => first?.focus());
  });

  input.value = queryInUrl();
  if (input.value) void run(input.value);
}

const root = document.querySelector<HTMLElement>('[data-search]');
if (root) start(root);
