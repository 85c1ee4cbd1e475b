/**
 * A valid application routed to its unit and stored, with the 201 answer
 * made inside the store's transaction (so a replay under the same
 * Idempotency-Key gets the very same answer). Nothing personal is logged:
 * only kommune, unit, reference and error kinds.
 */
import { createHash } from 'node:crypto';
import type { Application, Validation } from '../../domain/application.ts';
import { routeApplication, type RoutingKommune } from '../../domain/routing.ts';
import { StoreDamagedError, type ApplicationStore, type Receipt, type SaveResult } from '../store/types.ts';
import { applicationStored } from '../delivery/signal.ts';
import { recordMetric } from '../metric-events.ts';
import { storeRefusal } from '../store/refusal.ts';

export interface StoreDeps {
  /** The store; may throw StoreUnavailableError when it cannot be opened. */
  store: () => ApplicationStore;
  kommune: (slug: string) => Promise<(RoutingKommune & { name: string }) | undefined>;
  log: (message: string) => void;
}

export type Stored =
  | { kind: 'answer'; status: number; body: string; replayed: boolean }
  | { kind: 'key-reused' }
  | { kind: 'unavailable' };

const fingerprint = (application: Application) => createHash('sha256').update(JSON.stringify(application)).digest('hex');

function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? ` (${(error.cause as { code?: string }).code ?? error.cause.name}: ${error.cause.message})` : '';
  return `${error.name}: ${error.message}${cause}`;
}

/** Routes and stores a valid application; the answer is made inside the store's transaction. */
export async function storeApplication(
  valid: Extract<Validation, { ok: true }>,
  now: Date,
  key: string | null,
  deps: StoreDeps,
): Promise<Stored> {
  const { application, age } = valid;
  const kommune = await deps.kommune(application.kommune);
  if (!kommune) {
    deps.log(`ansøgning ikke gemt: intet indhold for kommunen ${application.kommune}`);
    return { kind: 'unavailable' };
  }
  const { unit } = routeApplication(kommune, { age, receivesEarlyRetirementPension: application.receivesEarlyRetirementPension ?? null });
  const answerFor = (receipt: Receipt) => ({
    status: 201,
    body: JSON.stringify({
      reference: receipt.reference,
      kommune: receipt.kommune,
      unit: { id: unit.id, name: unit.name, phone: unit.phone },
      receivedAt: receipt.receivedAt,
    }),
  });
  let saved: SaveResult;
  let store: ApplicationStore;
  try {
    store = deps.store();
  } catch (error) {
    // A refused store (damaged, or its file missing) was said once, in the server's log, when it was found (src/server/store-monitor.ts).
    if (!(error instanceof StoreDamagedError && storeRefusal())) deps.log(`ansøgning ikke gemt, lageret svarer ikke: ${describeError(error)}`);
    return { kind: 'unavailable' };
  }
  const started = performance.now();
  const took = () => (performance.now() - started) / 1000;
  try {
    saved = await store.save(
      { kommune: application.kommune, unitId: unit.id, receivedAt: now, application },
      key ? { key, fingerprint: fingerprint(application), answer: answerFor } : undefined,
    );
  } catch (error) {
    recordMetric({ kind: 'store-save', seconds: took(), outcome: 'unavailable' });
    deps.log(`ansøgning ikke gemt, lageret svarer ikke: ${describeError(error)}`);
    return { kind: 'unavailable' };
  }
  recordMetric({ kind: 'store-save', seconds: took(), outcome: saved.kind });
  if (saved.kind === 'key-reused') return { kind: 'key-reused' };
  if (saved.kind === 'replayed') return { kind: 'answer', ...saved.answer, replayed: true };
  deps.log(`ansøgning modtaget: ${saved.receipt.kommune}/${saved.receipt.unitId} ${saved.receipt.reference}`);
  applicationStored();
  recordMetric({ kind: 'application-stored', kommune: saved.receipt.kommune, unitId: saved.receipt.unitId });
  return { kind: 'answer', ...(saved.answer ?? answerFor(saved.receipt)), replayed: false };
}
