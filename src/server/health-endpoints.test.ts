import { describe, expect, it } from 'vitest';
import { healthAnswer, isHealthTarget } from './health-endpoints.ts';
import type { Readiness } from './store-monitor.ts';

const ready: Readiness = { status: 'ok', store: 'ok', integrity: 'ok', delivery: { pending: 2, oldestPendingSeconds: 4 } };
const damaged: Readiness = { status: 'unavailable', store: 'damaged', integrity: 'damaged', delivery: { pending: null, oldestPendingSeconds: null } };
const never = async (): Promise<Readiness> => {
  throw new Error('/healthz must not ask the store');
};

describe('the health checks', () => {
  it('/healthz is 200 {"status":"ok"} without asking the store, never cached', async () => {
    const answer = await healthAnswer('GET', '/healthz', never);
    expect(answer).toEqual({
      status: 200,
      headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', 'Content-Length': '15' },
      body: '{"status":"ok"}',
    });
  });

  it('/readyz is 200 with the readiness when ready, 503 with it when not', async () => {
    const ok = await healthAnswer('GET', '/readyz', async () => ready);
    expect([ok.status, JSON.parse(ok.body)]).toEqual([200, ready]);
    const not = await healthAnswer('GET', '/readyz?x=1', async () => damaged);
    expect([not.status, JSON.parse(not.body), not.headers['Cache-Control']]).toEqual([503, damaged, 'no-store']);
  });

  it('HEAD gets the status and headers without a body; other methods 405 with Allow', async () => {
    const head = await healthAnswer('HEAD', '/readyz', async () => damaged);
    expect([head.status, head.body, head.headers['Content-Length']]).toEqual([503, '', String(JSON.stringify(damaged).length)]);
    const post = await healthAnswer('POST', '/healthz', never);
    expect([post.status, post.headers.Allow]).toEqual([405, 'GET, HEAD']);
  });

  it('only the two exact paths are the checks (with or without a query)', () => {
    expect(['/healthz', '/readyz', '/readyz?verbose=1'].map(isHealthTarget)).toEqual([true, true, true]);
    expect(['/healthz/', '/readyz/x', '/en/healthz', '/'].map(isHealthTarget)).toEqual([false, false, false, false]);
  });
});
