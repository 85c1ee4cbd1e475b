import { describe, expect, it } from 'vitest';
import { DEFAULT_RETENTION_DAYS, parseRetentionDays } from './retention.ts';

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
