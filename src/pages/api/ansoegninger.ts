/**
 * POST /api/ansoegninger — the application endpoint (ARCHITECTURE.md). The logic is
 * in src/server/applications/submit.ts; this route wires it to Astro: the
 * store, the kommune content, the client address, and — for the
 * no-JavaScript form — post-redirect-get with the answers kept as a form
 * draft (check-answers.ts), or, when the store cannot keep them, a rewrite to
 * the form page with them.
 */
import type { APIRoute } from 'astro';
import { getKommune, getKnownKommuner } from '../../lib/kommuner.ts';
import { config } from '../../lib/config.ts';
import { compileTrust, requestClient } from '../../server/client-address.ts';
import { applicationStore } from '../../server/store/index.ts';
import { apiStrings, submitApplication } from '../../server/applications/submit.ts';
import { formAnswer } from '../../server/applications/check-answers.ts';
import { sharedLimiter } from '../../server/rate-limit.ts';
import { errorJson } from '../../server/http.ts';
import { localeFromAcceptLanguage } from '../../i18n/accept-language.ts';
import { applyPath } from '../../domain/paths.ts';

export const prerender = false;

const { rateLimit, trustedProxies, store } = config();
const limiter = sharedLimiter('applications', rateLimit, store);
const trust = compileTrust(trustedProxies);
// The site's address is fixed at build (SITE_URL): over https, the form-draft cookie is Secure.
const secureCookies = import.meta.env.SITE?.startsWith('https://') ?? false;

export const POST: APIRoute = async (context) => {
  const answer = await submitApplication(
    { request: context.request, url: context.url, client: requestClient(context.request.headers, () => context.clientAddress, trust) },
    {
      store: applicationStore,
      kommuner: getKnownKommuner,
      kommune: async (slug) => (await getKommune(slug))?.data,
      now: () => new Date(),
      limiter,
      log: (message) => console.log(`[ansøgninger] ${message}`),
    },
  );
  const response = await formAnswer(answer, context.request, context.url, { store: applicationStore, secureCookies, now: () => new Date(), kommuner: getKnownKommuner });
  if (response) return response;
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
