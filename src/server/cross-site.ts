/**
 * A cross-site request from a browser. Astro's `security.checkOrigin` already
 * answers cross-site *form* posts with 403; JSON posts are checked here.
 * Clients that are not browsers (kommune systems, curl) send neither header.
 */
import type { RequestHeaders } from './request-body.ts';

export function isCrossSite(request: RequestHeaders, url: URL): boolean {
  const site = request.headers.get('sec-fetch-site');
  if (site === 'cross-site' || site === 'same-site') return true;
  const origin = request.headers.get('origin');
  return origin !== null && origin !== url.origin;
}
