/**
 * A per-client limit on applications: a token bucket per client address.
 *
 * A citizen sends one application, perhaps after a few rounds of fixing
 * errors; a support worker at a shelter may send several for different
 * people from one address, and mobile networks put many people behind one
 * address (CGNAT). So the bucket is large: `capacity` requests at once, then
 * `capacity` more per `windowSeconds`. The state is per process (a national
 * deployment with several processes gets a limit per process; the load
 * balancer should have its own).
 *
 * Every refusal by a shared limiter is counted for the metrics
 * (`stoetteportalen_rate_limit_refusals_total`, src/server/metrics.ts).
 */
import { recordMetric } from './metric-events.ts';

export interface RateLimitOptions {
  capacity: number;
  windowSeconds: number;
  /** Buckets kept at most; the oldest are dropped first (memory stays bounded under a flood of addresses). */
  maxClients?: number;
}

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export interface RateLimiter {
  take(client: string, now?: number): RateDecision;
}

export function createRateLimiter({ capacity, windowSeconds, maxClients = 50_000 }: RateLimitOptions): RateLimiter {
  const refillPerMs = capacity / (windowSeconds * 1000);
  const buckets = new Map<string, { tokens: number; at: number }>();
  return {
    take(client, now = Date.now()) {
      const previous = buckets.get(client);
      const tokens = previous ? Math.min(capacity, previous.tokens + (now - previous.at) * refillPerMs) : capacity;
      // Re-inserting moves the client to the end: the Map's first key is the least recently seen.
      buckets.delete(client);
      if (tokens < 1) {
        buckets.set(client, { tokens, at: now });
        return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / refillPerMs / 1000)) };
      }
      buckets.set(client, { tokens: tokens - 1, at: now });
      if (buckets.size > maxClients) buckets.delete(buckets.keys().next().value!);
      return { allowed: true };
    },
  };
}

const shared = new Map<string, RateLimiter>();

/**
 * One limiter per name for the whole process, made from the setting on first
 * use: the routes that take the same kind of post (the endpoint, "Tjek dine
 * svar") share their counts across requests.
 */
export function sharedLimiter(name: string, setting: RateLimitOptions): RateLimiter {
  let limiter = shared.get(name);
  if (!limiter) shared.set(name, (limiter = counted(name, createRateLimiter(setting))));
  return limiter;
}

/** Each refusal is counted under the limiter's name (the metrics' `limit` label: `applications`, `checks`). */
function counted(name: string, limiter: RateLimiter): RateLimiter {
  return {
    take(client, now) {
      const decision = limiter.take(client, now);
      if (!decision.allowed) recordMetric({ kind: 'rate-limited', limit: name });
      return decision;
    },
  };
}
