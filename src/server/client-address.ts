/**
 * Which client a request comes from, for the rate limits.
 *
 * Directly on the internet, that is the socket's address. Behind proxies or
 * a load balancer, every request comes from a proxy, so the operator lists the
 * proxies' addresses or networks (TRUSTED_PROXIES, src/lib/config.ts):
 *
 *   TRUSTED_PROXIES=10.0.0.0/8           a load balancer somewhere in 10.x
 *   TRUSTED_PROXIES=loopback             nginx on the same machine
 *   TRUSTED_PROXIES=10.0.0.5, fd00::/8   several, IPv6 too
 *
 * `X-Forwarded-For` is read only from a peer in that list, from the right: each
 * entry was appended by the hop to its right, and is believed while that hop is
 * a trusted proxy; the first entry that is not one is the client. A request
 * from any other address is counted by its socket address, whatever it sends:
 * a client that reaches the server directly cannot pick a fresh address for
 * every request. That walk is `proxy-addr` (the one Express uses).
 *
 * The address counted is normalised: an IPv4-mapped IPv6 address
 * (`::ffff:203.0.113.9`, what a dual-stack socket reports) is its IPv4 address,
 * and an IPv6 address counts as its /64 network (`2001:db8:1:2::/64`): one
 * subscriber gets a whole /64 and could otherwise use a new address for every
 * request.
 *
 * Where the socket address comes from: src/server/main.ts works it out from the
 * Node request itself (`req.socket.remoteAddress`) and runs the request inside
 * `requestClients` (below), so the pages read it from there. Astro's own
 * `clientAddress` is no substitute in production: with `security.allowedDomains`
 * set it is the *first* entry of X-Forwarded-For, which the client writes.
 * Without main.ts (`astro dev`) the pages fall back to Astro's value.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { IncomingMessage } from 'node:http';
import ipaddr from 'ipaddr.js';
import proxyaddr from 'proxy-addr';

/** Whether the hop at `address` is a proxy whose X-Forwarded-For entry is believed. */
export type Trust = (address: string, hop: number) => boolean;

const trustNone: Trust = () => false;
const compiled = new Map<string, Trust>();

/**
 * The trust function for TRUSTED_PROXIES's list (addresses, CIDR ranges, and
 * proxy-addr's names `loopback`, `linklocal`, `uniquelocal`); throws a
 * TypeError on an entry that is none of those. An empty list trusts no one.
 * Compiled once per list.
 */
export function compileTrust(proxies: readonly string[]): Trust {
  const key = proxies.join(',');
  let trust = compiled.get(key);
  if (!trust) compiled.set(key, (trust = proxies.length ? proxyaddr.compile([...proxies]) : trustNone));
  return trust;
}

/** Longest client key kept: only a trusted proxy can hand us something that is not an address. */
const MAX_KEY = 100;

/** The key a client is counted by: IPv4 as it is, IPv4-mapped IPv6 as IPv4, other IPv6 as its /64. */
export function clientKey(address: string): string {
  if (!ipaddr.isValid(address)) return address.slice(0, MAX_KEY) || 'unknown';
  const ip = ipaddr.parse(address);
  if (ip.kind() === 'ipv4') return ip.toString();
  const v6 = ip as ipaddr.IPv6;
  if (v6.isIPv4MappedAddress()) return v6.toIPv4Address().toString();
  return `${new ipaddr.IPv6([...v6.parts.slice(0, 4), 0, 0, 0, 0]).toString()}/64`;
}

/**
 * The client a request is counted as: the socket's address, or, when the
 * socket is a trusted proxy, the address proxy-addr finds in X-Forwarded-For.
 * `'unknown'` when there is no socket address (such requests share one count).
 */
export function clientAddress(forwardedFor: string | null | undefined, socketAddress: string | undefined, trust: Trust): string {
  if (!socketAddress) return 'unknown';
  // proxy-addr reads a Node request; these two fields are all it looks at.
  const request = { headers: { 'x-forwarded-for': forwardedFor ?? undefined }, socket: { remoteAddress: socketAddress } };
  return clientKey(proxyaddr(request as unknown as IncomingMessage, trust));
}

/**
 * The client of the request being handled, set by src/server/main.ts around
 * Astro's handler. Kept on `globalThis` under a registered symbol: main.ts and
 * the built server bundle each have their own copy of this module, and must
 * share one store.
 */
const KEY = Symbol.for('stoetteportalen.requestClient');
export const requestClients: AsyncLocalStorage<string> = ((globalThis as Record<symbol, unknown>)[KEY] ??= new AsyncLocalStorage<string>()) as AsyncLocalStorage<string>;

/**
 * For a page or route: the client main.ts worked out for this request, or,
 * where the request did not come through main.ts (`astro dev`), the same from
 * Astro's `clientAddress` and the request's X-Forwarded-For.
 */
export function requestClient(headers: Headers, astroClientAddress: () => string, trust: Trust): string {
  return requestClients.getStore() ?? clientAddress(headers.get('x-forwarded-for'), socketAddress(astroClientAddress), trust);
}

/** The socket's address, or `undefined` where the adapter has none (Astro's `clientAddress` throws then). */
export function socketAddress(read: () => string): string | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}
