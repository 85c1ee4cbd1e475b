/**
 * `POST /api/ansoegninger` (ARCHITECTURE.md, "Application endpoint contract"), as a
 * plain function of the request so it can be tested without Astro. The Astro
 * route (src/pages/api/ansoegninger.ts) only turns the answer into a Response
 * or a rewrite to the form page.
 *
 * The order matters: cheap refusals first (403 cross-site, 429 rate, 415
 * type), then the body is read under the 64 KB limit (413), parsed (400,
 * also for a key given twice), checked (422), and only then stored; 201 comes after the commit, 503 when
 * the store fails. Bad input never reaches a 500 and nothing of it is stored.
 *
 * The no-JavaScript form posts `application/x-www-form-urlencoded` and gets a
 * 303 to the receipt, or the form page again with the errors and every value
 * kept (`kind: 'form'`). Islands and other clients post JSON.
 *
 * Nothing personal is logged: only kommune, unit, reference and error kinds.
 *
 * Here: the order of the checks and the JSON and form paths. Beside it:
 * ../http.ts (JSON answers), ../cross-site.ts (403), form-decoding.ts (the
 * form's post and its Referer), store-application.ts (routing and storing);
 * the form's answers are checked by `checkForm` (src/domain/application-form.ts),
 * the same function the island uses; text-check.ts adds the server's own
 * check of every text for control characters and the like, on both paths.
 */
import { randomUUID } from 'node:crypto';
import { ownListOf, validateApplication, type Issue, type KnownKommuner } from '../../domain/application.ts';
import { localeFromAcceptLanguage } from '../../i18n/accept-language.ts';
import { STRINGS, type Locale } from '../../i18n/index.ts';
import { applyWords, type ApplyStringsByFiller } from '../../lib/apply-words.ts';
import { receiptPath } from '../../domain/paths.ts';
import { describeIssue, type ErrorStrings } from '../../lib/application-messages.ts';
import { fillTemplate } from '../../lib/template.ts';
import type { FormRerender } from '../../lib/apply-form-state.ts';
import { isCrossSite } from '../cross-site.ts';
import { NO_STORE, errorJson, jsonResponse } from '../http.ts';
import type { RateDecision, RateLimiter } from '../rate-limit.ts';
import { mediaType, parseJsonObject, type PostedRequest } from '../request-body.ts';
import { decodeForm, formPageFromReferer, isLocale } from './form-decoding.ts';
import { storeApplication, type StoreDeps } from './store-application.ts';
import { characterIssues, checkPostedForm, withCharacterIssues } from './text-check.ts';

export const BODY_LIMIT = 64 * 1024;
/** Seconds a client is asked to wait when the store is down. */
const STORE_RETRY_AFTER = 30;
export const IDEMPOTENCY_KEY = /^[A-Za-z0-9_.:-]{8,200}$/;

export interface SubmitDeps extends StoreDeps {
  /** The kommuner there are (the content files) with their own help lists, in the order they are listed to people. */
  kommuner: () => Promise<KnownKommuner>;
  now: () => Date;
  limiter: RateLimiter;
}

export interface SubmitRequest {
  /** Its headers and body (`postedFrom` a web Request, or `postedFromNode`: ../request-body.ts). */
  request: PostedRequest;
  /** The URL Astro built for the request (its origin is this site's origin). */
  url: URL;
  /** The client address for the rate limit (client-address.ts). */
  client: string;
}

export type SubmitAnswer = { kind: 'response'; response: Response } | { kind: 'form'; form: FormRerender };

/** The API's messages in a language (`apply.api` in the locale files). */
export const apiStrings = (lang: Locale) => STRINGS[lang].apply.api;
const WORDS: Record<Locale, ApplyStringsByFiller> = { da: applyWords(STRINGS.da.apply), en: applyWords(STRINGS.en.apply) };
/** The error messages in the words for whoever sent the application: "personen" when it is sent on another's behalf. */
const errorStrings = (lang: Locale, body: Record<string, unknown>): ErrorStrings => WORDS[lang][body.onBehalf ? 'on-behalf' : 'self'].errors;
/**
 * The message for a missing or unknown kommune lists the kommuner there are
 * (`{{choices}}`). Filled in here, not in the shared schema: only API clients
 * meet it, and the form's island has no bytes to spare.
 */
const withChoices = (issue: Issue, kommuner: KnownKommuner): Issue =>
  issue.path === 'kommune' ? { ...issue, params: { choices: Object.keys(kommuner).join(', ') } } : issue;

/**
 * An API client's message for an item of `helpAreas` that is not the kommune's: with the
 * kommune's own list, or, where the kommune lists the VUM themes, that those go in `needs`.
 * (The form offers only the kommune's own items, so its words need neither.)
 */
function helpAreaMessage(issue: Issue, message: string, kommuner: KnownKommuner, body: Record<string, unknown>, lang: Locale): string {
  const own = ownListOf(kommuner, body.kommune);
  if (!own || issue.code !== 'invalidChoice' || !/^helpAreas\.\d+$/.test(issue.path)) return message;
  const api = apiStrings(lang);
  return own.length ? fillTemplate(api.helpAreaChoices, { message, choices: own.join(', ') }) : api.helpAreasVum;
}

const errorResponse = (status: number, message: string, headers: Record<string, string> = {}): SubmitAnswer => ({
  kind: 'response',
  response: errorJson(status, message, headers),
});

export async function submitApplication({ request, url, client }: SubmitRequest, deps: SubmitDeps): Promise<SubmitAnswer> {
  const acceptLang = localeFromAcceptLanguage(request.headers.get('accept-language'));
  if (isCrossSite(request, url)) return errorResponse(403, apiStrings(acceptLang).crossOrigin);

  const rate = await deps.limiter.take(client);
  const { type, charset } = mediaType(request.headers.get('content-type'));
  const isForm = type === 'application/x-www-form-urlencoded';
  if (!rate.allowed && !isForm) {
    const seconds = rate.retryAfterSeconds;
    return errorResponse(429, fillTemplate(apiStrings(acceptLang).tooMany, { seconds }), { 'Retry-After': String(seconds) });
  }
  if ((type !== 'application/json' && !isForm) || (charset !== null && charset !== 'utf-8')) {
    return errorResponse(415, apiStrings(acceptLang).unsupportedType);
  }

  const headerKey = request.headers.get('idempotency-key');
  if (headerKey !== null && !IDEMPOTENCY_KEY.test(headerKey)) return errorResponse(400, apiStrings(acceptLang).badIdempotencyKey);

  const body = await request.readBody(BODY_LIMIT);
  if (!body.ok) {
    const page = isForm ? formPageFromReferer(request, url, Object.keys(await deps.kommuner())) : null;
    if (page && body.reason === 'too-large') {
      return { kind: 'form', form: { ...page, status: 413, values: {}, issues: [], general: { code: 'tooLarge' } } };
    }
    // `aborted`: the client has gone; the answer is for the record (no one reads it).
    const message = { 'too-large': 'tooLarge', 'not-utf8': 'notUtf8', aborted: 'incomplete' } as const;
    return errorResponse(body.reason === 'too-large' ? 413 : 400, apiStrings(acceptLang)[message[body.reason]], {
      ...(body.reason === 'too-large' ? { Connection: 'close' } : {}),
    });
  }

  const now = deps.now();
  return isForm
    ? submitForm(body.text, { request, url, acceptLang, rate, now, headerKey }, deps)
    : submitJson(body.text, { acceptLang, now, headerKey }, deps);
}

async function submitJson(
  text: string,
  { acceptLang: lang, now, headerKey }: { acceptLang: Locale; now: Date; headerKey: string | null },
  deps: SubmitDeps,
): Promise<SubmitAnswer> {
  const api = apiStrings(lang);
  const parsed = parseJsonObject(text);
  if (!parsed.ok) {
    const message = {
      syntax: api.malformedJson,
      'not-object': api.notAnObject,
      'forbidden-key': fillTemplate(api.forbiddenKey, { key: parsed.path ?? '' }),
      'too-deep': api.tooDeep,
      'duplicate-key': fillTemplate(api.duplicateKey, { key: parsed.path ?? '' }),
    }[parsed.reason];
    return errorResponse(400, message);
  }
  const kommuner = await deps.kommuner();
  const result = validateApplication(parsed.value, now, kommuner);
  // Control characters and the like (text-check.ts): the server's own check, beside the shared schema's.
  const characters = characterIssues(parsed.value);
  if (!result.ok || characters.length) {
    const errors = withCharacterIssues(characters, result.ok ? [] : result.issues).map((issue) => ({
      path: issue.path,
      message: helpAreaMessage(issue, describeIssue(withChoices(issue, kommuner), errorStrings(lang, parsed.value)), kommuner, parsed.value, lang),
    }));
    return { kind: 'response', response: jsonResponse(422, { errors }) };
  }
  const stored = await storeApplication(result, now, headerKey, deps);
  switch (stored.kind) {
    case 'unavailable':
      return errorResponse(503, api.unavailable, { 'Retry-After': String(STORE_RETRY_AFTER) });
    case 'key-reused':
      return { kind: 'response', response: jsonResponse(422, { errors: [{ path: '', message: api.idempotencyKeyReused }] }) };
    case 'answer': {
      const answer = JSON.parse(stored.body) as { reference: string; kommune: string };
      const headers: Record<string, string> = { Location: receiptPath(lang, answer.kommune, answer.reference) };
      if (stored.replayed) headers['Idempotent-Replayed'] = 'true';
      return { kind: 'response', response: jsonResponse(stored.status, stored.body, headers) };
    }
  }
}

async function submitForm(
  text: string,
  ctx: { request: PostedRequest; url: URL; acceptLang: Locale; rate: RateDecision; now: Date; headerKey: string | null },
  deps: SubmitDeps,
): Promise<SubmitAnswer> {
  const { values, hidden, unknown } = decodeForm(text);
  const lang = isLocale(hidden.lang) ? hidden.lang : ctx.acceptLang;
  const kommuner = await deps.kommuner();
  const kommune = hidden.kommune;
  if (kommune === undefined || !ownListOf(kommuner, kommune)) {
    const fromReferer = formPageFromReferer(ctx.request, ctx.url, Object.keys(kommuner));
    if (!fromReferer) return errorResponse(400, fillTemplate(apiStrings(lang).unknownFormField, { field: 'kommune' }));
    return { kind: 'form', form: { ...fromReferer, status: 400, values, issues: [], general: { code: 'malformed' } } };
  }
  const formKey = hidden.idempotencyKey ?? ctx.headerKey;
  const keyOk = formKey != null && IDEMPOTENCY_KEY.test(formKey);
  // The key the answers are shown again with: the form's own, or a new one where it had none that can be used.
  const idempotencyKey = keyOk ? formKey : randomUUID();
  const again = (form: Omit<FormRerender, 'lang' | 'kommune' | 'values'>): SubmitAnswer => ({
    kind: 'form',
    form: { lang, kommune, values, idempotencyKey, ...form },
  });
  if (unknown !== null) return again({ status: 400, issues: [], general: { code: 'malformed' } });
  if (formKey != null && !keyOk) return again({ status: 400, issues: [], general: { code: 'malformed' } });
  if (!ctx.rate.allowed) {
    const seconds = ctx.rate.retryAfterSeconds;
    return again({ status: 429, issues: [], general: { code: 'tooMany', seconds }, retryAfter: seconds });
  }

  const checked = checkPostedForm(values, kommune, ctx.now, kommuner);
  if (!checked.ok) return again({ status: 422, issues: checked.issues });

  const stored = await storeApplication(checked, ctx.now, formKey, deps);
  switch (stored.kind) {
    case 'unavailable':
      return again({ status: 503, issues: [], general: { code: 'store' }, retryAfter: STORE_RETRY_AFTER });
    case 'key-reused':
      // Our own form's key with other answers (sent before, then changed): perhaps sent already; a new key to send these.
      return again({ status: 422, issues: [], general: { code: 'keyReused' }, idempotencyKey: randomUUID() });
    case 'answer': {
      const answer = JSON.parse(stored.body) as { reference: string };
      const response = new Response(null, { status: 303, headers: { Location: receiptPath(lang, kommune, answer.reference), ...NO_STORE } });
      return { kind: 'response', response };
    }
  }
}
