/**
 * The search island on /soeg/: runs Pagefind (the index `pagefind --site
 * dist/client` writes after the build) for `?q=` and for each search made in
 * the form, and lists the results. Plain TypeScript; Pagefind itself is loaded
 * only when there is something to search. Pagefind picks the index of the
 * page's language from <html lang>, so /soeg/ searches the Danish pages and
 * /en/soeg/ the English ones.
 *
 * A search started on a kommune's pages (`?kommune=<slug>`, from the header
 * form) keeps to that kommune's pages with Pagefind's `kommune` filter; a
 * link under the status widens it to all kommuner and back, and the form's
 * "Hvilken kommune?" chooses any.
 *
 * Without JavaScript the form still submits to /soeg/?q=…, and the page lists
 * every kommune's pages instead (SearchPage.astro), that kommune's first.
 */
import type { SearchConfig, SearchStrings } from '../lib/search-config.ts';
import { excerptSegments } from '../lib/search-excerpt.ts';
import { fillTemplate } from '../lib/template.ts';

interface SubResult {
  title: string;
  url: string;
  /** Where the words matched in this section, each with its score (weighted by data-pagefind-weight). */
  weighted_locations?: { balanced_score: number }[];
}
interface ResultData {
  url: string;
  meta: { title?: string };
  excerpt: string;
  sub_results?: SubResult[];
}
interface Pagefind {
  init?: () => Promise<void>;
  search: (
    query: string,
    options?: { filters?: Record<string, string> },
  ) => Promise<{ results: { data: () => Promise<ResultData> }[] } | null>;
}

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
  // Sections of the page that match (Pagefind's sub-results with an anchor), the best three, best first:
  // Pagefind lists them in page order, so "klage" would lead to "Kort fortalt" before the complaint deadline.
  const score = (s: SubResult) => (s.weighted_locations ?? []).reduce((sum, l) => sum + l.balanced_score, 0);
  const sections = (data.sub_results ?? [])
    .filter((s) => s.url.includes('#'))
    .sort((a, b) => score(b) - score(a))
    .slice(0, 3);
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

/** What is searched: the words, and the kommune whose pages the search keeps to ('' for all). */
interface Search {
  query: string;
  kommune: string;
}

/** "?q=klage&kommune=sonderborg": the address of a search, as the header form on a kommune's pages sends it. */
function searchUrl({ query, kommune }: Search, path = ''): string {
  const params = new URLSearchParams({ q: query });
  if (kommune) params.set('kommune', kommune);
  return `${path}?${params.toString().replace(/\+/g, '%20')}`;
}

function start(root: HTMLElement): void {
  const { strings, otherLanguageSearch, kommuner, bundle } = JSON.parse(root.dataset.search ?? '{}') as SearchConfig;
  const form = document.querySelector<HTMLFormElement>('form[data-search-form]');
  const input = form?.querySelector<HTMLInputElement>('input[name="q"]');
  const scope = form?.querySelector<HTMLSelectElement>('select[name="kommune"]');
  const status = root.querySelector<HTMLElement>('[data-search-status]');
  const scopeSwitch = root.querySelector<HTMLElement>('[data-search-scope-switch]');
  const switchLink = scopeSwitch?.querySelector('a');
  const heading = root.querySelector<HTMLElement>('[data-search-heading]');
  const list = root.querySelector<HTMLOListElement>('ol');
  const more = root.querySelector<HTMLButtonElement>('[data-search-more]');
  const otherLanguage = root.querySelector<HTMLElement>('[data-search-other]');
  const other = otherLanguage?.querySelector('a');
  if (!form || !input || !scope || !status || !scopeSwitch || !switchLink || !heading || !list || !more || !otherLanguage || !other) return;
  for (const el of document.querySelectorAll<HTMLElement>('[data-search-nojs]')) el.hidden = true;
  // Shown in the room it kept while the script loaded (site.scss): nothing moves.
  for (const el of document.querySelectorAll<HTMLElement>('[data-search-scope]')) delete el.dataset.pending;
  const kommuneName = (slug: string) => kommuner.find((k) => k.slug === slug)?.name;

  let pagefind: Promise<Pagefind> | undefined;
  const load = () =>
    (pagefind ??= (import(/* @vite-ignore */ bundle) as Promise<Pagefind>).then(async (pf) => {
      await pf.init?.();
      return pf;
    }));
  let results: { data: () => Promise<ResultData> }[] = [];
  let shown = 0;
  let latest = 0;
  // The kommune the citizen came from (or last chose): the switch under the status goes back to it.
  let home = '';

  async function showMore(): Promise<HTMLAnchorElement | null> {
    const batch = await Promise.all(results.slice(shown, shown + PAGE_SIZE).map((r) => r.data()));
    const items = batch.map((d) => renderResult(d, strings));
    list!.append(...items);
    shown += batch.length;
    more!.hidden = shown >= results.length;
    return items[0]?.querySelector('a') ?? null;
  }

  /** The status line: how many pages match, and about which kommune when the search keeps to one. */
  function statusText(count: number, { query, kommune }: Search): string {
    const name = kommuneName(kommune);
    const template = name
      ? count === 0 ? strings.scopedNoResults : count === 1 ? strings.scopedOneResult : strings.scopedResults
      : count === 0 ? strings.noResults : count === 1 ? strings.oneResult : strings.results;
    return fillTemplate(template, { count, query, kommune: name ?? '' });
  }

  /** The search on the page now (what the switch link says it changes), whatever the form says meanwhile. */
  let current: Search = { query: '', kommune: '' };

  /** The link that widens a search kept to one kommune to all kommuner, or narrows it back. */
  function showSwitch(search: Search): void {
    const target: Search = { query: search.query, kommune: search.kommune ? '' : home };
    scopeSwitch!.hidden = !search.query || !home;
    switchLink!.href = searchUrl(target, location.pathname);
    switchLink!.textContent = fillTemplate(search.kommune ? strings.widen : strings.narrow, {
      query: search.query,
      kommune: kommuneName(home) ?? '',
    });
  }

  async function run(search: Search): Promise<void> {
    const { query, kommune } = search;
    const request = ++latest;
    current = search;
    list!.replaceChildren();
    more!.hidden = true;
    heading!.hidden = otherLanguage!.hidden = !query;
    if (kommune) home = kommune;
    showSwitch(search);
    if (!query) {
      status!.textContent = '';
      return;
    }
    status!.textContent = strings.searching;
    other!.href = searchUrl(search, otherLanguageSearch);
    other!.textContent = fillTemplate(strings.otherLanguageLink, { query });
    try {
      const found = await (await load()).search(query, kommune ? { filters: { kommune } } : {});
      if (request !== latest) return;
      results = found?.results ?? [];
      shown = 0;
      await showMore();
      if (request !== latest) return;
      // Announced once the results are on the page.
      status!.textContent = statusText(results.length, search);
    } catch {
      if (request === latest) status!.textContent = strings.failed;
    }
  }

  /** The search in the address; a kommune that is not one of ours searches all of them. */
  const searchInUrl = (): Search => {
    const params = new URLSearchParams(location.search);
    const kommune = params.get('kommune') ?? '';
    return { query: params.get('q')?.trim() ?? '', kommune: kommuneName(kommune) ? kommune : '' };
  };
  const show = (search: Search) => {
    input.value = search.query;
    scope.value = search.kommune;
    void run(search);
  };
  const go = (search: Search) => {
    history.pushState(null, '', search.query ? searchUrl(search, location.pathname) : location.pathname);
    show(search);
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    go({ query: input.value.trim(), kommune: scope.value });
  });
  switchLink.addEventListener('click', (event) => {
    event.preventDefault();
    // The link stays where it is (now saying the reverse), so keyboard focus is not lost.
    // It changes the search on the page, as it says; an edited but unsent query or scope does not count.
    go({ query: current.query, kommune: current.kommune ? '' : home });
  });
  window.addEventListener('popstate', () => show(searchInUrl()));
  more.addEventListener('click', () => {
    // Keyboard and screen-reader users land on the first of the new results.
    void showMore().then((first) => first?.focus());
  });

  const initial = searchInUrl();
  input.value = initial.query;
  scope.value = initial.kommune;
  if (initial.query) void run(initial);
}

const root = document.querySelector<HTMLElement>('[data-search]');
if (root) start(root);
