/**
 * One page file for both languages: the pages under src/pages/[...lang]/
 * take the language from a rest parameter that is empty for Danish (no
 * prefix: `/bronderslev/`) and `en` for English (`/en/bronderslev/`), the
 * URLs src/domain/paths.ts builds.
 */
import { LOCALES, type Locale } from '../i18n/index.ts';

/** The `[...lang]` parameter of each language; `undefined` is the empty rest parameter. */
const LANG_PARAM: Record<Locale, string | undefined> = { da: undefined, en: 'en' };

/** `getStaticPaths` for a site-wide page in both languages. */
export function langPaths() {
  return LOCALES.map((lang) => ({ params: { lang: LANG_PARAM[lang] }, props: { lang } }));
}

/** Every path of a page in both languages: `paths` (one language's) repeated with each language's parameter. */
export function inBothLangs<P extends Record<string, string | undefined>, T extends object>(
  paths: readonly { params: P; props: T }[],
) {
  return LOCALES.flatMap((lang) =>
    paths.map(({ params, props }) => ({ params: { ...params, lang: LANG_PARAM[lang] }, props: { ...props, lang } })),
  );
}

/**
 * The language of a server-rendered page from its `[...lang]` parameter;
 * `null` for any other prefix (`/xx/…`, `/a/b/…`): the page then answers 404.
 */
export function langOf(param: string | undefined): Locale | null {
  return LOCALES.find((lang) => LANG_PARAM[lang] === param) ?? null;
}
