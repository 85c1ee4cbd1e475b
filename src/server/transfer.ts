/**
 * How the answers travel (main.ts puts this around Astro's handler):
 *
 * - Compression: text answers (HTML, CSS, JavaScript, JSON, SVG, XML, the
 *   search's JavaScript; whatever `compressible` says of the Content-Type)
 *   are sent Brotli or gzip, as the browser's `Accept-Encoding` allows, with
 *   `Vary: Accept-Encoding`. The `compression` middleware (expressjs) does the
 *   negotiation, the streaming and the size threshold (1 KB); @astrojs/node
 *   compresses nothing itself. Left as they are: HEAD, 204 and 304 (no body),
 *   a Range request and its 206 (the byte ranges are of the file as stored),
 *   the API's answers (small JSON, byte for byte as the contract says), and
 *   what is compressed already (fonts; the search's index files, gzip inside,
 *   application/octet-stream).
 * - Caching: the build's hashed files under /_astro/ (scripts, styles,
 *   fonts, images: a new build gives them new names) are
 *   `Cache-Control: public, max-age=31536000, immutable` when found (200,
 *   206, 304); a 404 there, and every page, keeps what it had.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { constants as zlibConstants } from 'node:zlib';
import compression from 'compression';
import onHeaders from 'on-headers';

export const IMMUTABLE = 'public, max-age=31536000, immutable';

const pathOf = (req: IncomingMessage) => (req.url ?? '/').split('?', 1)[0]!;

/** The build's hashed output: Vite names every file there by its content. */
export const isBuildAsset = (req: IncomingMessage) => pathOf(req).startsWith('/_astro/');

/** Puts `Accept-Encoding` in `Vary` (once), keeping what is there. */
function varyOnEncoding(res: ServerResponse) {
  const vary = String(res.getHeader('Vary') ?? '');
  if (vary.trim() === '*' || /(^|,)\s*accept-encoding\s*(,|$)/i.test(vary)) return;
  res.setHeader('Vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding');
}

/** Whether this answer may be compressed (the middleware then checks the size, HEAD, no-transform and `Accept-Encoding`). */
export function mayCompress(req: IncomingMessage, res: ServerResponse): boolean {
  if (pathOf(req).startsWith('/api/')) return false;
  // The middleware's own test: a Content-Type that `compressible` calls text. (Its types name Express's
  // request and response; it reads only the headers, which plain node:http has.)
  if (!compression.filter(req as never, res as never)) return false;
  // `compressible` counts application/octet-stream as text; here it is the search's index files, gzip already.
  if (String(res.getHeader('Content-Type') ?? '').startsWith('application/octet-stream')) return false;
  // Another request for the same file could be compressed: a cache must keep the two apart.
  varyOnEncoding(res);
  if (res.statusCode === 204 || res.statusCode === 304 || res.statusCode === 206) return false;
  if (req.headers.range !== undefined) return false;
  return true;
}

// Brotli quality 5 rather than the middleware's 4: as fast here (a few ms for the 80 KB stylesheet) and
// smaller than gzip (the stylesheet 12.3 KB against 13.2 KB; at 4 it is 13.6 KB, larger than gzip).
const compress = compression({ filter: mayCompress, brotli: { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 5 } } });

/** Runs `next` with compression and the build assets' caching in place on `res`. */
export function withTransfer(req: IncomingMessage, res: ServerResponse, next: () => void): void {
  if (isBuildAsset(req)) {
    onHeaders(res, function (this: ServerResponse) {
      if (this.statusCode === 200 || this.statusCode === 206 || this.statusCode === 304) this.setHeader('Cache-Control', IMMUTABLE);
    });
  }
  // compression() calls next synchronously, once its hooks are on `res`.
  compress(req as never, res as never, () => next());
}
