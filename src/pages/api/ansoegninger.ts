/**
 * POST /api/ansoegninger — the application endpoint (ARCHITECTURE.md). The logic is
 * in src/server/applications/endpoint.ts (submit.ts, check-answers.ts); this
 * route wires it to Astro: the store, the kommune content, the client address,
 * and — for the no-JavaScript form, when the store cannot keep its answers as
 * a draft — a rewrite to the form page with them.
 *
 * Under the production server (src/server/main.ts), JSON posts are answered
 * before Astro by the same function (src/server/applications/fast-path.ts);
 * this route answers the rest, and every post under `astro dev`.
 */
import type { APIRoute } from 'astro';
import { getKommune, getKnownKommuner } from '../../lib/kommuner.ts';
import { config } from '../../lib/config.ts';
import { compileTrust, requestClient } from '../../server/client-address.ts';
import { applicationStore } from '../../server/store/index.ts';
import { apiStrings } from '../../server/applications/submit.ts';
import { answerApplicationPost } from '../../server/applications/endpoint.ts';
import { sharedLimiter } from '../../server/rate-limit.ts';
import { errorJson } from '../../server/http.ts';
import { postedFrom } from '../../server/request-body.ts';
import { localeFromAcceptLanguage } from '../../i18n/accept-language.ts';
import { applyPath } from '../../domain/paths.ts';

export const prerender = false;

const { rateLimit, trustedProxies, store } = config();
const limiter = sharedLimiter('applications', rateLimit, store);
const trust = compileTrust(trustedProxies);
// The site's address is fixed at build (SITE_URL): over https, the form-draft cookie is Secure.
const secureCookies = import.meta.env.SITE?.startsWith('https://') ?? false;

export const POST: APIRoute = async (context) => {
  const client = requestClient(context.request.headers, () => context.clientAddress, trust);
  const answer = await answerApplicationPost(postedFrom(context.request), context.url, client, {
    store: applicationStore,
    kommuner: getKnownKommuner,
    kommune: async (slug) => (await getKommune(slug))?.data,
    now: () => new Date(),
    limiter,
    log: (message) => console.log(`[ansøgninger] ${message}`),
    secureCookies,
  });
  if (answer.kind === 'response') return answer.response;
  // The store cannot keep the draft: the form page at once, with the answers and the errors (from locals).
  context.locals.applyForm = answer.form;
  const formPage = new URL(applyPath(answer.form.lang, answer.form.kommune), context.url);
  return context.rewrite(new Request(formPage, { headers: context.request.headers }));
};

/** Any other method: 405 with the methods this path has. */
export const ALL: APIRoute = ({ request }) => {
  const lang = localeFromAcceptLanguage(request.headers.get('accept-language'));
  return errorJson(405, apiStrings(lang).methodNotAllowed, { Allow: 'POST' });
};
