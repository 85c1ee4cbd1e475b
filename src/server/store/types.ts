/**
 * Where applications are kept. One interface, one module per backend
 * (`sqlite.ts` now; `postgres.ts` later), one test suite for all of them
 * (tests/support/application-store-contract.ts). SQL stays inside the backend.
 *
 * The promise every backend keeps: when `save` resolves, the application is
 * durably stored (committed and flushed), so the endpoint may answer 201.
 */
import type { Application } from '../../domain/application.ts';

export interface NewApplication {
  kommune: string;
  unitId: string;
  /** When it was received: the moment the endpoint validated it (age is counted on this day). */
  receivedAt: Date;
  application: Application;
}

/** What a receipt shows: nothing personal. */
export interface Receipt {
  reference: string;
  kommune: string;
  unitId: string;
  /** ISO 8601 in UTC. */
  receivedAt: string;
}

export interface StoredApplication extends Receipt {
  application: Application;
}

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

export interface ApplicationStore {
  /**
   * Stores an application durably. With an idempotency key already used for
   * the same body, stores nothing and returns the earlier answer; used for
   * another body, stores nothing and says so.
   */
  save(application: NewApplication, idempotency?: Idempotency): Promise<SaveResult>;
  /** The receipt for a reference, or `null`. */
  findReceipt(reference: string): Promise<Receipt | null>;
  /** Applications for a kommune (and unit), oldest first: for staff export and tests. */
  list(filter: { kommune: string; unitId?: string }): Promise<StoredApplication[]>;
  close(): Promise<void>;
}

/** The store cannot take or give applications now (disk full, file unreadable …): the endpoint answers 503. */
export class StoreUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreUnavailableError';
  }
}
