/**
 * POST /api/ansoegninger on the built production server, over real HTTP:
 * only what the handler's own tests (src/server/applications/submit.test.ts)
 * cannot show — Astro's routing and origin check, the answers as they go on
 * the wire, a body streamed over a socket, the rate limit across requests,
 * idempotency across requests at the same moment on a real store, the
 * no-JavaScript form's 303 to a receipt page that finds the reference, and
 * its way there through "Tjek dine svar" (post-redirect-get with a cookie).
 */
import { request as httpRequest } from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReference, isValidReference } from '../../src/domain/reference.ts';
import { birthDateForAge, clientAddress, marker, validBody } from '../support/applications.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

const API = '/api/ansoegninger';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.stop());

const postJson = (body: unknown, headers: Record<string, string> = {}, path = API) =>
  server.request(path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });

describe('201 Created', () => {
  it('a valid application is stored and answered with its reference, unit and receipt, never cached', async () => {
    const description = marker();
    const response = await postJson(validBody('frederikssund', description, 45));
    expect(response.status).toBe(201);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const body = await response.json();
    expect(Object.keys(body).sort()).toEqual(['kommune', 'receivedAt', 'reference', 'unit']);
    expect(isValidReference(body.reference)).toBe(true);
    expect(body.unit).toMatchObject({ id: 'raadgivningshuset', phone: '70 22 22 10' });
    expect(response.headers.get('location')).toBe(`/frederikssund/ansoeg/kvittering/?reference=${body.reference}`);
    const stored = await server.storedWith('frederikssund', description);
    expect(stored.map((a) => [a.reference, a.unitId])).toEqual([[body.reference, 'raadgivningshuset']]);
  });

  it('the path answers with or without the trailing slash, without a redirect', async () => {
    for (const path of [API, `${API}/`]) expect((await postJson(validBody(), {}, path)).status, path).toBe(201);
  });
});

describe('Idempotency-Key across requests on a real store', () => {
  it('the same key twice at the same moment, and once more later, gives one answer and stores one application', async () => {
    const description = marker();
    const headers = { 'idempotency-key': `server-${description}` };
    const [a, b] = await Promise.all([1, 2].map(() => postJson(validBody('varde', description), headers)));
    expect([a!.status, b!.status]).toEqual([201, 201]);
    const first = await a!.text();
    expect(await b!.text()).toBe(first);
    const again = await postJson(validBody('varde', description), headers);
    expect(await again.text()).toBe(first);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await server.storedWith('varde', description)).toHaveLength(1);
  });
});

describe('413: a body over 64 KB', () => {
  it('announced by Content-Length', async () => {
    const response = await postJson({ ...validBody(), description: 'x'.repeat(70 * 1024) });
    expect(response.status).toBe(413);
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('streamed without a Content-Length: the server stops reading and answers 413', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(new URL(API, server.url), { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': clientAddress() } }, (res) => {
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

describe('403: cross-origin', () => {
  it('a JSON post from another site (Origin, Sec-Fetch-Site) is refused and stores nothing', async () => {
    for (const headers of [{ origin: 'https://evil.example' }, { 'sec-fetch-site': 'cross-site' }] as Record<string, string>[]) {
      const description = marker();
      const response = await postJson(validBody('varde', description), headers);
      expect(response.status).toBe(403);
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(await server.storedWith('varde', description)).toHaveLength(0);
    }
  });

  it('a form post from another site is refused by Astro’s origin check', async () => {
    const response = await server.request(API, { method: 'POST', body: new URLSearchParams({ kommune: 'varde', description: 'x' }), headers: { origin: 'https://evil.example' } });
    expect(response.status).toBe(403);
    expect(response.headers.get('cache-control')).toBe('no-store');
  });
});

it('429 with Retry-After once one client has sent 30 requests; another client is not affected', async () => {
  const busy = { 'x-forwarded-for': clientAddress() };
  const statuses: number[] = [];
  for (let i = 0; i < 31; i++) statuses.push((await postJson({}, busy)).status);
  expect(statuses.slice(0, 30).every((s) => s === 422)).toBe(true);
  expect(statuses[30]).toBe(429);
  const limited = await postJson(validBody(), busy);
  expect(limited.status).toBe(429);
  expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  expect(limited.headers.get('cache-control')).toBe('no-store');
  expect((await postJson(validBody())).status).toBe(201);
});

it('a client’s JSON posts (answered before Astro) and its form posts (answered by the Astro route) count against one limit', async () => {
  const client = { 'x-forwarded-for': clientAddress() };
  const statuses: number[] = [];
  for (let i = 0; i < 15; i++) statuses.push((await postJson({}, client)).status);
  for (let i = 0; i < 15; i++) {
    const form = await server.request(API, {
      method: 'POST',
      redirect: 'manual',
      headers: { ...client, origin: new URL(server.url).origin },
      body: new URLSearchParams({ kommune: 'varde', lang: 'da', description: 'x' }),
    });
    statuses.push(form.status);
  }
  expect(statuses.slice(0, 15).every((s) => s === 422)).toBe(true);
  expect(statuses.slice(15).every((s) => s === 303)).toBe(true);
  expect((await postJson(validBody(), client)).status).toBe(429);
});

it('405 for other methods', async () => {
  const response = await server.request(API);
  expect(response.status).toBe(405);
  expect(response.headers.get('allow')).toBe('POST');
  expect(response.headers.get('cache-control')).toBe('no-store');
});

describe('without JavaScript: the form posts, 303 to the receipt, which finds the reference', () => {
  it('a filled-in form is stored; the receipt page shows its reference (no-store)', async () => {
    const description = marker();
    const born = birthDateForAge(25);
    const response = await server.request(API, {
      method: 'POST',
      headers: { origin: new URL(server.url).origin },
      body: new URLSearchParams([
        ['kommune', 'bronderslev'], ['lang', 'da'], ['who', 'self'], ['name', 'Test Testesen'],
        ['birthDay', born.day], ['birthMonth', born.month], ['birthYear', born.year], ['phone', '12345678'],
        ['pension', 'nej'], ['needs', 'socialt-liv'], ['description', description], ['contactPreferred', 'phone'], ['consentInformation', 'ja'],
      ]),
    });
    expect(response.status).toBe(303);
    const location = response.headers.get('location')!;
    expect(location).toMatch(/^\/bronderslev\/ansoeg\/kvittering\/\?reference=[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    const [stored] = await server.storedWith('bronderslev', description);
    expect(location).toContain(stored!.reference);
    const receipt = await server.request(location);
    expect(receipt.status).toBe(200);
    expect(receipt.headers.get('cache-control')).toBe('no-store');
    expect(await receipt.text()).toContain(stored!.reference);
  });
});

describe('without JavaScript: "Tjek dine svar" before sending, every post answered with a 303 (post-redirect-get)', () => {
  /** A browser's cookie jar of one cookie, as the server sets and removes it. */
  const jar = { cookie: '' };
  const browse = async (path: string, init: RequestInit = {}) => {
    const response = await server.request(path, { ...init, headers: { ...(jar.cookie ? { cookie: jar.cookie } : {}), ...(init.headers as Record<string, string>) } });
    const set = response.headers.get('set-cookie');
    if (set) jar.cookie = /Max-Age=0/.test(set) ? '' : set.split(';')[0]!;
    return response;
  };
  const origin = () => ({ origin: new URL(server.url).origin });
  /** The fields of the page's form with this id, as the browser would post them. */
  const fieldsOf = (html: string, formId: string) => {
    const form = html.slice(html.indexOf(`<form id="${formId}"`), html.indexOf('</form>', html.indexOf(`<form id="${formId}"`)));
    const unescape = (s: string) => s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
    return new URLSearchParams([...form.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)].map((m) => [m[1]!, unescape(m[2]!)]));
  };

  it('a problem: back to the form page with every answer; fixed: the answers and the unit; sent: the receipt, the answers gone', async () => {
    const description = marker();
    const born = birthDateForAge(25);
    const answers = (name: string) =>
      new URLSearchParams([
        ['kommune', 'bronderslev'], ['lang', 'da'], ['idempotencyKey', `nojs-${description}`], ['who', 'self'], ['name', name],
        ['birthDay', born.day], ['birthMonth', born.month], ['birthYear', born.year], ['phone', '12345678'], ['pension', 'nej'],
        ['needs', 'socialt-liv'], ['description', description], ['contactPreferred', 'phone'], ['consentInformation', 'ja'],
      ]);

    const withProblem = await browse('/bronderslev/ansoeg/tjek/', { method: 'POST', headers: origin(), body: answers('') });
    expect(withProblem.status).toBe(303);
    const formPage = withProblem.headers.get('location')!;
    expect(formPage).toMatch(/^\/bronderslev\/ansoeg\/\?svar=[\w-]{43}$/);
    expect(jar.cookie).toMatch(/^stoetteportalen-formular=/);
    // The form page (a GET: a reload shows the same and posts nothing) has the answers and the problem.
    for (let reload = 0; reload < 2; reload++) {
      const form = await browse(formPage);
      expect(form.status).toBe(200);
      expect(form.headers.get('cache-control')).toBe('no-store');
      const html = await form.text();
      expect(html).toContain(description);
      expect(html).toContain('error-summary');
      expect(html).toContain(`value="nojs-${description}"`);
    }

    // A new visit to the form, without the form's key (the next person at a shared computer), starts empty.
    expect(await (await browse('/bronderslev/ansoeg/')).text()).not.toContain(description);

    const svar = new URL(formPage, server.url).search;
    const fixed = await browse(`/bronderslev/ansoeg/tjek/${svar}`, { method: 'POST', headers: origin(), body: answers('Test Testesen') });
    expect(fixed.headers.get('location')).toBe(`/bronderslev/ansoeg/tjek/${svar}`);
    const check = await browse(fixed.headers.get('location')!);
    expect(check.status).toBe(200);
    expect(check.headers.get('cache-control')).toBe('no-store');
    const html = await check.text();
    expect(html).toContain('<h1>Tjek dine svar</h1>');
    expect(html).toContain('Test Testesen');
    expect(html).toMatch(/Din ansøgning går til <span lang="da">UngeCentret<\/span>/);
    expect(html).toContain(`href="/bronderslev/ansoeg/${svar}#f-name"`);
    expect(await server.storedWith('bronderslev', description)).toHaveLength(0);

    const send = fieldsOf(html, 'ansoegning');
    expect(send.get('name')).toBe('Test Testesen');
    expect(html).toContain(`action="${API}${svar}"`);
    const sent = await browse(`${API}${svar}`, { method: 'POST', headers: origin(), body: send });
    expect(sent.status).toBe(303);
    const [stored] = await server.storedWith('bronderslev', description);
    expect(sent.headers.get('location')).toBe(`/bronderslev/ansoeg/kvittering/?reference=${stored!.reference}`);
    expect(stored!.application.applicant.name).toBe('Test Testesen');
    // Sent again (the same page posted twice): the same receipt, one application.
    const again = await server.request(`${API}${svar}`, { method: 'POST', headers: origin(), body: send });
    expect(again.headers.get('location')).toBe(sent.headers.get('location'));
    expect(await server.storedWith('bronderslev', description)).toHaveLength(1);
    // The answers are no longer kept: the check page says so.
    const after = await browse(`/bronderslev/ansoeg/tjek/${svar}`);
    expect(await after.text()).toContain('Vi har ikke dine svar');
  });

  it('"Tjek dine svar" takes GET and POST only (405 with Allow)', async () => {
    for (const method of ['PUT', 'DELETE', 'PATCH']) {
      const response = await server.request('/bronderslev/ansoeg/tjek/', { method, headers: { origin: new URL(server.url).origin } });
      expect(response.status, method).toBe(405);
      expect(response.headers.get('allow')).toBe('GET, HEAD, POST');
    }
  });

  it('another site cannot post to "Tjek dine svar" (403)', async () => {
    const response = await server.request('/bronderslev/ansoeg/tjek/', { method: 'POST', headers: { origin: 'https://evil.example' }, body: new URLSearchParams({ name: 'x' }) });
    expect(response.status).toBe(403);
  });
});

describe('the receipt page', () => {
  it('answers an unknown or malformed reference, or one of another kommune, with a friendly 404', async () => {
    const { reference } = await (await postJson(validBody())).json();
    for (const ref of ['2222-2222', 'not a reference', '']) {
      const missing = await server.request(`/bronderslev/ansoeg/kvittering/?reference=${encodeURIComponent(ref)}`);
      expect(missing.status, ref).toBe(404);
      expect(await missing.text()).toContain('Vi kan ikke finde kvitteringen');
    }
    // A Brønderslev reference is not a Varde receipt.
    expect((await server.request(`/varde/ansoeg/kvittering/?reference=${reference}`)).status).toBe(404);
  });
});

describe('503 when the store cannot be opened', () => {
  let broken: TestServer;
  let dir: string;
  beforeAll(async () => {
    // DATA_DIR is a file, so the store cannot be opened.
    dir = mkdtempSync(join(tmpdir(), 'stoette-broken-'));
    writeFileSync(join(dir, 'not-a-directory'), '');
    broken = await startTestServer({ DATA_DIR: join(dir, 'not-a-directory') });
  });
  afterAll(async () => {
    await broken?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('the endpoint answers 503 with Retry-After, never 201 or 500', async () => {
    const response = await broken.request(API, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(validBody()) });
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('30');
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('the receipt page says it cannot show the receipt now (503), not an error page', async () => {
    // A well-formed reference, so the page has to ask the store.
    const response = await broken.request(`/bronderslev/ansoeg/kvittering/?reference=${createReference(() => 3)}`);
    expect(response.status).toBe(503);
    expect(await response.text()).toContain('Vi kan ikke vise kvitteringen lige nu');
  });
});
