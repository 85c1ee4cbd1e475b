/**
 * Proof: hostile and broken requests to the application endpoint never get
 * a 5xx, never store anything, and always get a clear message. A short run
 * for `npm test`; `npm run bench -- --only fuzz` runs many more.
 */
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { fuzzRequests, problemWith, send, VALID } from '../support/proof/fuzz.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { openSqliteStore } from '../../src/server/store/sqlite.ts';

const RUNS = Number(process.env.FUZZ_RUNS ?? 1500);

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ RATE_LIMIT: '1000000/1' });
});
afterAll(() => server?.stop());

async function storedCount(): Promise<number> {
  const store = openSqliteStore({ file: join(server.dataDir, 'applications.sqlite') });
  try {
    return (await store.list({})).length;
  } finally {
    await store.close();
  }
}

// 1500 requests one after another: the time Playwright gave this run, where it ran before.
it(`${RUNS} malformed, oversized, wrongly typed and hostile requests: no 5xx, nothing stored, a clear message each`, { timeout: 300_000 }, async () => {
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

it('the fuzzer is not blind: the unbroken application is accepted and stored', async () => {
  const before = await storedCount();
  const answer = await send(server.url, { kind: 'valid', headers: { 'content-type': 'application/json' }, body: JSON.stringify(VALID) });
  expect(answer.status).toBe(201);
  expect(await storedCount()).toBe(before + 1);
});
