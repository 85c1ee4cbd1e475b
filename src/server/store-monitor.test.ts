import { copyFileSync, mkdtempSync, rmSync, truncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sampleApplication } from '../../tests/support/application-store-contract.ts';
import { damageTablePages } from '../../tests/support/damaged-sqlite.ts';
import { applicationStore } from './store/index.ts';
import { setStoreRefusal, storeRefusal } from './store/refusal.ts';
import { openSqliteStore } from './store/sqlite.ts';
import { StoreDamagedError, StoreUnavailableError, type DeliverySummary } from './store/types.ts';
import { createStoreMonitor, MAX_PENDING_SECONDS, readinessOf, type StoreMonitor } from './store-monitor.ts';

const NOW = new Date('2026-11-24T09:00:00Z');
const summary = (destination: string, pending: number, oldestPendingSince: string | null): DeliverySummary => ({
  destination,
  pending,
  delivered: 3,
  failed: 0,
  oldestPendingSince,
  lastError: null,
});
const secondsAgo = (s: number) => new Date(NOW.getTime() - s * 1000).toISOString();

describe('readinessOf', () => {
  it('is ok with a store that answers, a passed check and no backlog', () => {
    expect(readinessOf('ok', 'ok', [summary('webhook', 0, null)], NOW)).toEqual({
      status: 'ok',
      store: 'ok',
      integrity: 'ok',
      delivery: { pending: 0, oldestPendingSeconds: null },
    });
    // PostgreSQL has no check of its own: unchecked is ready.
    expect(readinessOf('ok', 'unchecked', [], NOW).status).toBe('ok');
  });

  it('counts pending jobs over every destination and the oldest wait, and fails past the bound (15 minutes), not at it', () => {
    expect(MAX_PENDING_SECONDS).toBe(15 * 60);
    const atBound = readinessOf('ok', 'ok', [summary('webhook', 2, secondsAgo(60)), summary('e-mail', 1, secondsAgo(MAX_PENDING_SECONDS))], NOW);
    expect(atBound).toMatchObject({ status: 'ok', delivery: { pending: 3, oldestPendingSeconds: MAX_PENDING_SECONDS } });
    const past = readinessOf('ok', 'ok', [summary('webhook', 2, secondsAgo(60)), summary('e-mail', 1, secondsAgo(MAX_PENDING_SECONDS + 1))], NOW);
    expect(past).toMatchObject({ status: 'unavailable', store: 'ok', integrity: 'ok', delivery: { pending: 3, oldestPendingSeconds: MAX_PENDING_SECONDS + 1 } });
  });

  it('is not ready with a damaged, missing or unreachable store, whatever else', () => {
    expect(readinessOf('damaged', 'damaged', null, NOW)).toEqual({ status: 'unavailable', store: 'damaged', integrity: 'damaged', delivery: { pending: null, oldestPendingSeconds: null } });
    expect(readinessOf('missing', 'unchecked', null, NOW).status).toBe('unavailable');
    expect(readinessOf('unavailable', 'unchecked', null, NOW).status).toBe('unavailable');
  });
});

describe('the store monitor on SQLite', () => {
  const cleanups: (() => unknown)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
    cleanups.length = 0;
    setStoreRefusal(null);
  });

  async function setUp(prepare: (file: string) => Promise<void> = async () => {}) {
    const dir = mkdtempSync(join(tmpdir(), 'stoette-monitor-'));
    const file = join(dir, 'applications.sqlite');
    await prepare(file);
    const logs: string[] = [];
    const alerts: string[] = [];
    const monitor: StoreMonitor = createStoreMonitor({
      open: () => openSqliteStore({ file }),
      where: `SQLite i ${file}`,
      log: (line) => logs.push(line),
      alert: (line) => alerts.push(line),
      now: () => NOW,
    });
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }), () => monitor.stop());
    return { file, monitor, logs, alerts };
  }

  const withApplications = (n: number) => async (file: string) => {
    const store = openSqliteStore({ file });
    for (let i = 0; i < n; i++) await store.save({ kommune: 'varde', unitId: 'social-og-handicap', receivedAt: NOW, application: sampleApplication('varde', `nr. ${i} ${'x'.repeat(400)}`) });
    await store.close();
  };

  it('a whole store: one line "Lageret er klar", ready, nothing refused', async () => {
    const { file, monitor, logs, alerts } = await setUp();
    await monitor.start();
    expect(logs).toEqual([`Lageret er klar: SQLite i ${file}`]);
    expect(alerts).toEqual([]);
    expect((await monitor.inspect()).readiness).toEqual({ status: 'ok', store: 'ok', integrity: 'ok', delivery: { pending: 0, oldestPendingSeconds: null } });
    expect(storeRefusal()).toBeNull();
  });

  it('damaged pages: ONE alert line and no "klar", the store refused for the process, /readyz not ready, however often asked', async () => {
    const { monitor, logs, alerts } = await setUp(async (file) => {
      await withApplications(60)(file);
      damageTablePages(file);
    });
    await monitor.start();
    for (let i = 0; i < 3; i++) expect((await monitor.inspect()).readiness).toMatchObject({ status: 'unavailable', store: 'damaged', integrity: 'damaged' });
    expect(logs).toEqual([]);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatch(/^Lageret er BESKADIGET \(SQLite i .*\): PRAGMA quick_check fandt fejl \(.+\)\. Ansøgninger får svaret 503, og \/readyz svarer 503\. Stop serveren, og læg den seneste backup tilbage/);
    expect(storeRefusal()).toMatchObject({ damage: 'damaged' });
    // The server's store (inside Astro's bundle) is refused, whatever the settings.
    expect(() => applicationStore()).toThrow(StoreDamagedError);
  });

  it('a zero-length file where a database was: ONE alert line, refused; restored, the next look finds it and says so', async () => {
    const { file, monitor, logs, alerts } = await setUp(async (file) => {
      await withApplications(1)(file);
      truncateSync(file, 0);
    });
    await monitor.start();
    expect(alerts).toEqual([expect.stringMatching(/^Lageret kan ikke bruges \(SQLite i .*\): databasefilen .* er tom \(0 byte\), men mappen har haft en database \(applications\.sqlite\.marker findes\)\. Serveren laver ikke en ny, tom database\./)]);
    expect((await monitor.inspect()).readiness).toMatchObject({ status: 'unavailable', store: 'missing', integrity: 'unchecked' });
    expect(alerts).toHaveLength(1);
    expect(storeRefusal()).toMatchObject({ damage: 'missing' });

    // The operator restores a database (here: a new one made elsewhere, copied in).
    const elsewhere = join(mkdtempSync(join(tmpdir(), 'stoette-monitor-backup-')), 'applications.sqlite');
    cleanups.push(() => rmSync(dirname(elsewhere), { recursive: true, force: true }));
    await withApplications(1)(elsewhere);
    copyFileSync(elsewhere, file);
    expect((await monitor.inspect()).readiness).toMatchObject({ status: 'ok', store: 'ok', integrity: 'ok' });
    expect(logs).toEqual([`Lageret er klar igen: SQLite i ${file}`]);
    expect(storeRefusal()).toBeNull();
  });

  it('a database file deleted under the running server is found by the next scheduled check, though the server’s store still holds it open', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'stoette-monitor-'));
    const file = join(dir, 'applications.sqlite');
    const requests = openSqliteStore({ file });
    const alerts: string[] = [];
    const monitor = createStoreMonitor({ open: () => openSqliteStore({ file }), where: 'SQLite', log: () => {}, alert: (line) => alerts.push(line), intervalMs: 20 });
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }), () => requests.close(), () => monitor.stop());
    await monitor.start();
    expect(storeRefusal()).toBeNull();
    rmSync(file);
    // The old connection does not notice: it writes on into the deleted file.
    expect((await requests.save({ kommune: 'varde', unitId: 'social-og-handicap', receivedAt: NOW, application: sampleApplication('varde') })).kind).toBe('created');
    await vi.waitFor(() => expect(storeRefusal()).toMatchObject({ damage: 'missing' }), { timeout: 5000 });
    expect(alerts).toEqual([expect.stringMatching(/databasefilen .* mangler, men mappen har haft en database/)]);
  });

  it('a store that cannot be reached: one line, not refused (each request tries again), not ready', async () => {
    const logs: string[] = [];
    const monitor = createStoreMonitor({
      open: () => {
        throw new StoreUnavailableError('kan ikke åbne SQLite-filen', { cause: Object.assign(new Error('x'), { code: 'EACCES' }) });
      },
      where: 'SQLite i /ingen/adgang',
      log: (line) => logs.push(line),
      alert: (line) => logs.push(line),
    });
    cleanups.push(() => monitor.stop());
    await monitor.start();
    await monitor.inspect();
    expect(logs).toEqual(['Lageret kan ikke bruges endnu (SQLite i /ingen/adgang): kan ikke åbne SQLite-filen: EACCES. Ansøgninger får svaret 503, indtil det virker.']);
    expect((await monitor.inspect()).readiness).toMatchObject({ status: 'unavailable', store: 'unavailable' });
    expect(storeRefusal()).toBeNull();
  });
});
