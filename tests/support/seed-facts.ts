/**
 * Fact lists per kommune (tests/fixtures/seed-facts/<slug>.json): each entry
 * names a fact of the source document, quotes the seed where it says so, and
 * lists the strings the site must contain for the fact to be there.
 */
import { readFileSync } from 'node:fs';

export interface SeedFact {
  /** Short name of the fact, e.g. "Telefon Visitationen". */
  fact: string;
  /** The seed's own words (whitespace-insensitive), proving the fact is in the standard. */
  seedQuote: string | null;
  /** Strings the kommune's content (and pages) must contain. */
  mustContain: string[];
  seedFile: string;
}

interface FactFile {
  seedFile: string;
  facts: Omit<SeedFact, 'seedFile'>[];
}

export function seedFacts(slug: string): SeedFact[] {
  const file = JSON.parse(
    readFileSync(new URL(`../fixtures/seed-facts/${slug}.json`, import.meta.url), 'utf8'),
  ) as FactFile;
  return file.facts.map((f) => ({ ...f, seedFile: file.seedFile }));
}

/** Lower case, one space for any whitespace, typographic dashes and quotes made plain. */
export function normaliseForFactSearch(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d\u00ab\u00bb]/g, '"')
    .replace(/[\s\u00a0]+/g, ' ');
}
