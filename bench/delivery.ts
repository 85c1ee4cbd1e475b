/**
 * Delivery to the case system (docs/delivery.md), end to end: the built
 * server with its webhook destination (DELIVERY_WEBHOOK_URL/SECRET) pointed
 * at a real local receiver (tests/support/webhook-receiver.ts, which checks
 * every signature with `standardwebhooks`), on SQLite and, when
 * TEST_DATABASE_URL is set, on PostgreSQL (a fresh schema per run).
 *
 * 1. Hand-off: `applications` valid applications from `clients` concurrent
 *    clients, the rate limit lifted. Per application, the time from its 201
 *    (as the client got it) to the receiver's first verified request for its
 *    reference answered 2xx; the deliveries per second at the receiver, from
 *    the first 201 to the last delivery. A burst: the latency includes the
 *    time a job waits behind the ones stored before it. The time to each 201
 *    is set beside the same burst on a server without delivery: the worker
 *    makes each attempt's PDF in the server's process.
 * 2. Outage: the receiver answers 503 for `downSeconds` (60 by default; `npm
 *    run bench -- --only delivery --down-seconds 20`) while applications come
 *    one at a time, at most one every `everyMs`; then it answers 2xx again,
 *    and applications keep coming at that pace until every one sent while it
 *    was down has arrived. The time from its return to the last of those
 *    arriving, the attempts per delivery (the receiver's requests by
 *    webhook-id), the new ones' latency. With the backoff
 *    (src/domain/delivery-schedule.ts: 5–10 s, doubling, jitter) the next
 *    attempts after a minute down are some 40–80 s apart, so recovery can take
 *    about that long: that is the design, and it is measured, not hidden. The
 *    outage runs on every backend at once: mostly waiting, though their 201
 *    times share the CPU.
 *
 * Every application answered 201 must arrive: a missing one fails the report.
 */
import { applicationBody } from './api-load.ts';
import { startServer } from './server.ts';
import { startWebhookReceiver, type Answer, type ReceivedRequest, type WebhookReceiver } from '../tests/support/webhook-receiver.ts';
import { createTestSchema, TEST_DATABASE_URL } from '../tests/support/postgres.ts';

export const DEFAULT_DOWN_SECONDS = 60;

export interface HandOff {
  backend: string;
  applications: number;
  clients: number;
  /** Answered 201. */
  created: number;
  /** Any other answer (status, or 0 for no answer) and how often: none is expected. */
  notCreated: Record<string, number>;
  /** Of the created, how many the receiver got (verified, answered 2xx). */
  delivered: number;
  /** References answered 201 that never arrived. */
  missing: string[];
  /** References delivered (answered 2xx) more than once: allowed (at-least-once), but none of docs/delivery.md's causes applies here. */
  repeats: number;
  /** Requests whose signature did not check out. */
  unverified: number;
  /** From the first 201 to the last: how fast the server stored them (delivering meanwhile). */
  storingSeconds: number;
  /** From the first 201 to the last delivery. */
  seconds: number;
  deliveriesPerSecond: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  latencyMaxMs: number;
  /** The time to each 201 meanwhile. */
  answer: Answers;
  /** The same burst on the same backend with no destination set up: what delivering costs the citizens' answers (the PDF is made in the server's process). */
  withoutDelivery: Answers & { storingSeconds: number };
}

/** How long the 201s took (ms). */
export interface Answers {
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

export interface Outage {
  backend: string;
  downSeconds: number;
  /** One application at a time, at most one every … ms, while the receiver is down and until everything sent then has arrived. */
  everyMs: number;
  sentWhileDown: number;
  sentAfter: number;
  notCreated: Record<string, number>;
  /** Attempts the receiver answered 503. */
  refusedAttempts: number;
  /** From the receiver's return to the last application sent while it was down arriving; null if some never did. */
  recoverySeconds: number | null;
  /** The longest time from a 201 to its arrival, among those sent while it was down. */
  longestWaitSeconds: number;
  /** Requests per webhook-id until delivered, for those sent while it was down. */
  attempts: { mean: number; max: number; counts: Record<string, number> };
  /** Latency (201 → arrival) of those sent after it came back, while the backlog was retried. */
  afterLatencyP50Ms: number;
  afterLatencyMaxMs: number;
  /** The time to each 201, while it was down and after. */
  answer: Answers;
  delivered: number;
  missing: string[];
  /** References delivered (answered 2xx) more than once: allowed (at-least-once), reported. */
  repeats: number;
  unverified: number;
}

export interface DeliveryBench {
  handOff: HandOff[];
  outage: Outage[];
}

interface Backend {
  name: string;
  env: Record<string, string>;
  done(): Promise<void>;
}

/** SQLite (bench/server.ts gives each server a throwaway DATA_DIR), and PostgreSQL in a fresh schema when TEST_DATABASE_URL is set. */
async function backends(): Promise<Backend[]> {
  const list: Backend[] = [{ name: 'SQLite', env: {}, done: async () => {} }];
  if (TEST_DATABASE_URL) {
    const schema = await createTestSchema();
    list.push({ name: 'PostgreSQL', env: { DATABASE_URL: schema.url }, done: () => schema.drop() });
  }
  return list;
}

const BODY = applicationBody();

interface Sent {
  reference: string;
  /** When the client had the 201 (performance.now()). */
  at: number;
  /** How long the 201 took: the citizen's side of the delivery work in the same process. */
  ms: number;
}

/** One application; the reference and when its 201 came, or the status it got instead (0: no answer). */
async function apply(base: string): Promise<Sent | { status: number }> {
  const started = performance.now();
  try {
    const response = await fetch(`${base}/api/ansoegninger`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: BODY });
    const text = await response.text();
    const at = performance.now();
    if (response.status !== 201) return { status: response.status };
    return { reference: (JSON.parse(text) as { reference: string }).reference, at, ms: at - started };
  } catch {
    return { status: 0 };
  }
}

class Tally {
  sent: Sent[] = [];
  notCreated: Record<string, number> = {};
  add(result: Sent | { status: number }) {
    if ('reference' in result) this.sent.push(result);
    else this.notCreated[result.status] = (this.notCreated[result.status] ?? 0) + 1;
  }
}

/** `count` applications from `clients` clients at once, each sending its next when its last is answered. */
async function burst(base: string, count: number, clients: number): Promise<Tally> {
  const tally = new Tally();
  let next = 0;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < count) {
        next++;
        tally.add(await apply(base));
      }
    }),
  );
  return tally;
}

/** How many references (among `of`, or all) were answered 2xx more than once. */
function repeated(requests: ReceivedRequest[], of?: Set<string>): number {
  const ok = new Map<string, number>();
  for (const r of requests) {
    if (r.verified && r.answer === 'ok' && r.body && (!of || of.has(r.body.data.reference))) ok.set(r.body.data.reference, (ok.get(r.body.data.reference) ?? 0) + 1);
  }
  return [...ok.values()].filter((n) => n > 1).length;
}

/** When each reference first arrived: verified and answered 2xx. */
function arrivals(receiver: WebhookReceiver): Map<string, number> {
  const first = new Map<string, number>();
  for (const r of receiver.requests) {
    if (r.verified && r.answer === 'ok' && r.body && !first.has(r.body.data.reference)) first.set(r.body.data.reference, r.at);
  }
  return first;
}

/** Waits until every reference has arrived, or `timeoutMs` has passed (then the missing ones show in the figures). */
async function arrivalOf(receiver: WebhookReceiver, references: string[], timeoutMs: number): Promise<boolean> {
  try {
    await receiver.waitFor(() => {
      const delivered = receiver.delivered();
      return references.every((r) => delivered.has(r));
    }, timeoutMs);
    return true;
  } catch {
    return false;
  }
}

/** Two tallies of answers added up. */
function merged(a: Record<string, number>, b: Record<string, number>): Record<string, number> {
  const sum = { ...a };
  for (const [key, n] of Object.entries(b)) sum[key] = (sum[key] ?? 0) + n;
  return sum;
}

/** Nearest-rank percentile of sorted values. */
const percentile = (sorted: number[], p: number) => sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)] ?? 0;
const round = (n: number, digits = 0) => Math.round(n * 10 ** digits) / 10 ** digits;
const answers = (sent: Sent[]): Answers => {
  const sorted = sent.map((s) => s.ms).sort((a, b) => a - b);
  return { p50Ms: round(percentile(sorted, 0.5)), p99Ms: round(percentile(sorted, 0.99)), maxMs: round(sorted.at(-1) ?? 0) };
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

/** The built server delivering to `receiver`, the rate limit lifted (the bench is one client). */
const deliveringServer = (backend: Backend, receiver: WebhookReceiver) =>
  startServer({ ...backend.env, HOST: '127.0.0.1', RATE_LIMIT: '1000000/1', DELIVERY_WEBHOOK_URL: receiver.url, DELIVERY_WEBHOOK_SECRET: receiver.secret });

/** Applications sent before measuring and delivered, not counted: the first connection, the first PDF. */
async function warmUp(base: string, receiver: WebhookReceiver): Promise<void> {
  const warm = await burst(base, 5, 1);
  await arrivalOf(receiver, warm.sent.map((s) => s.reference), 30_000);
}

/** The burst on a server without delivery, for comparison. */
async function withoutDelivery(backend: Backend, applications: number, clients: number): Promise<HandOff['withoutDelivery']> {
  const server = await startServer({ ...backend.env, HOST: '127.0.0.1', RATE_LIMIT: '1000000/1' });
  try {
    await burst(server.base, 5, 1);
    const tally = await burst(server.base, applications, clients);
    const times = tally.sent.map((s) => s.at);
    return { ...answers(tally.sent), storingSeconds: round((Math.max(...times) - Math.min(...times)) / 1000, 2) };
  } finally {
    await server.stop();
  }
}

export async function handOff(backend: Backend, applications = 300, clients = 4): Promise<HandOff> {
  const baseline = await withoutDelivery(backend, applications, clients);
  const receiver = await startWebhookReceiver();
  try {
    const server = await deliveringServer(backend, receiver);
    try {
      await warmUp(server.base, receiver);
      const tally = await burst(server.base, applications, clients);
      const references = tally.sent.map((s) => s.reference);
      await arrivalOf(receiver, references, 120_000);
      const arrived = arrivals(receiver);
      const latencies = tally.sent.flatMap((s) => (arrived.has(s.reference) ? [arrived.get(s.reference)! - s.at] : [])).sort((a, b) => a - b);
      const firstAnswer = Math.min(...tally.sent.map((s) => s.at));
      const lastAnswer = Math.max(...tally.sent.map((s) => s.at));
      const lastArrival = Math.max(...references.flatMap((r) => (arrived.has(r) ? [arrived.get(r)!] : [])));
      const delivered = latencies.length;
      const seconds = (lastArrival - firstAnswer) / 1000;
      return {
        backend: backend.name,
        applications,
        clients,
        created: tally.sent.length,
        notCreated: tally.notCreated,
        delivered,
        missing: references.filter((r) => !arrived.has(r)),
        repeats: repeated(receiver.requests, new Set(references)),
        unverified: receiver.requests.filter((r) => !r.verified).length,
        storingSeconds: round((lastAnswer - firstAnswer) / 1000, 2),
        seconds: round(seconds, 2),
        deliveriesPerSecond: delivered ? round(delivered / seconds, 1) : 0,
        latencyP50Ms: round(percentile(latencies, 0.5)),
        latencyP99Ms: round(percentile(latencies, 0.99)),
        latencyMaxMs: round(latencies.at(-1) ?? 0),
        answer: answers(tally.sent),
        withoutDelivery: baseline,
      };
    } finally {
      await server.stop();
    }
  } finally {
    await receiver.close();
  }
}

export async function outage(backend: Backend, downSeconds = DEFAULT_DOWN_SECONDS, everyMs = 500): Promise<Outage> {
  let down = false;
  const receiver = await startWebhookReceiver((): Answer => (down ? 503 : 'ok'));
  try {
    const server = await deliveringServer(backend, receiver);
    try {
      await warmUp(server.base, receiver);
      const warmRequests = receiver.requests.length;

      // Down: an application every `everyMs`, on a fixed schedule.
      down = true;
      const downAt = performance.now();
      const whileDown = new Tally();
      for (let i = 0; performance.now() - downAt < downSeconds * 1000; i++) {
        whileDown.add(await apply(server.base));
        await sleep(downAt + (i + 1) * everyMs - performance.now());
      }
      down = false;
      const upAt = performance.now();

      // Back: the same pace until every one sent while it was down has arrived (a minute down: some 40–80 s).
      const backlog = whileDown.sent.map((s) => s.reference);
      let waiting = true;
      const recovered = arrivalOf(receiver, backlog, 2 * downSeconds * 1000 + 60_000).finally(() => (waiting = false));
      const after = new Tally();
      for (let i = 0; waiting; i++) {
        after.add(await apply(server.base));
        await sleep(upAt + (i + 1) * everyMs - performance.now());
      }
      await recovered;
      await arrivalOf(receiver, after.sent.map((s) => s.reference), 30_000);

      const arrived = arrivals(receiver);
      const measured = receiver.requests.slice(warmRequests);
      const backlogSet = new Set(backlog);
      // Attempts per delivery: the receiver's requests by webhook-id, for the applications sent while it was down.
      const perId = new Map<string, number>();
      for (const r of measured) if (r.verified && r.body && backlogSet.has(r.body.data.reference)) perId.set(r.id, (perId.get(r.id) ?? 0) + 1);
      const counts: Record<string, number> = {};
      for (const n of perId.values()) counts[n] = (counts[n] ?? 0) + 1;

      const all = [...whileDown.sent, ...after.sent];
      const missing = all.filter((s) => !arrived.has(s.reference)).map((s) => s.reference);
      const backlogArrivals = backlog.flatMap((r) => (arrived.has(r) ? [arrived.get(r)!] : []));
      const waits = whileDown.sent.flatMap((s) => (arrived.has(s.reference) ? [arrived.get(s.reference)! - s.at] : []));
      const afterLatencies = after.sent.flatMap((s) => (arrived.has(s.reference) ? [arrived.get(s.reference)! - s.at] : [])).sort((a, b) => a - b);
      const attemptValues = [...perId.values()];
      return {
        backend: backend.name,
        downSeconds,
        everyMs,
        sentWhileDown: whileDown.sent.length,
        sentAfter: after.sent.length,
        notCreated: merged(whileDown.notCreated, after.notCreated),
        refusedAttempts: measured.filter((r) => r.answer === 503).length,
        recoverySeconds: backlogArrivals.length === backlog.length && backlog.length ? round((Math.max(...backlogArrivals) - upAt) / 1000, 1) : null,
        longestWaitSeconds: round(Math.max(0, ...waits) / 1000, 1),
        attempts: {
          mean: attemptValues.length ? round(attemptValues.reduce((a, b) => a + b, 0) / attemptValues.length, 2) : 0,
          max: Math.max(0, ...attemptValues),
          counts,
        },
        afterLatencyP50Ms: round(percentile(afterLatencies, 0.5)),
        afterLatencyMaxMs: round(afterLatencies.at(-1) ?? 0),
        answer: answers(all),
        delivered: all.length - missing.length,
        missing,
        repeats: repeated(measured),
        unverified: measured.filter((r) => !r.verified).length,
      };
    } finally {
      await server.stop();
    }
  } finally {
    await receiver.close();
  }
}

/** The hand-off on each backend in turn (it measures speed), then the outage on all of them at once. */
export async function deliveryBench(options: { downSeconds?: number; applications?: number; clients?: number } = {}): Promise<DeliveryBench> {
  const result: DeliveryBench = { handOff: [], outage: [] };
  const speed = await backends();
  try {
    for (const backend of speed) result.handOff.push(await handOff(backend, options.applications, options.clients));
  } finally {
    for (const b of speed) await b.done();
  }
  const down = await backends();
  try {
    result.outage = await Promise.all(down.map((b) => outage(b, options.downSeconds)));
  } finally {
    for (const b of down) await b.done();
  }
  return result;
}

/** Whether a promise is broken: an application answered 201 that did not arrive, or one not answered 201. */
export function deliveryFailed(d: DeliveryBench): boolean {
  const refused = (n: Record<string, number>) => Object.keys(n).length > 0;
  return (
    d.handOff.some((h) => h.missing.length > 0 || refused(h.notCreated) || h.created !== h.applications) ||
    d.outage.some((o) => o.missing.length > 0 || refused(o.notCreated) || o.recoverySeconds === null)
  );
}
