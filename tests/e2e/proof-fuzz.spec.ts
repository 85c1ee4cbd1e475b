/**
 * Proof: hostile and broken requests to the application endpoint never get
 * a 5xx, never store anything, and always get a clear message. A short run
 * for `npm test`; `npm run bench -- --only fuzz` runs many more.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { expect, test } from '@playwright/test';
import { fuzzRequests, problemWith, send } from '../support/proof/fuzz.ts';
import { startServer, type RunningServer } from '../support/server.ts';
import { openSqliteStore } from '../../src/server/store/sqlite.ts';
import { kommuneSlugs } from '../support/kommuner.ts';

const RUNS = Number(process.env.FUZZ_RUNS ?? 1500);

let dir: string;
let server: RunningServer;
test.beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'stoette-fuzz-'));
  server = await startServer({ DATA_DIR: dir, RATE_LIMIT: '1000000/1' });
});
test.afterAll(async () => {
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function storedCount(): Promise<number> {
  const store = openSqliteStore({ file: join(dir, 'applications.sqlite') });
  try {
    let n = 0;
    for (const kommune of kommuneSlugs) n += (await store.list({ kommune })).length;
    return n;
  } finally {
    await store.close();
  }
}

test(`${RUNS} malformed, oversized, wrongly typed and hostile requests: no 5xx, nothing stored, a clear message each`, async () => {
  test.setTimeout(300_000);
  const before = await storedCount();
  const kinds = new Set<string>();
  await fc.assert(
    fc.asyncProperty(fuzzRequests, async (request) => {
      kinds.add(request.kind.replace(/^a wrong .*/, 'a wrong field'));
      const problem = problemWith(request, await send(server.url, request));
      if (problem) throw new Error(problem);
    }),
    { numRuns: RUNS },
  );
  expect(await storedCount()).toBe(before);
  // The server is still up and serving.
  expect((await fetch(`${server.url}/`)).status).toBe(200);
  // Every kind of bad request was tried.
  expect(kinds.size).toBeGreaterThanOrEqual(11);
});

test('the fuzzer is not blind: the unbroken application is accepted and stored', async () => {
  const before = await storedCount();
  const { VALID } = await import('../support/proof/fuzz.ts');
  const answer = await send(server.url, { kind: 'valid', headers: { 'content-type': 'application/json' }, body: JSON.stringify(VALID) });
  expect(answer.status).toBe(201);
  expect(await storedCount()).toBe(before + 1);
});
