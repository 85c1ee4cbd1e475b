/**
 * Where applications are kept. One interface, one module per backend
 * (`sqlite.ts`, `postgres.ts`), one test suite for all of them
 * (tests/support/application-store-contract.ts). SQL stays inside the backend.
 *
 * The promise every backend keeps: when `save` resolves, the application is
 * durably stored (committed and flushed), so the endpoint may answer 201.
 */
import type { Application } from '../../domain/application.ts';
import type { Receipt } from '../../domain/receipt.ts';
import type { DueJob } from '../delivery/types.ts';

export type { Receipt };

export interface NewApplication {
  kommune: string;
  unitId: string;
  /** When it was received: the moment the endpoint validated it (age is counted on this day). */
  receivedAt: Date;
  application: Application;
}

export interface StoredApplication extends Receipt {
  application: Application;
  /** When the case team first exported it (ISO 8601 in UTC), or `null`: the kommune does not have it yet. */
  exportedAt: string | null;
}

/** Which applications the case team's command lists, exports or counts. Every field narrows; none means all. */
export interface ApplicationFilter {
  kommune?: string;
  unitId?: string;
  /** Received at or after this moment. */
  receivedFrom?: Date;
  /** Received before this moment (exclusive, so a day's end needs no 23:59:59.999). */
  receivedBefore?: Date;
  /** `false`: only those not exported yet; `true`: only those exported. */
  exported?: boolean;
}

export interface PurgeRequest {
  /** Applications received before this moment are old enough to go. */
  receivedBefore: Date;
  kommune?: string;
  /**
   * Also delete applications that were never exported. Off by default: an
   * application must not vanish before the kommune has it.
   */
  includeNotExported: boolean;
  /** Audit trail entries from before this moment go too (their own, longer period: AUDIT_RETENTION_DAYS); none without. */
  auditBefore?: Date;
}

export interface PurgeResult {
  /** Applications deleted. */
  applications: number;
  /** Idempotency keys deleted with them (a key lives as long as its application). */
  idempotencyKeys: number;
  /** Old enough, but kept because the kommune does not have them: neither exported nor delivered to a destination that carries the application. */
  keptNotExported: number;
  /** Delivery jobs not delivered (pending or failed) that went with the deleted applications: only with `includeNotExported`. */
  undeliveredJobs: number;
  /** Audit trail entries older than `auditBefore` deleted. */
  auditEntries: number;
}

/**
 * The staff actions the audit trail records: every one that reads applications' personal data out of the
 * store or changes applications, named as the case team's command names them (README: "Audit trail").
 * `levering-igen` is `levering --igen`; `ny-noegle` the key rotation (encryption at rest).
 */
export const AUDIT_ACTIONS = ['oversigt', 'eksport', 'pdf', 'slet-gamle', 'levering-igen', 'backup', 'ny-noegle'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** `begun`: recorded before the action handed anything out, and not finished (still running, or the process was stopped). */
export type AuditOutcome = 'begun' | 'done' | 'failed';

/** Who did it: the operating-system user the command ran as. */
export interface AuditActor {
  /** `os.userInfo().username` (from the process's user id, not from the environment). */
  user: string;
  /** `SUDO_USER`, when the command was run through sudo: who typed it. sudo sets it, but anyone can: a hint, not proof. */
  sudoUser: string | null;
}

/** The choices an action ran with: ids, dates and numbers, never personal data. */
export interface AuditChoices {
  kommune?: string;
  unitId?: string;
  /** ISO 8601 moments, as the filter had them. */
  receivedFrom?: string;
  receivedBefore?: string;
  /** `false`: only those not exported yet (`--kun-nye`). */
  exported?: boolean;
  /** The purge's retention period in days, and whether it took applications the kommune does not have. */
  olderThanDays?: number;
  includeNotExported?: boolean;
  /** The purge's period for the audit trail itself. */
  auditOlderThanDays?: number;
  /** `levering --igen alle-fejlede`. */
  allFailed?: boolean;
}

/** What an action counted: deleted, kept, queued again, re-encrypted. */
export type AuditCounts = Partial<
  Record<'applications' | 'idempotencyKeys' | 'keptNotExported' | 'undeliveredJobs' | 'formDrafts' | 'auditEntries' | 'deliveries' | 'reencrypted', number>
>;

/**
 * What an entry says an action touched. References of the applications it read, handed over or changed, never
 * their content; the purge keeps counts only (not the references of what it deleted). A file's name is not
 * kept: a case worker may name a file after the citizen.
 */
export interface AuditDetails {
  references?: string[];
  choices?: AuditChoices;
  counts?: AuditCounts;
  /** Where personal data went: a file, or stdout (the screen, a pipe, a program). */
  output?: 'file' | 'stdout';
  /** `csv`, `jsonl`, `pdf`, `sqlite` (a copy of the whole database). */
  format?: string;
  /** Why it failed: an error's code (`ENOENT`, `EEXIST`, `EPIPE`) or one of ours (`damaged`), never a message. */
  reason?: string;
}

export interface NewAuditEntry {
  at: Date;
  actor: AuditActor;
  action: AuditAction;
  details: AuditDetails;
}

export interface AuditEntry {
  id: number;
  /** When (ISO 8601, UTC). */
  at: string;
  actor: AuditActor;
  action: AuditAction;
  outcome: AuditOutcome;
  details: AuditDetails;
}

/** Who and when, for a store method that records its own entry in its transaction; `details` are the choices (the store adds what it touched). */
export interface AuditStamp {
  at: Date;
  actor: AuditActor;
  details?: AuditDetails;
}

/** Which entries `listAudit` gives. Every field narrows. */
export interface AuditFilter {
  /** At or after this moment. */
  from?: Date;
  /** Before this moment (exclusive). */
  before?: Date;
  action?: AuditAction;
  /** Entries that name this application. */
  reference?: string;
}

/** A destination as the outbox knows it: the jobs to store with an application. */
export interface OutboxDestination {
  id: string;
  /** A delivery hands over the application itself (see Destination.carriesApplication). */
  carriesApplication: boolean;
}

/** The destinations an application of this kommune and unit is delivered to (from the delivery settings). */
export type OutboxPlan = (kommune: string, unitId: string) => readonly OutboxDestination[];

export type DeliveryState = 'pending' | 'delivered' | 'failed';

/** What the worker records after an attempt (it decides: src/domain/delivery-schedule.ts). */
export type DeliveryUpdate =
  | { state: 'delivered'; at: Date }
  | { state: 'pending'; nextAttemptAt: Date; error: string }
  | { state: 'failed'; at: Date; error: string };

/** One delivery job as the staff command shows it (no personal data). */
export interface DeliveryRecord {
  id: string;
  reference: string;
  kommune: string;
  unitId: string;
  destination: string;
  state: DeliveryState;
  /** Attempts made so far. */
  attempts: number;
  /** When it was stored with its application (ISO 8601, UTC). */
  createdAt: string;
  /** When it was queued: at storing, or again by `levering --igen`; the 72 hours of retries count from here. */
  queuedAt: string;
  /** The next attempt (pending jobs). */
  nextAttemptAt: string | null;
  lastError: string | null;
  /** When it was delivered, or when it was given up (failed). */
  endedAt: string | null;
}

/** Per destination: how many jobs are in each state, and the newest error. */
export interface DeliverySummary {
  destination: string;
  pending: number;
  delivered: number;
  failed: number;
  /** The oldest pending job's queue time (ISO 8601), or `null`: how far behind delivery is. */
  oldestPendingSince: string | null;
  /** The newest error recorded on a pending or failed job of this destination, with when. */
  lastError: { reference: string; error: string; at: string } | null;
}

export type DeliveryFilter = { reference?: string; state?: DeliveryState; destination?: string };

/** The HTTP answer an idempotency key got, replayed byte for byte. */
export interface StoredAnswer {
  status: number;
  body: string;
}

export interface Idempotency {
  key: string;
  /** A hash of the request body: the same key with another body is refused, not replayed. */
  fingerprint: string;
  /** The answer for the new application, stored with the key in the same transaction. */
  answer: (receipt: Receipt) => StoredAnswer;
}

export type SaveResult =
  | { kind: 'created'; receipt: Receipt; answer: StoredAnswer | null }
  | { kind: 'replayed'; answer: StoredAnswer }
  | { kind: 'key-reused' };

/**
 * The no-JavaScript form's answers between its pages (the form, "Tjek dine
 * svar"), kept a short time under a random id that only the browser's cookie
 * holds (src/server/applications/form-draft.ts). Not an application: nothing
 * is sent anywhere from here.
 */
export interface FormDraft {
  kommune: string;
  /** The answers and problems as JSON; the store keeps it as it is and does not read it. */
  data: string;
}

/**
 * What the store's own check of its data found. SQLite: `PRAGMA quick_check`
 * (every page of every table and index read and its structure checked);
 * PostgreSQL has no such cheap check of its own (the server keeps its pages
 * checksummed and whole), so a query that answers is its check: `not-checked`.
 */
export type IntegrityReport =
  | { kind: 'ok' }
  /** `problems`: SQLite's own lines (page numbers and structure, never a stored value), at most a few. */
  | { kind: 'damaged'; problems: string[] }
  | { kind: 'not-checked' };

/** The tables whose personal content is sealed at rest (src/server/store/sealed.ts). */
export type SealedTable = 'applications' | 'form_drafts';

/** How many rows of a table are stored under a key (`keyId` null: plain, not encrypted), and whether this store has that key. */
export interface KeyUse {
  table: SealedTable;
  keyId: string | null;
  rows: number;
  /** The key is given (DATA_ENCRYPTION_KEY or DATA_ENCRYPTION_OLD_KEYS); always true for plain rows. */
  known: boolean;
}

/** A row a rotation left as it was: under a key not given, or not opening (changed or moved). */
export interface ResealSkip {
  problem: 'unknown-key' | 'no-key' | 'broken';
  keyId: string | null;
  /** The application's reference; `null` for a form draft (its id is the citizen's cookie and key, never shown). */
  reference: string | null;
}

export interface ResealBatch {
  /** Rows now sealed under the current key. */
  resealed: number;
  /** Rows left as they were. */
  skipped: ResealSkip[];
  /** Where the next batch starts (pass it as `after`); `null`: the table is done. */
  next: string | null;
}

/** What clearing old copies did: SQLite emptied its WAL file (`busy`: a reader held it, try again); PostgreSQL cannot (see the store). */
export type OldCopies = { kind: 'cleared' } | { kind: 'busy' } | { kind: 'not-possible' };

export interface ApplicationStore {
  /** Resolves when the database is reachable and its schema is up to date (the server waits for it at start). */
  ready(): Promise<void>;
  /** Checks the stored data for damage (see IntegrityReport). Rejects with StoreUnavailableError when the store cannot be asked. */
  checkIntegrity(): Promise<IntegrityReport>;
  /**
   * Stores an application durably. With an idempotency key already used for
   * the same body, stores nothing and returns the earlier answer; used for
   * another body, stores nothing and says so.
   */
  save(application: NewApplication, idempotency?: Idempotency): Promise<SaveResult>;
  /** The receipt for a reference, or `null`. */
  findReceipt(reference: string): Promise<Receipt | null>;
  /** The whole application stored under a reference (the case team's `pdf`), or `null`. */
  findApplication(reference: string): Promise<StoredApplication | null>;
  /** Applications matching the filter, oldest first (ties in the order they were stored). */
  list(filter: ApplicationFilter): Promise<StoredApplication[]>;
  /**
   * Export: reads the applications matching the filter, hands them to
   * `deliver` (which writes the file), and only when `deliver` has finished
   * marks those it read exported at `at` (an application keeps its first
   * export time). New applications must never wait for `deliver`. If `deliver` throws, nothing is marked. Returns what was
   * delivered, with `exportedAt` as it was before this export.
   *
   * With `audit`: one `eksport` entry naming what was read, committed before `deliver` is called (an export
   * that is stopped halfway is in the trail); `done` in the marking's transaction, or `failed` with the
   * error's code when `deliver` throws. If the entry cannot be recorded, nothing is delivered.
   */
  exportApplications(
    filter: ApplicationFilter,
    at: Date,
    deliver: (applications: StoredApplication[]) => Promise<void>,
    audit?: AuditStamp,
  ): Promise<StoredApplication[]>;
  /**
   * Deletes old applications and their idempotency keys, and audit entries older than `auditBefore`, in one
   * transaction; with `audit`, records its own `slet-gamle` entry (the counts, no references) in it.
   */
  purge(request: PurgeRequest, audit?: AuditStamp): Promise<PurgeResult>;
  /**
   * Records an audit entry, `begun` (for an action that hands personal data out: recorded before it does),
   * or with its outcome; committed when it resolves. Returns its id for `finishAudit`.
   */
  recordAudit(entry: NewAuditEntry, outcome?: AuditOutcome): Promise<number>;
  /** Sets a `begun` entry's outcome (with the failure's code). An entry that has its outcome is never changed. */
  finishAudit(id: number, outcome: 'done' | 'failed', reason?: string): Promise<void>;
  /** Audit entries matching the filter, newest first. */
  listAudit(filter: AuditFilter): Promise<AuditEntry[]>;
  /**
   * Keeps a form draft under `id` until `expiresAt` (replacing one kept under
   * it), and deletes every draft that expired by `now` in the same transaction.
   */
  saveFormDraft(id: string, draft: FormDraft, at: { now: Date; expiresAt: Date }): Promise<void>;
  /** The draft kept under `id`, or `null` (none, or expired by `now`). */
  readFormDraft(id: string, now: Date): Promise<FormDraft | null>;
  /** Deletes the draft kept under `id` (the application was sent); none is no error. */
  deleteFormDraft(id: string): Promise<void>;
  /** Deletes every draft that expired by `now`; returns how many (the case team's purge runs it too). */
  deleteExpiredFormDrafts(now: Date): Promise<number>;
  /**
   * The outbox, taken by the delivery worker: picks one pending job due by
   * `now` whose id is not in `busy`, holds it so that no other worker (another
   * process on PostgreSQL) takes it while `work` runs, and records the update
   * `work` returns. If `work` throws or the process dies, the job stays as it
   * was (pending, due). Resolves `false` when no job was due. A job whose
   * application this store cannot open (sealed under a key not given, or
   * broken) is handed over as an UnreadableJob, with why: the worker counts it
   * as a failed attempt, so it backs off and never holds up the jobs behind it.
   */
  workDelivery(now: Date, busy: ReadonlySet<string>, work: (job: DueJob) => Promise<DeliveryUpdate>): Promise<boolean>;
  /** Delivery jobs matching the filter, oldest first. */
  listDeliveries(filter: DeliveryFilter): Promise<DeliveryRecord[]>;
  /** Per destination: jobs in each state and the newest error (the staff command's `levering`, the worker's log). */
  deliverySummary(): Promise<DeliverySummary[]>;
  /**
   * Queues failed jobs again (those of one application, or every failed one):
   * pending, due at `now`, their 72 hours counted from `now`, attempts and
   * error cleared. Returns how many. With `audit`, records a `levering-igen` entry naming the applications
   * whose jobs were queued, in the same transaction.
   */
  retryDeliveries(which: { reference: string } | { allFailed: true }, now: Date, audit?: AuditStamp): Promise<number>;
  /** Encryption at rest: how many rows of each sealed table are under each key, and plain. */
  keyUse(): Promise<KeyUse[]>;
  /**
   * Key rotation (`ny-noegle`): seals under the current key up to `limit` rows
   * of `table` that are plain or under another key, the first after `after`
   * in the table's key order (`null`: from the start), in one short
   * transaction; a row changed meanwhile is left to its writer. Rows that
   * cannot be opened are left as they were and named. Throws when no key is set.
   */
  resealBatch(table: SealedTable, after: string | null, limit: number): Promise<ResealBatch>;
  /**
   * After a rotation: removes the old copies of rows the database still keeps
   * in its own files. SQLite (secure_delete is on: a replaced or deleted row's
   * bytes are zeroed) checkpoints and empties its WAL file; PostgreSQL keeps
   * old row versions until VACUUM reuses their space, which the store cannot force.
   */
  clearOldCopies(): Promise<OldCopies>;
  close(): Promise<void>;
}

/** The store cannot take or give applications now (disk full, file unreadable …): the endpoint answers 503. */
export class StoreUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreUnavailableError';
  }
}

/**
 * The store must not be used: its data is damaged, or its database file is
 * missing or empty where one existed (src/server/store/sqlite.ts,
 * "An unexpectedly empty database"). Not a passing trouble like a database
 * that is not up yet: the operator must act (restore the latest backup).
 * The endpoint answers 503 like for any StoreUnavailableError.
 */
export class StoreDamagedError extends StoreUnavailableError {
  /** `missing`: the file is gone or empty; `damaged`: its pages are broken. */
  readonly damage: 'missing' | 'damaged';
  constructor(damage: 'missing' | 'damaged', message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreDamagedError';
    this.damage = damage;
  }
}
