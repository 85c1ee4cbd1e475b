/**
 * The longer versions of the proof tests (tests/e2e/proof-*.spec.ts run
 * short ones in `npm test`): more SIGKILL rounds, many more fuzzed requests.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { crashRounds, type CrashReport } from '../tests/support/proof/crash.ts';
import { fuzzRequests, problemWith, send } from '../tests/support/proof/fuzz.ts';
import { startServer } from '../tests/support/server.ts';
import { openSqliteStore } from '../src/server/store/sqlite.ts';
import { KOMMUNE_SLUGS } from '../src/domain/ids.ts';

async function listAll(dir: string) {
  const store = openSqliteStore({ file: join(dir, 'applications.sqlite') });
  try {
    return (await Promise.all(KOMMUNE_SLUGS.map((kommune) => store.list({ kommune })))).flat();
  } finally {
    await store.close();
  }
}

export async function crashProof(rounds = 10): Promise<CrashReport & { backend: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'stoette-bench-crash-'));
  try {
    const report = await crashRounds({ rounds, clients: 8, killAfterMs: [200, 1500], env: { DATA_DIR: dir }, readStore: () => listAll(dir) });
    return { backend: 'sqlite', ...report };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
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
    return { requests: runs, problems, storedRows: (await listAll(dir)).length, kinds };
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
