/**
 * What the server wrapper (main.ts) settles itself, before a request reaches
 * Astro's handler, and how every answer goes on the wire:
 *
 * - a method the site has no use for (TRACE, PUT, DELETE, PROPFIND, …) is
 *   `405 Method Not Allowed` with `Allow`: pages are fetched (GET, HEAD) and
 *   forms posted (POST); the API takes POST. Astro could not even take TRACE,
 *   TRACK or CONNECT (the fetch standard forbids them: a 500 with a stack
 *   trace), and a method Node's parser does not know at all (`FOO`) never
 *   reaches a handler: `answerClientError` answers it the same way.
 *   OPTIONS still goes to Astro (the API answers it 405 itself);
 * - a request with two `Host` headers is `400 Bad Request`: Node keeps the
 *   first and drops the other, so two parts of a chain could read two
 *   different hosts;
 * - the reason phrase of the status line is always the standard one for the
 *   status (`reasonPhrases`): Astro passes a page's `statusText` on, which is
 *   "OK" for a 404 or 422 page;
 * - a request body that is over the limit (413) or that the client stops
 *   sending (the connection closed) is one line in the log (`logBodyProblems`).
 *
 * The answers carry the security headers like every other, and are worded in
 * Danish, or in English: on the API by `Accept-Language`, on a page by its
 * language (`/en/…`).
 */
import { STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { localeFromAcceptLanguage } from '../i18n/accept-language.ts';
import type { Locale } from '../i18n/locale.ts';
import daApply from '../i18n/locales/da/apply.json' with { type: 'json' };
import enApply from '../i18n/locales/en/apply.json' with { type: 'json' };
import daHttp from '../i18n/locales/da/http.json' with { type: 'json' };
import enHttp from '../i18n/locales/en/http.json' with { type: 'json' };
import { securityHeaders } from './security-headers.ts';

const WORDS: Record<Locale, { api: typeof daApply.api; http: typeof daHttp }> = {
  da: { api: daApply.api, http: daHttp },
  en: { api: enApply.api, http: enHttp },
};

/** The methods that go on to Astro. */
export const PASSED_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'POST', 'OPTIONS']);
const PAGE_ALLOW = 'GET, HEAD, POST';
const API_ALLOW = 'POST';

const isApi = (path: string) => path.startsWith('/api/') || path === '/api';

/** An answer the wrapper gives itself. */
export interface Refusal {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/**
 * The answer to a method the site does not take (`method`), or to two Host headers (`duplicateHost`), at
 * `path` (the request target as sent). The API answers in its one error shape.
 */
export function refusal(kind: 'method' | 'duplicateHost', path: string, acceptLanguage: string | null): Refusal {
  const status = kind === 'method' ? 405 : 400;
  const allow: Record<string, string> = kind === 'method' ? { Allow: isApi(path) ? API_ALLOW : PAGE_ALLOW } : {};
  const common = { ...securityHeaders(), 'Cache-Control': 'no-store', ...allow };
  if (isApi(path)) {
    const words = WORDS[localeFromAcceptLanguage(acceptLanguage)];
    const message = kind === 'method' ? words.api.methodNotAllowed : words.http.duplicateHost;
    return { status, headers: { ...common, 'Content-Type': 'application/json; charset=utf-8' }, body: JSON.stringify({ errors: [{ path: '', message }] }) };
  }
  const words = WORDS[/^\/en(\/|$|\?)/.test(path) ? 'en' : 'da'].http;
  return { status, headers: { ...common, 'Content-Type': 'text/plain; charset=utf-8' }, body: `${kind === 'method' ? words.methodNotAllowed : words.duplicateHost}\n` };
}

/**
 * What the wrapper answers itself, if anything, before Astro: a method the site does not take, two Host headers.
 */
export function refusalFor(req: IncomingMessage): Refusal | null {
  const path = req.url ?? '/';
  const acceptLanguage = req.headers['accept-language'] ?? null;
  if (!PASSED_METHODS.has(req.method ?? '')) return refusal('method', path, acceptLanguage);
  if ((req.headersDistinct.host?.length ?? 0) > 1) return refusal('duplicateHost', path, acceptLanguage);
  return null;
}

export function sendRefusal(res: ServerResponse, { status, headers, body }: Refusal): void {
  res.writeHead(status, { ...headers, 'Content-Length': String(Buffer.byteLength(body)) });
  res.end(body);
}

/** The refusal as raw HTTP on a socket no response object has (a request Node's parser refused; CONNECT), then closed. */
export function writeRawRefusal(socket: Socket, { status, headers, body }: Refusal): void {
  const lines = [`HTTP/1.1 ${status} ${STATUS_CODES[status]}`, ...Object.entries({ ...headers, 'Content-Length': String(Buffer.byteLength(body)), Connection: 'close' }).map(([k, v]) => `${k}: ${v}`)];
  socket.end(`${lines.join('\r\n')}\r\n\r\n${body}`, () => socket.destroy());
}

/** What Node answers a request its parser refuses (its own `clientError` default), with our headers. */
const PARSER_STATUS: Record<string, number> = { HPE_HEADER_OVERFLOW: 431, HPE_CHUNK_EXTENSIONS_OVERFLOW: 413, ERR_HTTP_REQUEST_TIMEOUT: 408 };

/**
 * The server's `clientError`: a request Node's HTTP parser refused. An unknown method (`FOO / HTTP/1.1`) is
 * a 405 like TRACE; anything else what Node would answer itself (400, 408, 413, 431), with the security
 * headers. Nothing is logged: these are a client's mistakes (or a scanner's), not the server's.
 */
export function answerClientError(error: Error & { code?: string; rawPacket?: Buffer }, socket: Socket): void {
  // As Node's own default: nothing is written where the connection is gone or an answer has begun.
  const answering = (socket as Socket & { _httpMessage?: ServerResponse | null })._httpMessage;
  if (error.code === 'ECONNRESET' || !socket.writable || answering?.headersSent) {
    socket.destroy();
    return;
  }
  if (error.code === 'HPE_INVALID_METHOD') {
    const head = error.rawPacket?.toString('latin1') ?? '';
    const target = /^\S+ (\S+)/.exec(head)?.[1] ?? '/';
    const acceptLanguage = /\r\naccept-language:[ \t]*([^\r\n]*)/i.exec(head)?.[1] ?? null;
    writeRawRefusal(socket, refusal('method', target, acceptLanguage));
    return;
  }
  const status = PARSER_STATUS[error.code ?? ''] ?? 400;
  writeRawRefusal(socket, { status, headers: securityHeaders(), body: '' });
}

/**
 * Every status line with the standard reason phrase for its status (`422 Unprocessable Entity`, never
 * `422 OK`): whatever a handler set as the status text is not used.
 */
export function reasonPhrases(res: ServerResponse): void {
  const writeHead = res.writeHead.bind(res) as (status: number, ...rest: unknown[]) => ServerResponse;
  res.writeHead = ((status: number, ...rest: unknown[]) => {
    const headers = typeof rest[0] === 'string' ? rest.slice(1) : rest;
    return writeHead(status, STATUS_CODES[status] ?? 'Unknown', ...headers);
  }) as ServerResponse['writeHead'];
}

/**
 * One line in the log when a request's body was over the limit (the answer is 413), or when the client
 * closed the connection before its body had come. Only the method and the path, never the query or the
 * body (nothing personal), and no stack trace: these are the client's doing, not a fault of the server.
 */
export function logBodyProblems(req: IncomingMessage, res: ServerResponse, log: (line: string) => void): void {
  const where = `${req.method} ${(req.url ?? '/').split('?')[0]}`;
  let logged = false;
  res.once('finish', () => {
    if (res.statusCode !== 413) return;
    logged = true;
    log(`Forespørgsel afvist: indholdet var for stort (413, ${where}).`);
  });
  req.once('close', () => {
    if (!logged && !req.complete && res.statusCode !== 413) log(`Forespørgsel afbrudt: forbindelsen lukkede, før hele indholdet var modtaget (${where}).`);
  });
}
