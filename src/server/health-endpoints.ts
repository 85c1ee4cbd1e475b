/**
 * `GET /healthz` and `GET /readyz` (HEAD too), answered by src/server/main.ts
 * before the request reaches Astro:
 *
 * - `/healthz`: the process answers: always 200 `{"status":"ok"}`. For a
 *   supervisor that restarts a hung process.
 * - `/readyz`: 200 only when the server can take applications (the store
 *   answers a query, its integrity check passed, the delivery backlog is
 *   within bounds: src/server/store-monitor.ts), else 503; the body says
 *   which part is not (`{ status, store, integrity, delivery: { pending,
 *   oldestPendingSeconds } }`). Nothing personal: states and counts.
 *
 * Never cached (`Cache-Control: no-store`); any other method is 405.
 */
import { healthPath, readinessPath } from '../domain/paths.ts';
import type { Readiness } from './store-monitor.ts';

export interface HealthAnswer {
  status: number;
  headers: Record<string, string>;
  /** Empty for HEAD. */
  body: string;
}

const HEADERS = { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' };

/** Whether a request's target (path and query) is one of the two checks. */
export const isHealthTarget = (target: string): boolean => {
  const path = target.split(/[?#]/, 1)[0];
  return path === healthPath || path === readinessPath;
};

/** The answer for one of the checks; `readiness` is asked only for `/readyz`. */
export async function healthAnswer(method: string, target: string, readiness: () => Promise<Readiness>): Promise<HealthAnswer> {
  const path = target.split(/[?#]/, 1)[0];
  const json = (status: number, value: unknown): HealthAnswer => {
    const body = JSON.stringify(value);
    return { status, headers: { ...HEADERS, 'Content-Length': String(Buffer.byteLength(body)) }, body: method === 'HEAD' ? '' : body };
  };
  if (method !== 'GET' && method !== 'HEAD') {
    const refused = json(405, { status: 'method-not-allowed' });
    return { ...refused, headers: { ...refused.headers, Allow: 'GET, HEAD' } };
  }
  if (path === healthPath) return json(200, { status: 'ok' });
  const ready = await readiness();
  return json(ready.status === 'ok' ? 200 : 503, ready);
}
