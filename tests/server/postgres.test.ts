/**
 * The built server on PostgreSQL (DATABASE_URL), as an operator runs it, on a
 * fresh schema of TEST_DATABASE_URL. Skipped, saying how to run it, when
 * TEST_DATABASE_URL is not set — except in CI, where it must run
 * (tests/support/describe-postgres.ts; .ci/run starts .ci/postgres).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createReference, isValidReference } from '../../src/domain/reference.ts';
import { createTestSchema, type TestSchema } from '../support/postgres.ts';
import { describePostgres } from '../support/describe-postgres.ts';
import { marker, validBody } from '../support/applications.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

const API = '/api/ansoegninger';
const json = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
});

describePostgres('the built server on PostgreSQL (DATABASE_URL)', () => {
  let server: TestServer;
  let schema: TestSchema;
  beforeAll(async () => {
    schema = await createTestSchema();
    server = await startTestServer({ DATABASE_URL: schema.url });
  });
  afterAll(async () => {
    await server?.stop();
    await schema?.drop();
  });

  it('an application is answered 201 and its receipt page finds the reference', async () => {
    const description = marker();
    const response = await server.request(API, json(validBody('frederikssund', description, 45)));
    expect(response.status).toBe(201);
    const body = await response.json();
    expect(isValidReference(body.reference)).toBe(true);
    expect(body.unit.id).toBe('raadgivningshuset');
    const stored = await schema.query<{ reference: string }>("SELECT reference FROM applications WHERE data::json->>'description' = $1", [description]);
    expect(stored).toEqual([{ reference: body.reference }]);

    const receipt = await server.request(response.headers.get('location')!);
    expect(receipt.status).toBe(200);
    expect(receipt.headers.get('cache-control')).toBe('no-store');
    expect(await receipt.text()).toContain(body.reference);
  });

  it('/readyz: the database answers a query; there is no quick_check on PostgreSQL (integrity "unchecked"); a job waiting over 15 minutes fails it', async () => {
    const ready = await server.request('/readyz');
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ok', store: 'ok', integrity: 'unchecked', delivery: { pending: 0, oldestPendingSeconds: null } });
    expect(server.output()).toMatch(/^Lageret er klar: PostgreSQL på /m);

    // A job queued 20 minutes ago for a receiver that is down (no worker here delivers it: no destination is set up).
    const response = await server.request(API, json(validBody('varde', marker())));
    const { reference } = (await response.json()) as { reference: string };
    await schema.query(
      `INSERT INTO deliveries (id, reference, destination, carries_application, state, created_at, queued_at, next_attempt_at)
       VALUES ('msg_backlog', $1, 'nede', true, 'pending', now() - interval '20 minutes', now() - interval '20 minutes', now() + interval '1 hour')`,
      [reference],
    );
    const behind = await server.request('/readyz');
    expect(behind.status).toBe(503);
    const body = (await behind.json()) as { store: string; delivery: { pending: number; oldestPendingSeconds: number } };
    expect(body).toMatchObject({ status: 'unavailable', store: 'ok', integrity: 'unchecked', delivery: { pending: 1 } });
    expect(body.delivery.oldestPendingSeconds).toBeGreaterThan(15 * 60);
    await schema.query("DELETE FROM deliveries WHERE id = 'msg_backlog'");
    expect((await server.request('/readyz')).status).toBe(200);
  });

  it('an unknown reference is a friendly 404, never cached, after asking the database', async () => {
    // A well-formed reference (its check symbol is right), so the page has to ask the database.
    const missing = await server.request(`/varde/ansoeg/kvittering/?reference=${createReference(() => 5)}`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('cache-control')).toBe('no-store');
    expect(await missing.text()).toContain('Vi kan ikke finde kvitteringen');
  });

  it('a retry with the same Idempotency-Key gets the same answer and stores nothing new', async () => {
    const description = marker();
    const headers = { 'idempotency-key': `server-${description}` };
    const [a, b] = await Promise.all([1, 2].map(() => server.request(API, json(validBody('varde', description), headers))));
    expect([a!.status, b!.status]).toEqual([201, 201]);
    expect(await b!.text()).toBe(await a!.text());
    const stored = await schema.query("SELECT reference FROM applications WHERE data::json->>'description' = $1", [description]);
    expect(stored).toHaveLength(1);
  });

  it('two server processes on one database: a retry sent to both is stored once, and no reference is handed out twice', async () => {
    // Both processes with the rate limit lifted: all requests come from this one test client.
    const [first, second] = await Promise.all([1, 2].map(() => startTestServer({ DATABASE_URL: schema.url, RATE_LIMIT: '100000/1' })));
    try {
      const keys = Array.from({ length: 40 }, (_, i) => `two-processes-${marker()}-${i}`);
      // Each key goes to both processes at the same moment, as a load balancer might send a retry.
      const answers = await Promise.all(
        keys.flatMap((key) =>
          [first!, second!].map(async (s) => {
            const response = await s.request(API, json(validBody('sonderborg', key), { 'idempotency-key': key }));
            return { key, status: response.status, text: await response.text() };
          }),
        ),
      );
      expect(answers.filter((a) => a.status !== 201)).toEqual([]);
      for (const key of keys) {
        const both = answers.filter((a) => a.key === key);
        expect(both[0]!.text, key).toBe(both[1]!.text);
      }
      const rows = await schema.query<{ reference: string; description: string }>(
        "SELECT reference, data::json->>'description' AS description FROM applications WHERE data::json->>'description' LIKE 'two-processes-%'",
      );
      expect(rows).toHaveLength(keys.length);
      expect(new Set(rows.map((r) => r.reference)).size).toBe(keys.length);
      expect(new Set(rows.map((r) => r.description))).toEqual(new Set(keys));
    } finally {
      await Promise.all([first?.stop(), second?.stop()]);
    }
  });
});
