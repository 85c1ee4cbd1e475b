import { describe, expect, it } from 'vitest';
import { ageBandText, ageBandWords } from './age-band-text.ts';

describe('an age band in words', () => {
  it('is worded from one set of strings in each language', () => {
    const band = { kind: 'between', min: 15, max: 29 } as const;
    expect(ageBandText(band, ageBandWords('da'))).toBe('15–29 år');
    expect(ageBandText(band, ageBandWords('en'))).toBe('aged 15–29');
    expect(ageBandText({ kind: 'below', below: 30 }, ageBandWords('da'))).toBe('under 30 år');
    expect(ageBandText({ kind: 'from', min: 18 }, ageBandWords('da'))).toBe('18 år eller ældre');
  });
});
