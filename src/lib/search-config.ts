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
}
