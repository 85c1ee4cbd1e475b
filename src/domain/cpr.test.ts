import { describe, expect, it } from 'vitest';
import { centuryFor, isRealDate, parseCpr } from './cpr.ts';

describe('CPR: the birth year century from the 7th digit', () => {
  it.each([
    // seventh digit, YY, century
    [0, 0, 1900], [3, 99, 1900], [1, 36, 1900],
    [4, 0, 2000], [4, 36, 2000], [4, 37, 1900], [4, 99, 1900],
    [9, 36, 2000], [9, 37, 1900],
    [5, 0, 2000], [8, 57, 2000], [5, 58, 1800], [8, 99, 1800],
    [6, 37, 2000],
  ])('7th digit %i with year %i → %i', (digit, yy, century) => {
    expect(centuryFor(digit, yy)).toBe(century);
  });

  it('gives the birth date of a person born in 1999 (digit 1)', () => {
    expect(parseCpr('120499-1234')).toEqual({ ok: true, cpr: '120499-1234', birthDate: '1999-04-12' });
  });

  it('accepts the number without the hyphen, and with a space', () => {
    expect(parseCpr('1204991234')).toEqual({ ok: true, cpr: '120499-1234', birthDate: '1999-04-12' });
    expect(parseCpr(' 120499 1234 ')).toMatchObject({ ok: true, birthDate: '1999-04-12' });
  });

  it('places 7th digit 4 and 9 with YY ≤ 36 in the 2000s', () => {
    expect(parseCpr('010105-4321')).toMatchObject({ birthDate: '2005-01-01' });
    expect(parseCpr('010136-9321')).toMatchObject({ birthDate: '2036-01-01' });
    expect(parseCpr('010137-9321')).toMatchObject({ birthDate: '1937-01-01' });
  });

  it('places 7th digit 5–8 with YY ≥ 58 in the 1800s', () => {
    expect(parseCpr('150670-5000')).toMatchObject({ birthDate: '1870-06-15' });
    expect(parseCpr('150657-8000')).toMatchObject({ birthDate: '2057-06-15' });
  });

  it('rejects impossible dates', () => {
    expect(parseCpr('310499-1234')).toEqual({ ok: false, reason: 'date' }); // 31 April
    expect(parseCpr('290201-1234')).toEqual({ ok: false, reason: 'date' }); // 2001 is not a leap year
    expect(parseCpr('000199-1234')).toEqual({ ok: false, reason: 'date' });
    expect(parseCpr('011399-1234')).toEqual({ ok: false, reason: 'date' });
  });

  it('accepts 29 February in a leap year found through the century rule', () => {
    expect(parseCpr('290200-4000')).toMatchObject({ ok: true, birthDate: '2000-02-29' });
    expect(parseCpr('290200-1000')).toEqual({ ok: false, reason: 'date' }); // 1900 was not a leap year
  });

  it('rejects anything that is not ten digits', () => {
    for (const bad of ['', '12049-1234', '120499-12345', '12O499-1234', '120499--1234', '120499_1234']) {
      expect(parseCpr(bad)).toEqual({ ok: false, reason: 'format' });
    }
  });
});

describe('real calendar dates', () => {
  it('knows leap years', () => {
    expect(isRealDate('2024-02-29')).toBe(true);
    expect(isRealDate('2023-02-29')).toBe(false);
    expect(isRealDate('2000-02-29')).toBe(true);
    expect(isRealDate('1900-02-29')).toBe(false);
    expect(isRealDate('2024-2-1')).toBe(false);
  });
});
