import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createReference, isValidReference, normalizeReference, REFERENCE_ALPHABET } from './reference.ts';

/** A reference from a list of seven symbol indexes (for property tests). */
const fromIndexes = (indexes: number[]) => {
  let i = 0;
  return createReference(() => indexes[i++]!);
};
const sevenIndexes = fc.array(fc.integer({ min: 0, max: REFERENCE_ALPHABET.length - 1 }), { minLength: 7, maxLength: 7 });

describe('an application reference a citizen reads aloud over the phone', () => {
  it('is two groups of four symbols, e.g. "7KQM-X3PP"', () => {
    fc.assert(fc.property(sevenIndexes, (ix) => {
      expect(fromIndexes(ix)).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    }));
  });

  it('never uses 0, O, 1, I or L, which sound or look alike', () => {
    expect(REFERENCE_ALPHABET).not.toMatch(/[0O1IL]/);
    fc.assert(fc.property(sevenIndexes, (ix) => {
      expect(fromIndexes(ix)).not.toMatch(/[0O1IL]/);
    }));
  });

  it('passes its own check', () => {
    fc.assert(fc.property(sevenIndexes, (ix) => {
      expect(isValidReference(fromIndexes(ix))).toBe(true);
    }));
  });

  it('catches any one symbol read or typed wrong', () => {
    fc.assert(
      fc.property(sevenIndexes, fc.integer({ min: 0, max: 7 }), fc.integer({ min: 1, max: 30 }), (ix, pos, shift) => {
        const ref = fromIndexes(ix).replace('-', '');
        const wrong = REFERENCE_ALPHABET[(REFERENCE_ALPHABET.indexOf(ref[pos]!) + shift) % REFERENCE_ALPHABET.length]!;
        expect(normalizeReference(ref.slice(0, pos) + wrong + ref.slice(pos + 1))).toBeNull();
      }),
    );
  });

  it('catches two neighbouring symbols swapped', () => {
    fc.assert(
      fc.property(sevenIndexes, fc.integer({ min: 0, max: 6 }), (ix, pos) => {
        const ref = fromIndexes(ix).replace('-', '');
        fc.pre(ref[pos] !== ref[pos + 1]);
        const swapped = ref.slice(0, pos) + ref[pos + 1] + ref[pos] + ref.slice(pos + 2);
        expect(normalizeReference(swapped)).toBeNull();
      }),
    );
  });

  it('is understood as typed back: lower case, spaces or no hyphen', () => {
    const ref = fromIndexes([5, 20, 0, 13, 30, 2, 9]);
    const compact = ref.replace('-', '');
    expect(normalizeReference(ref.toLowerCase())).toBe(ref);
    expect(normalizeReference(compact)).toBe(ref);
    expect(normalizeReference(` ${compact.slice(0, 4)} ${compact.slice(4)} `)).toBe(ref);
  });

  it('rejects what cannot be a reference', () => {
    for (const bad of ['', 'ABC', 'ABCD-EFGH-J', 'O0O0-1111', '<script>', 'ÆØÅÆ-ØÅÆØ']) {
      expect(normalizeReference(bad)).toBeNull();
    }
  });

  it('draws every symbol from the random source it is given', () => {
    const seen: number[] = [];
    createReference((n) => {
      seen.push(n);
      return 0;
    });
    expect(seen).toEqual(Array(7).fill(REFERENCE_ALPHABET.length));
  });
});
