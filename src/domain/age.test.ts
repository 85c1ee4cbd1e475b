import { describe, expect, it } from 'vitest';
import { ageOn } from './age.ts';
import { danishDate } from './danish-clock.ts';

describe('age on the day of submission, in Danish time', () => {
  it('you turn 30 on your 30th birthday', () => {
    expect(ageOn('1996-05-10', new Date('2026-05-09T12:00:00+02:00'))).toBe(29);
    expect(ageOn('1996-05-10', new Date('2026-05-10T12:00:00+02:00'))).toBe(30);
  });

  it('counts the Danish calendar date: 00:30 on the birthday in Copenhagen is still 22:30 UTC the day before', () => {
    const justAfterMidnight = new Date('2026-05-09T22:30:00Z'); // 00:30 on 10 May, summer time
    expect(danishDate(justAfterMidnight)).toBe('2026-05-10');
    expect(ageOn('1996-05-10', justAfterMidnight)).toBe(30);
  });

  it('uses winter time too (UTC+1)', () => {
    expect(ageOn('1996-01-10', new Date('2026-01-09T23:30:00Z'))).toBe(30);
    expect(ageOn('1996-01-10', new Date('2026-01-09T22:30:00Z'))).toBe(29);
  });

  it('born 29 February: a year older on 1 March in a year without 29 February', () => {
    expect(ageOn('2008-02-29', new Date('2026-02-28T12:00:00Z'))).toBe(17);
    expect(ageOn('2008-02-29', new Date('2026-03-01T12:00:00Z'))).toBe(18);
    expect(ageOn('2008-02-29', new Date('2028-02-29T12:00:00Z'))).toBe(20);
  });
});
