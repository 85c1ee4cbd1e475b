/**
 * Which client a request comes from, for the rate limit.
 *
 * Directly on the internet, that is the socket's address (Astro's
 * `clientAddress`). Behind proxies or a load balancer, every request comes
 * from the proxy, so the operator says how many proxies to trust:
 *
 *   TRUSTED_PROXIES=1   one proxy (nginx, a load balancer) appends the client's
 *                       address to X-Forwarded-For; use the last entry.
 *   TRUSTED_PROXIES=2   a CDN in front of the load balancer: the second-to-last.
 *
 * Entries further left are written by the client and never trusted. With
 * the default 0, X-Forwarded-For is ignored (a client could otherwise pick a
 * fresh address for every request and never meet the limit). The number comes
 * from src/lib/config.ts.
 */
export function clientAddress(headers: Headers, socketAddress: string | undefined, trustedProxies: number): string {
  if (trustedProxies > 0) {
    const chain = (headers.get('x-forwarded-for') ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const entry = chain[chain.length - trustedProxies];
    if (entry) return entry;
  }
  return socketAddress ?? 'unknown';
}

/** The socket's address, or `undefined` where the adapter has none (Astro's `clientAddress` throws then). */
export function socketAddress(read: () => string): string | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}
