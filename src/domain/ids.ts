/**
 * Fixed ids that URLs and the API depend on (ARCHITECTURE.md). A module of its own,
 * free of zod, so the application island can import them without pulling in
 * the content schema (full zod is ≈ 93 KB gzip).
 */

/** Kommune slugs (URLs and the API depend on them). */
export const KOMMUNE_SLUGS = ['bronderslev', 'frederikssund', 'sonderborg', 'varde', 'aabenraa'] as const;
export type KommuneSlug = (typeof KOMMUNE_SLUGS)[number];

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
 * for the application form (`{ who, age, pension, needs, description? }`): the contract
 * between the two islands, here so that both import it without importing
 * each other.
 */
export const prefillStorageKey = (kommuneSlug: string) => `stoetteportalen:questionnaire:${kommuneSlug}`;
