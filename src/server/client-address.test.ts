import { describe, expect, it } from 'vitest';
import { clientAddress } from './client-address.ts';

const forwarded = (value: string) => new Headers({ 'x-forwarded-for': value });
const SOCKET = '10.0.0.5';

describe('the client address the rate limit counts by', () => {
  it('with no trusted proxy, is the socket’s address: X-Forwarded-For is written by the client and ignored', () => {
    expect(clientAddress(forwarded('203.0.113.9'), SOCKET, 0)).toBe(SOCKET);
  });

  it('behind one proxy, is the last entry, which the proxy appended; entries further left are the client’s own and never used', () => {
    expect(clientAddress(forwarded('198.51.100.1, 203.0.113.9'), SOCKET, 1)).toBe('203.0.113.9');
    expect(clientAddress(forwarded('203.0.113.9'), SOCKET, 1)).toBe('203.0.113.9');
  });

  it('behind two proxies (a CDN in front of a load balancer), is the second-to-last entry', () => {
    expect(clientAddress(forwarded('198.51.100.1, 203.0.113.9, 192.0.2.44'), SOCKET, 2)).toBe('203.0.113.9');
  });

  it('reads entries with or without spaces, and skips empty ones', () => {
    expect(clientAddress(forwarded(' 198.51.100.1 ,203.0.113.9 , '), SOCKET, 1)).toBe('203.0.113.9');
  });

  it('falls back to the socket when the header is missing or shorter than the proxies trusted', () => {
    expect(clientAddress(new Headers(), SOCKET, 1)).toBe(SOCKET);
    expect(clientAddress(forwarded(''), SOCKET, 1)).toBe(SOCKET);
    expect(clientAddress(forwarded('203.0.113.9'), SOCKET, 2)).toBe(SOCKET);
  });

  it('is "unknown" when there is no socket address either, so such requests share one bucket', () => {
    expect(clientAddress(new Headers(), undefined, 0)).toBe('unknown');
    expect(clientAddress(forwarded('203.0.113.9'), undefined, 2)).toBe('unknown');
  });
});
