/**
 * SQL that is the same in both SQL backends (sqlite.ts, postgres.ts): the
 * tables and columns match; only the placeholder differs (`?` in SQLite, `$1`
 * in PostgreSQL). Times are passed as ISO 8601 in UTC, which SQLite compares
 * as text (every stored time has that one format) and PostgreSQL reads as a
 * timestamptz.
 */
import type { ApplicationFilter, AuditFilter, DeliveryFilter, PurgeRequest, SealedTable } from './types.ts';

export type Placeholder = (position: number) => string;

export interface Query {
  sql: string;
  params: string[];
}

export const APPLICATION_COLUMNS = 'reference, kommune, unit_id, received_at, data, exported_at';

export function filterClause(filter: ApplicationFilter, placeholder: Placeholder): { where: string; params: string[] } {
  const conditions: string[] = [];
  const params: string[] = [];
  const add = (condition: (p: string) => string, value: string) => {
    params.push(value);
    conditions.push(condition(placeholder(params.length)));
  };
  if (filter.kommune !== undefined) add((p) => `kommune = ${p}`, filter.kommune);
  if (filter.unitId !== undefined) add((p) => `unit_id = ${p}`, filter.unitId);
  if (filter.receivedFrom) add((p) => `received_at >= ${p}`, filter.receivedFrom.toISOString());
  if (filter.receivedBefore) add((p) => `received_at < ${p}`, filter.receivedBefore.toISOString());
  if (filter.exported !== undefined) conditions.push(`exported_at IS ${filter.exported ? 'NOT ' : ''}NULL`);
  return { where: conditions.length ? `WHERE ${conditions.join(' AND ')}` : '', params };
}

/** Applications matching a filter, oldest first; ties in `storedOrder` (the column that counts up as rows are stored). */
export function listQuery(filter: ApplicationFilter, placeholder: Placeholder, storedOrder: string): Query {
  const { where, params } = filterClause(filter, placeholder);
  return { sql: `SELECT ${APPLICATION_COLUMNS} FROM applications ${where} ORDER BY received_at, ${storedOrder}`, params };
}

/**
 * The kommune has the application: the case team exported it, or it went to
 * every destination that carries the application itself (a webhook with the
 * document, not an e-mail that only says one has arrived) — at least one such
 * job delivered, and none of them still pending or failed, so no destination's
 * job vanishes undelivered with its application.
 */
const HANDED_OVER = `(exported_at IS NOT NULL OR (
  EXISTS (SELECT 1 FROM deliveries d WHERE d.reference = applications.reference AND d.carries_application AND d.state = 'delivered')
  AND NOT EXISTS (SELECT 1 FROM deliveries d WHERE d.reference = applications.reference AND d.carries_application AND d.state <> 'delivered')))`;

/**
 * A purge, run in this order in one transaction: a count of the delivery jobs
 * not delivered that go with the applications (only a purge that was asked to
 * take applications the kommune does not have can drop one, and it says so),
 * the idempotency keys of the applications that go (a key lives as long as its
 * application), the applications (their delivery jobs with them), then a count
 * of the old ones kept because the kommune does not have them yet: neither
 * exported nor delivered (an application must not vanish before the kommune has it).
 */
export function purgeQueries({ receivedBefore, kommune, includeNotExported }: PurgeRequest, placeholder: Placeholder) {
  const old = filterClause({ kommune, receivedBefore }, placeholder);
  const doomed = includeNotExported ? old.where : `${old.where} AND ${HANDED_OVER}`;
  return {
    countUndelivered: {
      sql: `SELECT count(*) AS n FROM deliveries WHERE state <> 'delivered' AND reference IN (SELECT reference FROM applications ${doomed})`,
      params: old.params,
    },
    deleteKeys: { sql: `DELETE FROM idempotency_keys WHERE reference IN (SELECT reference FROM applications ${doomed})`, params: old.params },
    deleteApplications: { sql: `DELETE FROM applications ${doomed}`, params: old.params },
    countKept: { sql: `SELECT count(*) AS n FROM applications ${old.where} AND NOT ${HANDED_OVER}`, params: old.params },
  } satisfies Record<string, Query>;
}

/** A delivery job's columns with its application's, for the worker (`d` is deliveries, `a` applications). */
export const JOB_COLUMNS = `d.id, d.destination, d.attempts, d.created_at AS job_created_at, d.queued_at,
  a.reference, a.kommune, a.unit_id, a.received_at, a.data, a.exported_at`;

/** The columns of a delivery job as the staff command shows it. */
const RECORD_COLUMNS = `d.id, d.reference, a.kommune, a.unit_id, d.destination, d.state, d.attempts, d.created_at, d.queued_at,
  d.next_attempt_at, d.last_error, d.ended_at`;

/** Delivery jobs matching a filter, oldest first. */
export function deliveriesQuery(filter: DeliveryFilter, placeholder: Placeholder): Query {
  const conditions: string[] = [];
  const params: string[] = [];
  const add = (column: string, value: string) => {
    params.push(value);
    conditions.push(`${column} = ${placeholder(params.length)}`);
  };
  if (filter.reference !== undefined) add('d.reference', filter.reference);
  if (filter.state !== undefined) add('d.state', filter.state);
  if (filter.destination !== undefined) add('d.destination', filter.destination);
  const where = conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
  return { sql: `SELECT ${RECORD_COLUMNS} FROM deliveries d JOIN applications a ON a.reference = d.reference ${where} ORDER BY d.created_at, d.id`, params };
}

/** Per destination, the jobs in each state and the oldest pending one's queue time. */
export const DELIVERY_COUNTS_SQL = `SELECT destination,
    sum(CASE WHEN state = 'pending' THEN 1 ELSE 0 END) AS pending,
    sum(CASE WHEN state = 'delivered' THEN 1 ELSE 0 END) AS delivered,
    sum(CASE WHEN state = 'failed' THEN 1 ELSE 0 END) AS failed,
    min(CASE WHEN state = 'pending' THEN queued_at END) AS oldest_pending
  FROM deliveries GROUP BY destination ORDER BY destination`;

/** The newest error of each destination's pending or failed jobs (the first row per destination). */
export const DELIVERY_ERRORS_SQL = `SELECT destination, reference, last_error, last_attempt_at FROM deliveries
  WHERE state <> 'delivered' AND last_error IS NOT NULL ORDER BY destination, last_attempt_at DESC`;

/** An audit entry's columns, in the order both stores insert them. */
export const AUDIT_COLUMNS = 'occurred_at, actor, sudo_user, action, outcome, details';

/**
 * Audit entries matching a filter, newest first (ties: the one recorded later first). `namesReference` is the
 * backend's test that an entry's `details.references` holds the value at a placeholder (JSON differs: SQLite's
 * `json_each`, PostgreSQL's `json_array_elements_text`).
 */
export function auditQuery(filter: AuditFilter, placeholder: Placeholder, namesReference: (p: string) => string): Query {
  const conditions: string[] = [];
  const params: string[] = [];
  const add = (condition: (p: string) => string, value: string) => {
    params.push(value);
    conditions.push(condition(placeholder(params.length)));
  };
  if (filter.from) add((p) => `occurred_at >= ${p}`, filter.from.toISOString());
  if (filter.before) add((p) => `occurred_at < ${p}`, filter.before.toISOString());
  if (filter.action !== undefined) add((p) => `action = ${p}`, filter.action);
  if (filter.reference !== undefined) add(namesReference, filter.reference);
  const where = conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
  return { sql: `SELECT id, ${AUDIT_COLUMNS} FROM audit_log ${where} ORDER BY occurred_at DESC, id DESC`, params };
}

/** The column that identifies a row of a sealed table (the additional data its seal is bound to, and the rotation's order). */
export const SEALED_ROW_ID: Record<SealedTable, string> = { applications: 'reference', form_drafts: 'id' };

/** Per sealed table and key id (NULL: plain), how many rows (ordered by `byTableAndKey`: the backends sort NULL differently). */
export const KEY_USE_SQL = `SELECT 'applications' AS sealed_table, key_id, count(*) AS n FROM applications GROUP BY key_id
  UNION ALL SELECT 'form_drafts' AS sealed_table, key_id, count(*) AS n FROM form_drafts GROUP BY key_id`;

/**
 * The next rows of a rotation: plain or under another key than `currentKeyId`, after `after` in the row id's
 * order (keyset paging on the primary key: each batch is as cheap as the first).
 */
export function resealQuery(table: SealedTable, currentKeyId: string, after: string | null, limit: number, placeholder: Placeholder): Query {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`a batch is 1 or more rows, not ${limit}`);
  const id = SEALED_ROW_ID[table];
  return {
    sql: `SELECT ${id} AS row_id, data FROM ${table} WHERE (key_id IS NULL OR key_id <> ${placeholder(1)}) AND ${id} > ${placeholder(2)} ORDER BY ${id} LIMIT ${limit}`,
    params: [currentKeyId, after ?? ''],
  };
}
