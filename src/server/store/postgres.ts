/**
 * The store for several server processes behind a load balancer: PostgreSQL
 * through the `pg` client, with the same behaviour as sqlite.ts (the same
 * contract suite runs against both).
 *
 * - A pool per process with limits and timeouts (`PostgresOptions.pool`), so a
 *   slow or unreachable database makes requests fail fast with a 503 instead
 *   of piling up.
 * - The schema is created or migrated on first use (the server does it at
 *   start) inside one transaction that holds an advisory lock, so processes
 *   starting at the same moment migrate one after the other; the versions
 *   applied are kept in `schema_migrations`.
 * - References are unique by the primary key: a reference another process
 *   took first (`ON CONFLICT (reference) DO NOTHING` inserts no row) is drawn
 *   again. PostgreSQL makes the insert wait for a concurrent transaction with
 *   the same reference, so two processes never both get it.
 * - An idempotency key is stored with its answer in the application's
 *   transaction. When another process stores the same key at the same moment,
 *   our insert of the key waits for it and then inserts nothing: we roll back
 *   (our application goes too) and replay the answer the other stored.
 * - `COMMIT` returns after the commit is flushed to disk (PostgreSQL's default
 *   `synchronous_commit = on`; do not turn it off), so `save` resolving means
 *   the application is durably stored, as the endpoint's 201 promises.
 * - The outbox: `save` stores the application's delivery jobs in its
 *   transaction. `workDelivery` takes a due job with `FOR UPDATE SKIP LOCKED`
 *   in a transaction that stays open while the job is delivered and then
 *   records the result: another process skips the job meanwhile, and if this
 *   process dies its connection drops, the transaction rolls back and the job
 *   is free (and due) at once. The worker uses a store of its own, so those
 *   connections never hold up citizens' requests.
 * - The audit trail (`audit_log`): an export records its entry on a second
 *   connection from the pool, committed before `deliver` while the export's
 *   own transaction holds the rows (it rolls back if `deliver` fails), and its
 *   outcome in that transaction with the marking; so an export needs two
 *   connections (the case team's command opens at least two). The purge and a
 *   re-delivery record theirs in their own transaction.
 * - Any database error becomes StoreUnavailableError (→ 503), never a 500.
 * - The rate limits' shared count lives in the same database (the table
 *   `rate_limits`, migration 5), but is counted on a pool of its own:
 *   postgres-rate-limit.ts.
 * - With DATA_ENCRYPTION_KEY an application's and a form draft's content is
 *   sealed before it is sent to the database (./sealed.ts), so the server,
 *   its files, WAL and dumps hold none of it in clear text; `data` is text
 *   since migration 6 (plain JSON from before, or a sealed envelope), the key
 *   id in `key_id`. A row replaced by a rotation leaves its old version in the
 *   table's free space until VACUUM reuses it, and in WAL archives and
 *   backups for as long as they are kept (README: "Keys").
 */
import pg from 'pg';
import type { Application } from '../../domain/application.ts';
import { DEFAULT_POOL_SIZE, type EncryptionSetting } from '../../lib/config.ts';
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
  SEALED_ROW_ID,
} from './shared-sql.ts';
import { byTableAndKey, createSealer, planReseal, SealedDataError, type Sealer } from './sealed.ts';
import { auditReason, entryOf, toAuditEntry, type AuditRow } from './audit.ts';
import { newDeliveryId, summarise, updateParams } from './outbox.ts';
import { newReference as defaultNewReference, REFERENCE_ATTEMPTS } from './new-reference.ts';
import {
  StoreUnavailableError,
  type ApplicationStore,
  type AuditOutcome,
  type DeliveryRecord,
  type DeliveryState,
  type Idempotency,
  type KeyUse,
  type OutboxPlan,
  type NewApplication,
  type NewAuditEntry,
  type PurgeResult,
  type Receipt,
  type SaveResult,
  type SealedTable,
  type StoredApplication,
} from './types.ts';

/** Each entry moves the schema one version up; never edit one that has shipped, add a new one. Versions match sqlite.ts. */
export const MIGRATIONS = [
  `CREATE TABLE applications (
     reference   text PRIMARY KEY,
     -- the order applications were stored in, for listing ties in received_at
     seq         bigint GENERATED ALWAYS AS IDENTITY,
     kommune     text NOT NULL,
     unit_id     text NOT NULL,
     received_at timestamptz NOT NULL,
     -- json, not jsonb: kept exactly as it was validated
     data        json NOT NULL
   );
   CREATE INDEX applications_by_unit ON applications (kommune, unit_id, received_at);
   CREATE TABLE idempotency_keys (
     key           text PRIMARY KEY,
     fingerprint   text NOT NULL,
     reference     text NOT NULL REFERENCES applications (reference) ON DELETE CASCADE,
     answer_status integer NOT NULL,
     answer_body   text NOT NULL
   );`,
  // 2: the case team's export marks what the kommune has, and purge finds old applications by time.
  `ALTER TABLE applications ADD COLUMN exported_at timestamptz;
   CREATE INDEX applications_by_time ON applications (received_at);
   CREATE INDEX idempotency_keys_by_reference ON idempotency_keys (reference);`,
  // 3: the no-JavaScript form's answers between the form and "Tjek dine svar", for a short time.
  `CREATE TABLE form_drafts (
     id         text PRIMARY KEY,
     kommune    text NOT NULL,
     expires_at timestamptz NOT NULL,
     data       text NOT NULL
   );
   CREATE INDEX form_drafts_by_expiry ON form_drafts (expires_at);`,
  // 4: the outbox: one delivery job per destination, stored with the application (src/server/delivery/).
  `CREATE TABLE deliveries (
     id                  text PRIMARY KEY,
     reference           text NOT NULL REFERENCES applications (reference) ON DELETE CASCADE,
     destination         text NOT NULL,
     carries_application boolean NOT NULL,
     state               text NOT NULL CHECK (state IN ('pending', 'delivered', 'failed')),
     attempts            integer NOT NULL DEFAULT 0,
     created_at          timestamptz NOT NULL,
     queued_at           timestamptz NOT NULL,
     next_attempt_at     timestamptz,
     last_attempt_at     timestamptz,
     last_error          text,
     ended_at            timestamptz
   );
   CREATE INDEX deliveries_due ON deliveries (state, next_attempt_at);
   CREATE INDEX deliveries_by_reference ON deliveries (reference);`,
  // 5: the rate limits' count, shared by every process (postgres-rate-limit.ts). The columns are
  // rate-limiter-flexible's, in its order (it inserts without naming them): the limit and a hash of
  // the client, the requests counted, and when the window ends (milliseconds since 1970).
  // PostgreSQL only: one SQLite process counts in memory (sqlite.ts's 5 is empty).
  `CREATE TABLE rate_limits (
     key    text PRIMARY KEY,
     points integer NOT NULL DEFAULT 0,
     expire bigint
   );
   CREATE INDEX rate_limits_by_expiry ON rate_limits (expire);`,
  // 6: encryption at rest (sealed.ts). `data` becomes text: it holds the plain JSON stored before (kept
  // exactly, character for character) or a sealed envelope, which is no JSON. The table is rewritten once,
  // under this migration's lock. `key_id`: the key each row is sealed under; NULL: stored plain.
  `ALTER TABLE applications ALTER COLUMN data TYPE text;
   ALTER TABLE applications ADD COLUMN key_id text;
   ALTER TABLE form_drafts ADD COLUMN key_id text;`,
  // 7: the audit trail: which staff action read or changed applications, when, as which operating-system user,
  // and what it touched (references and counts, never personal data). Kept AUDIT_RETENTION_DAYS, deleted by the purge.
  `CREATE TABLE audit_log (
     id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     occurred_at timestamptz NOT NULL,
     actor       text NOT NULL,
     sudo_user   text,
     action      text NOT NULL,
     outcome     text NOT NULL CHECK (outcome IN ('begun', 'done', 'failed')),
     details     json NOT NULL
   );
   CREATE INDEX audit_log_by_time ON audit_log (occurred_at);`,
];

/** The advisory lock's first key ("Stoe"); the second is the schema, so test schemas migrate independently. */
const MIGRATION_LOCK = 0x53746f65;

export interface PoolLimits {
  /** Connections per process. Several processes × max must stay under the server's max_connections. */
  max: number;
  /** How long a request waits for a connection (from the pool or a new one) before the store is unavailable. */
  connectionTimeoutMillis: number;
  /** An idle connection is closed after this. */
  idleTimeoutMillis: number;
  /** The server cancels a statement that runs longer (migrations waiting for the lock included). */
  statementTimeoutMillis: number;
  /** The client gives up on a query with no answer (a network that drops packets). */
  queryTimeoutMillis: number;
  /** The server ends a session left inside a transaction this long (an export waiting on its output). */
  idleInTransactionTimeoutMillis: number;
}

export const DEFAULT_POOL_LIMITS: PoolLimits = {
  max: DEFAULT_POOL_SIZE,
  connectionTimeoutMillis: 5_000,
  idleTimeoutMillis: 30_000,
  statementTimeoutMillis: 15_000,
  queryTimeoutMillis: 20_000,
  idleInTransactionTimeoutMillis: 60_000,
};

export interface PostgresOptions {
  /** `postgres://user:password@host:port/database`; `?options=-c%20search_path%3Dschema` picks a schema. */
  connectionString: string;
  pool?: Partial<PoolLimits>;
  /** For tests: a reference generator (the default draws from crypto). */
  newReference?: () => string;
  /** Where problems of idle connections are reported (never personal data). */
  log?: (message: string) => void;
  /** The destinations of an application (a delivery job each, stored with it); none without. */
  outbox?: OutboxPlan;
  /** DATA_ENCRYPTION_KEY and its old keys: content is sealed at rest (./sealed.ts); none: stored plain. */
  encryption?: EncryptionSetting | null;
}

interface Row {
  reference: string;
  kommune: string;
  unit_id: string;
  received_at: Date;
  /** Plain JSON, or a sealed envelope (migration 6 made the column text). */
  data: string;
  exported_at: Date | null;
}

const toReceipt = (row: Pick<Row, 'reference' | 'kommune' | 'unit_id' | 'received_at'>): Receipt => ({
  reference: row.reference,
  kommune: row.kommune,
  unitId: row.unit_id,
  receivedAt: row.received_at.toISOString(),
});

/** A stored application, its content opened (throws SealedDataError when it cannot be). */
const toStored = (sealer: Sealer, row: Row): StoredApplication => ({
  ...toReceipt(row),
  application: JSON.parse(sealer.open('applications', row.reference, row.data)) as Application,
  exportedAt: row.exported_at ? row.exported_at.toISOString() : null,
});

type JobRow = Row & { id: string; destination: string; attempts: number; job_created_at: Date; queued_at: Date };

/** A due job's row as the worker gets it: the application opened, or why it cannot be. */
function dueJob(sealer: Sealer, row: JobRow): DueJob {
  const job = { id: row.id, destination: row.destination, attempts: row.attempts, createdAt: row.job_created_at.toISOString(), queuedAt: row.queued_at.toISOString() };
  try {
    return { ...job, application: toStored(sealer, row) };
  } catch (error) {
    if (!(error instanceof SealedDataError)) throw error;
    return { ...job, application: null, reference: row.reference, unreadable: error.message };
  }
}

const placeholder = (position: number) => `$${position}`;

const iso = (date: Date | null) => (date ? date.toISOString() : null);

interface RecordRow {
  id: string;
  reference: string;
  kommune: string;
  unit_id: string;
  destination: string;
  state: DeliveryState;
  attempts: number;
  created_at: Date;
  queued_at: Date;
  next_attempt_at: Date | null;
  last_error: string | null;
  ended_at: Date | null;
}

const toRecord = (row: RecordRow): DeliveryRecord => ({
  id: row.id,
  reference: row.reference,
  kommune: row.kommune,
  unitId: row.unit_id,
  destination: row.destination,
  state: row.state,
  attempts: row.attempts,
  createdAt: row.created_at.toISOString(),
  queuedAt: row.queued_at.toISOString(),
  nextAttemptAt: iso(row.next_attempt_at),
  lastError: row.last_error,
  endedAt: iso(row.ended_at),
});

/** Our answer when another process stored the same idempotency key while we were saving. */
class KeyTakenMeanwhile extends Error {}

type Queryable = Pick<pg.PoolClient, 'query'>;

async function migrate(client: pg.PoolClient): Promise<void> {
  await client.query('BEGIN');
  try {
    await client.query(`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK}, hashtext(coalesce(current_schema(), '')))`);
    await client.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    const { rows } = await client.query<{ version: number }>('SELECT coalesce(max(version), 0) AS version FROM schema_migrations');
    const version = rows[0]!.version;
    if (version > MIGRATIONS.length) {
      throw new Error(`the database has schema version ${version}; this program knows up to ${MIGRATIONS.length}`);
    }
    for (let v = version; v < MIGRATIONS.length; v++) {
      await client.query(MIGRATIONS[v]!);
      await client.query('INSERT INTO schema_migrations (version) VALUES ($1)', [v + 1]);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  }
}

/** Inserts an audit entry (in `db`'s transaction, or on its own); its id. */
async function insertAudit(db: Queryable, entry: NewAuditEntry, outcome: AuditOutcome): Promise<number> {
  const { rows } = await db.query<{ id: string }>(`INSERT INTO audit_log (${AUDIT_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`, [
    entry.at,
    entry.actor.user,
    entry.actor.sudoUser,
    entry.action,
    outcome,
    JSON.stringify(entry.details),
  ]);
  return Number(rows[0]!.id);
}

/** Sets a `begun` entry's outcome, with the failure's code in its details. */
async function finishAudit(db: Queryable, id: number, outcome: 'done' | 'failed', reason?: string): Promise<void> {
  await db.query(
    `UPDATE audit_log SET outcome = $1,
       details = CASE WHEN $2::text IS NULL THEN details ELSE (details::jsonb || jsonb_build_object('reason', $2::text))::json END
     WHERE id = $3 AND outcome = 'begun'`,
    [outcome, reason ?? null, id],
  );
}

async function earlierAnswer(db: Queryable, idempotency: Idempotency): Promise<SaveResult | null> {
  const { rows } = await db.query<{ fingerprint: string; answer_status: number; answer_body: string }>(
    'SELECT fingerprint, answer_status, answer_body FROM idempotency_keys WHERE key = $1',
    [idempotency.key],
  );
  const earlier = rows[0];
  if (!earlier) return null;
  return earlier.fingerprint === idempotency.fingerprint
    ? { kind: 'replayed', answer: { status: earlier.answer_status, body: earlier.answer_body } }
    : { kind: 'key-reused' };
}

export function openPostgresStore(options: PostgresOptions): ApplicationStore {
  const limits = { ...DEFAULT_POOL_LIMITS, ...options.pool };
  const log = options.log ?? ((message: string) => console.error(message));
  const newReference = options.newReference ?? defaultNewReference;
  const outbox = options.outbox ?? (() => []);
  const sealer = createSealer(options.encryption);
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    application_name: 'stoetteportalen',
    max: limits.max,
    connectionTimeoutMillis: limits.connectionTimeoutMillis,
    idleTimeoutMillis: limits.idleTimeoutMillis,
    statement_timeout: limits.statementTimeoutMillis,
    query_timeout: limits.queryTimeoutMillis,
    idle_in_transaction_session_timeout: limits.idleInTransactionTimeoutMillis,
    keepAlive: true,
  });
  // An idle connection that breaks (the database restarts) must not crash the process; the next query reconnects.
  pool.on('error', (error) => log(`PostgreSQL: en ledig forbindelse fejlede (${(error as { code?: string }).code ?? error.name})`));

  let ready: Promise<void> | null = null;
  const whenReady = () =>
    (ready ??= (async () => {
      const client = await pool.connect();
      try {
        await migrate(client);
      } finally {
        client.release();
      }
    })().catch((error: unknown) => {
      ready = null; // the next call tries again: a database that comes up later heals without a restart
      throw error;
    }));

  /**
   * Runs a database call after the migrations; any failure means the store is unavailable (503), never a 500.
   * A row that cannot be opened is its own error, naming the key it needs.
   */
  const guarded = async <T>(what: string, work: () => Promise<T>): Promise<T> => {
    try {
      await whenReady();
      return await work();
    } catch (error) {
      if (error instanceof SealedDataError) throw error;
      throw new StoreUnavailableError(`PostgreSQL: ${what} mislykkedes`, { cause: error });
    }
  };

  async function transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await pool.connect();
    let broken = false;
    // A connection the database ends while we hold it (a restart, the idle-in-transaction limit during a
    // delivery) emits 'error'; unheard it would end the process. Its next query fails, and we throw that.
    const lost = (error: Error) => {
      broken = true;
      log(`PostgreSQL: forbindelsen blev afbrudt under en transaktion (${(error as { code?: string }).code ?? error.name})`);
    };
    client.on('error', lost);
    try {
      // Explicitly: the concurrency reasoning above is READ COMMITTED's, and a 201 needs a flushed commit
      // whatever the database's defaults say. One round trip (a simple query may hold several statements).
      await client.query('BEGIN ISOLATION LEVEL READ COMMITTED; SET LOCAL synchronous_commit TO on');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => (broken = true));
      throw error;
    } finally {
      client.off('error', lost);
      client.release(broken); // a connection that cannot even roll back is closed, not reused
    }
  }

  async function insertApplication(client: pg.PoolClient, input: NewApplication): Promise<Receipt> {
    for (let attempt = 1; attempt <= REFERENCE_ATTEMPTS; attempt++) {
      const reference = newReference();
      const { data, keyId } = sealer.seal('applications', reference, JSON.stringify(input.application));
      const { rows } = await client.query<Row>(
        `INSERT INTO applications (reference, kommune, unit_id, received_at, data, key_id) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (reference) DO NOTHING RETURNING reference, kommune, unit_id, received_at`,
        [reference, input.kommune, input.unitId, input.receivedAt, data, keyId],
      );
      if (rows[0]) return toReceipt(rows[0]);
    }
    throw new Error(`no free reference after ${REFERENCE_ATTEMPTS} attempts`);
  }

  async function saveOnce(input: NewApplication, idempotency?: Idempotency): Promise<SaveResult> {
    return transaction(async (client) => {
      const earlier = idempotency ? await earlierAnswer(client, idempotency) : null;
      if (earlier) return earlier;
      const receipt = await insertApplication(client, input);
      const jobs = outbox(receipt.kommune, receipt.unitId);
      if (jobs.length) {
        await client.query(
          `INSERT INTO deliveries (id, reference, destination, carries_application, state, created_at, queued_at, next_attempt_at)
           SELECT id, $2, destination, carries, 'pending', $3, $3, $3 FROM unnest($1::text[], $4::text[], $5::boolean[]) AS j (id, destination, carries)`,
          [jobs.map(() => newDeliveryId()), receipt.reference, receipt.receivedAt, jobs.map((j) => j.id), jobs.map((j) => j.carriesApplication)],
        );
      }
      const answer = idempotency ? idempotency.answer(receipt) : null;
      if (idempotency && answer) {
        const stored = await client.query(
          `INSERT INTO idempotency_keys (key, fingerprint, reference, answer_status, answer_body) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (key) DO NOTHING`,
          [idempotency.key, idempotency.fingerprint, receipt.reference, answer.status, answer.body],
        );
        if (stored.rowCount === 0) throw new KeyTakenMeanwhile();
      }
      return { kind: 'created', receipt, answer };
    });
  }

  return {
    ready: () => guarded('at forbinde og opdatere skemaet', async () => {}),
    // PostgreSQL keeps its own pages whole (WAL, checksums when the cluster has them); a query that
    // answers is all the server asks of it (README: "Health, metrics, backup and restore").
    checkIntegrity: () =>
      guarded('at spørge databasen', async () => {
        await pool.query('SELECT 1');
        return { kind: 'not-checked' as const };
      }),
    save: (input, idempotency) =>
      guarded('at gemme', async () => {
        try {
          return await saveOnce(input, idempotency);
        } catch (error) {
          if (!(error instanceof KeyTakenMeanwhile) || !idempotency) throw error;
          // Rolled back; the other process's answer is committed now (our insert waited for it).
          return (await earlierAnswer(pool, idempotency)) ?? saveOnce(input, idempotency);
        }
      }),
    findReceipt: (reference) =>
      guarded('at finde en kvittering', async () => {
        const { rows } = await pool.query<Row>('SELECT reference, kommune, unit_id, received_at FROM applications WHERE reference = $1', [
          reference,
        ]);
        return rows[0] ? toReceipt(rows[0]) : null;
      }),
    findApplication: (reference) =>
      guarded('at hente en ansøgning', async () => {
        const { rows } = await pool.query<Row>(`SELECT ${APPLICATION_COLUMNS} FROM applications WHERE reference = $1`, [reference]);
        return rows[0] ? toStored(sealer, rows[0]) : null;
      }),
    list: (filter) =>
      guarded('at hente ansøgninger', async () => {
        const { sql, params } = listQuery(filter, placeholder, 'seq');
        const { rows } = await pool.query<Row>(sql, params);
        return rows.map((row) => toStored(sealer, row));
      }),
    exportApplications: async (filter, at, deliver, audit) => {
      let deliveryFailed: { error: unknown } | null = null;
      try {
        return await guarded('at eksportere', () =>
          transaction(async (client) => {
            const { sql, params } = listQuery(filter, placeholder, 'seq');
            // FOR UPDATE: a second export at the same moment waits, then sees these as exported.
            const { rows } = await client.query<Row>(`${sql} FOR UPDATE`, params);
            const applications = rows.map((row) => toStored(sealer, row));
            // In the trail before anything is handed out, committed on a connection of its own (this
            // transaction rolls back if `deliver` fails): no entry, no export.
            const entry = audit ? await insertAudit(pool, entryOf(audit, 'eksport', { references: applications.map((a) => a.reference) }), 'begun') : null;
            try {
              await deliver(applications);
            } catch (error) {
              deliveryFailed = { error };
              // The entry stays `begun` (not finished) if even this fails; the caller gets the error that stopped the export.
              if (entry !== null) await finishAudit(pool, entry, 'failed', auditReason(error)).catch(() => {});
              throw error;
            }
            await client.query('UPDATE applications SET exported_at = $1 WHERE reference = ANY($2) AND exported_at IS NULL', [
              at,
              applications.map((a) => a.reference),
            ]);
            if (entry !== null) await finishAudit(client, entry, 'done');
            return applications;
          }),
        );
      } catch (error) {
        // Errors from `deliver` (a file that cannot be written) are the caller's, not the store's.
        throw deliveryFailed ? (deliveryFailed as { error: unknown }).error : error;
      }
    },
    purge: (request, audit) =>
      guarded('at slette gamle ansøgninger', () =>
        transaction(async (client) => {
          const { countUndelivered, deleteKeys, deleteApplications, countKept } = purgeQueries(request, placeholder);
          const undelivered = await client.query<{ n: string }>(countUndelivered.sql, countUndelivered.params);
          const keys = await client.query(deleteKeys.sql, deleteKeys.params);
          const applications = await client.query(deleteApplications.sql, deleteApplications.params);
          const { rows } = await client.query<{ n: string }>(countKept.sql, countKept.params);
          const oldEntries = request.auditBefore ? await client.query('DELETE FROM audit_log WHERE occurred_at < $1', [request.auditBefore]) : null;
          const result: PurgeResult = {
            applications: applications.rowCount ?? 0,
            idempotencyKeys: keys.rowCount ?? 0,
            keptNotExported: Number(rows[0]!.n),
            undeliveredJobs: Number(undelivered.rows[0]!.n),
            auditEntries: oldEntries?.rowCount ?? 0,
          };
          if (audit) await insertAudit(client, entryOf(audit, 'slet-gamle', { counts: { ...result } }), 'done');
          return result;
        }),
      ),
    recordAudit: (entry, outcome = 'begun') => guarded('at skrive i revisionssporet', () => insertAudit(pool, entry, outcome)),
    finishAudit: (id, outcome, reason) => guarded('at skrive i revisionssporet', () => finishAudit(pool, id, outcome, reason)),
    listAudit: (filter) =>
      guarded('at læse revisionssporet', async () => {
        const { sql, params } = auditQuery(
          filter,
          placeholder,
          (p) => `EXISTS (SELECT 1 FROM json_array_elements_text(details -> 'references') AS r (value) WHERE r.value = ${p})`,
        );
        const { rows } = await pool.query<AuditRow>(sql, params);
        return rows.map(toAuditEntry);
      }),
    saveFormDraft: (id, draft, { now, expiresAt }) =>
      guarded('at gemme en kladde', () =>
        transaction(async (client) => {
          await client.query('DELETE FROM form_drafts WHERE expires_at <= $1', [now]);
          const { data, keyId } = sealer.seal('form_drafts', id, draft.data);
          await client.query(
            `INSERT INTO form_drafts (id, kommune, expires_at, data, key_id) VALUES ($1, $2, $3, $4, $5)
             ON CONFLICT (id) DO UPDATE SET kommune = excluded.kommune, expires_at = excluded.expires_at, data = excluded.data, key_id = excluded.key_id`,
            [id, draft.kommune, expiresAt, data, keyId],
          );
        }),
      ),
    readFormDraft: (id, now) =>
      guarded('at hente en kladde', async () => {
        const { rows } = await pool.query<{ kommune: string; data: string }>('SELECT kommune, data FROM form_drafts WHERE id = $1 AND expires_at > $2', [id, now]);
        return rows[0] ? { kommune: rows[0].kommune, data: sealer.open('form_drafts', id, rows[0].data) } : null;
      }),
    deleteFormDraft: (id) =>
      guarded('at slette en kladde', async () => {
        await pool.query('DELETE FROM form_drafts WHERE id = $1', [id]);
      }),
    deleteExpiredFormDrafts: (now) =>
      guarded('at slette udløbne kladder', async () => (await pool.query('DELETE FROM form_drafts WHERE expires_at <= $1', [now])).rowCount ?? 0),
    workDelivery: (now, busy, work) =>
      guarded('at levere', () =>
        transaction(async (client) => {
          const { rows } = await client.query<JobRow>(
            `SELECT ${JOB_COLUMNS} FROM deliveries d JOIN applications a ON a.reference = d.reference
             WHERE d.state = 'pending' AND d.next_attempt_at <= $1 AND NOT (d.id = ANY($2::text[]))
             ORDER BY d.next_attempt_at LIMIT 1 FOR UPDATE OF d SKIP LOCKED`,
            [now, [...busy]],
          );
          const row = rows[0];
          if (!row) return false;
          const update = await work(dueJob(sealer, row));
          const p = updateParams(update, now, (d) => d);
          await client.query(
            `UPDATE deliveries SET state = $1, attempts = attempts + 1, next_attempt_at = $2, last_attempt_at = $3, last_error = coalesce($4, last_error), ended_at = $5
             WHERE id = $6`,
            [p.state, p.nextAttemptAt, p.lastAttemptAt, p.error, p.endedAt, row.id],
          );
          return true;
        }),
      ),
    listDeliveries: (filter) =>
      guarded('at hente leveringer', async () => {
        const { sql, params } = deliveriesQuery(filter, placeholder);
        const { rows } = await pool.query<RecordRow>(sql, params);
        return rows.map(toRecord);
      }),
    deliverySummary: () =>
      guarded('at tælle leveringer', async () => {
        const counts = await pool.query<{ destination: string; pending: string; delivered: string; failed: string; oldest_pending: Date | null }>(DELIVERY_COUNTS_SQL);
        const errors = await pool.query<{ destination: string; reference: string; last_error: string; last_attempt_at: Date }>(DELIVERY_ERRORS_SQL);
        return summarise(
          counts.rows.map((r) => ({ ...r, oldest_pending: iso(r.oldest_pending) })),
          errors.rows.map((r) => ({ ...r, last_attempt_at: r.last_attempt_at.toISOString() })),
        );
      }),
    retryDeliveries: (which, now, audit) =>
      guarded('at sætte leveringer i kø igen', () =>
        transaction(async (client) => {
          const set = `UPDATE deliveries SET state = 'pending', attempts = 0, queued_at = $1, next_attempt_at = $1, last_error = NULL, ended_at = NULL
            WHERE state = 'failed'`;
          const result =
            'reference' in which
              ? await client.query<{ reference: string }>(`${set} AND reference = $2 RETURNING reference`, [now, which.reference])
              : await client.query<{ reference: string }>(`${set} RETURNING reference`, [now]);
          const queued = result.rowCount ?? 0;
          if (audit) {
            const references = [...new Set(result.rows.map((r) => r.reference))].sort();
            await insertAudit(client, entryOf(audit, 'levering-igen', { references, counts: { deliveries: queued } }), 'done');
          }
          return queued;
        }),
      ),
    keyUse: () =>
      guarded('at tælle nøgler', async () => {
        const { rows } = await pool.query<{ sealed_table: SealedTable; key_id: string | null; n: string }>(KEY_USE_SQL);
        return byTableAndKey(
          rows.map((row): KeyUse => ({ table: row.sealed_table, keyId: row.key_id, rows: Number(row.n), known: row.key_id === null || sealer.knows(row.key_id) })),
        );
      }),
    resealBatch: (table, after, limit) =>
      guarded('at kryptere med den nye nøgle', async () => {
        const current = sealer.currentKeyId;
        if (!current) throw new Error('no DATA_ENCRYPTION_KEY: nothing to seal with');
        const { sql, params } = resealQuery(table, current, after, limit, placeholder);
        const { rows } = await pool.query<{ row_id: string; data: string }>(sql, params);
        const { updates, skipped, next } = planReseal(sealer, table, rows, limit);
        if (!updates.length) return { resealed: 0, skipped, next };
        // One statement (its own short transaction): a row is written only if it still holds what was read,
        // so a draft a citizen saved meanwhile (sealed by the server under the current key) is left as it is.
        const id = SEALED_ROW_ID[table];
        const result = await pool.query(
          `UPDATE ${table} AS t SET data = u.data, key_id = u.key_id
           FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS u (row_id, old, data, key_id)
           WHERE t.${id} = u.row_id AND t.data = u.old`,
          [updates.map((u) => u.rowId), updates.map((u) => u.old), updates.map((u) => u.data), updates.map((u) => u.keyId)],
        );
        return { resealed: result.rowCount ?? 0, skipped, next };
      }),
    // PostgreSQL keeps a replaced row's old version until VACUUM reuses its space; the store cannot force that
    // (README: "Keys").
    clearOldCopies: async () => ({ kind: 'not-possible' as const }),
    close: async () => {
      if (!pool.ended && !pool.ending) await pool.end();
    },
  };
}
