/**
 * "Every fact of the standard stays": for each kommune, a list of facts
 * taken from its source document (numbers, deadlines, phone numbers,
 * addresses, units, providers, methods, paragraphs, approval) must each be
 * found in its content file. The lists live in tests/fixtures/seed-facts/
 * and quote the seed's wording of each fact; the e2e suite checks the same
 * lists against the rendered pages.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { KOMMUNE_SLUGS } from '../../src/domain/kommune.ts';
import { normaliseForFactSearch, seedFacts } from '../support/seed-facts.ts';

describe.each([...KOMMUNE_SLUGS])('every fact of the %s standard is in its content file', (slug) => {
  const text = normaliseForFactSearch(readFileSync(new URL(`../../content/kommuner/${slug}.mdx`, import.meta.url), 'utf8'));
  const facts = seedFacts(slug);

  it('has a fact list of some substance', () => {
    expect(facts.length).toBeGreaterThanOrEqual(15);
  });

  it.each(facts.map((f) => [f.fact, f]))('%s', (_, f) => {
    const seed = normaliseForFactSearch(readFileSync(new URL(`../../content/sources/${f.seedFile}`, import.meta.url), "utf8"));
    // The fact must really be in the source document …
    if (f.seedQuote) expect(seed).toContain(normaliseForFactSearch(f.seedQuote));
    // … and be found, in the site's words, in the content file.
    for (const needle of f.mustContain) expect(text).toContain(normaliseForFactSearch(needle));
  });
});
