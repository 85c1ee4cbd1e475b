/**
 * The site's languages. Apart from the strings (index.ts) so that code run by
 * Node itself, without the build (the server's wrapper, src/server/main.ts),
 * can read a language from `Accept-Language` (accept-language.ts).
 */
export const LOCALES = ['da', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'da';
