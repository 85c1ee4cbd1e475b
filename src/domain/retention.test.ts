import { describe, expect, it } from 'vitest';
import { DEFAULT_AUDIT_RETENTION_DAYS, DEFAULT_RETENTION_DAYS, parseRetentionDays, wholeYears } from './retention.ts';

describe('the retention period', () => {
  it('is 30 days unless the operator chooses another', () => {
    expect(DEFAULT_RETENTION_DAYS).toBe(30);
  });

  it('an operator writes it as a whole number of days', () => {
    expect(parseRetentionDays('60')).toBe(60);
    expect(parseRetentionDays(' 7 ')).toBe(7);
  });

  it('zero, negative, fractional, worded or absurdly long periods are refused', () => {
    for (const bad of ['0', '-3', '1.5', '30 dage', '', '123456']) expect(parseRetentionDays(bad)).toBeNull();
  });
});

describe('the audit trail’s period', () => {
  it('is five years of days by default, said as 5 years', () => {
    expect(DEFAULT_AUDIT_RETENTION_DAYS).toBe(1826);
    expect(wholeYears(DEFAULT_AUDIT_RETENTION_DAYS)).toBe(5);
  });

  it('is said in years when it is whole years to within a day, else in days', () => {
    expect([365, 366, 730, 1095, 1461, 3652].map(wholeYears)).toEqual([1, 1, 2, 3, 4, 10]);
    for (const days of [1, 30, 200, 363, 400, 548, 1800]) expect(wholeYears(days)).toBeNull();
  });
});
