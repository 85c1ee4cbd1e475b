/**
 * Ids that URLs and the API depend on. A module of its own, free of zod, so
 * the application island can import them without pulling in the content
 * schema (full zod is ≈ 93 KB gzip).
 */

/**
 * The form of a kommune slug: the name of its content file
 * (`content/kommuner/<slug>.mdx`), which is also its URL segment and its
 * `kommune` value in the API. Lower-case ASCII letters and digits, words
 * joined by single hyphens ("varde", "ringkobing-skjern"). Which kommuner
 * exist is not fixed in code: it is the set of content files.
 */
export const KOMMUNE_SLUG = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
export const isKommuneSlug = (s: string): boolean => s.length <= 60 && KOMMUNE_SLUG.test(s);

/** The seven VUM themes (voksenudredningsmetoden), slugs used by the API's `needs`. */
export const VUM_THEMES = [
  'praktiske-opgaver-i-hjemmet',
  'samfundsliv',
  'socialt-liv',
  'sundhed',
  'kommunikation',
  'mobilitet',
  'egenomsorg',
] as const;
export type VumTheme = (typeof VUM_THEMES)[number];

/**
 * The sessionStorage key under which "Kan jeg få støtte?" leaves its answers
 * for the application form (`{ who, age, pension, needs, helpAreas }`): the contract
 * between the two islands, here so that both import it without importing
 * each other.
 */
export const prefillStorageKey = (kommuneSlug: string) => `stoetteportalen:questionnaire:${kommuneSlug}`;

/**
 * The sessionStorage key under which the application form keeps the answers
 * in progress for this tab (src/islands/apply/draft.ts).
 */
export const draftStorageKey = (kommuneSlug: string) => `stoetteportalen:application:${kommuneSlug}`;
