import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { isBuildAsset, mayCompress } from './transfer.ts';

function exchange(url: string, { status = 200, type = 'text/html; charset=utf-8', headers = {} as Record<string, string> } = {}) {
  const req = new IncomingMessage(new Socket());
  req.url = url;
  req.method = 'GET';
  req.headers = { 'accept-encoding': 'br, gzip', ...headers };
  const res = new ServerResponse(req);
  res.statusCode = status;
  if (type) res.setHeader('Content-Type', type);
  return { req, res };
}

describe('mayCompress', () => {
  it('compresses text answers and says so in Vary', () => {
    for (const type of ['text/html; charset=utf-8', 'text/css; charset=utf-8', 'text/javascript; charset=utf-8', 'image/svg+xml', 'application/xml', 'application/json']) {
      const { req, res } = exchange('/bronderslev/', { type });
      expect(mayCompress(req, res), type).toBe(true);
      expect(res.getHeader('Vary'), type).toBe('Accept-Encoding');
    }
  });

  it('keeps a Vary that is there, once', () => {
    const { req, res } = exchange('/');
    res.setHeader('Vary', 'Cookie');
    expect(mayCompress(req, res)).toBe(true);
    expect(mayCompress(req, res)).toBe(true);
    expect(res.getHeader('Vary')).toBe('Cookie, Accept-Encoding');
  });

  it('leaves alone what is not text: fonts, images, the search index', () => {
    for (const type of ['font/woff2', 'image/png', 'application/octet-stream']) {
      const { req, res } = exchange('/_astro/x', { type });
      expect(mayCompress(req, res), type).toBe(false);
      expect(res.getHeader('Vary'), type).toBeUndefined();
    }
  });

  it('never the API, whatever its size or type', () => {
    const { req, res } = exchange('/api/ansoegninger/', { status: 422, type: 'application/json; charset=utf-8' });
    expect(mayCompress(req, res)).toBe(false);
  });

  it('not a 204, a 304, a 206 nor any Range request; the text ones still vary', () => {
    for (const status of [204, 304, 206]) {
      const { req, res } = exchange('/_astro/a.css', { status, type: 'text/css' });
      expect(mayCompress(req, res), String(status)).toBe(false);
      expect(res.getHeader('Vary'), String(status)).toBe('Accept-Encoding');
    }
    const { req, res } = exchange('/_astro/a.css', { type: 'text/css', headers: { range: 'bytes=0-9' } });
    expect(mayCompress(req, res)).toBe(false);
  });
});

it('the build assets are what is under /_astro/', () => {
  expect(isBuildAsset(exchange('/_astro/BaseLayout.abc.css').req)).toBe(true);
  expect(isBuildAsset(exchange('/_astro/x.js?v=1').req)).toBe(true);
  expect(isBuildAsset(exchange('/bronderslev/').req)).toBe(false);
  expect(isBuildAsset(exchange('/favicon.svg').req)).toBe(false);
});
