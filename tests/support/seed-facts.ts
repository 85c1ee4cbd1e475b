/**
 * The kommuner's fact lists (content/kommuner/<slug>.facts.json, optional):
 * each entry names a fact of the source document, quotes it, and lists the
 * strings the site must contain for the fact to be there. The content check
 * holds the content files to them; the e2e suite holds the rendered pages.
 */
import { FactListSchema, type FactCheck } from '../../src/domain/kommune-facts.ts';
import { KOMMUNER_DIR, readFactsFile } from '../../src/lib/content-files.ts';
import { kommuneSlugs } from './kommuner.ts';

export { missingFacts, normaliseForFactSearch, type FactCheck } from '../../src/domain/kommune-facts.ts';

/** A kommune's fact list, or `null` when it has none. */
export function seedFacts(slug: string): FactCheck[] | null {
  const found = readFactsFile(KOMMUNER_DIR, slug);
  return found ? FactListSchema.parse(found.data).facts : null;
}

/** The kommuner that have a fact list, with it. */
export const kommunerWithFacts: { slug: string; facts: FactCheck[] }[] = kommuneSlugs.flatMap((slug) => {
  const facts = seedFacts(slug);
  return facts ? [{ slug, facts }] : [];
});
