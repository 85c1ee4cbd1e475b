/**
 * Delivery to the kommune: the seam every destination implements.
 *
 * Storing an application also stores one delivery job per destination set up
 * for its kommune and unit, in the same transaction (the outbox, in the store).
 * A worker in every server process (worker.ts) takes due jobs one at a time
 * per job (no two workers hold the same job), hands each to its destination's
 * `deliver`, and records the result: delivered, tried again later with
 * backoff, or failed (after 72 hours of failures, or a failure that no retry
 * can mend). Delivery is at-least-once: a job's `id` is the same on every
 * attempt, so a receiver can drop repeats. docs/delivery.md: how to add one.
 */
import type { StoredApplication } from '../store/types.ts';

/** One delivery of one application to one destination, as the worker hands it over. */
export interface DeliveryJob {
  /** Stable delivery id, the same on every attempt (the webhook's `webhook-id`): `msg_…`. */
  id: string;
  /** The destination's id (DELIVERY_CONFIG's `id`, or `webhook` / `e-mail` from the environment). */
  destination: string;
  /** Attempts made before this one. */
  attempts: number;
  /** When the job was stored with its application (ISO 8601, UTC): the event's time, the same on every attempt. */
  createdAt: string;
  /** When it was queued (at storing, or again by the staff command): the 72 hours of retries count from here. */
  queuedAt: string;
  /** The application as stored. */
  application: StoredApplication;
}

/**
 * A due job whose application the store cannot open: sealed under a key this
 * process is not given (removed too early), or changed. The worker records it
 * as a failed attempt with `unreadable` as its error, so it backs off, ends as
 * failed after 72 hours like any other, shows in `levering`, and never holds
 * up the jobs behind it. Never handed to a destination.
 */
export interface UnreadableJob extends Omit<DeliveryJob, 'application'> {
  application: null;
  /** The application's reference. */
  reference: string;
  /** Why, in Danish, naming the key id (nothing personal): the attempt's error. */
  unreadable: string;
}

/** What the store hands the worker: a job to deliver, or one it cannot open. */
export type DueJob = DeliveryJob | UnreadableJob;

/**
 * What one attempt came to. `error` is a short reason for logs and the staff
 * command's `levering` ("HTTP 500", "intet svar inden for 10 s", "ECONNREFUSED"):
 * never personal data, never a secret, never a response body.
 */
export type DeliveryResult =
  | { kind: 'delivered' }
  | { kind: 'retry-later'; error: string }
  | { kind: 'failed'; error: string };

export interface Destination {
  /** The id the jobs carry. */
  id: string;
  /**
   * Whether a delivery hands over the application itself (a webhook with the
   * document), or only tells that one has arrived (an e-mail without it). Only
   * the first kind lets the retention purge delete an application that was
   * never exported.
   */
  carriesApplication: boolean;
  /** For the start-up log and `levering`: kind and where, never a secret ("webhook https://sag.example.dk/…"). */
  describe: string;
  /** One attempt. Must not throw: every failure is a result. Must end within its own timeout. */
  deliver(job: DeliveryJob): Promise<DeliveryResult>;
  /** Frees what it holds (an SMTP pool) when the server stops. */
  close?(): void | Promise<void>;
}

/** The short error of an attempt that got no answer in time (the same words for every destination). */
export const noAnswerWithin = (timeoutMs: number): string => `intet svar inden for ${Number((timeoutMs / 1000).toFixed(3))} s`;
