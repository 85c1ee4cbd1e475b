/**
 * The longer versions of the proof tests (tests/server/proof-*.test.ts run
 * short ones in `npm test`): more SIGKILL rounds, many more fuzzed requests.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { crashRounds, type CrashReport } from '../tests/support/proof/crash.ts';
import { fuzzRequests, problemWith, send } from '../tests/support/proof/fuzz.ts';
import { startServer } from '../tests/support/server.ts';
import { openStore, storeConfig } from '../src/server/store/index.ts';
import { createTestSchema, TEST_DATABASE_URL } from '../tests/support/postgres.ts';

/** Every application in the store the environment names. */
async function listAll(env: Record<string, string>) {
  const store = openStore(storeConfig(env));
  try {
    return await store.list({});
  } finally {
    await store.close();
  }
}

const crashOn = (env: Record<string, string>, rounds: number) =>
  crashRounds({ rounds, clients: 8, killAfterAcks: [10, 150], env, readStore: () => listAll(env) });

/** SIGKILL rounds on SQLite, and on PostgreSQL when TEST_DATABASE_URL is set (`.ci/postgres` starts one). */
export async function crashProof(rounds = 10): Promise<(CrashReport & { backend: string })[]> {
  const dir = mkdtempSync(join(tmpdir(), 'stoette-bench-crash-'));
  const reports: (CrashReport & { backend: string })[] = [];
  try {
    reports.push({ backend: 'SQLite', ...(await crashOn({ DATA_DIR: dir }, rounds)) });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  if (TEST_DATABASE_URL) {
    const schema = await createTestSchema();
    try {
      reports.push({ backend: 'PostgreSQL', ...(await crashOn({ DATABASE_URL: schema.url }, rounds)) });
    } finally {
      await schema.drop();
    }
  }
  return reports;
}

export interface FuzzReport {
  requests: number;
  problems: string[];
  storedRows: number;
  kinds: Record<string, Record<string, number>>;
}

export async function fuzzProof(runs = 20_000): Promise<FuzzReport> {
  const dir = mkdtempSync(join(tmpdir(), 'stoette-bench-fuzz-'));
  const server = await startServer({ DATA_DIR: dir, RATE_LIMIT: '1000000000/1' });
  const kinds: FuzzReport['kinds'] = {};
  const problems: string[] = [];
  try {
    await fc.assert(
      fc.asyncProperty(fuzzRequests, async (request) => {
        const answer = await send(server.url, request);
        const kind = request.kind.replace(/^a wrong .*/, 'a wrong field');
        kinds[kind] = { ...kinds[kind], [answer.status]: (kinds[kind]?.[answer.status] ?? 0) + 1 };
        const problem = problemWith(request, answer);
        if (problem && problems.length < 20) problems.push(problem);
      }),
      { numRuns: runs },
    );
    await server.stop();
    return { requests: runs, problems, storedRows: (await listAll({ DATA_DIR: dir })).length, kinds };
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
