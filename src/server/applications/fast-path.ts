/**
 * The production server's fast path for `POST /api/ansoegninger` with a JSON
 * body (the application form's island, kommune systems, curl): answered by
 * src/server/main.ts before Astro's per-request pipeline (route matching, the
 * static-file look-up, middleware, the render context), with the very
 * function the Astro route uses (./endpoint.ts) and the request and response
 * made and written by Astro's own Node functions, so the answers are the same
 * byte for byte: status, headers, body, the origin check, the rate limit,
 * idempotency, and 201 only after the commit is on disk.
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
import { createRequestFromNodeRequest, writeResponse } from 'astro/app/node';
import { applicationsApiPath } from '../../domain/paths.ts';
import { mediaType } from '../request-body.ts';
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

export interface FastPath {
  answer(req: IncomingMessage, res: ServerResponse, client: string): Promise<void>;
}

export function applicationsFastPath(deps: EndpointDeps, options: { port: number; log: (line: string) => void }): FastPath {
  return {
    async answer(req, res, client) {
      try {
        const request = createRequestFromNodeRequest(req, { port: options.port });
        const answer = await answerApplicationPost(request, new URL(request.url), client, deps);
        // A JSON post is always answered with a response (a form page is only for the no-JavaScript form's posts).
        if (answer.kind !== 'response') throw new Error('Et JSON-svar blev en formularside.');
        await writeResponse(answer.response, res);
      } catch (error) {
        // As Astro answers a route that throws: 500, and the error's kind in the log (never the request's content).
        options.log(`[ansøgninger] uventet fejl: ${error instanceof Error ? error.name : typeof error}`);
        if (!res.headersSent) res.writeHead(500).end();
        else res.destroy();
      }
    },
  };
}
