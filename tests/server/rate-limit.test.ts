/**
 * The rate limits on the built server: whom they count (TRUSTED_PROXIES), the
 * receipt lookups' own limit, and one limit for several processes on one
 * PostgreSQL database.
 *
 * Requests post `{}` to the endpoint: it is counted before anything else is
 * checked and answered 422, so nothing is stored; past the limit it is 429.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReference } from '../../src/domain/reference.ts';
import { clientAddress } from '../support/applications.ts';
import { describePostgres } from '../support/describe-postgres.ts';
import { createTestSchema, type TestSchema } from '../support/postgres.ts';
import { startServer, startTestServer, type TestServer } from '../support/server.ts';

const API = '/api/ansoegninger';
const post = (server: TestServer, forwardedFor: string) =>
  server.request(API, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor }, body: '{}' });
/** The statuses of `n` posts, one after another, each naming a client of its own in X-Forwarded-For. */
async function postsFromFreshAddresses(server: TestServer, n: number): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < n; i++) statuses.push((await post(server, clientAddress())).status);
  return statuses;
}

describe('whom the limit counts', () => {
  let untrusted: TestServer;
  let trusted: TestServer;
  beforeAll(async () => {
    // The test connects from 127.0.0.1: a proxy to the one server, a stranger to the other.
    [untrusted, trusted] = await Promise.all([
      startTestServer({ TRUSTED_PROXIES: '10.0.0.1', RATE_LIMIT: '3/600' }),
      startTestServer({ TRUSTED_PROXIES: 'loopback', RATE_LIMIT: '3/600' }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([untrusted?.stop(), trusted?.stop()]);
  });

  it('a peer that is not a trusted proxy is counted by its own address: a new X-Forwarded-For each time does not escape the limit', async () => {
    expect(await postsFromFreshAddresses(untrusted, 5)).toEqual([422, 422, 422, 429, 429]);
    const refused = await post(untrusted, clientAddress());
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('from a trusted proxy, X-Forwarded-For names the client: each address has a limit of its own, and one client still meets its own', async () => {
    expect(await postsFromFreshAddresses(trusted, 5)).toEqual([422, 422, 422, 422, 422]);
    const client = clientAddress();
    const statuses = [];
    // A client that writes a fresh address of its own to the left of the one the proxy appended gains nothing.
    for (let i = 0; i < 4; i++) statuses.push((await post(trusted, `${clientAddress()}, ${client}`)).status);
    expect(statuses).toEqual([422, 422, 422, 429]);
  });

  it('the old count of proxies stops the start, saying what to write instead', async () => {
    const start = startServer({ TRUSTED_PROXIES: '1' });
    await expect(start).rejects.toThrow(/TRUSTED_PROXIES skal nu være proxyernes adresser eller net, ikke deres antal: .*fx 10\.0\.0\.0\/8, 127\.0\.0\.1 eller loopback \(fik "1"\)/);
  });
});

describe('receipt lookups', () => {
  let server: TestServer;
  let small: TestServer;
  beforeAll(async () => {
    [server, small] = await Promise.all([startTestServer(), startTestServer({ RECEIPT_RATE_LIMIT: '2/600' })]);
  });
  afterAll(async () => {
    await Promise.all([server?.stop(), small?.stop()]);
  });

  // Well-formed and unknown: each one asks the store, as someone trying references would.
  const lookUp = (s: TestServer, client: string, lang = '') =>
    s.request(`${lang}/varde/ansoeg/kvittering/?reference=${createReference((n) => Math.floor(Math.random() * n))}`, { headers: { 'x-forwarded-for': client } });

  it('60 per 10 minutes by default; the 61st is 429 with Retry-After, a Danish page, never cached; another client is not affected', async () => {
    const client = clientAddress();
    const statuses = new Set<number>();
    for (let i = 0; i < 60; i++) statuses.add((await lookUp(server, client)).status);
    expect([...statuses]).toEqual([404]);
    const refused = await lookUp(server, client);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(600);
    expect(refused.headers.get('cache-control')).toBe('no-store');
    const page = await refused.text();
    expect(page).toContain('For mange opslag lige nu');
    expect(page).toMatch(/Vent \d+ minut(ter)?, og prøv igen\./);
    expect(page).not.toContain('Vi kan ikke finde kvitteringen');
    expect((await lookUp(server, clientAddress())).status).toBe(404);
  });

  it('RECEIPT_RATE_LIMIT sets it, and the English page says it in English', async () => {
    const client = clientAddress();
    expect([(await lookUp(small, client, '/en')).status, (await lookUp(small, client, '/en')).status]).toEqual([404, 404]);
    const refused = await lookUp(small, client, '/en');
    expect(refused.status).toBe(429);
    const page = await refused.text();
    expect(page).toContain('Too many look-ups just now');
    expect(page).toMatch(/Wait (10 minutes|\d minutes?) and try again\./);
  });
});

describePostgres('two server processes on one PostgreSQL database', () => {
  let schema: TestSchema;
  let first: TestServer;
  let second: TestServer;
  beforeAll(async () => {
    schema = await createTestSchema();
    // One at a time: the first creates the schema's tables, as the first process of a deployment does.
    first = await startTestServer({ DATABASE_URL: schema.url, RATE_LIMIT: '30/600' });
    second = await startTestServer({ DATABASE_URL: schema.url, RATE_LIMIT: '30/600' });
  });
  afterAll(async () => {
    await Promise.all([first?.stop(), second?.stop()]);
    await schema?.drop();
  });

  it('share one limit: 30 requests from one client, alternating between them, go through, and the 31st is refused by either', async () => {
    const client = clientAddress();
    const statuses = [];
    for (let i = 0; i < 30; i++) statuses.push((await post(i % 2 ? second : first, client)).status);
    // Each process alone saw only 15: with a limit per process, neither would refuse yet.
    expect(statuses.filter((s) => s !== 422)).toEqual([]);
    for (const server of [first, second]) {
      const refused = await post(server, client);
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(500);
    }
    // Another client has its own limit.
    expect((await post(second, clientAddress())).status).toBe(422);
    // Counted in the database, under a hash, not the address.
    const rows = await schema.query<{ key: string; points: number }>('SELECT key, points FROM rate_limits');
    expect(rows.some((r) => r.key.startsWith('applications:') && r.points >= 31)).toBe(true);
    expect(rows.every((r) => !r.key.includes(client))).toBe(true);
  });
});

describePostgres('when PostgreSQL cannot count', () => {
  it('the process counts in its own memory: the limit holds, nothing fails with 500, and the log says so', async () => {
    // A schema that does not exist: the store cannot open (503 when storing) and the count finds no table.
    const missing = await createTestSchema({ create: false });
    const server = await startTestServer({ DATABASE_URL: missing.url, RATE_LIMIT: '2/600' });
    try {
      const client = clientAddress();
      const statuses = [];
      for (let i = 0; i < 3; i++) statuses.push((await post(server, client)).status);
      expect(statuses).toEqual([422, 422, 429]);
      // The log line is written before the answer, but reaches us on another pipe: wait for it.
      await expect.poll(() => server.output()).toContain('Grænsen for ansøgninger kan ikke tælles i PostgreSQL (42P01). Hver proces tæller for sig, indtil det virker igen.');
    } finally {
      await server.stop();
    }
  });
});

