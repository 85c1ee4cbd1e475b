import { describe, expect, it } from 'vitest';
import { createRateLimiter, sharedLimiter } from './rate-limit.ts';

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
  it('one limiter per name for the process: the same name shares its counts, another name has its own', () => {
    const setting = { capacity: 1, windowSeconds: 600 };
    expect(sharedLimiter('test-a', setting).take('client', 0).allowed).toBe(true);
    expect(sharedLimiter('test-a', setting).take('client', 0).allowed).toBe(false);
    expect(sharedLimiter('test-b', setting).take('client', 0).allowed).toBe(true);
  });
});
