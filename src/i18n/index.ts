/**
 * UI strings through i18next. Pages translate at build time and pass plain
 * strings to islands, so i18next never ships to the browser (≈ 16 KB gzip).
 *
 * Strings live in `locales/<lang>/<namespace>.json`, one file per part of
 * the site (`contact.json` holds the `contact.*` keys), so a feature adds its
 * own file and never edits another's.
 */
import i18next, { type TFunction } from 'i18next';

export const LOCALES = ['da', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'da';

/** Each language named in itself, for the language switch. */
export const LANGUAGE_NAMES: Record<Locale, string> = { da: 'Dansk', en: 'English' };

type Strings = { [key: string]: string | Strings };

const files = import.meta.glob<Strings>('./locales/*/*.json', { eager: true, import: 'default' });

/** Every UI string by language: `{ da: { contact: {…}, site: {…} }, en: … }`. */
export const STRINGS: Record<Locale, Strings> = { da: {}, en: {} };
for (const [path, strings] of Object.entries(files)) {
  const match = /\/locales\/([a-z]+)\/([A-Za-z0-9-]+)\.json$/.exec(path);
  const lang = match?.[1] as Locale | undefined;
  if (!match || !lang || !(lang in STRINGS)) throw new Error(`i18n: unexpected strings file ${path}`);
  STRINGS[lang][match[2]!] = strings;
}

const instances = new Map<Locale, TFunction>();

export function useTranslations(lang: Locale): TFunction {
  let t = instances.get(lang);
  if (!t) {
    const instance = i18next.createInstance();
    instance.init({
      lng: lang,
      fallbackLng: false,
      resources: { da: { translation: STRINGS.da }, en: { translation: STRINGS.en } },
      initAsync: false,
      // Astro escapes on output; escaping here would double-escape "&".
      interpolation: { escapeValue: false },
      returnNull: false,
    });
    t = instance.t.bind(instance) as TFunction;
    instances.set(lang, t);
  }
  return t;
}

/** Dates in running text: "14. december 2023" / "14 December 2023", always Danish time. */
export function formatDate(iso: string, lang: Locale): string {
  return new Intl.DateTimeFormat(lang === 'da' ? 'da-DK' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/Copenhagen',
  }).format(new Date(`${iso}T12:00:00Z`));
}
