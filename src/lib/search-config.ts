/**
 * What the search island (src/islands/search.ts) is handed in its element's
 * `data-search` attribute, written by SearchResults.astro: the templates it
 * words its status with (from `locales/<lang>/search.json`), the search page
 * in the other language, and the kommuner a search can keep to.
 */

/** The `search` strings the island uses; only these are carried to the browser. */
export const SEARCH_STRING_KEYS = [
  'searching',
  'results',
  'oneResult',
  'noResults',
  'failed',
  'alsoInSections',
  'otherLanguageLink',
  'scopedResults',
  'scopedOneResult',
  'scopedNoResults',
  'widen',
  'narrow',
] as const;

export type SearchStrings = Record<(typeof SEARCH_STRING_KEYS)[number], string>;

export interface SearchConfig {
  strings: SearchStrings;
  /** The search page in the other language ("/en/soeg/"). */
  otherLanguageSearch: string;
  /** The kommuner a search can keep to: their pages carry `data-pagefind-filter="kommune:<slug>"`. */
  kommuner: { slug: string; name: string }[];
  /**
   * Where `pagefind --site dist/client` writes its bundle (`PAGEFIND_BUNDLE`). Handed in rather than
   * written in the island, so no bundler or minifier turns it into a static import: the page
   * loads Pagefind only when a search is made.
   */
  bundle: string;
}

export const PAGEFIND_BUNDLE = '/pagefind/pagefind.js';
