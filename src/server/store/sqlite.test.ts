import { existsSync, mkdtempSync, readdirSync as readdir, readFileSync, rmSync, statSync, truncateSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { describeApplicationStore, sampleApplication } from '../../../tests/support/application-store-contract.ts';
import { damageTablePages, quickCheckOf } from '../../../tests/support/damaged-sqlite.ts';
import { backupDatabase, BackupTargetExists, markerOf, MAX_GROUP, MIGRATIONS, openDatabase, openSqliteStore } from './sqlite.ts';
import { REFERENCE_ATTEMPTS } from './new-reference.ts';
import { StoreDamagedError, StoreUnavailableError, type ApplicationStore } from './types.ts';

const tempDir = () => mkdtempSync(join(tmpdir(), 'stoette-store-'));

describeApplicationStore('sqlite', async () => {
  const dir = tempDir();
  const file = join(dir, 'data', 'applications.sqlite');
  /** A connection of the test's own beside the store's (WAL: it sees what the store committed). */
  const withDatabase = <T>(work: (db: DatabaseSync) => T): T => {
    const db = new DatabaseSync(file);
    try {
      db.exec('PRAGMA busy_timeout = 5000');
      return work(db);
    } finally {
      db.close();
    }
  };
  const idColumn = (table: string) => (table === 'applications' ? 'reference' : 'id');
  return {
    open: async (options) => openSqliteStore({ file, ...options }),
    destroy: async () => rmSync(dir, { recursive: true, force: true }),
    // The file and its -wal as they are on disk: what a stolen disk or a copied directory would give.
    rawBytes: async () => Buffer.concat([file, `${file}-wal`].filter((f) => existsSync(f)).map((f) => readFileSync(f))),
    rawRow: async (table, rowId) =>
      withDatabase((db) => {
        const row = db.prepare(`SELECT data, key_id FROM ${table} WHERE ${idColumn(table)} = ?`).get(rowId) as { data: string; key_id: string | null } | undefined;
        return row ? { data: row.data, keyId: row.key_id } : null;
      }),
    setRawRow: async (table, rowId, row) =>
      withDatabase((db) => {
        db.prepare(`UPDATE ${table} SET data = ?, key_id = ? WHERE ${idColumn(table)} = ?`).run(row.data, row.keyId, rowId);
      }),
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

/** A closed database file with `n` applications (enough rows for many pages). */
async function fileWith(n: number): Promise<{ dir: string; file: string; references: string[] }> {
  const dir = tempDir();
  const file = join(dir, 'applications.sqlite');
  const store = openSqliteStore({ file });
  const references: string[] = [];
  for (let i = 0; i < n; i++) {
    const saved = await store.save({ kommune: 'varde', unitId: 'social-og-handicap', receivedAt: new Date(), application: sampleApplication('varde', `ansøgning ${i} ${'x'.repeat(400)}`) });
    if (saved.kind === 'created') references.push(saved.receipt.reference);
  }
  await store.close();
  return { dir, file, references };
}

const damageOf = async (open: () => ApplicationStore) => {
  try {
    open();
  } catch (error) {
    return error instanceof StoreDamagedError ? error.damage : `not damage: ${String(error)}`;
  }
  return 'opened';
};

describe('a database that went missing or empty is refused, never made anew', () => {
  it('the first open writes the marker beside the file; a second open of the same file works', async () => {
    const { dir, file } = await fileWith(1);
    expect(readFileSync(markerOf(file), 'utf8')).toContain('Slet kun denne fil, hvis du vil begynde forfra');
    expect(statSync(markerOf(file)).mode & 0o777).toBe(0o600);
    expect(await damageOf(() => openSqliteStore({ file }))).toBe('opened');
    rmSync(dir, { recursive: true });
  });

  it('a zero-length file, a missing file or a file without tables where the marker says a database was: StoreDamagedError (missing)', async () => {
    const { dir, file } = await fileWith(1);
    truncateSync(file, 0);
    expect(await damageOf(() => openSqliteStore({ file }))).toBe('missing');
    expect(statSync(file).size).toBe(0); // nothing was written into it
    unlinkSync(file);
    expect(await damageOf(() => openSqliteStore({ file }))).toBe('missing');
    expect(existsSync(file)).toBe(false);
    const other = new DatabaseSync(file); // a database, but not ours: no schema version
    other.exec('CREATE TABLE andet (x)');
    other.close();
    expect(() => openSqliteStore({ file })).toThrow(/har ingen tabeller, men mappen har haft en database \(applications\.sqlite\.marker findes\)/);
    rmSync(dir, { recursive: true });
  });

  it('a missing file beside a -wal with content is refused even without the marker (a database from before the marker)', async () => {
    const dir = tempDir();
    const file = join(dir, 'applications.sqlite');
    writeFileSync(`${file}-wal`, Buffer.alloc(4096, 1));
    expect(() => openSqliteStore({ file })).toThrow(/databasefilen .* mangler, men mappen har haft en database \(applications\.sqlite-wal findes\)/);
    rmSync(dir, { recursive: true });
  });

  it('a first start in an empty directory makes the database and its marker; deleting both starts afresh on purpose', async () => {
    const { dir, file } = await fileWith(1);
    unlinkSync(file);
    unlinkSync(markerOf(file));
    const store = openSqliteStore({ file });
    expect(await store.list({})).toEqual([]);
    await store.close();
    expect(existsSync(markerOf(file))).toBe(true);
    rmSync(dir, { recursive: true });
  });

  it('a database from before the marker gets one when it is opened', async () => {
    const { dir, file } = await fileWith(1);
    unlinkSync(markerOf(file));
    await openSqliteStore({ file }).close();
    expect(existsSync(markerOf(file))).toBe(true);
    rmSync(dir, { recursive: true });
  });
});

describe('checkIntegrity (PRAGMA quick_check)', () => {
  it('is ok on a whole file, and damaged when table pages in the middle are garbage, though the file opens and takes a new row', async () => {
    const { dir, file } = await fileWith(60);
    const whole = openSqliteStore({ file });
    expect(await whole.checkIntegrity()).toEqual({ kind: 'ok' });
    await whole.close();

    damageTablePages(file);
    expect(quickCheckOf(file)).not.toBe('ok');
    // What an outside test saw: the damage does not stop the file opening, nor an insert.
    const store = openSqliteStore({ file });
    const saved = await store.save({ kommune: 'varde', unitId: 'social-og-handicap', receivedAt: new Date(), application: sampleApplication('varde') });
    expect(saved.kind).toBe('created');
    const report = await store.checkIntegrity();
    expect(report.kind).toBe('damaged');
    if (report.kind === 'damaged') expect(report.problems.length).toBeGreaterThan(0);
    // A call that reads the broken pages says the file is damaged, not merely unavailable.
    await expect(store.list({})).rejects.toThrow(StoreDamagedError);
    await store.close();
    rmSync(dir, { recursive: true });
  });
});

describe('backupDatabase (SQLite online backup)', () => {
  it('copies every application to a new owner-only single file, checked, while the store is open', async () => {
    const { dir, file, references } = await fileWith(5);
    const store = openSqliteStore({ file });
    const target = join(dir, 'kopi.sqlite');
    expect(await backupDatabase(file, target)).toEqual({ kind: 'ok' });
    await store.close();
    expect(statSync(target).mode & 0o777).toBe(0o600);
    expect(existsSync(`${target}-wal`)).toBe(false);
    const copy = new DatabaseSync(target);
    expect(copy.prepare('PRAGMA journal_mode').get()).toEqual({ journal_mode: 'delete' });
    expect((copy.prepare('SELECT reference FROM applications ORDER BY rowid').all() as { reference: string }[]).map((r) => r.reference)).toEqual(references);
    copy.close();
    // Nothing left behind but the copy.
    expect(readdir(dir).filter((name) => name.startsWith('.'))).toEqual([]);
    rmSync(dir, { recursive: true });
  });

  it('never writes over an existing file', async () => {
    const { dir, file } = await fileWith(1);
    const target = join(dir, 'findes.sqlite');
    writeFileSync(target, 'gammel');
    await expect(backupDatabase(file, target)).rejects.toThrow(BackupTargetExists);
    expect(readFileSync(target, 'utf8')).toBe('gammel');
    rmSync(dir, { recursive: true });
  });

  it('of a damaged database says the copy is damaged too', async () => {
    const { dir, file } = await fileWith(60);
    damageTablePages(file);
    expect((await backupDatabase(file, join(dir, 'kopi.sqlite'))).kind).toBe('damaged');
    rmSync(dir, { recursive: true });
  });

  it('of an emptied database copies nothing', async () => {
    const { dir, file } = await fileWith(1);
    truncateSync(file, 0);
    await expect(backupDatabase(file, join(dir, 'kopi.sqlite'))).rejects.toThrow(StoreDamagedError);
    expect(existsSync(join(dir, 'kopi.sqlite'))).toBe(false);
    rmSync(dir, { recursive: true });
  });
});

describe('group commit', () => {
  const receivedAt = new Date('2026-12-03T10:00:00.000Z');
  const input = (description = 'Jeg har brug for hjælp til min post.') => ({
    kommune: 'bronderslev',
    unitId: 'ungecentret',
    receivedAt,
    application: sampleApplication('bronderslev', description),
  });
  const withStore = async (options: Partial<Parameters<typeof openSqliteStore>[0]>, work: (store: ApplicationStore, file: string, groups: number[]) => Promise<void>) => {
    const dir = tempDir();
    const file = join(dir, 'applications.sqlite');
    const groups: number[] = [];
    const store = openSqliteStore({ file, onGroupCommit: (saves) => groups.push(saves), ...options });
    try {
      await work(store, file, groups);
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  };
  const storedReferences = (file: string) => {
    const db = new DatabaseSync(file);
    try {
      return (db.prepare('SELECT reference FROM applications ORDER BY reference').all() as { reference: string }[]).map((r) => r.reference);
    } finally {
      db.close();
    }
  };

  it('saves made at the same moment are committed in one transaction, each with its own reference, all on disk when they resolve', async () => {
    await withStore({}, async (store, file, groups) => {
      const results = await Promise.all(Array.from({ length: 20 }, (_, i) => store.save(input(`Ansøgning nummer ${i}.`))));
      expect(groups).toEqual([20]);
      const references = results.map((r) => (r.kind === 'created' ? r.receipt.reference : r.kind));
      expect(new Set(references).size).toBe(20);
      // Another connection sees every one of them: committed before the promises resolved.
      expect(storedReferences(file)).toEqual([...references].sort());
    });
  });

  it('a group holds at most MAX_GROUP saves; a longer queue is written in several groups, none lost', async () => {
    await withStore({}, async (store, file, groups) => {
      const results = await Promise.all(Array.from({ length: MAX_GROUP * 2 + 5 }, () => store.save(input())));
      expect(results.every((r) => r.kind === 'created')).toBe(true);
      expect(groups).toEqual([MAX_GROUP, MAX_GROUP, 5]);
      expect(storedReferences(file)).toHaveLength(MAX_GROUP * 2 + 5);
    });
  });

  it('a save that fails is undone alone: the others in its group are stored', async () => {
    // Every save draws R-1 first: the first gets it, the second draws it again and again and fails, the third gets R-3.
    const draws = ['R-1', ...Array.from({ length: REFERENCE_ATTEMPTS }, () => 'R-1'), 'R-1', 'R-3'];
    await withStore({ newReference: () => draws.shift()! }, async (store, file, groups) => {
      const results = await Promise.allSettled([store.save(input('første')), store.save(input('anden')), store.save(input('tredje'))]);
      expect(groups).toEqual([3]);
      expect(results[0]).toMatchObject({ status: 'fulfilled', value: { kind: 'created', receipt: { reference: 'R-1' } } });
      expect(results[1]).toMatchObject({ status: 'rejected', reason: expect.any(StoreUnavailableError) });
      expect(results[2]).toMatchObject({ status: 'fulfilled', value: { kind: 'created', receipt: { reference: 'R-3' } } });
      expect(storedReferences(file)).toEqual(['R-1', 'R-3']);
    });
  });

  it('an Idempotency-Key sent twice in one group: stored once, the second gets the first’s answer', async () => {
    await withStore({}, async (store, file, groups) => {
      const fingerprint = 'f'.repeat(64);
      const idempotency = { key: 'samme-noegle-1', fingerprint, answer: (receipt: { reference: string }) => ({ status: 201, body: JSON.stringify({ reference: receipt.reference }) }) };
      const [first, second, other] = await Promise.all([
        store.save(input(), idempotency),
        store.save(input(), idempotency),
        store.save(input(), { ...idempotency, fingerprint: 'e'.repeat(64) }),
      ]);
      expect(groups).toEqual([3]);
      expect(first!.kind).toBe('created');
      const reference = first!.kind === 'created' ? first!.receipt.reference : '';
      expect(second).toEqual({ kind: 'replayed', answer: { status: 201, body: JSON.stringify({ reference }) } });
      expect(other).toEqual({ kind: 'key-reused' });
      expect(storedReferences(file)).toEqual([reference]);
    });
  });

  it('closing the store writes the saves still waiting for their group', async () => {
    const dir = tempDir();
    const file = join(dir, 'applications.sqlite');
    const store = openSqliteStore({ file });
    const pending = store.save(input());
    await store.close();
    const saved = await pending;
    expect(saved.kind).toBe('created');
    expect(storedReferences(file)).toEqual([saved.kind === 'created' ? saved.receipt.reference : '']);
    rmSync(dir, { recursive: true, force: true });
  });

  it('off (SQLITE_GROUP_COMMIT=off): one transaction per save', async () => {
    await withStore({ groupCommit: false }, async (store, file, groups) => {
      await Promise.all(Array.from({ length: 5 }, () => store.save(input())));
      expect(groups).toEqual([1, 1, 1, 1, 1]);
      expect(storedReferences(file)).toHaveLength(5);
    });
  });
});
