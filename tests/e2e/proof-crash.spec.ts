/**
 * Proof: no acknowledged application is lost when the server is killed
 * (SIGKILL) under load, and no retry is stored twice. A short version for
 * `npm test`; `npm run bench -- --only crash` runs more rounds.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { crashRounds } from '../support/proof/crash.ts';
import { openSqliteStore } from '../../src/server/store/sqlite.ts';

test.describe.configure({ mode: 'serial' });

test('SQLite: every application answered 201 survives three SIGKILLs under load, exactly once and complete', async () => {
  test.setTimeout(120_000);
  const dir = mkdtempSync(join(tmpdir(), 'stoette-crash-'));
  try {
    const report = await crashRounds({
      rounds: 3,
      clients: 6,
      killAfterMs: [300, 900],
      env: { DATA_DIR: dir },
      readStore: async () => {
        const store = openSqliteStore({ file: join(dir, 'applications.sqlite') });
        try {
          return await store.list({ kommune: 'varde' });
        } finally {
          await store.close();
        }
      },
    });
    expect(report.acknowledged, 'the load reached the server in every round').toBeGreaterThan(3 * 6);
    expect(report.lost).toEqual([]);
    expect(report.duplicated).toEqual([]);
    expect(report.incomplete).toEqual([]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
