/**
 * The receipt for a reference in the URL (`?reference=7KQM-X3PP`). The
 * reference is not personal data, and the receipt shows nothing personal:
 * kommune, unit and time. A reference that is malformed, unknown or from
 * another kommune is "not found" (never a 500); a store that cannot answer
 * is "unavailable".
 */
import { normalizeReference } from '../../domain/reference.ts';
import type { ReceiptLookup } from '../../domain/receipt.ts';
import type { ApplicationStore } from '../store/types.ts';

export async function lookUpReceipt(store: () => ApplicationStore, kommune: string, reference: string | null): Promise<ReceiptLookup> {
  const canonical = reference ? normalizeReference(reference) : null;
  if (!canonical) return { kind: 'not-found' };
  try {
    const receipt = await store().findReceipt(canonical);
    return receipt && receipt.kommune === kommune ? { kind: 'found', receipt } : { kind: 'not-found' };
  } catch {
    return { kind: 'unavailable' };
  }
}

/**
 * For the receipt pages: the lookup, with `Cache-Control: no-store` and the
 * status (404 not found, 503 unavailable) set on the page's response. Only a
 * page's own frontmatter can change the response: Astro starts streaming
 * when it has run, so a status set in a component after an await (a store
 * that answers over the network) would be lost.
 */
export async function receiptForPage(
  store: () => ApplicationStore,
  kommune: string,
  url: URL,
  response: { status?: number; headers: Headers },
): Promise<ReceiptLookup> {
  const lookup = await lookUpReceipt(store, kommune, url.searchParams.get('reference'));
  response.headers.set('Cache-Control', 'no-store');
  if (lookup.kind !== 'found') response.status = lookup.kind === 'not-found' ? 404 : 503;
  return lookup;
}
