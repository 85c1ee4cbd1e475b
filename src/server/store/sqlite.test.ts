import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { describeApplicationStore } from '../../../tests/support/application-store-contract.ts';
import { MIGRATIONS, openDatabase, openSqliteStore } from './sqlite.ts';
import { StoreUnavailableError } from './types.ts';

const tempDir = () => mkdtempSync(join(tmpdir(), 'stoette-store-'));

describeApplicationStore('sqlite', async () => {
  const dir = tempDir();
  const file = join(dir, 'data', 'applications.sqlite');
  return {
    open: async (options) => openSqliteStore({ file, ...options }),
    destroy: async () => rmSync(dir, { recursive: true, force: true }),
  };
});

describe('the SQLite file', () => {
  it('is created with its directory, readable by the server’s user only, in WAL mode with full sync', async () => {
    const dir = tempDir();
    const file = join(dir, 'nested', 'applications.sqlite');
    const store = openSqliteStore({ file });
    await store.close();
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, 'nested')).mode & 0o777).toBe(0o700);
    const db = new DatabaseSync(file);
    expect(db.prepare('PRAGMA journal_mode').get()).toEqual({ journal_mode: 'wal' });
    expect(db.prepare('PRAGMA user_version').get()).toEqual({ user_version: MIGRATIONS.length });
    db.close();
    rmSync(dir, { recursive: true });
  });

  it('every connection the store opens syncs fully (synchronous=FULL), so a commit is on disk before the 201', () => {
    const dir = tempDir();
    const db = openDatabase(join(dir, 'applications.sqlite'));
    expect(db.prepare('PRAGMA synchronous').get()).toEqual({ synchronous: 2 });
    expect(db.prepare('PRAGMA busy_timeout').get()).toEqual({ timeout: 5000 });
    expect(db.prepare('PRAGMA foreign_keys').get()).toEqual({ foreign_keys: 1 });
    db.close();
    rmSync(dir, { recursive: true });
  });

  it('a file that cannot be opened makes the store unavailable (the endpoint answers 503)', () => {
    const dir = tempDir();
    const notADirectory = join(dir, 'a-file');
    writeFileSync(notADirectory, 'x');
    expect(() => openSqliteStore({ file: join(notADirectory, 'applications.sqlite') })).toThrow(StoreUnavailableError);
    rmSync(dir, { recursive: true });
  });

  it('a file from before the export column is migrated, and its applications count as not exported', async () => {
    const dir = tempDir();
    const file = join(dir, 'applications.sqlite');
    const v1 = new DatabaseSync(file);
    v1.exec(MIGRATIONS[0]!);
    v1.exec('PRAGMA user_version = 1');
    v1.prepare('INSERT INTO applications VALUES (?, ?, ?, ?, ?)').run(
      '2222-222Z', 'varde', 'social-og-handicap', '2026-11-01T10:00:00.000Z', JSON.stringify({ description: 'fra før' }),
    );
    v1.close();
    const store = openSqliteStore({ file });
    expect((await store.list({ exported: false })).map((a) => [a.reference, a.exportedAt])).toEqual([['2222-222Z', null]]);
    await store.close();
    rmSync(dir, { recursive: true });
  });

  it('a database from a newer version of the program is not touched', () => {
    const dir = tempDir();
    const file = join(dir, 'applications.sqlite');
    const db = new DatabaseSync(file);
    db.exec('PRAGMA user_version = 99');
    db.close();
    expect(() => openSqliteStore({ file })).toThrow(StoreUnavailableError);
    rmSync(dir, { recursive: true });
  });

  it('a database that breaks after opening makes each call unavailable, not a crash', async () => {
    const dir = tempDir();
    const file = join(dir, 'applications.sqlite');
    const store = openSqliteStore({ file });
    const other = new DatabaseSync(file);
    other.exec('DROP TABLE idempotency_keys; DROP TABLE applications;');
    other.close();
    await expect(store.findReceipt('2222-2222')).rejects.toThrow(StoreUnavailableError);
    await store.close();
    rmSync(dir, { recursive: true });
  });
});
