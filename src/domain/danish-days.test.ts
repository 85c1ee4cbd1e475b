import { describe, expect, it } from 'vitest';
import { danishDateTime, endOfDanishDay, startOfDanishDay } from './danish-days.ts';

describe('Danish calendar days as moments', () => {
  it('a winter day begins at 23:00 UTC the day before', () => {
    expect(startOfDanishDay('2026-11-24').toISOString()).toBe('2026-11-23T23:00:00.000Z');
  });

  it('a summer day begins at 22:00 UTC the day before', () => {
    expect(startOfDanishDay('2026-07-01').toISOString()).toBe('2026-06-30T22:00:00.000Z');
  });

  it('the days the clocks change begin at their own midnight (last Sunday of March and of October)', () => {
    expect(startOfDanishDay('2026-03-29').toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(startOfDanishDay('2026-03-30').toISOString()).toBe('2026-03-29T22:00:00.000Z');
    expect(startOfDanishDay('2026-10-25').toISOString()).toBe('2026-10-24T22:00:00.000Z');
    expect(startOfDanishDay('2026-10-26').toISOString()).toBe('2026-10-25T23:00:00.000Z');
  });

  it('"from 1 to 30 November" covers the whole of 30 November in Denmark, and nothing of 1 December', () => {
    expect(startOfDanishDay('2026-11-01').toISOString()).toBe('2026-10-31T23:00:00.000Z');
    const end = endOfDanishDay('2026-11-30');
    expect(end.toISOString()).toBe('2026-11-30T23:00:00.000Z');
    expect(danishDateTime(new Date(end.getTime() - 1))).toBe('2026-11-30 23:59');
  });

  it('a date that does not exist is refused', () => {
    expect(() => startOfDanishDay('2026-02-30')).toThrow(RangeError);
    expect(() => endOfDanishDay('30-11-2026')).toThrow(RangeError);
  });

  it('shows a moment as Danish wall-clock time', () => {
    expect(danishDateTime(new Date('2026-11-24T09:00:00Z'))).toBe('2026-11-24 10:00');
    expect(danishDateTime(new Date('2026-06-24T09:00:00Z'))).toBe('2026-06-24 11:00');
  });
});
