/**
 * How answers travel (src/server/transfer.ts), read off the wire with
 * node:http (fetch would decompress out of sight): text compressed as the
 * browser asks, with `Vary: Accept-Encoding` and every other header kept;
 * nothing compressed that has no body, a byte range, or an API answer; the
 * build's hashed files cached for a year, pages and a missing file not.
 */
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { clientDir } from '../support/built-pages.ts';
import { validBody } from '../support/applications.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.stop());

interface Raw {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

let client = 0;
/** One request, its body as sent (not decompressed); each from a client address of its own (the rate limits). */
function raw(path: string, { method = 'GET', headers = {}, body }: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Raw> {
  const url = new URL(path, server.url);
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method, headers: { 'x-forwarded-for': `198.51.100.${++client % 250}`, ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

const decode = (r: Raw) =>
  r.headers['content-encoding'] === 'br' ? brotliDecompressSync(r.body) : r.headers['content-encoding'] === 'gzip' ? gunzipSync(r.body) : r.body;

const astroFile = (ending: string) => readdirSync(join(clientDir, '_astro')).find((f) => f.endsWith(ending))!;
const css = astroFile('.css');
const js = astroFile('.js');
const font = astroFile('.woff2');

it('pages, styles, scripts, SVG, XML and the search script go compressed, Brotli or gzip as asked, the same bytes once decoded', async () => {
  const files: [string, string][] = [
    ['/bronderslev/', 'bronderslev/index.html'],
    [`/_astro/${css}`, `_astro/${css}`],
    [`/_astro/${js}`, `_astro/${js}`],
    ['/sitemap.xml', 'sitemap.xml'],
    ['/pagefind/pagefind.js', 'pagefind/pagefind.js'],
  ];
  for (const [path, file] of files) {
    const original = readFileSync(join(clientDir, file));
    for (const [asked, expected] of [['br, gzip', 'br'], ['gzip', 'gzip']] as const) {
      const answer = await raw(path, { headers: { 'accept-encoding': asked } });
      expect(answer.status, path).toBe(200);
      expect(answer.headers['content-encoding'], `${path} (${asked})`).toBe(expected);
      expect(answer.headers.vary, path).toMatch(/accept-encoding/i);
      expect(answer.headers['content-length'], path).toBeUndefined();
      expect(answer.body.length, path).toBeLessThan(original.length / 2);
      expect(decode(answer).equals(original), path).toBe(true);
      // Every other header is still there.
      expect(answer.headers['content-security-policy'], path).toContain("default-src 'self'");
      expect(answer.headers['x-content-type-options'], path).toBe('nosniff');
    }
  }
});

it('the server-rendered application form goes compressed and keeps no-store', async () => {
  const answer = await raw('/bronderslev/ansoeg/', { headers: { 'accept-encoding': 'br' } });
  expect(answer.status).toBe(200);
  expect(answer.headers['content-encoding']).toBe('br');
  expect(answer.headers['cache-control']).toBe('no-store');
  expect(decode(answer).toString()).toContain('</html>');
});

it('a client that asks for no encoding gets the file as it is', async () => {
  const original = readFileSync(join(clientDir, '_astro', css));
  for (const headers of [{}, { 'accept-encoding': 'identity' }] as Record<string, string>[]) {
    const answer = await raw(`/_astro/${css}`, { headers });
    expect(answer.headers['content-encoding']).toBeUndefined();
    expect(answer.body.equals(original)).toBe(true);
    expect(answer.headers['content-length']).toBe(String(original.length));
  }
});

it('no body, no compression: HEAD, 304; and fonts and the search index (already compressed) are left alone', async () => {
  const head = await raw(`/_astro/${css}`, { method: 'HEAD', headers: { 'accept-encoding': 'br, gzip' } });
  expect(head.status).toBe(200);
  expect(head.headers['content-encoding']).toBeUndefined();
  expect(head.body.length).toBe(0);
  const first = await raw(`/_astro/${css}`, { headers: { 'accept-encoding': 'br' } });
  const again = await raw(`/_astro/${css}`, { headers: { 'accept-encoding': 'br', 'if-none-match': String(first.headers.etag) } });
  expect(again.status).toBe(304);
  expect(again.headers['content-encoding']).toBeUndefined();
  expect(again.body.length).toBe(0);
  const woff2 = await raw(`/_astro/${font}`, { headers: { 'accept-encoding': 'br, gzip' } });
  expect(woff2.status).toBe(200);
  expect(woff2.headers['content-encoding']).toBeUndefined();
  // The search's index files are gzip inside (Pagefind unpacks them itself): sent as they are.
  const wasm = readdirSync(join(clientDir, 'pagefind')).find((f) => f.startsWith('wasm.') && f.endsWith('.pagefind'))!;
  const index = await raw(`/pagefind/${wasm}`, { headers: { 'accept-encoding': 'br, gzip' } });
  expect(index.status).toBe(200);
  expect(index.headers['content-encoding']).toBeUndefined();
  expect(index.body.equals(readFileSync(join(clientDir, 'pagefind', wasm)))).toBe(true);
});

it('a Range request gets exactly the bytes of the file as stored', async () => {
  const original = readFileSync(join(clientDir, '_astro', css));
  const answer = await raw(`/_astro/${css}`, { headers: { 'accept-encoding': 'br, gzip', range: 'bytes=100-199' } });
  expect(answer.status).toBe(206);
  expect(answer.headers['content-encoding']).toBeUndefined();
  expect(answer.headers['content-range']).toBe(`bytes 100-199/${original.length}`);
  expect(answer.body.equals(original.subarray(100, 200))).toBe(true);
  expect(answer.headers.vary).toMatch(/accept-encoding/i);
});

it("the API's answers are as they were: not compressed, same status and body, no-store", async () => {
  const big = JSON.stringify({ ...validBody(), applicant: {} });
  const headers = { 'content-type': 'application/json', 'accept-encoding': 'br, gzip', origin: new URL(server.url).origin };
  const invalid = await raw('/api/ansoegninger', { method: 'POST', headers, body: big });
  expect(invalid.status).toBe(422);
  expect(invalid.headers['content-encoding']).toBeUndefined();
  expect(invalid.headers['cache-control']).toBe('no-store');
  expect(JSON.parse(invalid.body.toString())).toHaveProperty('errors');
  const created = await raw('/api/ansoegninger', { method: 'POST', headers, body: JSON.stringify(validBody()) });
  expect(created.status).toBe(201);
  expect(created.headers['content-encoding']).toBeUndefined();
  expect(JSON.parse(created.body.toString())).toHaveProperty('reference');
});

it('the hashed build files are cached for a year, immutable; pages and a missing file are not', async () => {
  for (const file of [css, js, font]) {
    const answer = await raw(`/_astro/${file}`);
    expect(answer.status, file).toBe(200);
    expect(answer.headers['cache-control'], file).toBe('public, max-age=31536000, immutable');
  }
  const missing = await raw('/_astro/findes-ikke.js');
  expect(missing.status).toBe(404);
  expect(missing.headers['cache-control'] ?? '').not.toContain('immutable');
  for (const path of ['/', '/bronderslev/', '/favicon.svg']) {
    expect((await raw(path)).headers['cache-control'] ?? '', path).not.toContain('immutable');
  }
  expect((await raw('/bronderslev/ansoeg/')).headers['cache-control']).toBe('no-store');
});
