/**
 * The production server's fast path for `POST /api/ansoegninger` with a JSON
 * body (the application form's island, kommune systems, curl): answered by
 * src/server/main.ts before Astro's per-request pipeline (route matching, the
 * static-file look-up, middleware, the render context), with the very
 * function the Astro route uses (./endpoint.ts), so the answers are the same:
 * status, headers, body, the origin check, the rate limit, idempotency, and
 * 201 only after the commit is on disk. No web Request is made: the headers
 * and the body are read from Node's request (`postedFromNode`,
 * ../request-body.ts), and the URL as Astro's adapter makes it
 * (`requestUrl`); the answer is written with its length.
 *
 * Everything else goes to Astro as before: the no-JavaScript form's posts
 * (they may need the form page rendered), other media types (Astro's origin
 * check answers a cross-site `text/plain` or multipart post; the route a 415),
 * and every other method. The security headers, `Cache-Control: no-store`,
 * reason phrases and metrics are set by main.ts for both paths alike.
 *
 * The kommuner are read from content/kommuner when the server starts (as the
 * delivery and the application document already are), not from the build:
 * deploy the content the site was built from (README, "Settings for the
 * application endpoint").
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { applicationsApiPath } from '../../domain/paths.ts';
import { mediaType, postedFromNode } from '../request-body.ts';
import { answerApplicationPost, type EndpointDeps } from './endpoint.ts';

/** The paths the endpoint answers on: the contract's, and Astro's with the trailing slash. */
const PATHS = new Set([applicationsApiPath, `${applicationsApiPath}/`]);

/** A request for the fast path: a JSON post to the application endpoint. */
export function takesFastPath(req: IncomingMessage): boolean {
  if (req.method !== 'POST' || !req.url) return false;
  const query = req.url.indexOf('?');
  if (!PATHS.has(query === -1 ? req.url : req.url.slice(0, query))) return false;
  return mediaType(req.headers['content-type'] ?? null).type === 'application/json';
}

/**
 * The request's URL as Astro's Node adapter makes it (astro/app/node, `createRequestFromNodeRequest`, no
 * `allowedDomains`): the protocol of the connection, the Host header, the path; what the origin check
 * compares an Origin header with.
 */
export function requestUrl(req: IncomingMessage, port: number): URL {
  const protocol = 'encrypted' in req.socket && req.socket.encrypted ? 'https' : 'http';
  const host = typeof req.headers.host === 'string' ? req.headers.host : `localhost:${port}`;
  const path = req.url ?? '';
  if (URL.canParse(`${protocol}://${host}${path}`)) return new URL(`${protocol}://${host}${path}`);
  if (URL.canParse(`${protocol}://${host}`)) return new URL(`${protocol}://${host}`);
  return new URL(`${protocol}://localhost:${port}`);
}

/** Writes a web Response to Node's response: status, every header (each Set-Cookie on its own), the body. */
async function send(response: Response, res: ServerResponse): Promise<void> {
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') headers[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length) headers['set-cookie'] = cookies;
  const body = Buffer.from(await response.arrayBuffer());
  res.writeHead(response.status, { ...headers, 'content-length': String(body.byteLength) }).end(body);
}

export interface FastPath {
  answer(req: IncomingMessage, res: ServerResponse, client: string): Promise<void>;
}

export function applicationsFastPath(deps: EndpointDeps, options: { port: number; log: (line: string) => void }): FastPath {
  return {
    async answer(req, res, client) {
      try {
        const answer = await answerApplicationPost(postedFromNode(req), requestUrl(req, options.port), client, deps);
        // A JSON post is always answered with a response (a form page is only for the no-JavaScript form's posts).
        if (answer.kind !== 'response') throw new Error('Et JSON-svar blev en formularside.');
        await send(answer.response, res);
      } catch (error) {
        // As Astro answers a route that throws: 500, and the error's kind in the log (never the request's content).
        options.log(`[ansøgninger] uventet fejl: ${error instanceof Error ? error.name : typeof error}`);
        if (!res.headersSent) res.writeHead(500).end();
        else res.destroy();
      }
    },
  };
}
