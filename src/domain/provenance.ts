/**
 * Provenance: the standard's own words behind every rule and fact the site
 * shows as the kommune's. A `quote` in a kommune's content file must stand in
 * its source document (`content/sources/<source.seedFile>`) word for word;
 * only whitespace and line breaks may differ, and a word the PDF extraction
 * split at a line end ("forvalt- ningsloven") matches the whole word. A quote
 * may leave text out where it says "…": each part must then be found, in
 * order. The content check (src/lib/content-check.ts) runs this on every
 * quote of every kommune and names the file and field of one that is not.
 *
 * Where a quote stands is its section of the source document: the editor
 * lists the document's own headings once (`source.sections`, in order), and a
 * quote belongs to the last heading before it (quoteSections).
 */

/** One `quote` in a content file: where it sits in the data ("eligibility.targetGroup.quote") and its words. */
export interface QuoteAt {
  field: string;
  quote: string;
}

/**
 * A field that holds the standard's words: `quote`, a name ending in `Quote`
 * (`routing.defaultQuote`), or a unit's `phoneHoursText` (shown as "Sådan står
 * det i kvalitetsstandarden"; its lines as the standard breaks them).
 */
const isQuoteField = (key: string) => key === 'quote' || key.endsWith('Quote') || key === 'phoneHoursText';

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

const quoteParts = (quote: string) =>
  quote
    .split('…')
    .map(collapse)
    .filter((part) => part.length > 0);

/** Where the quote's first part stands in `text` when every part follows in order, else -1. */
function quoteAt(parts: readonly string[], text: string): number {
  if (parts.length === 0) return -1;
  let from = 0;
  let first = -1;
  for (const part of parts) {
    const at = text.indexOf(part, from);
    if (at < 0) return -1;
    if (first < 0) first = at;
    from = at + part.length;
  }
  return first;
}

/** Whether `quote` stands in the source (see quoteSearchTexts), each "…"-separated part in order. */
export function isQuoteInSource(quote: string, searchTexts: readonly string[]): boolean {
  const parts = quoteParts(quote);
  return searchTexts.some((text) => quoteAt(parts, text) >= 0);
}

/** A table of contents line: the heading followed by dot leaders ("1. Formål ......... 3"). */
const DOT_LEADERS = /^ ?\.{3}/;

/**
 * Where each heading stands in `text`, in order: each is looked for after the
 * one before it, passing over a table of contents' entry. -1 for one not found
 * (the headings after it are then looked for from where the last found one stood).
 */
function headingPositions(headings: readonly string[], text: string): number[] {
  let from = 0;
  return headings.map((heading) => {
    const words = collapse(heading);
    for (let at = text.indexOf(words, from); at >= 0; at = text.indexOf(words, at + 1)) {
      if (!DOT_LEADERS.test(text.slice(at + words.length, at + words.length + 4))) {
        from = at + words.length;
        return at;
      }
    }
    return -1;
  });
}

/**
 * The headings of `source.sections` that do not stand in the source, in order
 * (as "<index>: <heading>"): each must be found after the one before it.
 */
export function unfoundSections(headings: readonly string[], source: string): string[] {
  const [text] = quoteSearchTexts(source);
  return headingPositions(headings, text!).flatMap((at, i) => (at < 0 ? [`${i}: ${headings[i]}`] : []));
}

/**
 * The section of the source document each quote stands in: the last of
 * `headings` before the quote's first words. A quote before the first heading,
 * or not in the source, has none (the content check reports both).
 */
export function quoteSections(headings: readonly string[], source: string): (quote: string) => string | null {
  const located = quoteSearchTexts(source).map((text) => ({ text, at: headingPositions(headings, text) }));
  return (quote) => {
    const parts = quoteParts(quote);
    for (const { text, at } of located) {
      const position = quoteAt(parts, text);
      if (position < 0) continue;
      let section: string | null = null;
      for (const [i, headingAt] of at.entries()) if (headingAt >= 0 && headingAt <= position) section = headings[i] ?? null;
      return section;
    }
    return null;
  };
}

/** What the build writes beside a `quote`: the heading of the source document it stands under. */
export interface Located {
  quoteSection?: string;
}

/** Every quote-bearing object of `data` (at any depth) with `quoteSection` beside its `quote`: where it stands. */
export function withQuoteSections<T>(data: T, sectionOf: (quote: string) => string | null): T {
  if (Array.isArray(data)) return data.map((item) => withQuoteSections(item, sectionOf)) as T;
  if (!data || typeof data !== 'object') return data;
  const entries = Object.entries(data).map(([key, value]) => [key, withQuoteSections(value, sectionOf)] as const);
  const { quote } = data as { quote?: unknown };
  const section = typeof quote === 'string' ? sectionOf(quote) : null;
  return Object.fromEntries(section ? [...entries, ['quoteSection', section]] : entries) as T;
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

/**
 * Outside sources whose `processingWeeks` (a date on the receipt) their own
 * text does not state as "<n> uger", by path ("outsideSources.0.processingWeeks").
 */
export function processingWeeksNotInText(outsideSources: readonly { text: string; processingWeeks?: number | undefined }[]): string[] {
  return outsideSources.flatMap((source, i) =>
    source.processingWeeks !== undefined && !new RegExp(`\\b${source.processingWeeks}\\s+uger\\b`).test(source.text)
      ? [`outsideSources.${i}.processingWeeks`]
      : [],
  );
}

/** The quotes of `data` not found in `source`: empty when every rule and fact is the standard's own words. */
export function unfoundQuotes(data: unknown, source: string): QuoteAt[] {
  const texts = quoteSearchTexts(source);
  return quotesIn(data).filter(({ quote }) => !isQuoteInSource(quote, texts));
}
