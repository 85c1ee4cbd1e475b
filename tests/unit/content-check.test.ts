/**
 * `npm run content:check` passes on the project's content, kommune by
 * kommune: schema, headings, section links, LIX, the source document, and
 * "every fact of the standard stays" for each kommune with a fact list
 * (content/kommuner/<slug>.facts.json: facts quoted from the source document,
 * each of which must be found in the content file). The e2e suite checks the
 * same lists against the rendered pages.
 */
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../src/lib/content-check.ts';
import { kommuneSlugs } from '../support/kommuner.ts';
import { kommunerWithFacts } from '../support/seed-facts.ts';

describe.each(kommuneSlugs)('the content check of %s', (slug) => {
  it('finds nothing to fix', () => {
    const { problems, slugs } = checkContent(undefined, [slug]);
    expect(slugs).toEqual([slug]);
    expect(problems).toEqual([]);
  });
});

it('most kommuner have a fact list, and every list is checked', () => {
  // A fact list is optional for a new kommune; the five the site started with all have one.
  expect(kommunerWithFacts.map((k) => k.slug)).toEqual(expect.arrayContaining(['bronderslev', 'frederikssund', 'sonderborg', 'varde', 'aabenraa']));
  const notes = checkContent().notes;
  for (const { slug, facts } of kommunerWithFacts) expect(notes).toContain(`${slug}: faktaliste: ${facts.length} fakta`);
});
