/**
 * The embedded store: one SQLite file through `node:sqlite` (Node 24).
 *
 * - WAL, so readers (the receipt page, staff export) never wait for a writer;
 *   `synchronous=FULL`, so a commit is on disk before `save` resolves and the
 *   endpoint answers 201 (never a 201 before the application is durably
 *   stored: ARCHITECTURE.md, "Application endpoint contract").
 * - Group commit: saves that arrive while the event loop is busy are written
 *   in one transaction, one fsync for the group, each answered only after it
 *   is on disk (`commitGroup` below; SQLITE_GROUP_COMMIT=off for one per save).
 * - `BEGIN IMMEDIATE` takes the write lock up front, and `busy_timeout` lets
 *   a second process wait for it instead of failing.
 * - The schema is created or migrated on open, by `PRAGMA user_version`.
 * - An export reads, delivers, then marks in a short write transaction of
 *   its own: no lock is held while the file is written.
 * - The file holds personal data: the directory is created 0700, the file 0600.
 *   With DATA_ENCRYPTION_KEY an application's and a form draft's content is
 *   sealed before it is written (./sealed.ts: AES-256-GCM, the key id in
 *   `key_id`), so the file, its `-wal` and its backups hold none of it in
 *   clear text. `secure_delete` is on: a row deleted or replaced (purge, a key
 *   rotation) has its old bytes zeroed, not left in a free page.
 * - An unexpectedly empty database is refused, never quietly made anew: once
 *   the file holds the schema, a marker file is written beside it
 *   (`applications.sqlite.marker`). A database file that is then missing or
 *   empty (0 bytes), or has no schema, or a missing or empty file beside a
 *   `-wal` file with content, means the data went somewhere (a deleted or
 *   truncated file, a restore gone wrong): opening throws StoreDamagedError
 *   and the server refuses applications (503) until the operator restores
 *   the latest backup. To start afresh on purpose, delete the marker too.
 * - `checkIntegrity` runs `PRAGMA quick_check`; the server runs it at start
 *   and every 10 minutes (src/server/store-monitor.ts), `npm run
 *   ansoegninger -- tjek` on demand.
 * - `backupDatabase` copies the file with SQLite's online backup (the server
 *   may keep running) to a new file, owner-only, never over another.
 * - The audit trail (`audit_log`): staff actions on applications. An export
 *   records its entry before `deliver` in a transaction of its own, and its
 *   outcome with the marking; the purge and a re-delivery in their own
 *   transaction (types.ts, `AuditStamp`).
 * - The outbox: `save` stores the application's delivery jobs in its
 *   transaction. One server process works a SQLite file, so the jobs being
 *   delivered are held in memory (`working`), not locked in the database; a
 *   second process on the same file could deliver a job twice, never lose one
 *   (delivery is at-least-once). A process that dies leaves its jobs pending
 *   and due: the next start delivers them.
 *
 * `node:sqlite` is synchronous; the methods are async to keep the interface
 * of a networked backend (PostgreSQL).
 */
import { randomUUID } from 'node:crypto';
import { chmodSync, closeSync, existsSync, fsyncSync, linkSync, mkdirSync, openSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { backup, DatabaseSync } from 'node:sqlite';
import type { Application } from '../../domain/application.ts';
import type { EncryptionSetting } from '../../lib/config.ts';
import type { DueJob } from '../delivery/types.ts';
import {
  APPLICATION_COLUMNS,
  AUDIT_COLUMNS,
  auditQuery,
  DELIVERY_COUNTS_SQL,
  DELIVERY_ERRORS_SQL,
  deliveriesQuery,
  JOB_COLUMNS,
  KEY_USE_SQL,
  listQuery,
  purgeQueries,
  resealQuery,
} from './shared-sql.ts';
import { byTableAndKey, createSealer, planReseal, SealedDataError, type Sealer } from './sealed.ts';
import { auditReason, entryOf, toAuditEntry, type AuditRow } from './audit.ts';
import { newDeliveryId, summarise, updateParams, type CountRow, type ErrorRow } from './outbox.ts';
import { newReference as defaultNewReference, REFERENCE_ATTEMPTS } from './new-reference.ts';
import {
  StoreDamagedError,
  StoreUnavailableError,
  type ApplicationFilter,
  type AuditOutcome,
  type IntegrityReport,
  type ApplicationStore,
  type DeliveryRecord,
  type DeliveryState,
  type Idempotency,
  type KeyUse,
  type OutboxPlan,
  type NewApplication,
  type NewAuditEntry,
  type PurgeResult,
  type Receipt,
  type ResealBatch,
  type SaveResult,
  type SealedTable,
  type StoredApplication,
} from './types.ts';

/** Each entry moves the schema one version up; never edit one that has shipped, add a new one. Exported for its test. */
export const MIGRATIONS = [
  `CREATE TABLE applications (
     reference   TEXT PRIMARY KEY,
     kommune     TEXT NOT NULL,
     unit_id     TEXT NOT NULL,
     received_at TEXT NOT NULL,
     data        TEXT NOT NULL
   ) STRICT;
   CREATE INDEX applications_by_unit ON applications (kommune, unit_id, received_at);
   CREATE TABLE idempotency_keys (
     key           TEXT PRIMARY KEY,
     fingerprint   TEXT NOT NULL,
     reference     TEXT NOT NULL REFERENCES applications (reference) ON DELETE CASCADE,
     answer_status INTEGER NOT NULL,
     answer_body   TEXT NOT NULL
   ) STRICT;`,
  // 2: the case team's export marks what the kommune has (`npm run ansoegninger -- eksport`),
  // and purge finds old applications by time across kommuner.
  `ALTER TABLE applications ADD COLUMN exported_at TEXT;
   CREATE INDEX applications_by_time ON applications (received_at);
   CREATE INDEX idempotency_keys_by_reference ON idempotency_keys (reference);`,
  // 3: the no-JavaScript form's answers between the form and "Tjek dine svar", for a short time.
  `CREATE TABLE form_drafts (
     id         TEXT PRIMARY KEY,
     kommune    TEXT NOT NULL,
     expires_at TEXT NOT NULL,
     data       TEXT NOT NULL
   ) STRICT;
   CREATE INDEX form_drafts_by_expiry ON form_drafts (expires_at);`,
  // 4: the outbox: one delivery job per destination, stored with the application (src/server/delivery/).
  `CREATE TABLE deliveries (
     id                  TEXT PRIMARY KEY,
     reference           TEXT NOT NULL REFERENCES applications (reference) ON DELETE CASCADE,
     destination         TEXT NOT NULL,
     carries_application INTEGER NOT NULL,
     state               TEXT NOT NULL CHECK (state IN ('pending', 'delivered', 'failed')),
     attempts            INTEGER NOT NULL DEFAULT 0,
     created_at          TEXT NOT NULL,
     queued_at           TEXT NOT NULL,
     next_attempt_at     TEXT,
     last_attempt_at     TEXT,
     last_error          TEXT,
     ended_at            TEXT
   ) STRICT;
   CREATE INDEX deliveries_due ON deliveries (state, next_attempt_at);
   CREATE INDEX deliveries_by_reference ON deliveries (reference);`,
  // 5: nothing here. PostgreSQL's 5 is the rate limits' shared count (rate_limits); one SQLite process
  // counts in memory (src/server/rate-limit.ts). Kept so that the versions match postgres.ts.
  `SELECT 1;`,
  // 6: encryption at rest (sealed.ts): the key each row's content is sealed under; NULL: stored plain
  // (every row from before, and every row while no DATA_ENCRYPTION_KEY is set).
  `ALTER TABLE applications ADD COLUMN key_id TEXT;
   ALTER TABLE form_drafts ADD COLUMN key_id TEXT;`,
  // 7: the audit trail: which staff action (the case team's command) read or changed applications, when, as which
  // operating-system user, and what it touched (references and counts, never personal data in `details`). Kept
  // AUDIT_RETENTION_DAYS, deleted by the purge (README: "Audit trail").
  `CREATE TABLE audit_log (
     id          INTEGER PRIMARY KEY,
     occurred_at TEXT NOT NULL,
     actor       TEXT NOT NULL,
     sudo_user   TEXT,
     action      TEXT NOT NULL,
     outcome     TEXT NOT NULL CHECK (outcome IN ('begun', 'done', 'failed')),
     details     TEXT NOT NULL
   ) STRICT;
   CREATE INDEX audit_log_by_time ON audit_log (occurred_at);`,
];

export interface SqliteOptions {
  /** Path of the database file; its directory is created. */
  file: string;
  /** For tests: a reference generator (the default draws from crypto). */
  newReference?: () => string;
  /** The destinations of an application (a delivery job each, stored with it); none without. */
  outbox?: OutboxPlan;
  /** DATA_ENCRYPTION_KEY and its old keys: content is sealed at rest (./sealed.ts); none: stored plain. */
  encryption?: EncryptionSetting | null;
  /**
   * Group commit (on unless `false`, SQLITE_GROUP_COMMIT): the saves that wait at the same moment are written in
   * one transaction, one fsync for them all, and each resolves only once that transaction is on disk. `false`:
   * one transaction, one fsync, per save.
   */
  groupCommit?: boolean;
  /** Told after each committed group of saves, with how many it held (the metrics' group-size histogram; tests). */
  onGroupCommit?: (saves: number) => void;
}

/** At most this many saves in one group: a longer queue is written in several transactions, one after the other. */
export const MAX_GROUP = 64;

type Row = Record<string, string | number | null>;

/** How long a job that was worked but could not be recorded is held back from the other slots. */
const RECORD_RETRY_MS = 30_000;

/** The file beside the database that says a database lives here (see the header). */
export const markerOf = (file: string): string => `${file}.marker`;

const MARKER_TEXT =
  'Denne fil viser, at mappen har en database med ansøgninger (applications.sqlite). ' +
  'Mangler databasen, eller er den tom, starter Støtteportalen ikke forfra, men afviser ansøgninger, ' +
  'indtil den seneste backup er lagt tilbage. Slet kun denne fil, hvis du vil begynde forfra uden de gamle ansøgninger.\n';

/** The size of a file, or `null` when there is none. */
function sizeOf(path: string): number | null {
  try {
    return statSync(path).size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** Throws StoreDamagedError when the file is missing or empty although a database lived here (see the header). */
function refuseUnexpectedlyEmpty(file: string): void {
  const size = sizeOf(file);
  if (size !== null && size > 0) return;
  const marker = existsSync(markerOf(file));
  const wal = sizeOf(`${file}-wal`) ?? 0;
  if (!marker && wal === 0) return;
  const evidence = marker ? basename(markerOf(file)) : `${basename(file)}-wal`;
  throw new StoreDamagedError('missing', `databasefilen ${file} ${size === null ? 'mangler' : 'er tom (0 byte)'}, men mappen har haft en database (${evidence} findes)`);
}

const SQLITE_CORRUPT = 11;
const SQLITE_NOTADB = 26;

/** SQLite says the file is damaged or not a database (primary result codes, extended ones included). */
const isDamage = (error: unknown): boolean => {
  const code = (error as { errcode?: unknown }).errcode;
  return typeof code === 'number' && [SQLITE_CORRUPT, SQLITE_NOTADB].includes(code & 0xff);
};

/** Opens (creating and migrating) the database file with the settings above. Exported for its test. */
export function openDatabase(file: string): DatabaseSync {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  refuseUnexpectedlyEmpty(file);
  const db = new DatabaseSync(file);
  try {
    chmodSync(file, 0o600);
    db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA busy_timeout = 5000; PRAGMA foreign_keys = ON; PRAGMA secure_delete = ON;');
    migrate(db, file);
    return db;
  } catch (error) {
    db.close();
    if (isDamage(error)) throw new StoreDamagedError('damaged', `databasefilen ${file} er beskadiget (${(error as Error).message})`, { cause: error });
    throw error;
  }
}

function migrate(db: DatabaseSync, file: string): void {
  const version = Number((db.prepare('PRAGMA user_version').get() as Row).user_version);
  if (version > MIGRATIONS.length) {
    throw new Error(`the database has schema version ${version}; this program knows up to ${MIGRATIONS.length}`);
  }
  const marker = markerOf(file);
  if (version === 0 && existsSync(marker)) {
    throw new StoreDamagedError('missing', `databasefilen ${file} har ingen tabeller, men mappen har haft en database (${basename(marker)} findes)`);
  }
  for (let v = version; v < MIGRATIONS.length; v++) {
    transaction(db, () => {
      db.exec(MIGRATIONS[v]!);
      db.exec(`PRAGMA user_version = ${v + 1}`);
    });
  }
  // From here on, a missing or empty file is a loss, not a first start.
  if (!existsSync(marker)) writeFileSync(marker, MARKER_TEXT, { mode: 0o600 });
}

/** `PRAGMA quick_check` on an open database: ok, or SQLite's lines about the damage (at most 10). */
function quickCheck(db: DatabaseSync): IntegrityReport {
  try {
    const lines = (db.prepare('PRAGMA quick_check(10)').all() as Row[]).map((row) => String(Object.values(row)[0]));
    return lines.length === 1 && lines[0] === 'ok' ? { kind: 'ok' } : { kind: 'damaged', problems: lines };
  } catch (error) {
    // Pages so broken that SQLite stops reading ("database disk image is malformed").
    if (isDamage(error)) return { kind: 'damaged', problems: [(error as Error).message] };
    throw new StoreUnavailableError('SQLite: at tjekke databasefilen mislykkedes', { cause: error });
  }
}

/** The backup's target exists already: it is never overwritten. */
export class BackupTargetExists extends Error {
  readonly path: string;
  constructor(path: string) {
    super(`${path} findes allerede`);
    this.name = 'BackupTargetExists';
    this.path = path;
  }
}

/**
 * Copies the database to `target` with SQLite's online backup: consistent
 * while the server keeps writing. The copy is written under a temporary name
 * in the target's folder (owner-only), turned into a single file (rollback
 * journal, no `-wal` beside it), checked with `quick_check`, flushed, and
 * only then linked to its name, which fails if the name exists. Returns the
 * copy's check: a damaged database gives a damaged copy, and the caller says so.
 * Throws StoreDamagedError when the database is missing or empty where one
 * existed (nothing to copy), an ENOENT-coded error when there is no database.
 */
export async function backupDatabase(file: string, target: string): Promise<IntegrityReport> {
  if (existsSync(target)) throw new BackupTargetExists(target);
  refuseUnexpectedlyEmpty(file);
  if (!existsSync(file)) throw Object.assign(new Error(`${file} findes ikke`), { code: 'ENOENT' });
  const temporary = join(dirname(target), `.${basename(target)}.${randomUUID()}.tmp`);
  // Made here first, so the copy is the owner's only from its first byte.
  closeSync(openSync(temporary, 'wx', 0o600));
  try {
    const source = new DatabaseSync(file);
    try {
      source.exec('PRAGMA busy_timeout = 5000');
      await backup(source, temporary);
    } finally {
      source.close();
    }
    const copy = new DatabaseSync(temporary);
    let report: IntegrityReport;
    try {
      copy.exec('PRAGMA journal_mode = DELETE');
      report = quickCheck(copy);
    } finally {
      copy.close();
    }
    const fd = openSync(temporary, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    try {
      linkSync(temporary, target);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new BackupTargetExists(target);
      throw error;
    }
    return report;
  } finally {
    // Always: a half-written copy holds personal data too.
    for (const leftover of [temporary, `${temporary}-journal`, `${temporary}-wal`, `${temporary}-shm`]) {
      if (existsSync(leftover)) unlinkSync(leftover);
    }
  }
}

function transaction<T>(db: DatabaseSync, work: () => T): T {
  db.exec('BEGIN IMMEDIATE');
  try {
    const result = work();
    db.exec('COMMIT');
    return result;
  } catch (error) {
    if (db.isTransaction) db.exec('ROLLBACK');
    throw error;
  }
}

const toReceipt = (row: Row): Receipt => ({
  reference: String(row.reference),
  kommune: String(row.kommune),
  unitId: String(row.unit_id),
  receivedAt: String(row.received_at),
});

/** A stored application, its content opened (throws SealedDataError when it cannot be). */
const toStored = (sealer: Sealer, row: Row): StoredApplication => ({
  ...toReceipt(row),
  application: JSON.parse(sealer.open('applications', String(row.reference), String(row.data))) as Application,
  exportedAt: row.exported_at === null ? null : String(row.exported_at),
});

function select(db: DatabaseSync, sealer: Sealer, filter: ApplicationFilter): StoredApplication[] {
  const { sql, params } = listQuery(filter, () => '?', 'rowid');
  return (db.prepare(sql).all(...params) as Row[]).map((row) => toStored(sealer, row));
}

const toRecord = (row: Row): DeliveryRecord => ({
  id: String(row.id),
  reference: String(row.reference),
  kommune: String(row.kommune),
  unitId: String(row.unit_id),
  destination: String(row.destination),
  state: String(row.state) as DeliveryState,
  attempts: Number(row.attempts),
  createdAt: String(row.created_at),
  queuedAt: String(row.queued_at),
  nextAttemptAt: row.next_attempt_at === null ? null : String(row.next_attempt_at),
  lastError: row.last_error === null ? null : String(row.last_error),
  endedAt: row.ended_at === null ? null : String(row.ended_at),
});

const isUniqueViolation = (error: unknown) => error instanceof Error && /UNIQUE constraint failed: applications\.reference/.test(error.message);

export function openSqliteStore(options: SqliteOptions): ApplicationStore {
  let db: DatabaseSync;
  try {
    db = openDatabase(options.file);
  } catch (error) {
    if (error instanceof StoreDamagedError) throw error;
    throw new StoreUnavailableError('kan ikke åbne SQLite-filen', { cause: error });
  }
  const newReference = options.newReference ?? defaultNewReference;
  const outbox = options.outbox ?? (() => []);
  const sealer = createSealer(options.encryption);
  /** Delivery jobs this process is delivering now (see the header). */
  const working = new Set<string>();
  const statements = {
    answer: db.prepare('SELECT fingerprint, answer_status, answer_body FROM idempotency_keys WHERE key = ?'),
    insert: db.prepare('INSERT INTO applications (reference, kommune, unit_id, received_at, data, key_id) VALUES (?, ?, ?, ?, ?, ?)'),
    insertKey: db.prepare(
      'INSERT INTO idempotency_keys (key, fingerprint, reference, answer_status, answer_body) VALUES (?, ?, ?, ?, ?)',
    ),
    receipt: db.prepare('SELECT reference, kommune, unit_id, received_at FROM applications WHERE reference = ?'),
    application: db.prepare(`SELECT ${APPLICATION_COLUMNS} FROM applications WHERE reference = ?`),
    markExported: db.prepare('UPDATE applications SET exported_at = ? WHERE reference = ? AND exported_at IS NULL'),
    saveDraft: db.prepare(
      `INSERT INTO form_drafts (id, kommune, expires_at, data, key_id) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET kommune = excluded.kommune, expires_at = excluded.expires_at, data = excluded.data, key_id = excluded.key_id`,
    ),
    readDraft: db.prepare('SELECT kommune, data FROM form_drafts WHERE id = ? AND expires_at > ?'),
    deleteDraft: db.prepare('DELETE FROM form_drafts WHERE id = ?'),
    deleteExpiredDrafts: db.prepare('DELETE FROM form_drafts WHERE expires_at <= ?'),
    insertJob: db.prepare(
      `INSERT INTO deliveries (id, reference, destination, carries_application, state, created_at, queued_at, next_attempt_at)
       VALUES (?, ?, ?, ?, 'pending', ?, ?, ?)`,
    ),
    dueJob: db.prepare(
      `SELECT ${JOB_COLUMNS} FROM deliveries d JOIN applications a ON a.reference = d.reference
       WHERE d.state = 'pending' AND d.next_attempt_at <= ? AND d.id NOT IN (SELECT value FROM json_each(?))
       ORDER BY d.next_attempt_at LIMIT 1`,
    ),
    updateJob: db.prepare(
      `UPDATE deliveries SET state = ?, attempts = attempts + 1, next_attempt_at = ?, last_attempt_at = ?, last_error = coalesce(?, last_error), ended_at = ?
       WHERE id = ? AND state = 'pending'`,
    ),
    retryOne: db.prepare(
      `UPDATE deliveries SET state = 'pending', attempts = 0, queued_at = ?, next_attempt_at = ?, last_error = NULL, ended_at = NULL WHERE state = 'failed' AND reference = ?`,
    ),
    retryAll: db.prepare(`UPDATE deliveries SET state = 'pending', attempts = 0, queued_at = ?, next_attempt_at = ?, last_error = NULL, ended_at = NULL WHERE state = 'failed'`),
    failedOne: db.prepare(`SELECT DISTINCT reference FROM deliveries WHERE state = 'failed' AND reference = ?`),
    failedAll: db.prepare(`SELECT DISTINCT reference FROM deliveries WHERE state = 'failed' ORDER BY reference`),
    insertAudit: db.prepare(`INSERT INTO audit_log (${AUDIT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?)`),
    finishAudit: db.prepare(`UPDATE audit_log SET outcome = ? WHERE id = ? AND outcome = 'begun'`),
    finishAuditWithReason: db.prepare(`UPDATE audit_log SET outcome = ?, details = json_set(details, '$.reason', ?) WHERE id = ? AND outcome = 'begun'`),
    deleteOldAudit: db.prepare('DELETE FROM audit_log WHERE occurred_at < ?'),
    keyUse: db.prepare(KEY_USE_SQL),
    reseal: {
      applications: db.prepare('UPDATE applications SET data = ?, key_id = ? WHERE reference = ? AND data = ?'),
      form_drafts: db.prepare('UPDATE form_drafts SET data = ?, key_id = ? WHERE id = ? AND data = ?'),
    } satisfies Record<SealedTable, unknown>,
  };

  /** Inserts an audit entry (inside the caller's transaction); its id. */
  const insertAudit = (entry: NewAuditEntry, outcome: AuditOutcome): number =>
    Number(
      statements.insertAudit.run(entry.at.toISOString(), entry.actor.user, entry.actor.sudoUser, entry.action, outcome, JSON.stringify(entry.details))
        .lastInsertRowid,
    );
  const finishAudit = (id: number, outcome: 'done' | 'failed', reason?: string) => {
    if (reason === undefined) statements.finishAudit.run(outcome, id);
    else statements.finishAuditWithReason.run(outcome, reason, id);
  };

  /**
   * A failed database call as the store's error: a row that cannot be opened says which key it needs; damaged
   * pages say so (the operator must restore); anything else is unavailable.
   */
  const failure = (what: string, error: unknown) =>
    error instanceof SealedDataError
      ? error
      : isDamage(error)
      ? new StoreDamagedError('damaged', `databasefilen ${options.file} er beskadiget (SQLite: ${what} mislykkedes: ${(error as Error).message})`, { cause: error })
      : new StoreUnavailableError(`SQLite: ${what} mislykkedes`, { cause: error });

  /** Runs a database call; any failure means the store is unavailable (503), never a 500. */
  const guarded = async <T>(what: string, work: () => T | Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      throw failure(what, error);
    }
  };

  function insertApplication(input: NewApplication): Receipt {
    for (let attempt = 1; ; attempt++) {
      const receipt: Receipt = {
        reference: newReference(),
        kommune: input.kommune,
        unitId: input.unitId,
        receivedAt: input.receivedAt.toISOString(),
      };
      try {
        const { data, keyId } = sealer.seal('applications', receipt.reference, JSON.stringify(input.application));
        statements.insert.run(receipt.reference, receipt.kommune, receipt.unitId, receipt.receivedAt, data, keyId);
        return receipt;
      } catch (error) {
        if (!isUniqueViolation(error) || attempt >= REFERENCE_ATTEMPTS) throw error;
      }
    }
  }

  /** One save's writes, inside the caller's transaction: the idempotency check, the application, its delivery jobs, the answer. */
  function saveOne(input: NewApplication, idempotency: Idempotency | undefined): SaveResult {
    if (idempotency) {
      const earlier = statements.answer.get(idempotency.key) as Row | undefined;
      if (earlier) {
        return earlier.fingerprint === idempotency.fingerprint
          ? { kind: 'replayed', answer: { status: Number(earlier.answer_status), body: String(earlier.answer_body) } }
          : { kind: 'key-reused' };
      }
    }
    const receipt = insertApplication(input);
    for (const destination of outbox(receipt.kommune, receipt.unitId)) {
      statements.insertJob.run(newDeliveryId(), receipt.reference, destination.id, destination.carriesApplication ? 1 : 0, receipt.receivedAt, receipt.receivedAt, receipt.receivedAt);
    }
    const answer = idempotency ? idempotency.answer(receipt) : null;
    if (idempotency && answer) {
      statements.insertKey.run(idempotency.key, idempotency.fingerprint, receipt.reference, answer.status, answer.body);
    }
    return { kind: 'created', receipt, answer };
  }

  /**
   * Group commit: the saves made while the event loop was busy wait here, and are written together once it is
   * free (setImmediate) — a save alone waits for nothing more. Each runs under a savepoint of its own, so one
   * that fails (its reference drawn too often, say) is undone alone and the others go on; a replay under an
   * Idempotency-Key sees a save earlier in the same group, as it would a committed one. The promises settle
   * after COMMIT: with `synchronous=FULL` the whole group is on disk by then. If the COMMIT (or BEGIN) fails,
   * nothing of the group is stored and every save in it fails.
   */
  const waiting: { input: NewApplication; idempotency: Idempotency | undefined; resolve: (result: SaveResult) => void; reject: (error: unknown) => void }[] = [];
  function commitGroup(): void {
    if (!waiting.length) return;
    const group = waiting.splice(0, MAX_GROUP);
    if (waiting.length) setImmediate(commitGroup);
    const outcomes: ({ ok: true; result: SaveResult } | { ok: false; error: unknown })[] = [];
    try {
      transaction(db, () => {
        for (const { input, idempotency } of group) {
          db.exec('SAVEPOINT one_save');
          try {
            outcomes.push({ ok: true, result: saveOne(input, idempotency) });
            db.exec('RELEASE one_save');
          } catch (error) {
            db.exec('ROLLBACK TO one_save');
            db.exec('RELEASE one_save');
            outcomes.push({ ok: false, error });
          }
        }
      });
    } catch (error) {
      for (const save of group) save.reject(failure('at gemme', error));
      return;
    }
    group.forEach((save, i) => {
      const outcome = outcomes[i]!;
      if (outcome.ok) save.resolve(outcome.result);
      else save.reject(failure('at gemme', outcome.error));
    });
    options.onGroupCommit?.(group.length);
  }

  return {
    // Opened and migrated above; a file that broke since then shows on the next call.
    ready: async () => {},
    checkIntegrity: async () => quickCheck(db),
    save: (input: NewApplication, idempotency?: Idempotency): Promise<SaveResult> =>
      options.groupCommit === false
        ? guarded('at gemme', () => {
            const result = transaction(db, () => saveOne(input, idempotency));
            options.onGroupCommit?.(1);
            return result;
          })
        : new Promise<SaveResult>((resolve, reject) => {
            waiting.push({ input, idempotency, resolve, reject });
            if (waiting.length === 1) setImmediate(commitGroup);
          }),
    findReceipt: (reference: string) =>
      guarded('at finde en kvittering', () => {
        const row = statements.receipt.get(reference) as Row | undefined;
        return row ? toReceipt(row) : null;
      }),
    findApplication: (reference: string) =>
      guarded('at hente en ansøgning', () => {
        const row = statements.application.get(reference) as Row | undefined;
        return row ? toStored(sealer, row) : null;
      }),
    list: (filter) => guarded('at hente ansøgninger', () => select(db, sealer, filter)),
    exportApplications: async (filter, at, deliver, audit) => {
      // Read, deliver, then mark in a short write transaction of its own: no lock is held while
      // `deliver` writes (a slow pipe must not make citizens' applications wait). Only what was
      // read is marked, and a first export time is never overwritten.
      const applications = await guarded('at eksportere', () => select(db, sealer, filter));
      // In the trail (committed) before anything is handed out: no entry, no export.
      const entry = audit
        ? await guarded('at skrive i revisionssporet', () =>
            transaction(db, () => insertAudit(entryOf(audit, 'eksport', { references: applications.map((a) => a.reference) }), 'begun')),
          )
        : null;
      try {
        // Errors from `deliver` (a file that cannot be written) are the caller's, not the store's; nothing is marked.
        await deliver(applications);
      } catch (error) {
        if (entry !== null) {
          try {
            finishAudit(entry, 'failed', auditReason(error));
          } catch {
            // The entry stays `begun` (not finished); the caller gets the error that stopped the export.
          }
        }
        throw error;
      }
      await guarded('at markere som eksporteret', () =>
        transaction(db, () => {
          const mark = statements.markExported;
          for (const a of applications) mark.run(at.toISOString(), a.reference);
          if (entry !== null) finishAudit(entry, 'done');
        }),
      );
      return applications;
    },
    purge: (request, audit) =>
      guarded('at slette gamle ansøgninger', (): PurgeResult =>
        transaction(db, () => {
          const { countUndelivered, deleteKeys, deleteApplications, countKept } = purgeQueries(request, () => '?');
          const undelivered = db.prepare(countUndelivered.sql).get(...countUndelivered.params) as Row;
          const keys = db.prepare(deleteKeys.sql).run(...deleteKeys.params);
          const applications = db.prepare(deleteApplications.sql).run(...deleteApplications.params);
          const kept = db.prepare(countKept.sql).get(...countKept.params) as Row;
          const auditEntries = request.auditBefore ? Number(statements.deleteOldAudit.run(request.auditBefore.toISOString()).changes) : 0;
          const result: PurgeResult = {
            applications: Number(applications.changes),
            idempotencyKeys: Number(keys.changes),
            keptNotExported: Number(kept.n),
            undeliveredJobs: Number(undelivered.n),
            auditEntries,
          };
          if (audit) insertAudit(entryOf(audit, 'slet-gamle', { counts: { ...result } }), 'done');
          return result;
        }),
      ),
    recordAudit: (entry, outcome = 'begun') => guarded('at skrive i revisionssporet', () => transaction(db, () => insertAudit(entry, outcome))),
    finishAudit: (id, outcome, reason) => guarded('at skrive i revisionssporet', () => finishAudit(id, outcome, reason)),
    listAudit: (filter) =>
      guarded('at læse revisionssporet', () => {
        const { sql, params } = auditQuery(filter, () => '?', (p) => `EXISTS (SELECT 1 FROM json_each(details, '$.references') WHERE value = ${p})`);
        return (db.prepare(sql).all(...params) as unknown as AuditRow[]).map(toAuditEntry);
      }),
    saveFormDraft: (id, draft, { now, expiresAt }) =>
      guarded('at gemme en kladde', () =>
        transaction(db, () => {
          statements.deleteExpiredDrafts.run(now.toISOString());
          const { data, keyId } = sealer.seal('form_drafts', id, draft.data);
          statements.saveDraft.run(id, draft.kommune, expiresAt.toISOString(), data, keyId);
        }),
      ),
    readFormDraft: (id, now) =>
      guarded('at hente en kladde', () => {
        const row = statements.readDraft.get(id, now.toISOString()) as Row | undefined;
        return row ? { kommune: String(row.kommune), data: sealer.open('form_drafts', id, String(row.data)) } : null;
      }),
    deleteFormDraft: (id) =>
      guarded('at slette en kladde', () => {
        statements.deleteDraft.run(id);
      }),
    deleteExpiredFormDrafts: (now) => guarded('at slette udløbne kladder', () => Number(statements.deleteExpiredDrafts.run(now.toISOString()).changes)),
    workDelivery: async (now, busy, work) => {
      // Picked and marked as being worked in one synchronous step: calls made at the same moment
      // (the worker's slots) never get the same job.
      let row: Row | undefined;
      try {
        row = statements.dueJob.get(now.toISOString(), JSON.stringify([...working, ...busy])) as Row | undefined;
      } catch (error) {
        throw failure('at hente en levering', error);
      }
      if (!row) return false;
      const id = String(row.id);
      working.add(id);
      let recordFailed = false;
      try {
        const update = await work(dueJob(sealer, row));
        const p = updateParams(update, now, (d) => d.toISOString());
        try {
          statements.updateJob.run(p.state, p.nextAttemptAt, p.lastAttemptAt, p.error, p.endedAt, id);
        } catch (error) {
          // Worked but not recorded (the file locked or full): held back a while, so the other slots
          // do not send it again and again meanwhile; then due again (delivery is at-least-once).
          recordFailed = true;
          setTimeout(() => working.delete(id), RECORD_RETRY_MS).unref();
          throw new StoreUnavailableError('SQLite: at gemme en levering mislykkedes', { cause: error });
        }
        working.delete(id);
        return true;
      } catch (error) {
        if (!recordFailed) working.delete(id);
        throw error;
      }
    },
    listDeliveries: (filter) =>
      guarded('at hente leveringer', () => {
        const { sql, params } = deliveriesQuery(filter, () => '?');
        return (db.prepare(sql).all(...params) as Row[]).map(toRecord);
      }),
    deliverySummary: () =>
      guarded('at tælle leveringer', () =>
        summarise(
          db.prepare(DELIVERY_COUNTS_SQL).all() as unknown as CountRow[],
          db.prepare(DELIVERY_ERRORS_SQL).all() as unknown as ErrorRow[],
        ),
      ),
    retryDeliveries: (which, now, audit) =>
      guarded('at sætte leveringer i kø igen', () =>
        transaction(db, () => {
          const at = now.toISOString();
          const failed = (('reference' in which ? statements.failedOne.all(which.reference) : statements.failedAll.all()) as Row[]).map((r) => String(r.reference));
          const result = 'reference' in which ? statements.retryOne.run(at, at, which.reference) : statements.retryAll.run(at, at);
          const queued = Number(result.changes);
          if (audit) insertAudit(entryOf(audit, 'levering-igen', { references: failed, counts: { deliveries: queued } }), 'done');
          return queued;
        }),
      ),
    keyUse: () =>
      guarded('at tælle nøgler', () =>
        byTableAndKey(
          (statements.keyUse.all() as Row[]).map(
            (row): KeyUse => ({
              table: String(row.sealed_table) as SealedTable,
              keyId: row.key_id === null ? null : String(row.key_id),
              rows: Number(row.n),
              known: row.key_id === null || sealer.knows(String(row.key_id)),
            }),
          ),
        ),
      ),
    resealBatch: (table, after, limit) =>
      guarded('at kryptere med den nye nøgle', (): ResealBatch => {
        const current = sealer.currentKeyId;
        if (!current) throw new Error('no DATA_ENCRYPTION_KEY: nothing to seal with');
        // One short write transaction per batch (BEGIN IMMEDIATE): the server's saves wait at most for one batch.
        return transaction(db, () => {
          const { sql, params } = resealQuery(table, current, after, limit, () => '?');
          const { updates, skipped, next } = planReseal(sealer, table, db.prepare(sql).all(...params) as Row[], limit);
          let resealed = 0;
          for (const u of updates) resealed += Number(statements.reseal[table].run(u.data, u.keyId, u.rowId, u.old).changes);
          return { resealed, skipped, next };
        });
      }),
    clearOldCopies: () =>
      guarded('at tømme WAL-filen', () => {
        // TRUNCATE: every frame written into the file and the -wal file cut to nothing; `busy` while a reader holds it.
        const result = db.prepare('PRAGMA wal_checkpoint(TRUNCATE)').get() as Row;
        return Number(result.busy) === 0 ? { kind: 'cleared' as const } : { kind: 'busy' as const };
      }),
    close: async () => {
      // Saves still waiting for their group are written first, never dropped.
      while (waiting.length && db.isOpen) commitGroup();
      if (db.isOpen) db.close();
    },
  };
}

/** A due job's row as the worker gets it: the application opened, or why it cannot be. */
function dueJob(sealer: Sealer, row: Row): DueJob {
  const job = {
    id: String(row.id),
    destination: String(row.destination),
    attempts: Number(row.attempts),
    createdAt: String(row.job_created_at),
    queuedAt: String(row.queued_at),
  };
  try {
    return { ...job, application: toStored(sealer, row) };
  } catch (error) {
    if (!(error instanceof SealedDataError)) throw error;
    return { ...job, application: null, reference: String(row.reference), unreadable: error.message };
  }
}

