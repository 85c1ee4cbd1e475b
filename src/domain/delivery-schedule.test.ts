import { describe, expect, it } from 'vitest';
import { afterFailure, FIRST_RETRY_MS, GIVE_UP_AFTER_MS, LONGEST_RETRY_MS, retryDelayMs } from './delivery-schedule.ts';

const lowest = () => 0;
const highest = () => 0.999999;

describe('retryDelayMs', () => {
  it('tries the first retry 5 to 10 seconds after the first failure, so within 15 seconds', () => {
    expect(retryDelayMs(1, lowest)).toBe(FIRST_RETRY_MS / 2);
    expect(retryDelayMs(1, highest)).toBeLessThanOrEqual(FIRST_RETRY_MS);
    expect(retryDelayMs(1, highest)).toBeLessThan(15_000);
  });

  it('doubles the wait after each failure', () => {
    const planned = [1, 2, 3, 4].map((n) => retryDelayMs(n, lowest) * 2);
    expect(planned).toEqual([10_000, 20_000, 40_000, 80_000]);
  });

  it('never waits more than an hour, however many attempts have failed', () => {
    for (const n of [10, 20, 31, 1000]) {
      expect(retryDelayMs(n, highest)).toBeLessThanOrEqual(LONGEST_RETRY_MS);
      expect(retryDelayMs(n, lowest)).toBe(LONGEST_RETRY_MS / 2);
    }
  });

  it('spreads jobs that failed together (jitter)', () => {
    const waits = new Set([0.1, 0.4, 0.7, 0.9].map((r) => retryDelayMs(5, () => r)));
    expect(waits.size).toBe(4);
  });
});

describe('afterFailure', () => {
  const queuedAt = new Date('2026-12-01T10:00:00Z');
  const at = (ms: number) => new Date(queuedAt.getTime() + ms);

  it('plans the next attempt after the wait', () => {
    const now = at(60_000);
    expect(afterFailure({ attemptsMade: 1, queuedAt, now, permanent: false, random: lowest })).toEqual({
      state: 'pending',
      nextAttemptAt: new Date(now.getTime() + 5_000),
    });
  });

  it('gives a job up once it has failed for 72 hours since it was queued, not before', () => {
    expect(afterFailure({ attemptsMade: 80, queuedAt, now: at(GIVE_UP_AFTER_MS - 1), permanent: false, random: lowest }).state).toBe('pending');
    expect(afterFailure({ attemptsMade: 80, queuedAt, now: at(GIVE_UP_AFTER_MS), permanent: false, random: lowest })).toEqual({ state: 'failed' });
  });

  it('gives up at once when the destination says no retry can help', () => {
    expect(afterFailure({ attemptsMade: 1, queuedAt, now: at(1000), permanent: true, random: lowest })).toEqual({ state: 'failed' });
  });
});
