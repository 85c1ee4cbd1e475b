import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { requestUrl, takesFastPath } from './fast-path.ts';

const req = (method: string, url: string, contentType?: string) =>
  ({ method, url, headers: contentType === undefined ? {} : { 'content-type': contentType } }) as unknown as IncomingMessage;

describe('which requests the server answers before Astro', () => {
  it('JSON posts to the application endpoint, with or without the trailing slash or a query', () => {
    for (const url of ['/api/ansoegninger', '/api/ansoegninger/', '/api/ansoegninger?svar=abc', '/api/ansoegninger/?svar=abc']) {
      expect(takesFastPath(req('POST', url, 'application/json')), url).toBe(true);
    }
    expect(takesFastPath(req('POST', '/api/ansoegninger', 'Application/JSON; charset=utf-8'))).toBe(true);
    // A wrong charset is still the endpoint's to refuse (415), on either path.
    expect(takesFastPath(req('POST', '/api/ansoegninger', 'application/json; charset=latin1'))).toBe(true);
  });

  it('not the no-JavaScript form’s posts, other media types, other methods or other paths: Astro answers those', () => {
    expect(takesFastPath(req('POST', '/api/ansoegninger', 'application/x-www-form-urlencoded'))).toBe(false);
    expect(takesFastPath(req('POST', '/api/ansoegninger', 'text/plain'))).toBe(false);
    expect(takesFastPath(req('POST', '/api/ansoegninger', 'multipart/form-data; boundary=x'))).toBe(false);
    expect(takesFastPath(req('POST', '/api/ansoegninger'))).toBe(false);
    expect(takesFastPath(req('GET', '/api/ansoegninger', 'application/json'))).toBe(false);
    expect(takesFastPath(req('POST', '/api/ansoegningerx', 'application/json'))).toBe(false);
    expect(takesFastPath(req('POST', '/api/ansoegninger/x', 'application/json'))).toBe(false);
    expect(takesFastPath(req('POST', '/bronderslev/ansoeg/tjek/', 'application/json'))).toBe(false);
  });
});

describe('the request URL the origin check compares with, as Astro’s Node adapter makes it', () => {
  const at = (url: string, headers: Record<string, string>, encrypted = false) =>
    ({ url, headers, socket: encrypted ? { encrypted: true } : {} }) as unknown as IncomingMessage;
  it('the connection’s protocol, the Host header and the path', () => {
    expect(requestUrl(at('/api/ansoegninger?svar=a', { host: 'stoette.example.dk' }), 4321).href).toBe('http://stoette.example.dk/api/ansoegninger?svar=a');
    expect(requestUrl(at('/api/ansoegninger', { host: 'stoette.example.dk:8443' }, true), 4321).origin).toBe('https://stoette.example.dk:8443');
  });
  it('without a Host header, or with one that is not a host, this server on localhost', () => {
    expect(requestUrl(at('/api/ansoegninger', {}), 4321).origin).toBe('http://localhost:4321');
    expect(requestUrl(at('/api/ansoegninger', { host: 'a b' }), 4321).origin).toBe('http://localhost:4321');
  });
});
