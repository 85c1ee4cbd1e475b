import { describe, expect, it } from 'vitest';
import { danishSlug, getsHeadingId, headingIdsOf } from './slug.ts';

describe('Danish slugs and heading ids', () => {
  it('writes æ, ø and å the Danish way and drops punctuation', () => {
    expect(danishSlug('Kan jeg få støtte?')).toBe('kan-jeg-faa-stoette');
    expect(danishSlug('Hvad gør jeg, hvis jeg er uenig?')).toBe('hvad-goer-jeg-hvis-jeg-er-uenig');
    expect(danishSlug('Støtte efter § 85')).toBe('stoette-efter-paragraf-85');
    expect(danishSlug('Ærø Café')).toBe('aeroe-cafe');
  });

  it('numbers a repeated heading from the second time it occurs', () => {
    expect(headingIdsOf(['Hvad koster det?', 'Eksempel', 'Eksempel', 'Eksempel'])).toEqual([
      'hvad-koster-det',
      'eksempel',
      'eksempel-1',
      'eksempel-2',
    ]);
  });

  it('gives ids to h2–h4 only', () => {
    expect([1, 2, 3, 4, 5].map(getsHeadingId)).toEqual([false, true, true, true, false]);
  });
});
