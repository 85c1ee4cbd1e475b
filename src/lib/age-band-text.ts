/**
 * An age band in words, from the one set of strings (`ageBand.*` in
 * src/i18n/locales/<lang>/ageBand.json). Takes the strings rather than
 * i18next so that the questionnaire island can use it in the browser.
 */
import type { AgeBand } from '../domain/age-band.ts';
import type { Locale } from '../i18n/index.ts';
import da from '../i18n/locales/da/ageBand.json' with { type: 'json' };
import en from '../i18n/locales/en/ageBand.json' with { type: 'json' };
import { fillTemplate } from './template.ts';

export type AgeBandWords = typeof da;

const WORDS: Record<Locale, AgeBandWords> = { da, en };

/** The band strings of a language (pages pass them to the islands). */
export const ageBandWords = (lang: Locale): AgeBandWords => WORDS[lang];

/** "15–29 år", "under 30 år", "18 år eller ældre" (and the English). */
export function ageBandText(band: AgeBand, words: AgeBandWords): string {
  switch (band.kind) {
    case 'between':
      return fillTemplate(words.between, { min: band.min, max: band.max });
    case 'below':
      return fillTemplate(words.below, { below: band.below });
    case 'from':
      return fillTemplate(words.from, { min: band.min });
  }
}
