import { describe, expect, it } from 'vitest';
import { ageBand } from './age-band.ts';

describe('a routing rule’s age band', () => {
  it('turns the rule’s exclusive upper age into the last age the band covers', () => {
    expect(ageBand({ minAge: 15, belowAge: 30 })).toEqual({ kind: 'between', min: 15, max: 29 });
    expect(ageBand({ minAge: null, belowAge: 30 })).toEqual({ kind: 'below', below: 30 });
    expect(ageBand({ minAge: 18, belowAge: null })).toEqual({ kind: 'from', min: 18 });
    expect(ageBand({ minAge: null, belowAge: null })).toBeNull();
  });
});
