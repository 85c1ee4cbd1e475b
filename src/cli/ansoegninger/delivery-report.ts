/**
 * How `levering` shows the delivery to the kommune's system: per destination,
 * every failed job, or every job of one application. Pure functions of what
 * the store returns. Nothing personal is shown, because the store's delivery
 * records hold none: reference, kommune, unit, destination, states, times and
 * the destinations' short errors. An error is a destination's own text, so it
 * is made safe for a terminal like anything else read back from the store.
 */
import type { DeliveryRecord, DeliverySummary } from '../../server/store/types.ts';
import { printable, table, when } from './format.ts';
import { DELIVERY, waited } from './text.ts';

const C = DELIVERY.columns;

/** The count per destination, how long the oldest pending job has waited, and each destination's newest error. */
export function summaryReport(summary: readonly DeliverySummary[], now: Date): string {
  if (summary.length === 0) return `${DELIVERY.none}\n`;
  const rows = summary.map((s) => [
    s.destination,
    String(s.pending),
    String(s.delivered),
    String(s.failed),
    s.oldestPendingSince ? waited(now.getTime() - Date.parse(s.oldestPendingSince)) : '',
  ]);
  const errors = summary.flatMap((s) =>
    s.lastError ? [DELIVERY.lastError(s.destination, when(s.lastError.at), s.lastError.reference, printable(s.lastError.error))] : [],
  );
  const failed = summary.reduce((sum, s) => sum + s.failed, 0);
  return [
    DELIVERY.heading,
    '',
    table([[C.destination, C.pending, C.delivered, C.failed, C.oldestPending], ...rows]),
    ...(errors.length > 0 ? ['', DELIVERY.lastErrors, ...errors] : []),
    ...(failed > 0 ? ['', DELIVERY.failedHint(failed)] : []),
    '',
  ].join('\n');
}

/** Every failed job: which application, where to, how many attempts, when it was given up, and why. */
export function failedReport(failed: readonly DeliveryRecord[]): string {
  if (failed.length === 0) return `${DELIVERY.noneFailed}\n`;
  const rows = failed.map((d) => [d.reference, d.kommune, d.unitId, d.destination, String(d.attempts), when(d.endedAt), printable(d.lastError ?? '')]);
  return [
    DELIVERY.failedHeading(failed.length),
    '',
    table([[C.reference, C.kommune, C.unit, C.destination, C.attempts, C.endedAt, C.lastError], ...rows]),
    '',
    DELIVERY.retryHint(failed.length),
    '',
  ].join('\n');
}

/** A job's state with its time: "leveret 2026-12-15 10:00", "venter, næste forsøg …", "fejlet, opgivet …". */
function stateWithTime(d: DeliveryRecord): string {
  const name = DELIVERY.state[d.state];
  const at = when(d.state === 'pending' ? d.nextAttemptAt : d.endedAt);
  if (!at) return name;
  const label = DELIVERY.stateAt[d.state];
  return label ? `${name}, ${label} ${at}` : `${name} ${at}`;
}

/** Every job of one application (the caller has checked it has some). */
export function applicationReport(jobs: readonly DeliveryRecord[]): string {
  const first = jobs[0]!;
  const rows = jobs.map((d) => [d.destination, stateWithTime(d), String(d.attempts), when(d.queuedAt), printable(d.lastError ?? '')]);
  return [
    DELIVERY.applicationHeading(first.reference, first.kommune, first.unitId),
    '',
    table([[C.destination, C.state, C.attempts, C.queuedAt, C.lastError], ...rows]),
    ...(jobs.some((d) => d.state === 'failed') ? ['', DELIVERY.retryApplicationHint(first.reference)] : []),
    '',
  ].join('\n');
}
