/**
 * A receipt: what the site shows about a stored application, nothing personal
 * (reference, kommune, unit, time), and what looking one up by its reference
 * gives. The store returns receipts (src/server/store/types.ts); the lookup is
 * src/server/applications/receipt.ts, the page src/views/ReceiptPage.astro.
 */

export interface Receipt {
  reference: string;
  kommune: string;
  unitId: string;
  /** ISO 8601 in UTC. */
  receivedAt: string;
}

/**
 * Found; unknown, malformed or another kommune's (404); the store could not answer (503); or this
 * client has looked up too many receipts in a short time (429, try again after `retryAfterSeconds`).
 */
export type ReceiptLookup =
  | { kind: 'found'; receipt: Receipt }
  | { kind: 'not-found' }
  | { kind: 'unavailable' }
  | { kind: 'too-many'; retryAfterSeconds: number };
