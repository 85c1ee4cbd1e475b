/**
 * UI strings through i18next. Pages translate at build time and pass plain
 * strings to islands, so i18next never ships to the browser (≈ 16 KB gzip).
 *
 * Strings live in `locales/<lang>/<namespace>.json`, one file per part of
 * the site (`contact.json` holds the `contact.*` keys); a feature adds its own
 * file in both languages and names it once below for each.
 */
import i18next, { type TFunction } from 'i18next';
import type { Locale } from './locale.ts';
import da_ageBand from './locales/da/ageBand.json' with { type: 'json' };
import da_apply from './locales/da/apply.json' with { type: 'json' };
import da_compare from './locales/da/compare.json' with { type: 'json' };
import da_contact from './locales/da/contact.json' with { type: 'json' };
import da_contactCard from './locales/da/contactCard.json' with { type: 'json' };
import da_days from './locales/da/days.json' with { type: 'json' };
import da_findability from './locales/da/findability.json' with { type: 'json' };
import da_flags from './locales/da/flags.json' with { type: 'json' };
import da_home from './locales/da/home.json' with { type: 'json' };
import da_http from './locales/da/http.json' with { type: 'json' };
import da_kommune from './locales/da/kommune.json' with { type: 'json' };
import da_law from './locales/da/law.json' with { type: 'json' };
import da_notFound from './locales/da/notFound.json' with { type: 'json' };
import da_phoneStatus from './locales/da/phoneStatus.json' with { type: 'json' };
import da_questionnaire from './locales/da/questionnaire.json' with { type: 'json' };
import da_receipt from './locales/da/receipt.json' with { type: 'json' };
import da_search from './locales/da/search.json' with { type: 'json' };
import da_site from './locales/da/site.json' with { type: 'json' };
import da_statement from './locales/da/statement.json' with { type: 'json' };
import en_ageBand from './locales/en/ageBand.json' with { type: 'json' };
import en_apply from './locales/en/apply.json' with { type: 'json' };
import en_compare from './locales/en/compare.json' with { type: 'json' };
import en_contact from './locales/en/contact.json' with { type: 'json' };
import en_contactCard from './locales/en/contactCard.json' with { type: 'json' };
import en_days from './locales/en/days.json' with { type: 'json' };
import en_findability from './locales/en/findability.json' with { type: 'json' };
import en_flags from './locales/en/flags.json' with { type: 'json' };
import en_home from './locales/en/home.json' with { type: 'json' };
import en_http from './locales/en/http.json' with { type: 'json' };
import en_kommune from './locales/en/kommune.json' with { type: 'json' };
import en_law from './locales/en/law.json' with { type: 'json' };
import en_notFound from './locales/en/notFound.json' with { type: 'json' };
import en_phoneStatus from './locales/en/phoneStatus.json' with { type: 'json' };
import en_questionnaire from './locales/en/questionnaire.json' with { type: 'json' };
import en_receipt from './locales/en/receipt.json' with { type: 'json' };
import en_search from './locales/en/search.json' with { type: 'json' };
import en_site from './locales/en/site.json' with { type: 'json' };
import en_statement from './locales/en/statement.json' with { type: 'json' };

export { DEFAULT_LOCALE, LOCALES, type Locale } from './locale.ts';

/** Each language named in itself, for the language switch. */
export const LANGUAGE_NAMES: Record<Locale, string> = { da: 'Dansk', en: 'English' };

/**
 * The Danish strings are the type of every language's strings: `t('contact.title')`
 * is checked against them and a bundle such as `STRINGS[lang].apply` has the
 * Danish file's shape, so no lookup needs a cast. English is assigned to the
 * same type below, so an English file that lacks a Danish key does not compile
 * (tests/unit/i18n.test.ts also checks the other direction).
 */
const da = {
  ageBand: da_ageBand,
  apply: da_apply,
  compare: da_compare,
  contact: da_contact,
  contactCard: da_contactCard,
  days: da_days,
  findability: da_findability,
  flags: da_flags,
  home: da_home,
  http: da_http,
  kommune: da_kommune,
  law: da_law,
  notFound: da_notFound,
  phoneStatus: da_phoneStatus,
  questionnaire: da_questionnaire,
  receipt: da_receipt,
  search: da_search,
  site: da_site,
  statement: da_statement,
};
export type Strings = typeof da;

const en: Strings = {
  ageBand: en_ageBand,
  apply: en_apply,
  compare: en_compare,
  contact: en_contact,
  contactCard: en_contactCard,
  days: en_days,
  findability: en_findability,
  flags: en_flags,
  home: en_home,
  http: en_http,
  kommune: en_kommune,
  law: en_law,
  notFound: en_notFound,
  phoneStatus: en_phoneStatus,
  questionnaire: en_questionnaire,
  receipt: en_receipt,
  search: en_search,
  site: en_site,
  statement: en_statement,
};

/** Every UI string by language: `{ da: { contact: {…}, site: {…} }, en: … }`. */
export const STRINGS: Record<Locale, Strings> = { da, en };

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Strings };
    returnNull: false;
  }
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
