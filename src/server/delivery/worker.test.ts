/**
 * The delivery worker on a real store (SQLite) with a real local receiver
 * that checks every signature: applications reach a receiver that fails its
 * first attempts, each with the same webhook-id on every attempt; a job that
 * fails for 72 hours ends as failed, loudly, and can be queued again.
 *
 * Time: the retries wait 5 seconds and more. The first test runs the worker
 * on a clock that goes 1 000 times faster than the wall clock (the 72 hours
 * would take 4 minutes of a busy machine's time, far beyond what the test
 * needs); the second moves a clock by hand. The tests wait on what the receiver and the store
 * show, never on time.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sampleApplication } from '../../../tests/support/application-store-contract.ts';
import { startWebhookReceiver, type Answer, type WebhookReceiver } from '../../../tests/support/webhook-receiver.ts';
import { readKommuner } from '../../lib/content-files.ts';
import { openSqliteStore } from '../store/sqlite.ts';
import type { ApplicationStore } from '../store/types.ts';
import { startDeliveryWorker, type DeliveryWorker } from './worker.ts';
import { keyIdOf } from '../store/sealed.ts';
import type { DeliveryJob } from './types.ts';
import { webhookDestination } from './webhook.ts';

const kommuner = readKommuner();
const kommune = (slug: string) => kommuner[slug];
const NOW = new Date('2026-11-24T09:00:00Z');
const HOUR = 60 * 60 * 1000;

/** Waits until the check passes (the worker records in the background), up to the test's own limit. */
const eventually = (check: () => Promise<void>) => vi.waitFor(check, { timeout: 4_500, interval: 20 });

/**
 * A stand-in for the application's PDF: the worker, not the document, is under test here (the document is
 * webhook.test.ts's and documents.test.ts's), and making twenty real ones would make this test slow on a busy machine.
 */
const documents = { make: async () => Buffer.from('%PDF-1.7 stand-in'), close: async () => {} };

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  cleanups.length = 0;
});

async function setUp(answer: (attempt: number) => Answer, now: () => Date, timeoutMs = 1000, deadlineMs?: number) {
  const receiver: WebhookReceiver = await startWebhookReceiver(({ attempt }) => answer(attempt));
  const dir = mkdtempSync(join(tmpdir(), 'stoette-worker-'));
  const store: ApplicationStore = openSqliteStore({ file: join(dir, 'applications.sqlite'), outbox: () => [{ id: 'sbsys', carriesApplication: true }] });
  const logs: string[] = [];
  const attempts: string[] = [];
  const worker: DeliveryWorker = startDeliveryWorker({
    store,
    destinations: new Map([['sbsys', webhookDestination({ id: 'sbsys', url: receiver.url, secret: receiver.secret, kommune, timeoutMs, documents })]]),
    log: (line) => logs.push(line),
    onAttempt: (destination, outcome) => attempts.push(`${destination} ${outcome}`),
    now,
    pollMs: 20,
    deadlineMs,
  });
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }), () => store.close(), () => receiver.close(), () => worker.stop());
  const save = async (description: string) => {
    const saved = await store.save({ kommune: 'varde', unitId: 'social-og-handicap', receivedAt: now(), application: sampleApplication('varde', description) });
    if (saved.kind !== 'created') throw new Error('not stored');
    worker.wake();
    return saved.receipt.reference;
  };
  return { receiver, store, logs, attempts, worker, save };
}

describe('the delivery worker', () => {
  it('delivers every application to a receiver that first answers 500, then hangs, then drops the connection, with one id per delivery', async () => {
    const start = performance.now();
    const fast = () => new Date(NOW.getTime() + (performance.now() - start) * 1000);
    const answers: Answer[] = [500, 'hang', 'close', 'ok'];
    // A short timeout for the hang; an answer a busy machine makes late is only one more retry.
    const { receiver, store, logs, save } = await setUp((attempt) => answers[Math.min(attempt, 4) - 1]!, fast, 300);
    const references = await Promise.all(['a', 'b', 'c'].map(save));

    await receiver.waitFor(() => receiver.delivered().size === references.length);
    expect(receiver.delivered()).toEqual(new Set(references));
    // Every attempt of one application carried the same webhook-id, and every delivery its own.
    const ids = new Map<string, Set<string>>();
    for (const request of receiver.requests) {
      expect(request.verified).toBe(true);
      const reference = request.body!.data.reference;
      ids.set(reference, (ids.get(reference) ?? new Set()).add(request.id));
    }
    expect([...ids.values()].map((set) => set.size)).toEqual([1, 1, 1]);
    expect(new Set([...ids.values()].map((set) => [...set][0])).size).toBe(3);
    expect(receiver.requests.length).toBeGreaterThanOrEqual(4 * references.length);
    await eventually(async () => expect((await store.deliverySummary())[0]).toMatchObject({ destination: 'sbsys', pending: 0, delivered: 3, failed: 0 }));
    // Logged: the references and the short errors, never the person.
    expect(logs.some((line) => /HTTP 500/.test(line) && /prøver igen om/.test(line))).toBe(true);
    expect(logs.join('\n')).not.toMatch(/Sofie|Jensen|12345678|min post/);
  });

  it('gives a job up after 72 hours of failures, says so in one log line, and a job queued again is delivered', async () => {
    let clock = NOW;
    let receiverUp = false;
    const { receiver, store, logs, attempts, worker, save } = await setUp(() => (receiverUp ? 'ok' : 503), () => clock);
    const reference = await save('afvist i tre døgn');

    await receiver.waitFor((requests) => requests.length === 1);
    await eventually(async () => expect((await store.listDeliveries({}))[0]).toMatchObject({ state: 'pending', attempts: 1, lastError: 'HTTP 503' }));
    // Just before the 72 hours: tried again and still pending.
    clock = new Date(NOW.getTime() + 72 * HOUR - 1000);
    worker.wake();
    await eventually(async () => expect((await store.listDeliveries({}))[0]).toMatchObject({ state: 'pending', attempts: 2 }));
    clock = new Date(NOW.getTime() + 72 * HOUR + 10 * 60_000);
    worker.wake();
    await eventually(async () => expect((await store.listDeliveries({}))[0]).toMatchObject({ state: 'failed', attempts: 3, lastError: 'HTTP 503' }));
    const failedLines = logs.filter((line) => line.startsWith('levering FEJLET'));
    expect(failedLines).toEqual([expect.stringContaining(`${reference} til sbsys`)]);
    expect(failedLines[0]).toContain('efter 72 timer');
    expect(failedLines[0]).toContain('levering --igen');
    // The metrics are told each attempt's outcome.
    expect(attempts).toEqual(['sbsys retry', 'sbsys retry', 'sbsys failed']);

    // Not due again by itself, however long it waits.
    clock = new Date(clock.getTime() + 30 * 24 * HOUR);
    expect(await store.workDelivery(clock, new Set(), async () => ({ state: 'delivered', at: clock }))).toBe(false);
    receiverUp = true;
    expect(await store.retryDeliveries({ allFailed: true }, clock)).toBe(1);
    worker.wake();
    await receiver.waitFor(() => receiver.delivered().has(reference));
    await eventually(async () => expect((await store.listDeliveries({}))[0]).toMatchObject({ state: 'delivered' }));
    expect(attempts.at(-1)).toBe('sbsys delivered');
  });

  it('a destination that never settles holds no slot: the attempt ends at the worker’s deadline and is tried again', async () => {
    const clock = NOW;
    const dir = mkdtempSync(join(tmpdir(), 'stoette-worker-'));
    const store = openSqliteStore({ file: join(dir, 'applications.sqlite'), outbox: () => [{ id: 'stuck', carriesApplication: true }] });
    const logs: string[] = [];
    const stuck = { id: 'stuck', carriesApplication: true, describe: 'never answers', deliver: () => new Promise<never>(() => {}) };
    const worker = startDeliveryWorker({ store, destinations: new Map([['stuck', stuck]]), log: (line) => logs.push(line), now: () => clock, pollMs: 20, deadlineMs: 200 });
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }), () => store.close(), () => worker.stop());
    await store.save({ kommune: 'varde', unitId: 'social-og-handicap', receivedAt: clock, application: sampleApplication('varde') });
    worker.wake();
    await eventually(async () => expect((await store.listDeliveries({}))[0]).toMatchObject({ state: 'pending', attempts: 1, lastError: 'intet svar inden for 0.2 s' }));
    expect(logs).toEqual([expect.stringMatching(/til stuck, forsøg 1: mislykkedes \(intet svar inden for 0\.2 s\); prøver igen om/)]);
  });

  it('a job for a destination that is no longer set up is retried and shown, not dropped', async () => {
    const clock = NOW;
    const { store, logs, worker } = await setUp(() => 'ok', () => clock);
    const saved = await store.save({ kommune: 'varde', unitId: 'social-og-handicap', receivedAt: clock, application: sampleApplication('varde') });
    expect(saved.kind).toBe('created');
    // A second store with another plan: its job is for a destination this worker does not have.
    const dir = mkdtempSync(join(tmpdir(), 'stoette-worker-'));
    const other = openSqliteStore({ file: join(dir, 'applications.sqlite'), outbox: () => [{ id: 'gammel-sbsys', carriesApplication: true }] });
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }), () => other.close());
    await other.save({ kommune: 'varde', unitId: 'social-og-handicap', receivedAt: clock, application: sampleApplication('varde') });
    const orphanWorker = startDeliveryWorker({ store: other, destinations: new Map(), log: (line) => logs.push(line), now: () => clock, pollMs: 20 });
    cleanups.push(() => orphanWorker.stop());
    await eventually(async () =>
      expect((await other.listDeliveries({}))[0]).toMatchObject({ state: 'pending', attempts: 1, lastError: 'destinationen "gammel-sbsys" er ikke sat op' }),
    );
    worker.wake();
    await eventually(async () => expect((await store.listDeliveries({}))[0]).toMatchObject({ state: 'delivered' }));
  });

  it('an application sealed under a key this process is not given is a failed attempt that names the key id, never sent, and the next job is delivered', async () => {
    const clock = NOW;
    const dir = mkdtempSync(join(tmpdir(), 'stoette-worker-'));
    const file = join(dir, 'applications.sqlite');
    const outbox = () => [{ id: 'sbsys', carriesApplication: true }];
    const oldKey = Buffer.alloc(32, 1);
    const before = openSqliteStore({ file, outbox, encryption: { key: oldKey, oldKeys: [] } });
    await before.save({ kommune: 'varde', unitId: 'social-og-handicap', receivedAt: clock, application: sampleApplication('varde', 'under den fjernede nøgle') });
    await before.close();
    const store = openSqliteStore({ file, outbox, encryption: { key: Buffer.alloc(32, 2), oldKeys: [] } });
    await store.save({ kommune: 'varde', unitId: 'social-og-handicap', receivedAt: clock, application: sampleApplication('varde', 'under den nye nøgle') });
    const sent: string[] = [];
    const sbsys = { id: 'sbsys', carriesApplication: true, describe: 'test', deliver: async (job: DeliveryJob) => (sent.push(job.application.application.description), { kind: 'delivered' as const }) };
    const logs: string[] = [];
    const worker = startDeliveryWorker({ store, destinations: new Map([['sbsys', sbsys]]), log: (line) => logs.push(line), now: () => clock, pollMs: 20, random: () => 0 });
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }), () => store.close(), () => worker.stop());
    const unreadable = `er krypteret med nøglen ${keyIdOf(oldKey)}, som ikke er givet`;
    await eventually(async () =>
      expect((await store.listDeliveries({})).map((d) => [d.state, d.attempts, d.lastError?.includes(unreadable) ?? null]).sort()).toEqual([
        ['delivered', 1, null],
        ['pending', 1, true],
      ]),
    );
    expect(sent).toEqual(['under den nye nøgle']);
    expect(logs.find((line) => line.includes('forsøg 1: mislykkedes'))).toContain(unreadable);
  });
});
