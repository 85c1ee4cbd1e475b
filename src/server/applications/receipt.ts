/**
 * The receipt for a reference in the URL (`?reference=7KQM-X3PP`). The
 * reference is not personal data, and the receipt shows nothing personal:
 * kommune, unit and time. A reference that is malformed, unknown or from
 * another kommune is "not found" (never a 500); a store that cannot answer
 * is "unavailable".
 *
 * Lookups are limited per client (RECEIPT_RATE_LIMIT, default 60 per 10
 * minutes; src/server/rate-limit.ts), so that nobody can try reference after
 * reference to find other people's receipts: every request that names a
 * reference counts, found or not, and one over the limit is "too many" (429
 * with Retry-After) without asking the store.
 */
import { normalizeReference } from '../../domain/reference.ts';
import type { ReceiptLookup } from '../../domain/receipt.ts';
import type { RateLimiter } from '../rate-limit.ts';
import type { ApplicationStore } from '../store/types.ts';

/** The receipt lookups' limit and the client that counts against it. */
export interface ReceiptLimit {
  limiter: RateLimiter;
  client: string;
}

export async function lookUpReceipt(store: () => ApplicationStore, kommune: string, reference: string | null, limit?: ReceiptLimit): Promise<ReceiptLookup> {
  if (!reference) return { kind: 'not-found' };
  if (limit) {
    const rate = await limit.limiter.take(limit.client);
    if (!rate.allowed) return { kind: 'too-many', retryAfterSeconds: rate.retryAfterSeconds };
  }
  const canonical = normalizeReference(reference);
  if (!canonical) return { kind: 'not-found' };
  try {
    const receipt = await store().findReceipt(canonical);
    return receipt && receipt.kommune === kommune ? { kind: 'found', receipt } : { kind: 'not-found' };
  } catch {
    return { kind: 'unavailable' };
  }
}

const STATUS = { 'not-found': 404, unavailable: 503, 'too-many': 429 } as const;

/**
 * For the receipt pages: the lookup, with `Cache-Control: no-store` and the
 * status (404 not found, 503 unavailable, 429 with Retry-After too many) set
 * on the page's response. Only a
 * page's own frontmatter can change the response: Astro starts streaming
 * when it has run, so a status set in a component after an await (a store
 * that answers over the network) would be lost.
 */
export async function receiptForPage(
  store: () => ApplicationStore,
  kommune: string,
  url: URL,
  response: { status?: number; headers: Headers },
  limit?: ReceiptLimit,
): Promise<ReceiptLookup> {
  const lookup = await lookUpReceipt(store, kommune, url.searchParams.get('reference'), limit);
  response.headers.set('Cache-Control', 'no-store');
  if (lookup.kind !== 'found') response.status = STATUS[lookup.kind];
  if (lookup.kind === 'too-many') response.headers.set('Retry-After', String(lookup.retryAfterSeconds));
  return lookup;
}
