/**
 * The application reference a citizen reads aloud over the phone: "7KQM-X3PP".
 *
 * - Alphabet: digits and capital letters without 0/O and 1/I/L, which sound
 *   or look alike. 31 symbols; 31 is prime, which the check relies on.
 * - Seven random symbols (31^7 ≈ 27 billion; the store retries on the rare
 *   collision) and one check symbol, shown as two groups of four.
 * - Check: the weighted sum Σ i·v(i) over positions i = 1…8 is 0 mod 31.
 *   The weights 1…8 are distinct and non-zero mod a prime, so every single
 *   wrong symbol and every swap of two neighbours is caught.
 *
 * A reference is not personal data: it says nothing about the person.
 */
export const REFERENCE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const BASE = REFERENCE_ALPHABET.length;
const RANDOM_LENGTH = 7;

/** The check symbol for seven symbols' values. */
function checkValue(values: number[]): number {
  const sum = values.reduce((acc, v, i) => acc + (i + 1) * v, 0);
  // Choose c so that sum + 8·c ≡ 0 (mod 31); 8⁻¹ mod 31 is 4 (8·4 = 32).
  return (((-sum * 4) % BASE) + BASE) % BASE;
}

/**
 * A new reference. `randomIndex(n)` returns a uniformly random integer in
 * [0, n) — crypto randomness on the server, a seeded one in tests.
 */
export function createReference(randomIndex: (n: number) => number): string {
  const values = Array.from({ length: RANDOM_LENGTH }, () => randomIndex(BASE));
  values.push(checkValue(values));
  const symbols = values.map((v) => REFERENCE_ALPHABET[v]).join('');
  return `${symbols.slice(0, 4)}-${symbols.slice(4)}`;
}

/**
 * A reference as typed or read back by a person ("7kqm x3pp", "7KQMX3PP")
 * in its canonical form "7KQM-X3PP", or `null` when it cannot be one
 * (wrong length, a symbol outside the alphabet, or a failed check).
 */
export function normalizeReference(input: string): string | null {
  const compact = input.toUpperCase().replace(/[\s-]/g, '');
  if (compact.length !== RANDOM_LENGTH + 1) return null;
  const values = [...compact].map((ch) => REFERENCE_ALPHABET.indexOf(ch));
  if (values.some((v) => v < 0)) return null;
  const sum = values.reduce((acc, v, i) => acc + (i + 1) * v, 0);
  if (sum % BASE !== 0) return null;
  return `${compact.slice(0, 4)}-${compact.slice(4)}`;
}

export const isValidReference = (input: string): boolean => normalizeReference(input) === input;
