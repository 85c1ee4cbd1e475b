import { describe, expect, it } from 'vitest';
import { createRateLimiter, sharedLimiter, withFallback, type RateDecision } from './rate-limit.ts';

const SECOND = 1000;

describe('the per-client rate limit (a token bucket per client)', () => {
  it('lets `capacity` requests through at once, then refuses with the seconds until the next one is allowed', () => {
    const limiter = createRateLimiter({ capacity: 3, windowSeconds: 60 });
    expect([0, 0, 0].map((t) => limiter.take('a', t))).toEqual([{ allowed: true }, { allowed: true }, { allowed: true }]);
    // 3 per 60 s: one request back every 20 s.
    expect(limiter.take('a', 0)).toEqual({ allowed: false, retryAfterSeconds: 20 });
  });

  it('each client has a bucket of its own', () => {
    const limiter = createRateLimiter({ capacity: 1, windowSeconds: 60 });
    expect(limiter.take('a', 0).allowed).toBe(true);
    expect(limiter.take('a', 0).allowed).toBe(false);
    expect(limiter.take('b', 0).allowed).toBe(true);
  });

  it('refills steadily: a refused request costs nothing, and Retry-After counts down to the moment it is allowed', () => {
    const limiter = createRateLimiter({ capacity: 3, windowSeconds: 60 });
    for (let i = 0; i < 3; i++) limiter.take('a', 0);
    expect(limiter.take('a', 10 * SECOND)).toEqual({ allowed: false, retryAfterSeconds: 10 });
    expect(limiter.take('a', 19.5 * SECOND)).toEqual({ allowed: false, retryAfterSeconds: 1 });
    expect(limiter.take('a', 20 * SECOND)).toEqual({ allowed: true });
    expect(limiter.take('a', 20 * SECOND)).toEqual({ allowed: false, retryAfterSeconds: 20 });
  });

  it('Retry-After is at least one second, never 0', () => {
    const limiter = createRateLimiter({ capacity: 3, windowSeconds: 60 });
    for (let i = 0; i < 3; i++) limiter.take('a', 0);
    expect(limiter.take('a', 20 * SECOND - 1)).toEqual({ allowed: false, retryAfterSeconds: 1 });
  });

  it('a long pause fills the bucket up to its capacity, not beyond', () => {
    const limiter = createRateLimiter({ capacity: 2, windowSeconds: 60 });
    limiter.take('a', 0);
    const later = 24 * 60 * 60 * SECOND;
    expect([1, 2, 3].map(() => limiter.take('a', later).allowed)).toEqual([true, true, false]);
  });

  it('keeps at most `maxClients` buckets, dropping the client seen least recently', () => {
    const limiter = createRateLimiter({ capacity: 1, windowSeconds: 600, maxClients: 2 });
    limiter.take('a', 0);
    limiter.take('b', 0);
    // a is refused, and so becomes the most recently seen; c's new bucket pushes out b, not a.
    expect(limiter.take('a', 0).allowed).toBe(false);
    expect(limiter.take('c', 0).allowed).toBe(true);
    expect(limiter.take('a', 0).allowed).toBe(false);
    // b's bucket was dropped: b starts full again.
    expect(limiter.take('b', 0).allowed).toBe(true);
  });
});

describe('sharedLimiter', () => {
  const sqlite = { kind: 'sqlite', file: 'unused.sqlite' } as const;

  it('with SQLite, one limiter per name in the process: the same name shares its counts, another name has its own', async () => {
    const setting = { capacity: 1, windowSeconds: 600 };
    expect((await sharedLimiter('test-a', setting, sqlite).take('client')).allowed).toBe(true);
    expect((await sharedLimiter('test-a', setting, sqlite).take('client')).allowed).toBe(false);
    expect((await sharedLimiter('test-b', setting, sqlite).take('client')).allowed).toBe(true);
  });
});

describe('a shared count with the memory as fallback', () => {
  /** A shared count that fails while `down` is set, else allows everything. */
  function flaky() {
    const state = { down: false, calls: 0 };
    const count = async (): Promise<RateDecision> => {
      state.calls++;
      if (state.down) throw Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
      return { allowed: true };
    };
    return { state, count };
  }

  it('uses the shared count while it answers, and its refusals stand', async () => {
    const log: string[] = [];
    const refusing = async (): Promise<RateDecision> => ({ allowed: false, retryAfterSeconds: 123 });
    const limiter = withFallback(refusing, createRateLimiter({ capacity: 5, windowSeconds: 60 }), (m) => log.push(m), 'ansøgninger');
    expect(await limiter.take('a')).toEqual({ allowed: false, retryAfterSeconds: 123 });
    expect(log).toEqual([]);
  });

  it('while the count fails, the process counts in memory (neither open nor an error), and says so once each way', async () => {
    const { state, count } = flaky();
    const log: string[] = [];
    const limiter = withFallback(count, createRateLimiter({ capacity: 2, windowSeconds: 600 }), (m) => log.push(m), 'ansøgninger');
    state.down = true;
    expect(await limiter.take('a')).toEqual({ allowed: true });
    expect(await limiter.take('a')).toEqual({ allowed: true });
    // The memory's bucket of 2 is used up: refused, not let through.
    expect(await limiter.take('a')).toEqual({ allowed: false, retryAfterSeconds: 300 });
    expect(log).toEqual(['Grænsen for ansøgninger kan ikke tælles i PostgreSQL (ECONNREFUSED). Hver proces tæller for sig, indtil det virker igen.']);
    state.down = false;
    expect(await limiter.take('a')).toEqual({ allowed: true });
    expect(await limiter.take('a')).toEqual({ allowed: true });
    expect(log).toHaveLength(2);
    expect(log[1]).toBe('Grænsen for ansøgninger tælles igen i PostgreSQL, fælles for alle processer.');
    expect(state.calls).toBe(5);
  });
});
