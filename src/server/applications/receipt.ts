/**
 * The receipt for a reference in the URL (`?reference=7KQM-X3PD`). The
 * reference is not personal data, and the receipt shows nothing personal:
 * kommune, unit and time. A reference that is malformed, unknown or from
 * another kommune is "not found" (never a 500); a store that cannot answer
 * is "unavailable".
 */
import { normalizeReference } from '../../domain/reference.ts';
import type { ApplicationStore, Receipt } from '../store/types.ts';

export type ReceiptLookup = { kind: 'found'; receipt: Receipt } | { kind: 'not-found' } | { kind: 'unavailable' };

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
