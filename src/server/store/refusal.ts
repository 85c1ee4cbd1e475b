/**
 * The process-wide "do not use the store" switch. The store monitor
 * (src/server/store-monitor.ts, in src/server/main.ts) turns it on when the
 * store is damaged or its database file is missing or empty where one
 * existed, and off when a later check finds it whole; `applicationStore()`
 * (./index.ts, inside Astro's built bundle) reads it before every use and
 * throws StoreDamagedError instead of handing out the store, so the endpoint
 * answers 503 and never 201 on a damaged database.
 *
 * The bundle and main.ts each have their own copy of this module, so the
 * switch lives on `globalThis` under a registered symbol, which both copies
 * share (as src/server/delivery/signal.ts does).
 */
export interface StoreRefusal {
  damage: 'missing' | 'damaged';
  /** What is wrong, in Danish, for the error's message (nothing personal: a path and SQLite's words). */
  message: string;
}

const KEY = Symbol.for('stoetteportalen.store.refusal');
const slot = globalThis as Record<symbol, StoreRefusal | null | undefined>;

/** Turns the refusal on (a refusal) or off (`null`). */
export function setStoreRefusal(refusal: StoreRefusal | null): void {
  slot[KEY] = refusal;
}

/** The refusal in force, or `null`: the store may be used. */
export function storeRefusal(): StoreRefusal | null {
  return slot[KEY] ?? null;
}
