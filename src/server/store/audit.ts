/**
 * The audit trail's parts both SQL stores share (sqlite.ts, postgres.ts): what
 * an entry's row becomes, and the code a failure is recorded with. The trail
 * itself is the table `audit_log` (migration 7); README, "Audit trail".
 */
import type { AuditAction, AuditDetails, AuditEntry, AuditOutcome, AuditStamp, NewAuditEntry } from './types.ts';

/** An entry's row, its time as ISO text (SQLite) or a Date (PostgreSQL), its details as JSON text or parsed. */
export interface AuditRow {
  id: number | string | bigint;
  occurred_at: string | Date;
  actor: string;
  sudo_user: string | null;
  action: string;
  outcome: string;
  details: string | AuditDetails;
}

export const toAuditEntry = (row: AuditRow): AuditEntry => ({
  id: Number(row.id),
  at: row.occurred_at instanceof Date ? row.occurred_at.toISOString() : String(row.occurred_at),
  actor: { user: row.actor, sudoUser: row.sudo_user },
  action: row.action as AuditAction,
  outcome: row.outcome as AuditOutcome,
  details: typeof row.details === 'string' ? (JSON.parse(row.details) as AuditDetails) : row.details,
});

/**
 * The code a failed action is recorded with: the error's own code (`ENOENT`, `EEXIST`, `EPIPE`, `ENOSPC`),
 * or `error`. Never its message, which may name a file (and a file may be named after a citizen).
 */
export function auditReason(error: unknown): string {
  const code = (error as { code?: unknown } | null | undefined)?.code;
  return typeof code === 'string' && /^[A-Za-z][A-Za-z0-9_-]{0,39}$/.test(code) ? code : 'error';
}

/** The entry a store method records from the caller's stamp: the caller's choices, with what the store saw (references, counts) added. */
export const entryOf = (stamp: AuditStamp, action: AuditAction, seen: AuditDetails): NewAuditEntry => ({
  at: stamp.at,
  actor: stamp.actor,
  action,
  details: { ...stamp.details, ...seen, ...(seen.counts || stamp.details?.counts ? { counts: { ...stamp.details?.counts, ...seen.counts } } : {}) },
});
