import { describe, expect, it } from 'vitest';
import { createMetrics } from './metrics.ts';
import { onMetric, recordMetric } from './metric-events.ts';
import { sharedLimiter } from './rate-limit.ts';

/** The value of one series in the exposition text, or `undefined`. */
const value = (text: string, series: string) => {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
};

describe('the metrics', () => {
  it('count what the request handlers report through the shared events, with bounded labels', async () => {
    const metrics = createMetrics();
    const stop = onMetric(metrics.record);
    try {
      recordMetric({ kind: 'application-stored', kommune: 'varde', unitId: 'social-og-handicap' });
      recordMetric({ kind: 'store-save', seconds: 0.004, outcome: 'created' });
      recordMetric({ kind: 'store-save', seconds: 0.2, outcome: 'unavailable' });
      recordMetric({ kind: 'store-group', saves: 1 });
      recordMetric({ kind: 'store-group', saves: 12 });
      const limiter = sharedLimiter('metrics-test', { capacity: 1, windowSeconds: 600 }, { kind: 'sqlite', file: 'unused.sqlite' });
      for (let i = 0; i < 3; i++) await limiter.take('198.51.100.7');
    } finally {
      stop();
    }
    metrics.answered('api_applications', 201);
    metrics.answered('api_applications', 201);
    metrics.answered('page', 404);
    metrics.deliveryAttempt('webhook', 'retry');
    metrics.deliveryAttempt('webhook', 'delivered');
    const text = await metrics.text();
    expect(value(text, 'stoetteportalen_applications_stored_total{kommune="varde",unit="social-og-handicap"}')).toBe(1);
    expect(value(text, 'stoetteportalen_store_save_seconds_count{outcome="created"}')).toBe(1);
    expect(value(text, 'stoetteportalen_store_save_seconds_bucket{le="0.005",outcome="created"}')).toBe(1);
    expect(value(text, 'stoetteportalen_store_save_seconds_count{outcome="unavailable"}')).toBe(1);
    expect(value(text, 'stoetteportalen_store_group_commit_saves_count')).toBe(2);
    expect(value(text, 'stoetteportalen_store_group_commit_saves_bucket{le="8"}')).toBe(1);
    expect(value(text, 'stoetteportalen_store_group_commit_saves_sum')).toBe(13);
    expect(value(text, 'stoetteportalen_rate_limit_refusals_total{limit="metrics-test"}')).toBe(2);
    expect(value(text, 'stoetteportalen_http_responses_total{route="api_applications",status="201"}')).toBe(2);
    expect(value(text, 'stoetteportalen_http_responses_total{route="page",status="404"}')).toBe(1);
    expect(value(text, 'stoetteportalen_delivery_attempts_total{destination="webhook",outcome="retry"}')).toBe(1);
    expect(value(text, 'stoetteportalen_delivery_attempts_total{destination="webhook",outcome="delivered"}')).toBe(1);
    // The process's own: memory, CPU, event loop.
    expect(text).toMatch(/^process_resident_memory_bytes \d+/m);
    expect(text).toMatch(/^nodejs_eventloop_lag_seconds /m);
  });

  it('set the readiness and delivery gauges from the store monitor’s look, dropping destinations that are gone', async () => {
    const metrics = createMetrics();
    const since = new Date(Date.now() - 120_000).toISOString();
    metrics.inspected({
      readiness: { status: 'ok', store: 'ok', integrity: 'ok', delivery: { pending: 3, oldestPendingSeconds: 120 } },
      summary: [
        { destination: 'webhook', pending: 3, delivered: 10, failed: 1, oldestPendingSince: since, lastError: null },
        { destination: 'e-mail', pending: 0, delivered: 10, failed: 0, oldestPendingSince: null, lastError: null },
      ],
    });
    let text = await metrics.text();
    expect(value(text, 'stoetteportalen_ready')).toBe(1);
    expect(value(text, 'stoetteportalen_store_damaged')).toBe(0);
    expect(value(text, 'stoetteportalen_delivery_pending{destination="webhook"}')).toBe(3);
    expect(value(text, 'stoetteportalen_delivery_failed{destination="webhook"}')).toBe(1);
    expect(value(text, 'stoetteportalen_delivery_oldest_pending_seconds{destination="webhook"}')).toBeGreaterThanOrEqual(120);
    expect(value(text, 'stoetteportalen_delivery_oldest_pending_seconds{destination="e-mail"}')).toBe(0);

    metrics.inspected({ readiness: { status: 'unavailable', store: 'damaged', integrity: 'damaged', delivery: { pending: null, oldestPendingSeconds: null } }, summary: [] });
    text = await metrics.text();
    expect(value(text, 'stoetteportalen_ready')).toBe(0);
    expect(value(text, 'stoetteportalen_store_damaged')).toBe(1);
    expect(value(text, 'stoetteportalen_delivery_pending{destination="webhook"}')).toBeUndefined();
  });

  it('a listener that throws never fails the one who reports', () => {
    const stop = onMetric(() => {
      throw new Error('broken');
    });
    try {
      expect(() => recordMetric({ kind: 'rate-limited', limit: 'applications' })).not.toThrow();
    } finally {
      stop();
    }
  });
});
