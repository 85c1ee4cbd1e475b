/**
 * The parts of the outbox (the `deliveries` table) that both SQL backends
 * share: a new delivery id, an update's column values, and the summary of
 * counts and errors per destination.
 */
import { randomBytes } from 'node:crypto';
import type { DeliverySummary, DeliveryUpdate } from './types.ts';

/** A stable delivery id in the Standard Webhooks style (`msg_` and 128 random bits), the same on every attempt. */
export const newDeliveryId = (): string => `msg_${randomBytes(16).toString('base64url')}`;

/** The column values an update sets (times in the backend's own form). */
export function updateParams<T>(update: DeliveryUpdate, now: Date, time: (date: Date) => T) {
  switch (update.state) {
    case 'delivered':
      return { state: update.state, nextAttemptAt: null, lastAttemptAt: time(now), error: null, endedAt: time(update.at) };
    case 'pending':
      return { state: update.state, nextAttemptAt: time(update.nextAttemptAt), lastAttemptAt: time(now), error: update.error, endedAt: null };
    case 'failed':
      return { state: update.state, nextAttemptAt: null, lastAttemptAt: time(now), error: update.error, endedAt: time(update.at) };
  }
}

export interface CountRow {
  destination: unknown;
  pending: unknown;
  delivered: unknown;
  failed: unknown;
  oldest_pending: string | null;
}

export interface ErrorRow {
  destination: unknown;
  reference: unknown;
  last_error: unknown;
  last_attempt_at: string;
}

/** One summary per destination; errors come newest first within each destination. */
export function summarise(counts: CountRow[], errors: ErrorRow[]): DeliverySummary[] {
  return counts.map((row) => {
    const newest = errors.find((e) => e.destination === row.destination);
    return {
      destination: String(row.destination),
      pending: Number(row.pending),
      delivered: Number(row.delivered),
      failed: Number(row.failed),
      oldestPendingSince: row.oldest_pending,
      lastError: newest ? { reference: String(newest.reference), error: String(newest.last_error), at: newest.last_attempt_at } : null,
    };
  });
}
