import { describe, expect, it } from 'vitest';
import { danishClock, formatClock } from './danish-clock.ts';

describe('Danish clock', () => {
  it('writes times the Danish way with a full stop and without a leading zero', () => {
    expect(formatClock('08:00', 'da')).toBe('8.00');
    expect(formatClock('13:30', 'da')).toBe('13.30');
    expect(formatClock('08:30', 'en')).toBe('8:30');
  });

  it('reads a moment as Copenhagen wall-clock time, summer and winter', () => {
    expect(danishClock(new Date('2026-06-01T06:30:00Z'))).toEqual({ date: '2026-06-01', time: '08:30' });
    expect(danishClock(new Date('2026-12-31T23:30:00Z'))).toEqual({ date: '2027-01-01', time: '00:30' });
  });
});
