/**
 * The rate limits' count in PostgreSQL: processes on one database share it.
 * Each "process" here is a pool of its own (as each server process has), on a
 * fresh schema migrated by the store. Needs PostgreSQL (TEST_DATABASE_URL).
 */
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describePostgres } from '../../../tests/support/describe-postgres.ts';
import { createTestSchema, type TestSchema } from '../../../tests/support/postgres.ts';
import { openPostgresStore } from './postgres.ts';
import { postgresRateLimiter } from './postgres-rate-limit.ts';

describePostgres('the rate limits’ count in PostgreSQL', () => {
  let schema: TestSchema;
  const pools: pg.Pool[] = [];
  const pool = () => {
    const p = new pg.Pool({ connectionString: schema.url, max: 2 });
    pools.push(p);
    return p;
  };
  beforeAll(async () => {
    schema = await createTestSchema();
    const store = openPostgresStore({ connectionString: schema.url, log: () => {} });
    await store.ready();
    await store.close();
  });
  afterAll(async () => {
    await Promise.all(pools.map((p) => p.end()));
    await schema?.drop();
  });

  it('two processes count one client together: the request past the capacity is refused in either, with the seconds left of the window', async () => {
    const setting = { capacity: 30, windowSeconds: 600 };
    const [a, b] = [postgresRateLimiter(pool(), 'applications', setting), postgresRateLimiter(pool(), 'applications', setting)];
    const decisions = [];
    for (let i = 0; i < 30; i++) decisions.push(await (i % 2 ? b : a)('198.51.100.7'));
    expect(decisions.every((d) => d.allowed)).toBe(true);
    for (const process of [a, b]) {
      const refused = await process('198.51.100.7');
      expect(refused.allowed).toBe(false);
      if (!refused.allowed) {
        expect(refused.retryAfterSeconds).toBeGreaterThan(590);
        expect(refused.retryAfterSeconds).toBeLessThanOrEqual(600);
      }
    }
    // Another client, and the same client under another limit, count for themselves.
    expect(await a('198.51.100.8')).toEqual({ allowed: true });
    expect(await postgresRateLimiter(pool(), 'receipts', setting)('198.51.100.7')).toEqual({ allowed: true });
  });

  it('at the same moment, the processes together let exactly the capacity through', async () => {
    const setting = { capacity: 10, windowSeconds: 600 };
    const processes = [1, 2, 3].map(() => postgresRateLimiter(pool(), 'checks', setting));
    const decisions = await Promise.all(Array.from({ length: 30 }, (_, i) => processes[i % 3]!('198.51.100.9')));
    expect(decisions.filter((d) => d.allowed)).toHaveLength(10);
  });

  it('a window that has ended starts a new one', async () => {
    const setting = { capacity: 1, windowSeconds: 600 };
    expect(await postgresRateLimiter(pool(), 'applications', setting)('198.51.100.10')).toEqual({ allowed: true });
    expect((await postgresRateLimiter(pool(), 'applications', setting)('198.51.100.10')).allowed).toBe(false);
    // The window's end moved to the past, as time would (a fresh process: the first one remembers its refusal).
    await schema.query('UPDATE rate_limits SET expire = 0');
    expect(await postgresRateLimiter(pool(), 'applications', setting)('198.51.100.10')).toEqual({ allowed: true });
  });

  it('keeps no client address in the table, only the limit’s name and a hash', async () => {
    await postgresRateLimiter(pool(), 'applications', { capacity: 5, windowSeconds: 600 })('203.0.113.77');
    const rows = await schema.query<{ key: string }>('SELECT key FROM rate_limits');
    expect(rows.length).toBeGreaterThan(0);
    for (const { key } of rows) {
      expect(key).toMatch(/^(applications|checks|receipts):[A-Za-z0-9_-]{22}$/);
      expect(key).not.toContain('203.0.113');
    }
  });

  it('rejects when the database cannot count, so that the caller falls back (never "allowed" by accident)', async () => {
    const unreachable = new pg.Pool({ connectionString: 'postgres://nobody@127.0.0.1:1/none', connectionTimeoutMillis: 1000 });
    pools.push(unreachable);
    await expect(postgresRateLimiter(unreachable, 'applications', { capacity: 5, windowSeconds: 600 })('198.51.100.11')).rejects.toThrow();
    const noTable = await createTestSchema();
    const bare = new pg.Pool({ connectionString: noTable.url });
    try {
      await expect(postgresRateLimiter(bare, 'applications', { capacity: 5, windowSeconds: 600 })('198.51.100.11')).rejects.toThrow(/rate_limits/);
    } finally {
      await bare.end();
      await noTable.drop();
    }
  });
});
