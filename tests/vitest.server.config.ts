/**
 * The server-level tests (tests/server/): the built production server started
 * as a real process (tests/support/server.ts `startTestServer`), spoken to
 * over HTTP, with no browser. They need `npm run build` first; `npm test`
 * runs them after the build and before Playwright (`npm run test:server`).
 *
 * The timeouts are Playwright's default test timeout, where these tests ran
 * before, so that moving them here changed nothing but the runner. A test that
 * needs longer (the proofs) says so itself.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('..', import.meta.url));
if (!existsSync(`${root}/dist/server/entry.mjs`)) {
  throw new Error('tests/server needs the built site: run "npm run build" first (npm test does).');
}

export default defineConfig({
  root,
  test: {
    include: ['tests/server/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
