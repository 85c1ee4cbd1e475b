/**
 * Provenance: the standard's own words behind every rule and fact the site
 * shows as the kommune's. A `quote` in a kommune's content file must stand in
 * its source document (`content/sources/<source.seedFile>`) word for word;
 * only whitespace and line breaks may differ, and a word the PDF extraction
 * split at a line end ("forvalt- ningsloven") matches the whole word. A quote
 * may leave text out where it says "…": each part must then be found, in
 * order. The content check (src/lib/content-check.ts) runs this on every
 * quote of every kommune and names the file and field of one that is not.
 */

/** One `quote` in a content file: where it sits in the data ("eligibility.targetGroup.quote") and its words. */
export interface QuoteAt {
  field: string;
  quote: string;
}

/** A field that holds the standard's words: `quote`, or a name ending in `Quote` (`routing.defaultQuote`). */
const isQuoteField = (key: string) => key === 'quote' || key.endsWith('Quote');

/** Every quote string in a kommune's data, at any depth, in file order. */
export function quotesIn(data: unknown, path: readonly (string | number)[] = []): QuoteAt[] {
  if (Array.isArray(data)) return data.flatMap((item, i) => quotesIn(item, [...path, i]));
  if (!data || typeof data !== 'object') return [];
  return Object.entries(data).flatMap(([key, value]) =>
    isQuoteField(key) && typeof value === 'string' ? [{ field: [...path, key].join('.'), quote: value }] : quotesIn(value, [...path, key]),
  );
}

const collapse = (text: string) => text.replace(/[\s\u00a0]+/g, ' ').trim();

/** A hyphen at a line end with a lower-case letter on the next line: the extraction split one word. */
const SPLIT_WORD = /(\p{L})-[ \t]*\r?\n\s*(?=\p{Ll})/gu;

/**
 * The source as quotes are matched against it: whitespace collapsed, with and
 * without words split at line ends joined ("social- og sundhedsområdet" is a
 * real hyphen that must survive, so both readings are kept).
 */
export function quoteSearchTexts(source: string): readonly string[] {
  return [collapse(source.replace(SPLIT_WORD, '$1')), collapse(source)];
}

/** Whether `quote` stands in the source (see quoteSearchTexts), each "…"-separated part in order. */
export function isQuoteInSource(quote: string, searchTexts: readonly string[]): boolean {
  const parts = quote
    .split('…')
    .map(collapse)
    .filter((part) => part.length > 0);
  if (parts.length === 0) return false;
  return searchTexts.some((text) => {
    let from = 0;
    for (const part of parts) {
      const at = text.indexOf(part, from);
      if (at < 0) return false;
      from = at + part.length;
    }
    return true;
  });
}

/**
 * Facts whose `weeksAfterApplying` (the receipt's date) their own quote does
 * not state as "<n> uger": a date is only ever counted from the standard's words.
 */
export function weeksNotInQuote(data: unknown, path: readonly (string | number)[] = []): string[] {
  if (Array.isArray(data)) return data.flatMap((item, i) => weeksNotInQuote(item, [...path, i]));
  if (!data || typeof data !== 'object') return [];
  const record = data as Record<string, unknown>;
  const own =
    typeof record.weeksAfterApplying === 'number' &&
    !(typeof record.quote === 'string' && new RegExp(`\\b${record.weeksAfterApplying}\\s+uger\\b`).test(record.quote))
      ? [[...path, 'weeksAfterApplying'].join('.')]
      : [];
  return [...own, ...Object.entries(record).flatMap(([key, value]) => weeksNotInQuote(value, [...path, key]))];
}

/** The quotes of `data` not found in `source`: empty when every rule and fact is the standard's own words. */
export function unfoundQuotes(data: unknown, source: string): QuoteAt[] {
  const texts = quoteSearchTexts(source);
  return quotesIn(data).filter(({ quote }) => !isQuoteInSource(quote, texts));
}
