/**
 * SQL that is the same in both SQL backends (sqlite.ts, postgres.ts): the
 * tables and columns match; only the placeholder differs (`?` in SQLite, `$1`
 * in PostgreSQL). Times are passed as ISO 8601 in UTC, which SQLite compares
 * as text (every stored time has that one format) and PostgreSQL reads as a
 * timestamptz.
 */
import type { ApplicationFilter, PurgeRequest } from './types.ts';

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
 * A purge, run in this order in one transaction: the idempotency keys of the
 * applications that go (a key lives as long as its application), the
 * applications, then a count of the old ones kept because they were never
 * exported (an application must not vanish before the kommune has it).
 */
export function purgeQueries({ receivedBefore, kommune, includeNotExported }: PurgeRequest, placeholder: Placeholder) {
  const doomed = filterClause({ kommune, receivedBefore, exported: includeNotExported ? undefined : true }, placeholder);
  const kept = filterClause({ kommune, receivedBefore, exported: false }, placeholder);
  return {
    deleteKeys: { sql: `DELETE FROM idempotency_keys WHERE reference IN (SELECT reference FROM applications ${doomed.where})`, params: doomed.params },
    deleteApplications: { sql: `DELETE FROM applications ${doomed.where}`, params: doomed.params },
    countKept: { sql: `SELECT count(*) AS n FROM applications ${kept.where}`, params: kept.params },
  } satisfies Record<string, Query>;
}
