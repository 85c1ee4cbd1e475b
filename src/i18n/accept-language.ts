/**
 * The language of an API answer from `Accept-Language` (the API contract: Danish,
 * or English for `Accept-Language: en`). Danish wins ties and unknowns.
 */
import { DEFAULT_LOCALE, LOCALES, type Locale } from './locale.ts';

export function localeFromAcceptLanguage(header: string | null): Locale {
  let best: { locale: Locale; q: number } = { locale: DEFAULT_LOCALE, q: 0 };
  for (const part of (header ?? '').split(',')) {
    const [tag = '', ...params] = part.trim().toLowerCase().split(';');
    const q = Number(params.map((p) => p.trim()).find((p) => p.startsWith('q='))?.slice(2) ?? '1');
    const locale = LOCALES.find((l) => tag === l || tag.startsWith(`${l}-`));
    if (locale && Number.isFinite(q) && (q > best.q || (q === best.q && locale === DEFAULT_LOCALE))) best = { locale, q };
  }
  return best.locale;
}
