/**
 * The per-client limits: on applications and "Tjek dine svar" posts
 * (RATE_LIMIT), and on receipt lookups (RECEIPT_RATE_LIMIT).
 *
 * A citizen sends one application, perhaps after a few rounds of fixing
 * errors; a support worker at a shelter may send several for different
 * people from one address, and mobile networks put many people behind one
 * address (CGNAT). So the limits are large.
 *
 * - **SQLite** (one process): a token bucket per client in this process's
 *   memory: `capacity` requests at once, then `capacity` more per
 *   `windowSeconds`, one at a time (`30/600`: one more every 20 s). A client
 *   is kept under a hash of its address, and forgotten once its bucket has
 *   been untouched for a whole window (it is full again then), as the privacy
 *   notice says.
 * - **PostgreSQL** (several processes behind a load balancer): one count per
 *   client for all processes, in the database's `rate_limits` table
 *   (store/postgres-rate-limit.ts, with rate-limiter-flexible). That count is
 *   a fixed window: `capacity` requests in the `windowSeconds` from a client's
 *   first request, then none until the window ends. If the database cannot
 *   count (down, slow), each process counts in its own memory again, with the
 *   token bucket, until it can: a request is never refused or failed because
 *   the count is unavailable, and never let through uncounted.
 *
 * Every refusal by a shared limiter is counted for the metrics
 * (`stoetteportalen_rate_limit_refusals_total`, src/server/metrics.ts).
 */
import { createHash } from 'node:crypto';
import type { RateLimitSetting, StoreSetting } from '../lib/config.ts';
import { postgresRateLimiter, rateLimitPool } from './store/postgres-rate-limit.ts';
import { recordMetric } from './metric-events.ts';

export interface RateLimitOptions extends RateLimitSetting {
  /** Buckets kept at most; the oldest are dropped first (memory stays bounded under a flood of addresses). */
  maxClients?: number;
}

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export interface RateLimiter {
  take(client: string): RateDecision | Promise<RateDecision>;
}

/** The in-memory token bucket; `take` answers at once (`now` for tests). */
export interface MemoryRateLimiter extends RateLimiter {
  take(client: string, now?: number): RateDecision;
}

export function createRateLimiter({ capacity, windowSeconds, maxClients = 50_000 }: RateLimitOptions): MemoryRateLimiter {
  const refillPerMs = capacity / (windowSeconds * 1000);
  const windowMs = windowSeconds * 1000;
  // Kept as the privacy notice says: a code, not the address, and gone once it could count for nothing.
  const buckets = new Map<string, { tokens: number; at: number }>();
  return {
    take(address, now = Date.now()) {
      const client = createHash('sha256').update(address).digest('base64url').slice(0, 22);
      // A bucket untouched for a whole window is full again, the same as none: the least recently seen go first.
      for (const [key, bucket] of buckets) {
        if (bucket.at + windowMs > now) break;
        buckets.delete(key);
      }
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

/**
 * A shared count (`count` rejects when it cannot count) that falls back to
 * `fallback` while it fails, saying so in the log once when it starts to fail
 * and once when it works again (`what` names the limit; nothing personal).
 */
export function withFallback(
  count: (client: string) => Promise<RateDecision>,
  fallback: MemoryRateLimiter,
  log: (message: string) => void,
  what: string,
): RateLimiter {
  let failing = false;
  return {
    async take(client) {
      try {
        const decision = await count(client);
        if (failing) {
          failing = false;
          log(`Grænsen for ${what} tælles igen i PostgreSQL, fælles for alle processer.`);
        }
        return decision;
      } catch (error) {
        if (!failing) {
          failing = true;
          const code = (error as { code?: string }).code ?? (error instanceof Error ? error.message : String(error));
          log(`Grænsen for ${what} kan ikke tælles i PostgreSQL (${code}). Hver proces tæller for sig, indtil det virker igen.`);
        }
        return fallback.take(client);
      }
    },
  };
}

/** What each limit is, in the log's words. */
const WHAT: Record<string, string> = { applications: 'ansøgninger', checks: '"Tjek dine svar"', receipts: 'opslag af kvitteringer' };

/**
 * On `globalThis` under a registered symbol: the built site and the production
 * server (its fast path for JSON posts) each have a copy of this module, and a
 * client's JSON and form posts must count against one limit.
 */
const SHARED = Symbol.for('stoetteportalen.rateLimiters');
const shared: Map<string, RateLimiter> = ((globalThis as { [SHARED]?: Map<string, RateLimiter> })[SHARED] ??= new Map());

/**
 * One limiter per name for the whole process, made from the setting on first
 * use: the routes that take the same kind of request share their counts.
 * With PostgreSQL the count is shared by every process on the database (the
 * name keeps the limits apart in its table); with SQLite it is this process's.
 */
export function sharedLimiter(name: string, setting: RateLimitSetting, store: StoreSetting, log: (message: string) => void = console.error): RateLimiter {
  let limiter = shared.get(name);
  if (!limiter) {
    const memory = createRateLimiter(setting);
    limiter = counted(
      name,
      store.kind === 'postgres'
        ? withFallback(postgresRateLimiter(rateLimitPool(store.connectionString, log), name, setting), memory, log, WHAT[name] ?? name)
        : memory,
    );
    shared.set(name, limiter);
  }
  return limiter;
}

/** Each refusal is counted under the limiter's name (the metrics' `limit` label: `applications`, `checks`, `receipts`). */
function counted(name: string, limiter: RateLimiter): RateLimiter {
  return {
    async take(client) {
      const decision = await limiter.take(client);
      if (!decision.allowed) recordMetric({ kind: 'rate-limited', limit: name });
      return decision;
    },
  };
}
