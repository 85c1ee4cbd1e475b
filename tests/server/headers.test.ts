/**
 * The security headers are on every response the server gives: every built
 * page, every kind of file, the server-rendered pages, the API's answers of
 * every status (including Astro's own 403 and a 503 from a broken store),
 * and the not-found answers.
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { builtPages, clientDir } from '../support/built-pages.ts';
import { validBody } from '../support/applications.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

function expectSecurityHeaders(response: Response, what: string) {
  const get = (name: string) => response.headers.get(name) ?? '';
  const csp = get('content-security-policy');
  expect(csp, what).toContain("default-src 'self'");
  expect(csp, what).toContain("frame-ancestors 'none'");
  expect(csp, what).not.toContain('unsafe-inline');
  // WebAssembly compilation (the search) is allowed; JavaScript eval is not.
  expect(csp, what).toMatch(/script-src 'self' 'wasm-unsafe-eval'(;|$)/);
  expect(csp, what).not.toMatch(/(^|\s)'unsafe-eval'/);
  expect(get('x-content-type-options'), what).toBe('nosniff');
  expect(get('referrer-policy'), what).toBe('strict-origin-when-cross-origin');
  expect(get('strict-transport-security'), what).toMatch(/max-age=\d{7,}/);
}

const firstFile = (dir: string, ending: string) => readdirSync(join(clientDir, dir)).find((f) => f.endsWith(ending));

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.stop());

/** The answer, its body read (so the connection is free again). */
async function get(path: string, init?: RequestInit) {
  const response = await server.request(path, init);
  await response.arrayBuffer();
  return response;
}

it('every built page', async () => {
  for (const path of builtPages) expectSecurityHeaders(await get(path), path);
});

it('every kind of file: styles, scripts, fonts, images, the search index, vCards, sitemap and robots.txt', async () => {
  const files = [
    `/_astro/${firstFile('_astro', '.css')}`,
    `/_astro/${firstFile('_astro', '.js')}`,
    `/_astro/${firstFile('_astro', '.woff2')}`,
    '/favicon.svg',
    '/pagefind/pagefind.js',
    '/bronderslev/kontakt/ungecentret.vcf',
    '/sitemap.xml',
    '/robots.txt',
  ];
  for (const path of files) {
    const response = await get(path);
    expect(response.status, path).toBe(200);
    expectSecurityHeaders(response, path);
  }
});

it('server-rendered pages: the form, the questionnaire result, the receipt', async () => {
  const origin = new URL(server.url).origin;
  const answers = [
    ['GET the application form', await get('/bronderslev/ansoeg/'), 200],
    ['GET the questionnaire result (redirects)', await get('/varde/kan-jeg-faa-stoette/resultat/'), 303],
    ['POST the questionnaire', await get('/varde/kan-jeg-faa-stoette/resultat/', { method: 'POST', body: new URLSearchParams({ who: 'self', age: '40' }), headers: { origin } }), 200],
    ['an unknown receipt', await get('/varde/ansoeg/kvittering/?reference=2222-2222'), 404],
  ] as const;
  for (const [what, response, status] of answers) {
    expect(response.status, what).toBe(status);
    expectSecurityHeaders(response, what);
  }
});

it('the API, for every answer it gives', async () => {
  const API = '/api/ansoegninger';
  const post = (body: BodyInit, headers: Record<string, string> = {}) => get(API, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } });
  const evil = { origin: 'https://evil.example' };
  const answers = [
    ['201', await post(JSON.stringify(validBody())), 201],
    ['400 malformed', await post('{"kommune":'), 400],
    ['413', await post(JSON.stringify({ ...validBody(), description: 'x'.repeat(70_000) })), 413],
    ['415', await post('kommune=varde', { 'content-type': 'text/csv' }), 415],
    ['422', await post(JSON.stringify({ ...validBody(), applicant: {} })), 422],
    ['403 cross-site JSON', await post(JSON.stringify(validBody()), evil), 403],
    ['403 cross-site form (Astro)', await get(API, { method: 'POST', body: new URLSearchParams({ kommune: 'varde' }), headers: evil }), 403],
    ['GET', await get(API), 405],
  ] as const;
  for (const [what, response, status] of answers) {
    expect(response.status, what).toBe(status);
    expectSecurityHeaders(response, what);
    expect(response.headers.get('cache-control'), what).toBe('no-store');
  }
});

it('429 and 503 from servers of their own', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'stoette-headers-'));
  writeFileSync(join(dir, 'a-file'), 'not a directory');
  const [limited, broken] = await Promise.all([startTestServer({ RATE_LIMIT: '1/600' }), startTestServer({ DATA_DIR: join(dir, 'a-file') })]);
  try {
    const client = { 'content-type': 'application/json', 'x-forwarded-for': '198.51.100.7' };
    const post = (s: TestServer) => s.request('/api/ansoegninger', { method: 'POST', headers: client, body: JSON.stringify(validBody()) });
    expect((await post(limited)).status).toBe(201);
    const tooMany = await post(limited);
    expect(tooMany.status).toBe(429);
    expectSecurityHeaders(tooMany, '429');
    const unavailable = await post(broken);
    expect(unavailable.status).toBe(503);
    expectSecurityHeaders(unavailable, '503');
  } finally {
    await Promise.all([limited.stop(), broken.stop()]);
    rmSync(dir, { recursive: true, force: true });
  }
});

it('not found: a page, a file, an API path; the not-found page is the site’s own', async () => {
  for (const path of ['/findes-ikke/', '/_astro/findes-ikke.js', '/api/findes-ikke', '/en/findes-ikke/']) {
    // Astro first redirects /api/findes-ikke to its trailing-slash form; the answer in the end is the 404.
    const response = await get(path, { redirect: 'follow' });
    expect(response.status, path).toBe(404);
    expectSecurityHeaders(response, path);
  }
  expect(await (await server.request('/findes-ikke/')).text()).toContain('Siden findes ikke');
});
