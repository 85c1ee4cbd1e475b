/**
 * `POST /api/ansoegninger` (DESIGN.md, "Application endpoint contract"), as a
 * plain function of the request so it can be tested without Astro. The Astro
 * route (src/pages/api/ansoegninger.ts) only turns the answer into a Response
 * or a rewrite to the form page.
 *
 * The order matters: cheap refusals first (403 cross-site, 429 rate, 415
 * type), then the body is read under the 64 KB limit (413), parsed (400),
 * checked (422), and only then stored; 201 comes after the commit, 503 when
 * the store fails. Bad input never reaches a 500 and nothing of it is stored.
 *
 * The no-JavaScript form posts `application/x-www-form-urlencoded` and gets a
 * 303 to the receipt, or the form page again with the errors and every value
 * kept (`kind: 'form'`). Islands and other clients post JSON.
 *
 * Nothing personal is logged: only kommune, unit, reference and error kinds.
 */
import { createHash } from 'node:crypto';
import { validateApplication, type Application, type Issue } from '../../domain/application.ts';
import {
  FORM_FIELDS,
  HIDDEN_FIELDS,
  formToApplication,
  mergeIssues,
  type FieldName,
  type FormValues,
} from '../../domain/application-form.ts';
import { routeApplication, type RoutingKommune } from '../../domain/routing.ts';
import { localeFromAcceptLanguage } from '../../i18n/accept-language.ts';
import { LOCALES, STRINGS, localePath, type Locale } from '../../i18n/index.ts';
import { describeIssue, type ErrorStrings } from '../../lib/application-messages.ts';
import { fillTemplate } from '../../lib/template.ts';
import type { RateLimiter } from '../rate-limit.ts';
import { FORBIDDEN_KEYS, mediaType, parseJsonObject, readBodyText } from '../request-body.ts';
import type { ApplicationStore, Receipt, SaveResult } from '../store/types.ts';

export const BODY_LIMIT = 64 * 1024;
/** Seconds a client is asked to wait when the store is down. */
const STORE_RETRY_AFTER = 30;
const IDEMPOTENCY_KEY = /^[A-Za-z0-9_.:-]{8,200}$/;

export interface SubmitDeps {
  /** The store; may throw StoreUnavailableError when it cannot be opened. */
  store: () => ApplicationStore;
  /** The slugs of the kommuner there are (the content files), in the order they are listed to people. */
  kommuneSlugs: () => Promise<readonly string[]>;
  /** One kommune's content data; `undefined` when there is no content file for the slug. */
  kommune: (slug: string) => Promise<(RoutingKommune & { name: string }) | undefined>;
  now: () => Date;
  limiter: RateLimiter;
  log: (message: string) => void;
}

export interface SubmitRequest {
  request: Request;
  /** The URL Astro built for the request (its origin is this site's origin). */
  url: URL;
  /** The client address for the rate limit (client-address.ts). */
  client: string;
}

/** What the form page needs to show the form again: the answers, the problems, and a general error if any. */
export interface FormRerender {
  lang: Locale;
  kommune: string;
  status: number;
  values: FormValues;
  issues: Issue[];
  general?: { code: 'store' | 'tooMany' | 'malformed' | 'tooLarge'; seconds?: number };
  retryAfter?: number;
}

export type SubmitAnswer = { kind: 'response'; response: Response } | { kind: 'form'; form: FormRerender };

type ApiStrings = Record<string, string>;
/** The API's messages in a language (`apply.api` in the locale files). */
export const apiStrings = (lang: Locale) => (STRINGS[lang].apply as unknown as { api: ApiStrings }).api;
const errorStrings = (lang: Locale) => (STRINGS[lang].apply as unknown as { errors: ErrorStrings }).errors;
/**
 * The message for a missing or unknown kommune lists the kommuner there are
 * (`{{choices}}`). Filled in here, not in the shared schema: only API clients
 * meet it, and the form's island has no bytes to spare.
 */
const withChoices = (issue: Issue, kommuner: readonly string[]): Issue =>
  issue.path === 'kommune' ? { ...issue, params: { choices: kommuner.join(', ') } } : issue;

const NO_STORE = { 'Cache-Control': 'no-store' };

export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(typeof body === 'string' ? body : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', ...NO_STORE, ...headers },
  });
}

/** `{ errors: [{ path: '', message }] }`: every error answer has the shape of a 422. */
export function errorJson(status: number, message: string, headers: Record<string, string> = {}): Response {
  return jsonResponse(status, { errors: [{ path: '', message }] }, headers);
}

const errorResponse = (status: number, message: string, headers: Record<string, string> = {}): SubmitAnswer => ({
  kind: 'response',
  response: errorJson(status, message, headers),
});

export function receiptPath(lang: Locale, kommune: string, reference: string): string {
  return `${localePath(lang, `/${kommune}/ansoeg/kvittering/`)}?reference=${encodeURIComponent(reference)}`;
}

/**
 * A cross-site request from a browser. Astro's `security.checkOrigin` already
 * answers cross-site *form* posts with 403; JSON posts are checked here.
 * Clients that are not browsers (kommune systems, curl) send neither header.
 */
export function isCrossSite(request: Request, url: URL): boolean {
  const site = request.headers.get('sec-fetch-site');
  if (site === 'cross-site' || site === 'same-site') return true;
  const origin = request.headers.get('origin');
  return origin !== null && origin !== url.origin;
}

const isLocale = (s: string | undefined): s is Locale => (LOCALES as readonly string[]).includes(s ?? '');

/** The form page a browser posted from (for answers given before the body is read), from the same-origin Referer. */
function formPageFromReferer(request: Request, url: URL, kommuner: readonly string[]): { lang: Locale; kommune: string } | null {
  const referer = request.headers.get('referer');
  // A Referer is the client's word: one that is not a URL is no form page, never a 500.
  if (!referer || !URL.canParse(referer, url)) return null;
  const from = new URL(referer, url);
  const m = /^\/(?:(en)\/)?([a-z0-9-]+)\/ansoeg\/$/.exec(from.pathname);
  return from.origin === url.origin && m?.[2] && kommuner.includes(m[2]) ? { lang: m[1] === 'en' ? 'en' : 'da', kommune: m[2] } : null;
}

/** Form fields as FormValues; a field name we do not know (or a prototype key) makes the form malformed. */
function readForm(text: string): { values: FormValues; hidden: Record<string, string>; unknown: string | null } {
  const values: Record<string, string | string[]> = {};
  const hidden: Record<string, string> = {};
  let unknown: string | null = null;
  for (const [name, raw] of new URLSearchParams(text)) {
    // An HTML form sends a textarea's line breaks as CRLF; the island (JSON) sends LF. Store one kind.
    const value = raw.replace(/\r\n?/g, '\n');
    if (name === 'needs') values.needs = [...((values.needs as string[] | undefined) ?? []), value];
    else if ((FORM_FIELDS as readonly string[]).includes(name) && !FORBIDDEN_KEYS.has(name)) values[name] ??= value;
    else if ((HIDDEN_FIELDS as readonly string[]).includes(name)) hidden[name] ??= value;
    else unknown ??= name;
  }
  return { values: values as Partial<Record<FieldName, string | string[]>>, hidden, unknown };
}

const fingerprint = (application: Application) => createHash('sha256').update(JSON.stringify(application)).digest('hex');

function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? ` (${(error.cause as { code?: string }).code ?? error.cause.name}: ${error.cause.message})` : '';
  return `${error.name}: ${error.message}${cause}`;
}

export async function submitApplication({ request, url, client }: SubmitRequest, deps: SubmitDeps): Promise<SubmitAnswer> {
  const acceptLang = localeFromAcceptLanguage(request.headers.get('accept-language'));
  if (isCrossSite(request, url)) return errorResponse(403, apiStrings(acceptLang).crossOrigin!);

  const rate = deps.limiter.take(client);
  const { type, charset } = mediaType(request.headers.get('content-type'));
  const isForm = type === 'application/x-www-form-urlencoded';
  if (!rate.allowed && !isForm) {
    const seconds = rate.retryAfterSeconds;
    return errorResponse(429, fillTemplate(apiStrings(acceptLang).tooMany!, { seconds }), { 'Retry-After': String(seconds) });
  }
  if ((type !== 'application/json' && !isForm) || (charset !== null && charset !== 'utf-8')) {
    return errorResponse(415, apiStrings(acceptLang).unsupportedType!);
  }

  const headerKey = request.headers.get('idempotency-key');
  if (headerKey !== null && !IDEMPOTENCY_KEY.test(headerKey)) return errorResponse(400, apiStrings(acceptLang).badIdempotencyKey!);

  const body = await readBodyText(request, BODY_LIMIT);
  if (!body.ok) {
    const page = isForm ? formPageFromReferer(request, url, await deps.kommuneSlugs()) : null;
    if (page && body.reason === 'too-large') {
      return { kind: 'form', form: { ...page, status: 413, values: {}, issues: [], general: { code: 'tooLarge' } } };
    }
    return errorResponse(body.reason === 'too-large' ? 413 : 400, apiStrings(acceptLang)[body.reason === 'too-large' ? 'tooLarge' : 'notUtf8']!, {
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
      syntax: api.malformedJson!,
      'not-object': api.notAnObject!,
      'forbidden-key': fillTemplate(api.forbiddenKey!, { key: parsed.path ?? '' }),
      'too-deep': api.tooDeep!,
    }[parsed.reason];
    return errorResponse(400, message);
  }
  const kommuner = await deps.kommuneSlugs();
  const result = validateApplication(parsed.value, now, kommuner);
  if (!result.ok) {
    const errors = result.issues.map((issue) => ({ path: issue.path, message: describeIssue(withChoices(issue, kommuner), errorStrings(lang)) }));
    return { kind: 'response', response: jsonResponse(422, { errors }) };
  }
  const stored = await store(result, now, headerKey, deps);
  switch (stored.kind) {
    case 'unavailable':
      return errorResponse(503, api.unavailable!, { 'Retry-After': String(STORE_RETRY_AFTER) });
    case 'key-reused':
      return { kind: 'response', response: jsonResponse(422, { errors: [{ path: '', message: api.idempotencyKeyReused! }] }) };
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
  ctx: { request: Request; url: URL; acceptLang: Locale; rate: ReturnType<RateLimiter['take']>; now: Date; headerKey: string | null },
  deps: SubmitDeps,
): Promise<SubmitAnswer> {
  const { values, hidden, unknown } = readForm(text);
  const lang = isLocale(hidden.lang) ? hidden.lang : ctx.acceptLang;
  const kommuner = await deps.kommuneSlugs();
  const kommune = hidden.kommune;
  if (kommune === undefined || !kommuner.includes(kommune)) {
    const fromReferer = formPageFromReferer(ctx.request, ctx.url, kommuner);
    if (!fromReferer) return errorResponse(400, fillTemplate(apiStrings(lang).unknownFormField!, { field: 'kommune' }));
    return { kind: 'form', form: { ...fromReferer, status: 400, values, issues: [], general: { code: 'malformed' } } };
  }
  const again = (form: Omit<FormRerender, 'lang' | 'kommune' | 'values'>): SubmitAnswer => ({
    kind: 'form',
    form: { lang, kommune, values, ...form },
  });
  if (unknown !== null) return again({ status: 400, issues: [], general: { code: 'malformed' } });
  const formKey = hidden.idempotencyKey ?? ctx.headerKey;
  if (formKey != null && !IDEMPOTENCY_KEY.test(formKey)) return again({ status: 400, issues: [], general: { code: 'malformed' } });
  if (!ctx.rate.allowed) {
    const seconds = ctx.rate.retryAfterSeconds;
    return again({ status: 429, issues: [], general: { code: 'tooMany', seconds }, retryAfter: seconds });
  }

  const { body, issues: formIssues } = formToApplication(values, kommune);
  const result = validateApplication(body, ctx.now, kommuner);
  const issues = mergeIssues(formIssues, result.ok ? [] : result.issues);
  if (!result.ok || issues.length) return again({ status: 422, issues });

  const stored = await store(result, ctx.now, formKey, deps);
  switch (stored.kind) {
    case 'unavailable':
      return again({ status: 503, issues: [], general: { code: 'store' }, retryAfter: STORE_RETRY_AFTER });
    case 'key-reused':
      // Our own form's key with other answers: a fresh start is the honest answer.
      return again({ status: 422, issues: [], general: { code: 'malformed' } });
    case 'answer': {
      const answer = JSON.parse(stored.body) as { reference: string };
      const response = new Response(null, { status: 303, headers: { Location: receiptPath(lang, kommune, answer.reference), ...NO_STORE } });
      return { kind: 'response', response };
    }
  }
}

type Stored =
  | { kind: 'answer'; status: number; body: string; replayed: boolean }
  | { kind: 'key-reused' }
  | { kind: 'unavailable' };

/** Routes and stores a valid application; the answer is made inside the store's transaction. */
async function store(
  valid: Extract<ReturnType<typeof validateApplication>, { ok: true }>,
  now: Date,
  key: string | null,
  deps: SubmitDeps,
): Promise<Stored> {
  const { application, age } = valid;
  const kommune = await deps.kommune(application.kommune);
  if (!kommune) {
    deps.log(`ansøgning ikke gemt: intet indhold for kommunen ${application.kommune}`);
    return { kind: 'unavailable' };
  }
  const { unit } = routeApplication(kommune, { age, receivesEarlyRetirementPension: application.receivesEarlyRetirementPension ?? null });
  const answerFor = (receipt: Receipt) => ({
    status: 201,
    body: JSON.stringify({
      reference: receipt.reference,
      kommune: receipt.kommune,
      unit: { id: unit.id, name: unit.name, phone: unit.phone },
      receivedAt: receipt.receivedAt,
    }),
  });
  let saved: SaveResult;
  try {
    saved = await deps
      .store()
      .save(
        { kommune: application.kommune, unitId: unit.id, receivedAt: now, application },
        key ? { key, fingerprint: fingerprint(application), answer: answerFor } : undefined,
      );
  } catch (error) {
    deps.log(`ansøgning ikke gemt, lageret svarer ikke: ${describeError(error)}`);
    return { kind: 'unavailable' };
  }
  if (saved.kind === 'key-reused') return { kind: 'key-reused' };
  if (saved.kind === 'replayed') return { kind: 'answer', ...saved.answer, replayed: true };
  deps.log(`ansøgning modtaget: ${saved.receipt.kommune}/${saved.receipt.unitId} ${saved.receipt.reference}`);
  return { kind: 'answer', ...(saved.answer ?? answerFor(saved.receipt)), replayed: false };
}
