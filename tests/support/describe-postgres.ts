/**
 * `describePostgres(name, suite)`: a vitest suite that runs against the
 * PostgreSQL in TEST_DATABASE_URL. Without it the suite is skipped visibly
 * (a skipped test that says how to run it, and a warning) — except in CI
 * (`CI` set, as `.ci/run` does), where a missing database is a failure: there
 * the PostgreSQL tests must run.
 */
import { describe, expect, it } from 'vitest';
import { POSTGRES_SKIPPED, TEST_DATABASE_URL } from './postgres.ts';

export function describePostgres(name: string, suite: () => void): void {
  if (TEST_DATABASE_URL) {
    describe(name, suite);
    return;
  }
  describe(name, () => {
    if (process.env.CI) {
      it('runs in CI, where TEST_DATABASE_URL must be set', () =>
        expect.fail('TEST_DATABASE_URL is not set, so the PostgreSQL tests cannot run: .ci/run sets it from .ci/postgres'));
    } else {
      console.warn(`${name}: ${POSTGRES_SKIPPED}`);
      it.skip(POSTGRES_SKIPPED, () => {});
    }
  });
}
