/**
 * POST /api/ansoegninger against the built production server: every answer
 * of the contract in ARCHITECTURE.md, with the headers, and what is stored.
 */
import { request as httpRequest } from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { createReference, isValidReference } from '../../src/domain/reference.ts';
import { clientAddress, marker, storedWith, validBody } from './support/applications.ts';
import { startServer } from '../support/server.ts';

test.use({ extraHTTPHeaders: { 'X-Forwarded-For': clientAddress() } });

const API = '/api/ansoegninger';

test.describe('201 Created: a valid application is stored and routed to the right unit', () => {
  const cases = [
    ['bronderslev', 25, 'ungecentret', 'UngeCentret', '9945 4705'],
    ['bronderslev', 45, 'visitationen', 'Visitationen – Det Specialiserede Område', '9945 4421'],
    ['frederikssund', 25, 'ungekontakten', 'Ungekontakten', '47 35 11 64'],
    ['frederikssund', 45, 'raadgivningshuset', 'Rådgivningshuset', '70 22 22 10'],
    ['sonderborg', 25, 'handicap-og-psykiatri', null, '27 90 43 40'],
    ['varde', 25, 'social-og-handicap', null, '79 94 68 00'],
    ['aabenraa', 25, 'visitation-og-understoettelse', null, null],
  ] as const;
  for (const [kommune, age, unitId, unitName, phone] of cases) {
    test(`a ${age}-year-old in ${kommune} goes to ${unitId}`, async ({ request }) => {
      const description = marker();
      const response = await request.post(API, { data: validBody(kommune, description, age) });
      expect(response.status()).toBe(201);
      expect(response.headers()['cache-control']).toBe('no-store');
      expect(response.headers()['content-type']).toMatch(/^application\/json/);
      const body = await response.json();
      expect(Object.keys(body).sort()).toEqual(['kommune', 'receivedAt', 'reference', 'unit']);
      expect(isValidReference(body.reference)).toBe(true);
      expect(body.kommune).toBe(kommune);
      expect(body.unit.id).toBe(unitId);
      if (unitName) expect(body.unit.name).toBe(unitName);
      expect(body.unit.phone).toBe(phone);
      expect(Date.parse(body.receivedAt)).toBeGreaterThan(Date.now() - 60_000);
      const stored = await storedWith(kommune, description);
      expect(stored.map((a) => [a.reference, a.unitId])).toEqual([[body.reference, unitId]]);
    });
  }

  test('the path answers with or without the trailing slash, without a redirect', async ({ request }) => {
    for (const path of [API, `${API}/`]) {
      const response = await request.post(path, { data: validBody(), maxRedirects: 0 });
      expect(response.status()).toBe(201);
    }
  });
});

test.describe('Idempotency-Key', () => {
  test('the same key twice, even at the same moment, gives the same answer and stores one application', async ({ request }) => {
    const description = marker();
    const headers = { 'Idempotency-Key': `e2e-${description}` };
    const [a, b] = await Promise.all([1, 2].map(() => request.post(API, { data: validBody('varde', description), headers })));
    expect([a!.status(), b!.status()]).toEqual([201, 201]);
    expect(await b!.text()).toBe(await a!.text());
    const again = await request.post(API, { data: validBody('varde', description), headers });
    expect(await again.text()).toBe(await a!.text());
    expect(again.headers()['idempotent-replayed']).toBe('true');
    expect(await storedWith('varde', description)).toHaveLength(1);
  });

  test('the same key with another application is 422 and stores nothing', async ({ request }) => {
    const key = `e2e-${marker()}`;
    await request.post(API, { data: validBody('varde'), headers: { 'Idempotency-Key': key } });
    const other = marker();
    const response = await request.post(API, { data: validBody('varde', other), headers: { 'Idempotency-Key': key } });
    expect(response.status()).toBe(422);
    expect(await storedWith('varde', other)).toHaveLength(0);
  });
});

test.describe('422: per-field messages in Danish, or English for Accept-Language: en', () => {
  test('Danish by default', async ({ request }) => {
    const body = { ...validBody(), applicant: { name: '', birthDate: '2001-02-30', phone: '12' } };
    const response = await request.post(API, { data: body });
    expect(response.status()).toBe(422);
    expect(response.headers()['cache-control']).toBe('no-store');
    expect((await response.json()).errors).toEqual([
      { path: 'applicant.name', message: 'Skriv det fulde navn.' },
      { path: 'applicant.birthDate', message: 'Skriv en fødselsdato, der findes, fx 12 4 1999.' },
      { path: 'applicant.phone', message: 'Skriv et telefonnummer med 8 cifre, fx 12 34 56 78.' },
    ]);
  });

  test('English for Accept-Language: en', async ({ request }) => {
    const response = await request.post(API, { data: { ...validBody(), contact: { preferred: 'fax' } }, headers: { 'Accept-Language': 'en' } });
    expect(response.status()).toBe(422);
    expect((await response.json()).errors).toEqual([{ path: 'contact.preferred', message: 'Choose phone, email or letter.' }]);
  });

  test('under 18 is not a § 85 application', async ({ request }) => {
    const description = marker();
    const response = await request.post(API, { data: validBody('frederikssund', description, 16) });
    expect(response.status()).toBe(422);
    expect((await response.json()).errors[0].path).toBe('applicant.birthDate');
    expect(await storedWith('frederikssund', description)).toHaveLength(0);
  });

  test('unknown fields are named and nothing is stored', async ({ request }) => {
    const description = marker();
    const response = await request.post(API, { data: { ...validBody('varde', description), role: 'admin' } });
    expect(response.status()).toBe(422);
    expect((await response.json()).errors).toEqual([{ path: 'role', message: 'Feltet kendes ikke. Fjern det.' }]);
    expect(await storedWith('varde', description)).toHaveLength(0);
  });

  test('onBehalf without the person’s consent', async ({ request }) => {
    const data = { ...validBody(), onBehalf: { name: 'Hanne', relation: 'Mor', applicantConsents: false } };
    const response = await request.post(API, { data });
    expect((await response.json()).errors).toEqual([{ path: 'onBehalf.applicantConsents', message: expect.stringContaining('sagt ja') }]);
  });
});

test.describe('400: a malformed body', () => {
  for (const [what, body] of [
    ['broken JSON', '{"kommune": "varde",'],
    ['a JSON array', '[]'],
    ['a "__proto__" key', '{"kommune":"varde","__proto__":{"isAdmin":true}}'],
    ['a "constructor" key', '{"applicant":{"constructor":{"prototype":{}}}}'],
  ] as const) {
    test(what, async ({ request }) => {
      const response = await request.post(API, { data: body, headers: { 'Content-Type': 'application/json' } });
      expect(response.status()).toBe(400);
      expect(response.headers()['cache-control']).toBe('no-store');
      expect((await response.json()).errors[0].message).toEqual(expect.any(String));
    });
  }

  test('a malformed Idempotency-Key', async ({ request }) => {
    expect((await request.post(API, { data: validBody(), headers: { 'Idempotency-Key': 'x' } })).status()).toBe(400);
  });
});

test.describe('413: a body over 64 KB', () => {
  test('announced by Content-Length', async ({ request }) => {
    const response = await request.post(API, { data: { ...validBody(), description: 'x'.repeat(70 * 1024) } });
    expect(response.status()).toBe(413);
    expect(response.headers()['cache-control']).toBe('no-store');
  });

  test('streamed without a Content-Length: the server stops reading and answers 413', async ({ baseURL }) => {
    const url = new URL(API, baseURL);
    const status = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(url, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': clientAddress() } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      // 100 KB in chunks (Transfer-Encoding: chunked), then the end.
      for (let i = 0; i < 25; i++) req.write(`${i === 0 ? '{"description":"' : ''}${'x'.repeat(4096)}`);
      req.end('"}');
    });
    expect(status).toBe(413);
  });
});

test.describe('415: other content types', () => {
  for (const type of ['text/plain', 'application/xml', 'application/json; charset=iso-8859-1']) {
    test(type, async ({ request, baseURL }) => {
      const response = await request.post(API, { data: '{}', headers: { 'Content-Type': type, Origin: new URL(baseURL!).origin } });
      expect(response.status()).toBe(415);
      expect(response.headers()['cache-control']).toBe('no-store');
    });
  }
});

test.describe('403: cross-origin', () => {
  test('a JSON post from another site (Origin, Sec-Fetch-Site)', async ({ request }) => {
    for (const headers of [{ Origin: 'https://evil.example' }, { 'Sec-Fetch-Site': 'cross-site' }] as Record<string, string>[]) {
      const description = marker();
      const response = await request.post(API, { data: validBody('varde', description), headers });
      expect(response.status()).toBe(403);
      expect(response.headers()['cache-control']).toBe('no-store');
      expect(await storedWith('varde', description)).toHaveLength(0);
    }
  });

  test('a form post from another site (Astro’s checkOrigin)', async ({ request }) => {
    const response = await request.post(API, {
      form: { kommune: 'varde', description: 'x' },
      headers: { Origin: 'https://evil.example' },
    });
    expect(response.status()).toBe(403);
    expect(response.headers()['cache-control']).toBe('no-store');
  });
});

test('429 with Retry-After once one client has sent 30 requests; another client is not affected', async ({ request }) => {
  const busy = { 'X-Forwarded-For': clientAddress() };
  const statuses: number[] = [];
  for (let i = 0; i < 31; i++) statuses.push((await request.post(API, { data: {}, headers: busy })).status());
  expect(statuses.slice(0, 30).every((s) => s === 422)).toBe(true);
  expect(statuses[30]).toBe(429);
  const limited = await request.post(API, { data: validBody(), headers: busy });
  expect(limited.status()).toBe(429);
  expect(Number(limited.headers()['retry-after'])).toBeGreaterThan(0);
  expect(limited.headers()['cache-control']).toBe('no-store');
  expect((await request.post(API, { data: validBody(), headers: { 'X-Forwarded-For': clientAddress() } })).status()).toBe(201);
});

test('405 for other methods', async ({ request }) => {
  const response = await request.get(API);
  expect(response.status()).toBe(405);
  expect(response.headers()['allow']).toBe('POST');
  expect(response.headers()['cache-control']).toBe('no-store');
});

test.describe('503 when the store cannot take it', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let dir: string;
  test.beforeAll(async () => {
    // DATA_DIR is a file, so the store cannot be opened.
    dir = mkdtempSync(join(tmpdir(), 'stoette-broken-'));
    writeFileSync(join(dir, 'not-a-directory'), '');
    server = await startServer({ DATA_DIR: join(dir, 'not-a-directory') });
  });
  test.afterAll(async () => {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  test('the endpoint answers 503 with Retry-After, never 201 or 500', async ({ request }) => {
    const response = await request.post(`${server.url}${API}`, { data: validBody() });
    expect(response.status()).toBe(503);
    expect(response.headers()['retry-after']).toBe('30');
    expect(response.headers()['cache-control']).toBe('no-store');
  });

  test('the receipt page says it cannot show the receipt now (503), not an error page', async ({ request }) => {
    // A well-formed reference, so the page has to ask the store.
    const response = await request.get(`${server.url}/bronderslev/ansoeg/kvittering/?reference=${createReference(() => 3)}`);
    expect(response.status()).toBe(503);
    expect(await response.text()).toContain('Vi kan ikke vise kvitteringen lige nu');
  });

  test('the no-JavaScript form comes back with the answers kept and a message (503)', async ({ request }) => {
    const response = await request.post(`${server.url}${API}`, {
      form: {
        kommune: 'bronderslev', lang: 'da', who: 'self', name: 'Test Testesen', birthDay: '1', birthMonth: '1', birthYear: '1990',
        phone: '12345678', description: 'Min beskrivelse', contactPreferred: 'phone', consentInformation: 'ja',
      },
      headers: { Origin: server.url },
    });
    expect(response.status()).toBe(503);
    const html = await response.text();
    expect(html).toContain('Vi kunne ikke gemme din ansøgning lige nu');
    expect(html).toContain('value="Test Testesen"');
    expect(html).toContain('Min beskrivelse');
  });
});

test.describe('the receipt page', () => {
  test('shows a stored reference (no-store) and answers an unknown one with a friendly 404', async ({ request }) => {
    const { reference } = await (await request.post(API, { data: validBody() })).json();
    const found = await request.get(`/bronderslev/ansoeg/kvittering/?reference=${reference}`);
    expect(found.status()).toBe(200);
    expect(found.headers()['cache-control']).toBe('no-store');
    expect(await found.text()).toContain(reference);
    for (const ref of ['2222-2222', 'not a reference', '']) {
      const missing = await request.get(`/bronderslev/ansoeg/kvittering/?reference=${encodeURIComponent(ref)}`);
      expect(missing.status()).toBe(404);
      expect(await missing.text()).toContain('Vi kan ikke finde kvitteringen');
    }
    // A Brønderslev reference is not a Varde receipt.
    expect((await request.get(`/varde/ansoeg/kvittering/?reference=${reference}`)).status()).toBe(404);
  });
});
