/**
 * POST /api/ansoegninger — the application endpoint (ARCHITECTURE.md). The logic is
 * in src/server/applications/submit.ts; this route wires it to Astro: the
 * store, the kommune content, the client address, and — for the
 * no-JavaScript form — a rewrite to the form page with the answers kept.
 */
import type { APIRoute } from 'astro';
import { getKommune, getKommuneSlugs } from '../../lib/kommuner.ts';
import { config } from '../../lib/config.ts';
import { clientAddress } from '../../server/client-address.ts';
import { createRateLimiter } from '../../server/rate-limit.ts';
import { applicationStore } from '../../server/store/index.ts';
import { apiStrings, submitApplication } from '../../server/applications/submit.ts';
import { errorJson } from '../../server/http.ts';
import { localeFromAcceptLanguage } from '../../i18n/accept-language.ts';
import { applyPath } from '../../domain/paths.ts';

export const prerender = false;

const { rateLimit, trustedProxies } = config();
const limiter = createRateLimiter(rateLimit);

export const POST: APIRoute = async (context) => {
  const socket = (() => {
    try {
      return context.clientAddress;
    } catch {
      return undefined;
    }
  })();
  const answer = await submitApplication(
    { request: context.request, url: context.url, client: clientAddress(context.request.headers, socket, trustedProxies) },
    {
      store: applicationStore,
      kommuneSlugs: getKommuneSlugs,
      kommune: async (slug) => (await getKommune(slug))?.data,
      now: () => new Date(),
      limiter,
      log: (message) => console.log(`[ansøgninger] ${message}`),
    },
  );
  if (answer.kind === 'response') return answer.response;
  // The no-JavaScript form again, with the answers and the errors (the page reads them from locals).
  context.locals.applyForm = answer.form;
  const formPage = new URL(applyPath(answer.form.lang, answer.form.kommune), context.url);
  return context.rewrite(new Request(formPage, { headers: context.request.headers }));
};

/** Any other method: 405 with the methods this path has. */
export const ALL: APIRoute = ({ request }) => {
  const lang = localeFromAcceptLanguage(request.headers.get('accept-language'));
  return errorJson(405, apiStrings(lang).methodNotAllowed, { Allow: 'POST' });
};
