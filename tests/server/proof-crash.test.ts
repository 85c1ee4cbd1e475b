/**
 * Proof: no acknowledged application is lost when the server is killed
 * (SIGKILL) under load, and no retry is stored twice — on SQLite, and on
 * PostgreSQL when TEST_DATABASE_URL is set (always in CI). A short version
 * for `npm test`; `npm run bench -- --only crash` runs more rounds.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { crashRounds, type CrashReport } from '../support/proof/crash.ts';
import { createTestSchema } from '../support/postgres.ts';
import { describePostgres } from '../support/describe-postgres.ts';
import { openStore, storeConfig } from '../../src/server/store/index.ts';

/** Three rounds of load and SIGKILL take a few server starts; the time Playwright gave them, where they ran before. */
const PROOF_TIMEOUT = 120_000;

/** Three rounds of load and SIGKILL on the store the environment names. */
async function threeKills(env: Record<string, string>): Promise<CrashReport> {
  return crashRounds({
    rounds: 3,
    clients: 6,
    killAfterAcks: [8, 30],
    env,
    readStore: async () => {
      const store = openStore(storeConfig(env));
      try {
        return await store.list({});
      } finally {
        await store.close();
      }
    },
  });
}

function expectNothingLost(report: CrashReport) {
  expect(report.acknowledged, 'the load reached the server in every round').toBeGreaterThan(3 * 6);
  expect(report.lost).toEqual([]);
  expect(report.duplicated).toEqual([]);
  expect(report.incomplete).toEqual([]);
}

it('SQLite: every application answered 201 survives three SIGKILLs under load, exactly once and complete', { timeout: PROOF_TIMEOUT }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'stoette-crash-'));
  try {
    expectNothingLost(await threeKills({ DATA_DIR: dir }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

describePostgres('PostgreSQL', () => {
  it('every application answered 201 survives three SIGKILLs under load, exactly once and complete', { timeout: PROOF_TIMEOUT }, async () => {
    const schema = await createTestSchema();
    try {
      expectNothingLost(await threeKills({ DATABASE_URL: schema.url }));
    } finally {
      await schema.drop();
    }
  });
});
