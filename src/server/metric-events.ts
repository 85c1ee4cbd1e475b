/**
 * What the request handlers tell the metrics (src/server/metrics.ts): an
 * application stored (kommune and unit), how long the store took to save one,
 * a request refused by the rate limit, how many saves SQLite committed together. The handlers run inside Astro's built
 * bundle and the metrics live in src/server/main.ts, so each has its own copy
 * of this module; the listeners live on `globalThis` under a registered
 * symbol, which both copies share (as src/server/delivery/signal.ts does).
 * prom-client is never imported into the bundle: one registry, in main.ts.
 *
 * No listener (the case team's command, a unit test): nothing happens.
 * Labels are bounded values only: kommune and unit ids from the content, a
 * limit's name, an outcome; never anything from a URL or a person.
 */
export type MetricEvent =
  | { kind: 'application-stored'; kommune: string; unitId: string }
  | { kind: 'store-save'; seconds: number; outcome: 'created' | 'replayed' | 'key-reused' | 'unavailable' }
  | { kind: 'rate-limited'; limit: string }
  /** SQLite's group commit: how many saves one transaction held. */
  | { kind: 'store-group'; saves: number };

const KEY = Symbol.for('stoetteportalen.metrics.events');

type Listeners = Set<(event: MetricEvent) => void>;
const listeners = (): Listeners => ((globalThis as Record<symbol, Listeners | undefined>)[KEY] ??= new Set());

/** Tells the listeners (the metrics) what happened. A listener that throws never fails the request. */
export function recordMetric(event: MetricEvent): void {
  for (const listener of listeners()) {
    try {
      listener(event);
    } catch {
      // Counting must never cost a citizen an answer.
    }
  }
}

/** The metrics listen; returns the way to stop listening. */
export function onMetric(listener: (event: MetricEvent) => void): () => void {
  listeners().add(listener);
  return () => listeners().delete(listener);
}
