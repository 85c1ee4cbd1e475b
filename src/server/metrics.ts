/**
 * The server's Prometheus metrics, with the maintained `prom-client`, in one
 * registry that lives in src/server/main.ts only (main.ts is not bundled;
 * the request handlers inside Astro's bundle report through
 * ./metric-events.ts, so there is never a second registry). Served on a
 * listener of its own (METRICS_PORT, METRICS_HOST: loopback by default) by
 * main.ts; README: "Health, metrics, backup and restore" names what to alert on.
 *
 * Every label has a small fixed set of values: kommune and unit ids from the
 * content, route names (./route-names.ts), status codes, the rate limit's
 * name, destination ids from the settings, outcomes. Never a URL, a
 * reference or anything a person typed.
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { AttemptOutcome } from './delivery/worker.ts';
import type { MetricEvent } from './metric-events.ts';
import type { RouteName } from './route-names.ts';
import type { Inspection } from './store-monitor.ts';

export interface Metrics {
  registry: Registry;
  /** An event from the request handlers (./metric-events.ts). */
  record(event: MetricEvent): void;
  /** An answer of the main listener, by route name and status. */
  answered(route: RouteName, status: number): void;
  /** A delivery attempt's outcome (the worker's `onAttempt`). */
  deliveryAttempt(destination: string, outcome: AttemptOutcome): void;
  /** Sets the gauges from the store monitor's look (just before a scrape). */
  inspected(inspection: Inspection): void;
  /** The text Prometheus scrapes. */
  text(): Promise<string>;
}

export function createMetrics(): Metrics {
  const registry = new Registry();
  const registers = [registry];
  // The process: CPU, memory, heap, event loop lag, open file descriptors, garbage collection.
  collectDefaultMetrics({ register: registry });

  const applicationsStored = new Counter({
    name: 'stoetteportalen_applications_stored_total',
    help: 'Applications stored (answered 201 or 303 to the receipt), by kommune and unit.',
    labelNames: ['kommune', 'unit'] as const,
    registers,
  });
  const httpResponses = new Counter({
    name: 'stoetteportalen_http_responses_total',
    help: 'HTTP answers of the site, by route name (a fixed set, never the URL) and status.',
    labelNames: ['route', 'status'] as const,
    registers,
  });
  const storeSave = new Histogram({
    name: 'stoetteportalen_store_save_seconds',
    help: 'Time to store an application (the transaction, committed to disk), by outcome: created, replayed, key-reused, unavailable.',
    labelNames: ['outcome'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers,
  });
  const storeGroup = new Histogram({
    name: 'stoetteportalen_store_group_commit_saves',
    help: 'SQLite group commit: applications written in one transaction and one disk flush (1 when they come one at a time).',
    buckets: [1, 2, 4, 8, 16, 32, 64],
    registers,
  });
  const rateLimited = new Counter({
    name: 'stoetteportalen_rate_limit_refusals_total',
    help: 'Requests refused by the per-client rate limits, by limit: applications (the endpoint) and checks ("Tjek dine svar") under RATE_LIMIT, receipts (receipt lookups) under RECEIPT_RATE_LIMIT.',
    labelNames: ['limit'] as const,
    registers,
  });
  const deliveryAttempts = new Counter({
    name: 'stoetteportalen_delivery_attempts_total',
    help: 'Delivery attempts by destination and outcome: delivered, retry (failed, tried again later), failed (given up).',
    labelNames: ['destination', 'outcome'] as const,
    registers,
  });
  const deliveryPending = new Gauge({
    name: 'stoetteportalen_delivery_pending',
    help: 'Delivery jobs waiting, by destination (from the store at scrape time).',
    labelNames: ['destination'] as const,
    registers,
  });
  const deliveryOldest = new Gauge({
    name: 'stoetteportalen_delivery_oldest_pending_seconds',
    help: 'How long the oldest waiting delivery job has waited since it was queued, by destination; 0 when none waits.',
    labelNames: ['destination'] as const,
    registers,
  });
  const deliveryFailed = new Gauge({
    name: 'stoetteportalen_delivery_failed',
    help: 'Delivery jobs given up (failed) and not queued again, by destination (from the store at scrape time).',
    labelNames: ['destination'] as const,
    registers,
  });
  const ready = new Gauge({
    name: 'stoetteportalen_ready',
    help: '1 when /readyz answers 200 (store answers, its check passed, delivery backlog within bounds), else 0.',
    registers,
  });
  const storeDamaged = new Gauge({
    name: 'stoetteportalen_store_damaged',
    help: '1 when the store is damaged or its database file is missing or empty (applications are refused), else 0.',
    registers,
  });

  return {
    registry,
    record(event) {
      switch (event.kind) {
        case 'application-stored':
          applicationsStored.inc({ kommune: event.kommune, unit: event.unitId });
          return;
        case 'store-save':
          storeSave.observe({ outcome: event.outcome }, event.seconds);
          return;
        case 'rate-limited':
          rateLimited.inc({ limit: event.limit });
          return;
        case 'store-group':
          storeGroup.observe(event.saves);
          return;
      }
    },
    answered(route, status) {
      httpResponses.inc({ route, status: String(status) });
    },
    deliveryAttempt(destination, outcome) {
      deliveryAttempts.inc({ destination, outcome });
    },
    inspected({ readiness, summary }) {
      ready.set(readiness.status === 'ok' ? 1 : 0);
      storeDamaged.set(readiness.store === 'damaged' || readiness.store === 'missing' ? 1 : 0);
      // A destination that has no jobs any more (purged) drops out instead of showing its last value.
      deliveryPending.reset();
      deliveryOldest.reset();
      deliveryFailed.reset();
      const at = Date.now();
      for (const s of summary) {
        deliveryPending.set({ destination: s.destination }, s.pending);
        deliveryFailed.set({ destination: s.destination }, s.failed);
        deliveryOldest.set({ destination: s.destination }, s.oldestPendingSince === null ? 0 : Math.max(0, (at - Date.parse(s.oldestPendingSince)) / 1000));
      }
    },
    text: () => registry.metrics(),
  };
}
