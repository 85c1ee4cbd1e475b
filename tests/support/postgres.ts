/**
 * PostgreSQL for tests: the server in TEST_DATABASE_URL (`.ci/postgres`
 * starts a throwaway one), and a fresh schema per test or test file, so runs
 * and tests never see each other's rows. Without TEST_DATABASE_URL the
 * PostgreSQL tests are skipped, visibly, with the way to run them.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL?.trim() || null;

export const POSTGRES_SKIPPED =
  'PostgreSQL tests SKIPPED: TEST_DATABASE_URL is not set. Run them with: export TEST_DATABASE_URL="$(.ci/postgres)" (`.ci/run` does this in CI)';

export interface TestSchema {
  /** The schema's name. */
  schema: string;
  /** TEST_DATABASE_URL with `options=-c search_path=<schema>`: every session of a store on it works in the schema. */
  url: string;
  /** Runs a statement as the test (outside any store), in the schema. */
  query<R extends pg.QueryResultRow = pg.QueryResultRow>(sql: string, params?: unknown[]): Promise<R[]>;
  drop(): Promise<void>;
}

/** The URL with every session's search_path set to `schema`. */
export function urlWithSchema(base: string, schema: string): string {
  const url = new URL(base);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return url.toString();
}

/** A new, empty schema (created unless `create: false`, for tests of a schema that is not there yet). */
export async function createTestSchema(options: { create?: boolean } = {}): Promise<TestSchema> {
  if (!TEST_DATABASE_URL) throw new Error(POSTGRES_SKIPPED);
  const schema = `test_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
  const url = urlWithSchema(TEST_DATABASE_URL, schema);
  const run = async <R extends pg.QueryResultRow>(sql: string, params?: unknown[]) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return (await client.query<R>(sql, params)).rows;
    } finally {
      await client.end();
    }
  };
  if (options.create !== false) await run(`CREATE SCHEMA ${schema}`);
  return { schema, url, query: run, drop: async () => void (await run(`DROP SCHEMA IF EXISTS ${schema} CASCADE`)) };
}
