/**
 * "An application was just stored": the endpoint tells the delivery worker,
 * so its delivery starts at once instead of at the worker's next look (within
 * a second). The endpoint runs inside Astro's built bundle and the worker in
 * src/server/main.ts, so each has its own copy of this module; the listeners
 * live on `globalThis` under a registered symbol, which both copies share.
 * Only a hint: the worker finds every due job by itself too.
 */
const KEY = Symbol.for('stoetteportalen.delivery.stored');

type Listeners = Set<() => void>;
const listeners = (): Listeners => ((globalThis as Record<symbol, Listeners | undefined>)[KEY] ??= new Set());

/** Called by the endpoint after an application (with its delivery jobs) is committed. */
export function applicationStored(): void {
  for (const listener of listeners()) listener();
}

/** The worker listens; returns the way to stop listening. */
export function onApplicationStored(listener: () => void): () => void {
  listeners().add(listener);
  return () => listeners().delete(listener);
}
