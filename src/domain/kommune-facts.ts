/**
 * A kommune's fact list (optional, `content/kommuner/<slug>.facts.json`
 * beside its content file): facts taken from the source document (numbers,
 * deadlines, phone numbers, addresses, units, methods, paragraphs), each with
 * the source's own words and the strings the site must contain for the fact
 * to be there. The content check holds the content file to it, so a fact of
 * the standard cannot be lost in the rewrite into plain Danish; the e2e suite
 * holds the rendered pages to the same list.
 *
 * The source document is the one the kommune's content file names
 * (`source.seedFile`, in `content/sources/`).
 */
import { z } from 'zod';

/** A fact list shorter than this is no proof that the standard's facts were kept. */
export const MIN_FACTS = 15;

export const FactCheckSchema = z.strictObject({
  /** Short name of the fact, e.g. "Telefon Visitationen". */
  fact: z.string().min(1),
  /** The source's own words (whitespace-insensitive), proving the fact is in the standard; `null` if none can be quoted. */
  seedQuote: z.string().min(1).nullable(),
  /** Strings the kommune's content (and pages) must contain. */
  mustContain: z.array(z.string().min(1)).min(1),
});
export type FactCheck = z.infer<typeof FactCheckSchema>;

export const FactListSchema = z.strictObject({
  facts: z
    .array(FactCheckSchema)
    .min(MIN_FACTS, `skal have mindst ${MIN_FACTS} fakta`)
    .refine((facts) => new Set(facts.map((f) => f.fact)).size === facts.length, 'to fakta har samme navn'),
});
export type FactList = z.infer<typeof FactListSchema>;

/** The file name of a kommune's fact list beside its content file. */
export const factsFileName = (slug: string) => `${slug}.facts.json`;

/** Lower case, one space for any whitespace, typographic dashes and quotes made plain. */
export function normaliseForFactSearch(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d\u00ab\u00bb]/g, '"')
    .replace(/[\s\u00a0]+/g, ' ');
}

/** The strings of each fact that `text` (a content file, or a page's text) lacks, as "fact: string". */
export function missingFacts(facts: readonly FactCheck[], text: string): string[] {
  const haystack = normaliseForFactSearch(text);
  return facts.flatMap((f) =>
    f.mustContain.filter((s) => !haystack.includes(normaliseForFactSearch(s))).map((s) => `${f.fact}: "${s}"`),
  );
}

/** The facts whose quote is not in the source document: a fact list must quote the standard, not invent it. */
export function unquotedFacts(facts: readonly FactCheck[], source: string): string[] {
  const haystack = normaliseForFactSearch(source);
  return facts.filter((f) => f.seedQuote !== null && !haystack.includes(normaliseForFactSearch(f.seedQuote))).map((f) => f.fact);
}
