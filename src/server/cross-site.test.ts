import { describe, expect, it } from 'vitest';
import { isCrossSite } from './cross-site.ts';

const url = new URL('http://localhost:4321/api/ansoegninger');
const request = (headers: Record<string, string>) => new Request(url, { method: 'POST', headers });

describe('a cross-site request from a browser', () => {
  it('is told by Sec-Fetch-Site (another site, or a sibling subdomain) or by an Origin that is not ours', () => {
    expect(isCrossSite(request({ 'sec-fetch-site': 'cross-site' }), url)).toBe(true);
    expect(isCrossSite(request({ 'sec-fetch-site': 'same-site' }), url)).toBe(true);
    expect(isCrossSite(request({ origin: 'https://example.org' }), url)).toBe(true);
  });

  it('our own origin and clients that are not browsers (no headers) are not', () => {
    expect(isCrossSite(request({ 'sec-fetch-site': 'same-origin', origin: url.origin }), url)).toBe(false);
    expect(isCrossSite(request({}), url)).toBe(false);
  });
});
