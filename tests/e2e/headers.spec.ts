/**
 * The security headers are on every response the server gives: every built
 * page, every kind of file, the server-rendered pages, the API's answers of
 * every status (including Astro's own 403 and a 503 from a broken store),
 * and the not-found answers.
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type APIResponse } from '@playwright/test';
import { builtPages } from './support/site.ts';
import { clientAddress, validBody } from './support/applications.ts';
import { startServer } from '../support/server.ts';

test.use({ extraHTTPHeaders: { 'X-Forwarded-For': clientAddress() } });

function expectSecurityHeaders(response: APIResponse | Response, what: string) {
  const get = (name: string) => ('headersArray' in response ? response.headers()[name] : response.headers.get(name)) ?? '';
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

const client = fileURLToPath(new URL('../../dist/client', import.meta.url));
const firstFile = (dir: string, ending: string) => readdirSync(join(client, dir)).find((f) => f.endsWith(ending));

test('every built page', async ({ request }) => {
  for (const path of builtPages) expectSecurityHeaders(await request.get(path), path);
});

test('every kind of file: styles, scripts, fonts, images, the search index, vCards, sitemap and robots.txt', async ({ request }) => {
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
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    expectSecurityHeaders(response, path);
  }
});

test('server-rendered pages: the form, the questionnaire result, the receipt', async ({ request, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  const answers = [
    ['GET the application form', await request.get('/bronderslev/ansoeg/'), 200],
    ['GET the questionnaire result (redirects)', await request.get('/varde/kan-jeg-faa-stoette/resultat/', { maxRedirects: 0 }), 303],
    ['POST the questionnaire', await request.post('/varde/kan-jeg-faa-stoette/resultat/', { form: { who: 'self', age: '40' }, headers: { origin } }), 200],
    ['an unknown receipt', await request.get('/varde/ansoeg/kvittering/?reference=2222-2222'), 404],
  ] as const;
  for (const [what, response, status] of answers) {
    expect(response.status(), what).toBe(status);
    expectSecurityHeaders(response, what);
  }
});

test('the API, for every answer it gives', async ({ request }) => {
  const API = '/api/ansoegninger';
  const json = (data: unknown, headers: Record<string, string> = {}) => request.post(API, { data, headers });
  const answers = [
    ['201', await json(validBody()), 201],
    ['400 malformed', await request.post(API, { data: '{"kommune":', headers: { 'content-type': 'application/json' } }), 400],
    ['413', await request.post(API, { data: JSON.stringify({ ...validBody(), description: 'x'.repeat(70_000) }), headers: { 'content-type': 'application/json' } }), 413],
    ['415', await request.post(API, { data: 'kommune=varde', headers: { 'content-type': 'text/csv' } }), 415],
    ['422', await json({ ...validBody(), applicant: {} }), 422],
    ['403 cross-site JSON', await json(validBody(), { origin: 'https://evil.example' }), 403],
    ['403 cross-site form (Astro)', await request.post(API, { form: { kommune: 'varde' }, headers: { origin: 'https://evil.example' } }), 403],
    ['GET', await request.get(API), 405],
  ] as const;
  for (const [what, response, status] of answers) {
    expect(response.status(), what).toBe(status);
    expectSecurityHeaders(response, what);
    expect(response.headers()['cache-control'], what).toBe('no-store');
  }
});

test('429 and 503 from servers of their own', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'stoette-headers-'));
  writeFileSync(join(dir, 'a-file'), 'not a directory');
  const limited = await startServer({ DATA_DIR: dir, RATE_LIMIT: '1/600' });
  const broken = await startServer({ DATA_DIR: join(dir, 'a-file') });
  try {
    const post = (url: string) =>
      fetch(`${url}/api/ansoegninger`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(validBody()) });
    await post(limited.url);
    const tooMany = await post(limited.url);
    expect(tooMany.status).toBe(429);
    expectSecurityHeaders(tooMany, '429');
    const unavailable = await post(broken.url);
    expect(unavailable.status).toBe(503);
    expectSecurityHeaders(unavailable, '503');
  } finally {
    await Promise.all([limited.stop(), broken.stop()]);
    rmSync(dir, { recursive: true, force: true });
  }
});

test('not found: a page, a file, an API path; the not-found page is the site’s own', async ({ request }) => {
  for (const path of ['/findes-ikke/', '/_astro/findes-ikke.js', '/api/findes-ikke', '/en/findes-ikke/']) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(404);
    expectSecurityHeaders(response, path);
  }
  expect(await (await request.get('/findes-ikke/')).text()).toContain('Siden findes ikke');
});
