/**
 * The built server on PostgreSQL (DATABASE_URL), as an operator runs it: a
 * second server (support/server.ts) on a fresh schema of TEST_DATABASE_URL.
 * Skipped, saying how to run it, when TEST_DATABASE_URL is not set — except
 * in CI, where it must run (.ci/run starts .ci/postgres).
 */
import { expect, test } from '@playwright/test';
import { createReference, isValidReference } from '../../src/domain/reference.ts';
import { createTestSchema, POSTGRES_SKIPPED, TEST_DATABASE_URL, type TestSchema } from '../support/postgres.ts';
import { marker, validBody } from './support/applications.ts';
import { startServer } from './support/server.ts';

const API = '/api/ansoegninger';
const skipped = !TEST_DATABASE_URL && !process.env.CI;
if (skipped) console.warn(`postgres.spec.ts: ${POSTGRES_SKIPPED}`);

test.describe('on PostgreSQL (DATABASE_URL)', () => {
  test.skip(skipped, POSTGRES_SKIPPED);

  let server: Awaited<ReturnType<typeof startServer>>;
  let schema: TestSchema;
  test.beforeAll(async () => {
    schema = await createTestSchema();
    server = await startServer({ DATABASE_URL: schema.url });
  });
  test.afterAll(async () => {
    await server?.stop();
    await schema?.drop();
  });

  test('an application is answered 201 and its receipt page finds the reference', async ({ request }) => {
    const description = marker();
    const response = await request.post(`${server.url}${API}`, { data: validBody('frederikssund', description, 45) });
    expect(response.status()).toBe(201);
    const body = await response.json();
    expect(isValidReference(body.reference)).toBe(true);
    expect(body.unit.id).toBe('raadgivningshuset');
    const stored = await schema.query<{ reference: string }>("SELECT reference FROM applications WHERE data->>'description' = $1", [description]);
    expect(stored).toEqual([{ reference: body.reference }]);

    const receipt = await request.get(`${server.url}${response.headers()['location']}`);
    expect(receipt.status()).toBe(200);
    expect(receipt.headers()['cache-control']).toBe('no-store');
    expect(await receipt.text()).toContain(body.reference);
  });

  test('an unknown reference is a friendly 404, never cached, after asking the database', async ({ request }) => {
    // A well-formed reference (its check symbol is right), so the page has to ask the database.
    const missing = await request.get(`${server.url}/varde/ansoeg/kvittering/?reference=${createReference(() => 5)}`);
    expect(missing.status()).toBe(404);
    expect(missing.headers()['cache-control']).toBe('no-store');
    expect(await missing.text()).toContain('Vi kan ikke finde kvitteringen');
  });

  test('a retry with the same Idempotency-Key gets the same answer and stores nothing new', async ({ request }) => {
    const description = marker();
    const headers = { 'Idempotency-Key': `e2e-${description}` };
    const [a, b] = await Promise.all([1, 2].map(() => request.post(`${server.url}${API}`, { data: validBody('varde', description), headers })));
    expect([a!.status(), b!.status()]).toEqual([201, 201]);
    expect(await b!.text()).toBe(await a!.text());
    const stored = await schema.query("SELECT reference FROM applications WHERE data->>'description' = $1", [description]);
    expect(stored).toHaveLength(1);
  });
});
