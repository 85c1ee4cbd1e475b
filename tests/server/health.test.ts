/**
 * The operator's view of the running server (the built site on its own data):
 * `/healthz` and `/readyz`; a SQLite file damaged on disk, or emptied, is
 * noticed at start and refused (503 with Retry-After, never 201; one log
 * line; `/readyz` 503 while `/healthz` stays 200); Prometheus metrics on their
 * own port move when an application is stored, refused by the rate limit and
 * delivered; a backup taken while the server runs brings the applications
 * back after the database is lost (README: "Health, metrics, backup and
 * restore", the same steps).
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdtempSync, rmSync, statSync, truncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { sampleApplication } from '../support/application-store-contract.ts';
import { clientAddress, validBody } from '../support/applications.ts';
import { damageTablePages, quickCheckOf } from '../support/damaged-sqlite.ts';
import { startServer, startTestServer, type RunningServer, type TestServer } from '../support/server.ts';
import { startWebhookReceiver } from '../support/webhook-receiver.ts';
import { openSqliteStore } from '../../src/server/store/sqlite.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  cleanups.length = 0;
});

async function server(env: Record<string, string> = {}, prepare?: (dataDir: string) => Promise<void> | void): Promise<TestServer> {
  const s = await startTestServer(env, prepare);
  cleanups.push(() => s.stop());
  return s;
}

const apply = (s: { request: (path: string, init?: RequestInit) => Promise<Response> }, body: Record<string, unknown>, headers: Record<string, string> = {}) =>
  s.request('/api/ansoegninger', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

/** A closed database in `dataDir` with `n` applications, as a server would have left it. */
async function databaseWith(dataDir: string, n: number): Promise<string> {
  const file = join(dataDir, 'applications.sqlite');
  const store = openSqliteStore({ file });
  for (let i = 0; i < n; i++) {
    await store.save({ kommune: 'varde', unitId: 'social-og-handicap', receivedAt: new Date(), application: sampleApplication('varde', `nr. ${i} ${'x'.repeat(400)}`) });
  }
  await store.close();
  return file;
}

const lines = (output: string, pattern: RegExp) => output.split('\n').filter((line) => pattern.test(line));

function cli(args: string[], dataDir: string) {
  const result = spawnSync(process.execPath, ['src/cli/ansoegninger.ts', ...args], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: undefined, DATA_DIR: dataDir },
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('/healthz and /readyz', () => {
  it('a whole store: both 200, JSON with nothing personal, never cached, HEAD too; other methods 405', async () => {
    const s = await server();
    expect(lines(s.output(), /^Lageret er klar: SQLite i /)).toHaveLength(1);
    const health = await s.request('/healthz');
    expect([health.status, health.headers.get('cache-control'), health.headers.get('content-type'), await health.text()]).toEqual([
      200,
      'no-store',
      'application/json; charset=utf-8',
      '{"status":"ok"}',
    ]);
    // Security headers as on every answer.
    expect(health.headers.get('x-content-type-options')).toBe('nosniff');
    const ready = await s.request('/readyz');
    expect(ready.status).toBe(200);
    expect(ready.headers.get('cache-control')).toBe('no-store');
    expect(await ready.json()).toEqual({ status: 'ok', store: 'ok', integrity: 'ok', delivery: { pending: 0, oldestPendingSeconds: null } });
    const head = await s.request('/readyz', { method: 'HEAD' });
    expect([head.status, await head.text()]).toEqual([200, '']);
    const post = await s.request('/healthz', { method: 'POST' });
    expect([post.status, post.headers.get('allow')]).toEqual([405, 'GET, HEAD']);
  });
});

describe('a SQLite database damaged on disk', () => {
  it('is noticed at start: ONE log line, no "klar"; applications get 503 with Retry-After, /readyz 503, /healthz 200', async () => {
    let damaged: number[] = [];
    const s = await server({}, async (dataDir) => {
      const file = await databaseWith(dataDir, 80);
      damaged = damageTablePages(file);
      // The damage is real: SQLite itself says so, straight on the file.
      expect(quickCheckOf(file)).not.toBe('ok');
    });
    expect(damaged).toHaveLength(2);
    expect(s.output()).not.toMatch(/Lageret er klar/);

    for (const kommune of ['varde', 'bronderslev']) {
      const answer = await apply(s, validBody(kommune));
      expect(answer.status).toBe(503);
      expect(answer.headers.get('retry-after')).toBe('30');
      expect(answer.headers.get('cache-control')).toBe('no-store');
    }
    const ready = await s.request('/readyz');
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ status: 'unavailable', store: 'damaged', integrity: 'damaged', delivery: { pending: null, oldestPendingSeconds: null } });
    expect((await s.request('/readyz', { method: 'HEAD' })).status).toBe(503);
    expect((await s.request('/healthz')).status).toBe(200);

    // One line for the damage, however many requests were refused, and none per request.
    expect(lines(s.output(), /Lageret er BESKADIGET/)).toEqual([
      expect.stringMatching(/^Lageret er BESKADIGET \(SQLite i .*applications\.sqlite\): PRAGMA quick_check fandt fejl \(.+\)\. Ansøgninger får svaret 503, og \/readyz svarer 503\. Stop serveren, og læg den seneste backup tilbage/),
    ]);
    expect(s.output()).not.toMatch(/ansøgning (ikke gemt|modtaget)/);
  });

  it('a zero-length file where a database was is not made anew: 503, /readyz says missing, the file stays empty', async () => {
    let file = '';
    const s = await server({}, async (dataDir) => {
      file = await databaseWith(dataDir, 1);
      truncateSync(file, 0);
    });
    expect(lines(s.output(), /^Lageret kan ikke bruges/)).toEqual([
      expect.stringMatching(/databasefilen .*applications\.sqlite er tom \(0 byte\), men mappen har haft en database \(applications\.sqlite\.marker findes\)\. Serveren laver ikke en ny, tom database\./),
    ]);
    const answer = await apply(s, validBody('varde'));
    expect([answer.status, answer.headers.get('retry-after')]).toEqual([503, '30']);
    const ready = await s.request('/readyz');
    expect([ready.status, await ready.json()]).toEqual([503, { status: 'unavailable', store: 'missing', integrity: 'unchecked', delivery: { pending: null, oldestPendingSeconds: null } }]);
    expect((await s.request('/healthz')).status).toBe(200);
    expect(statSync(file).size).toBe(0);
    expect(lines(s.output(), /^Lageret kan ikke bruges/)).toHaveLength(1);
  });
});

describe('the metrics (METRICS_PORT)', () => {
  const scrape = async (url: string) => {
    const answer = await fetch(url);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    return answer.text();
  };
  const value = (text: string, series: string) => {
    const line = text.split('\n').find((l) => l.startsWith(`${series} `));
    return line === undefined ? 0 : Number(line.slice(series.length + 1));
  };

  it('are on their own loopback port, and move with an application stored, a rate-limit refusal and a delivery', async () => {
    const receiver = await startWebhookReceiver();
    cleanups.push(() => receiver.close());
    const s = await server({ METRICS_PORT: '0', RATE_LIMIT: '1/600', DELIVERY_WEBHOOK_URL: receiver.url, DELIVERY_WEBHOOK_SECRET: receiver.secret });
    const url = /Målinger \(Prometheus\) på (http:\/\/127\.0\.0\.1:\d+\/metrics)/.exec(s.output())?.[1];
    expect(url, s.output()).toBeDefined();
    const before = await scrape(url!);
    expect(value(before, 'stoetteportalen_applications_stored_total{kommune="varde",unit="social-og-handicap"}')).toBe(0);
    expect(before).toMatch(/^process_cpu_user_seconds_total /m);

    const client = clientAddress();
    const stored = await apply(s, validBody('varde'), { 'x-forwarded-for': client });
    expect(stored.status).toBe(201);
    const { reference } = (await stored.json()) as { reference: string };
    expect((await apply(s, validBody('varde'), { 'x-forwarded-for': client })).status).toBe(429);
    await receiver.waitFor(() => receiver.delivered().has(reference));

    const series = {
      stored: 'stoetteportalen_applications_stored_total{kommune="varde",unit="social-og-handicap"}',
      created: 'stoetteportalen_http_responses_total{route="api_applications",status="201"}',
      limited: 'stoetteportalen_http_responses_total{route="api_applications",status="429"}',
      refusals: 'stoetteportalen_rate_limit_refusals_total{limit="applications"}',
      saves: 'stoetteportalen_store_save_seconds_count{outcome="created"}',
      delivered: 'stoetteportalen_delivery_attempts_total{destination="webhook",outcome="delivered"}',
      pending: 'stoetteportalen_delivery_pending{destination="webhook"}',
      ready: 'stoetteportalen_ready',
    };
    // The worker records the delivery just after the receiver has it: wait on the counter, not on time.
    await expect.poll(async () => value(await scrape(url!), series.delivered)).toBe(1);
    const after = await scrape(url!);
    expect(Object.fromEntries(Object.entries(series).map(([name, s]) => [name, value(after, s)]))).toEqual({
      stored: 1,
      created: 1,
      limited: 1,
      refusals: 1,
      saves: 1,
      delivered: 1,
      pending: 0,
      ready: 1,
    });
    // Never a URL or a reference in a label.
    expect(after).not.toContain(reference);
    expect(after).not.toMatch(/route="\/[^"]*"/);

    // The site's port has no metrics, and the metrics' port has nothing else.
    const onSite = await fetch(new URL('/metrics', s.url)); // Astro adds the trailing slash, then: not found
    expect([onSite.status, await onSite.text()]).toEqual([404, expect.not.stringContaining('stoetteportalen_')]);
    expect((await fetch(new URL('/', url!))).status).toBe(404);
  });

  it('are off without METRICS_PORT, and the start says so', async () => {
    const s = await server();
    expect(s.output()).toContain('Målinger: ingen (METRICS_PORT er ikke sat).');
  });
});

describe('backup and restore (README: "Health, metrics, backup and restore")', () => {
  it('a backup taken while the server runs brings the applications back after the database is lost', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'stoette-restore-'));
    const backups = mkdtempSync(join(tmpdir(), 'stoette-backups-'));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }), () => rmSync(backups, { recursive: true, force: true }));
    const start = async () => {
      const s: RunningServer = await startServer({ DATA_DIR: dataDir, TRUSTED_PROXIES: 'loopback' });
      cleanups.push(() => s.stop());
      const request = (path: string, init: RequestInit = {}) =>
        fetch(new URL(path, s.url), { redirect: 'manual', ...init, headers: { 'x-forwarded-for': clientAddress(), ...(init.headers as Record<string, string>) } });
      return { ...s, request };
    };
    const receipt = (s: Awaited<ReturnType<typeof start>>, reference: string) => s.request(`/varde/ansoeg/kvittering/?reference=${reference}`);

    // 1. The server takes an application; the operator backs up while it runs.
    const first = await start();
    const answer = await apply(first, validBody('varde'));
    expect(answer.status).toBe(201);
    const { reference } = (await answer.json()) as { reference: string };
    const file = join(backups, 'ansoegninger.sqlite');
    const backup = cli(['backup', '--fil', file], dataDir);
    expect(backup, backup.stderr).toMatchObject({ code: 0, stderr: `Databasen er kopieret til ${file} (kun læsbar for dig) og tjekket: ok.\n` });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    await first.stop();

    // 2. The database is lost; the server refuses instead of starting empty.
    const database = join(dataDir, 'applications.sqlite');
    rmSync(database);
    const lost = await start();
    expect((await lost.request('/readyz')).status).toBe(503);
    expect((await receipt(lost, reference)).status).toBe(503);
    expect(cli(['tjek'], dataDir).code).toBe(1);
    await lost.stop();

    // 3. Restore as the README says: the copy in place, no -wal or -shm beside it, owner-only; then start.
    copyFileSync(file, database);
    for (const leftover of [`${database}-wal`, `${database}-shm`]) rmSync(leftover, { force: true });
    chmodSync(database, 0o600);
    expect(cli(['tjek'], dataDir)).toMatchObject({ code: 0 });
    const restored = await start();
    expect(restored.output()).toMatch(/^Lageret er klar: SQLite i /m);
    expect((await restored.request('/readyz')).status).toBe(200);
    const page = await receipt(restored, reference);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(reference);
    expect(existsSync(`${database}.marker`)).toBe(true);
  });
});
