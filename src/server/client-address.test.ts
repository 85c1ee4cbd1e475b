import { describe, expect, it } from 'vitest';
import { clientAddress, clientKey, compileTrust, requestClient, requestClients } from './client-address.ts';

const NONE = compileTrust([]);
const LAN = compileTrust(['10.0.0.0/8']);
const PROXY = '10.0.0.5';
const CLIENT = '203.0.113.9';

describe('the client a request is counted as', () => {
  it('with no trusted proxy, is the socket’s address: X-Forwarded-For is written by the client and ignored', () => {
    expect(clientAddress(CLIENT, PROXY, NONE)).toBe(PROXY);
  });

  it('from a trusted proxy, is the address the proxy appended to X-Forwarded-For', () => {
    expect(clientAddress(CLIENT, PROXY, LAN)).toBe(CLIENT);
  });

  it('from a peer that is not a trusted proxy, is that peer’s address, whatever X-Forwarded-For it sends', () => {
    for (const forged of [CLIENT, '10.0.0.7', `${CLIENT}, 10.0.0.7`, 'unknown']) {
      expect(clientAddress(forged, '198.51.100.20', LAN), forged).toBe('198.51.100.20');
    }
  });

  it('entries left of the proxy’s own are the client’s writing and never used', () => {
    expect(clientAddress(`198.51.100.1, ${CLIENT}`, PROXY, LAN)).toBe(CLIENT);
    expect(clientAddress(` 198.51.100.1 ,${CLIENT} , `, PROXY, LAN)).toBe(CLIENT);
  });

  it('through a chain of trusted proxies (a CDN in front of a load balancer), is the first address from the right that is not one', () => {
    const chain = compileTrust(['10.0.0.0/8', '192.0.2.0/24']);
    expect(clientAddress(`198.51.100.1, ${CLIENT}, 192.0.2.44`, PROXY, chain)).toBe(CLIENT);
    // Only the load balancer is trusted: the CDN's address is the client.
    expect(clientAddress(`198.51.100.1, ${CLIENT}, 192.0.2.44`, PROXY, LAN)).toBe('192.0.2.44');
  });

  it('a CIDR range trusts the addresses in it and no others; a netmask is a range too', () => {
    expect(clientAddress(CLIENT, '10.255.1.2', LAN)).toBe(CLIENT);
    expect(clientAddress(CLIENT, '11.0.0.1', LAN)).toBe('11.0.0.1');
    expect(clientAddress(CLIENT, '9.255.255.255', LAN)).toBe('9.255.255.255');
    const masked = compileTrust(['192.168.0.0/255.255.0.0']);
    expect(clientAddress(CLIENT, '192.168.7.7', masked)).toBe(CLIENT);
    expect(clientAddress(CLIENT, '192.169.0.1', masked)).toBe('192.169.0.1');
  });

  it('IPv6 proxies and ranges are trusted the same way', () => {
    const v6 = compileTrust(['fd00::/8', '2001:db8::7']);
    expect(clientAddress(CLIENT, 'fd12:3456::1', v6)).toBe(CLIENT);
    expect(clientAddress(CLIENT, '2001:db8::7', v6)).toBe(CLIENT);
    expect(clientAddress(CLIENT, '2001:db8::8', v6)).toBe('2001:db8::/64');
  });

  it('an IPv4-mapped IPv6 socket (a dual-stack server) matches the IPv4 proxy, and is counted as its IPv4 address', () => {
    const local = compileTrust(['127.0.0.1']);
    expect(clientAddress(CLIENT, '::ffff:127.0.0.1', local)).toBe(CLIENT);
    expect(clientAddress(CLIENT, '::ffff:198.51.100.20', local)).toBe('198.51.100.20');
    expect(clientAddress('::ffff:203.0.113.9', '127.0.0.1', local)).toBe(CLIENT);
  });

  it('`loopback` trusts 127.0.0.0/8 and ::1, also IPv4-mapped; `uniquelocal` the private ranges', () => {
    const loopback = compileTrust(['loopback']);
    for (const socket of ['127.0.0.1', '127.0.0.2', '::1', '::ffff:127.0.0.1']) expect(clientAddress(CLIENT, socket, loopback), socket).toBe(CLIENT);
    expect(clientAddress(CLIENT, '10.0.0.5', loopback)).toBe('10.0.0.5');
    const uniquelocal = compileTrust(['uniquelocal']);
    for (const socket of ['10.1.2.3', '172.16.0.1', '192.168.1.1', 'fd00::1']) expect(clientAddress(CLIENT, socket, uniquelocal), socket).toBe(CLIENT);
    expect(clientAddress(CLIENT, '172.32.0.1', uniquelocal)).toBe('172.32.0.1');
  });

  it('falls back to the socket when a trusted proxy sends no X-Forwarded-For, or an empty one', () => {
    expect(clientAddress(undefined, PROXY, LAN)).toBe(PROXY);
    expect(clientAddress(null, PROXY, LAN)).toBe(PROXY);
    expect(clientAddress('', PROXY, LAN)).toBe(PROXY);
    expect(clientAddress(' , ', PROXY, LAN)).toBe(PROXY);
  });

  it('is "unknown" when there is no socket address, so such requests share one count', () => {
    expect(clientAddress(undefined, undefined, NONE)).toBe('unknown');
    expect(clientAddress(CLIENT, undefined, LAN)).toBe('unknown');
  });
});

describe('the key a client is counted by', () => {
  it('an IPv6 address counts as its /64: one connection gets the whole network, and cannot step around the limit in it', () => {
    expect(clientKey('2001:db8:1:2::1')).toBe('2001:db8:1:2::/64');
    expect(clientKey('2001:db8:1:2:ffff:ffff:ffff:ffff')).toBe('2001:db8:1:2::/64');
    expect(clientKey('2001:db8:1:3::1')).toBe('2001:db8:1:3::/64');
    expect(clientKey('2001:0DB8:0001:0002:0000:0000:0000:0001')).toBe('2001:db8:1:2::/64');
  });

  it('IPv4 as it is, and IPv4-mapped IPv6 as IPv4, so both forms of one client count together', () => {
    expect(clientKey(CLIENT)).toBe(CLIENT);
    expect(clientKey('::ffff:203.0.113.9')).toBe(CLIENT);
  });

  it('something that is not an address (only a trusted proxy can pass one on) is kept, cut short', () => {
    expect(clientKey('unknown')).toBe('unknown');
    expect(clientKey('x'.repeat(500))).toBe('x'.repeat(100));
  });
});

describe('requestClient, for the pages', () => {
  const astro = () => '198.51.100.20';
  const headers = new Headers({ 'x-forwarded-for': CLIENT });

  it('is the client main.ts worked out from the connection, not anything the request says', () => {
    expect(requestClients.run('192.0.2.1', () => requestClient(headers, astro, LAN))).toBe('192.0.2.1');
  });

  it('without main.ts (astro dev), is worked out from Astro’s address and the header the same way', () => {
    expect(requestClient(headers, astro, NONE)).toBe('198.51.100.20');
    expect(requestClient(headers, () => PROXY, LAN)).toBe(CLIENT);
    expect(
      requestClient(
        headers,
        () => {
          throw new Error('no address');
        },
        LAN,
      ),
    ).toBe('unknown');
  });
});
