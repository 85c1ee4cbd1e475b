/**
 * The rate limits' count shared by every server process on one PostgreSQL
 * database (src/server/rate-limit.ts decides when it is used and what happens
 * when it fails). rate-limiter-flexible's `RateLimiterPostgres` does the
 * counting: one row per limit and client in the table `rate_limits`, which
 * our own migration 5 creates (postgres.ts) — so the table is made where the
 * rest of the schema is, under the migration lock, in the schema the
 * connection's search_path names, and the library never creates tables
 * (`tableCreated: true`).
 *
 * - **A fixed window per client:** the first request opens a window of
 *   `windowSeconds`; `capacity` requests are allowed in it, then every request
 *   is refused until it ends (Retry-After: the seconds left). The upsert is one
 *   statement, so two processes never both take the last request. The count
 *   only grows while a window is open; the window is not pushed further by
 *   refused requests.
 * - **The key** is the limit's name and a hash of the client's address (never
 *   the address itself in the table). Rows are deleted by the library about
 *   an hour after their window ended (each process looks every 5 minutes).
 * - **Its own small pool** with short timeouts: counting never waits behind
 *   citizens' store requests, and a database that does not answer within
 *   2 seconds makes the caller fall back rather than hold the request.
 * - Each process's clock decides when a window ends: keep the clocks in step (NTP).
 */
import { createHash } from 'node:crypto';
import pg from 'pg';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import type { RateLimitSetting } from '../../lib/config.ts';
import type { RateDecision } from '../rate-limit.ts';

/** The table migration 5 creates; its columns are the library's, in its order (key, points, expire). */
export const RATE_LIMIT_TABLE = 'rate_limits';

/** Connections per process for counting (on top of DATABASE_POOL_SIZE and the delivery worker's). */
export const RATE_LIMIT_POOL_SIZE = 2;
const TIMEOUT_MS = 2_000;

const pools = new Map<string, pg.Pool>();

/** The process's pool for counting on this database, made on first use. */
export function rateLimitPool(connectionString: string, log: (message: string) => void): pg.Pool {
  let pool = pools.get(connectionString);
  if (!pool) {
    pool = new pg.Pool({
      connectionString,
      application_name: 'stoetteportalen-graenser',
      max: RATE_LIMIT_POOL_SIZE,
      connectionTimeoutMillis: TIMEOUT_MS,
      idleTimeoutMillis: 30_000,
      statement_timeout: TIMEOUT_MS,
      query_timeout: TIMEOUT_MS + 500,
      keepAlive: true,
    });
    // An idle connection that breaks (the database restarts) must not crash the process; the next query reconnects.
    pool.on('error', (error) => log(`PostgreSQL: en ledig forbindelse til grænserne fejlede (${(error as { code?: string }).code ?? error.name})`));
    pools.set(connectionString, pool);
  }
  return pool;
}

/** The client's key in the table: a hash, so the table holds no addresses. */
const keyOf = (client: string) => createHash('sha256').update(client).digest('base64url').slice(0, 22);

/**
 * A count for the limit `name` (`applications`, `checks`, `receipts`) on
 * `pool`'s database. Resolves with the decision; rejects when the database
 * cannot count (the caller falls back).
 */
export function postgresRateLimiter(pool: pg.Pool, name: string, { capacity, windowSeconds }: RateLimitSetting): (client: string) => Promise<RateDecision> {
  const limiter = new RateLimiterPostgres({
    storeClient: pool,
    storeType: 'pool',
    tableName: RATE_LIMIT_TABLE,
    tableCreated: true,
    keyPrefix: name,
    points: capacity,
    duration: windowSeconds,
    // A client that has used up its window is refused from this process's memory until the window ends,
    // without asking the database again: a flood from one address costs one row, not a write per request.
    inMemoryBlockOnConsumed: capacity,
  });
  return async (client) => {
    try {
      await limiter.consume(keyOf(client));
      return { allowed: true };
    } catch (outcome) {
      // The library rejects with its result when the limit is reached, and with the error when the store fails.
      if (outcome instanceof RateLimiterRes) return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(outcome.msBeforeNext / 1000)) };
      throw outcome;
    }
  };
}
