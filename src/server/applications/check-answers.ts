/**
 * "Tjek dine svar" without JavaScript (ARCHITECTURE.md, "Pages and URLs"): the
 * one-page form posts to `/<kommune>/ansoeg/tjek/`, which checks the answers
 * as the endpoint does (`checkPostedForm`: the island's `checkForm` and the
 * server's check of the characters), keeps them as a
 * form draft (form-draft.ts) and answers `303 See Other`:
 *
 * - to the form page when a field has a problem (the page shows the error
 *   summary and every answer, read from the draft);
 * - to "Tjek dine svar" when none has: the answers, where the application
 *   goes and why (routing decided here, on the server), "Ret" links, and the
 *   send button, whose form posts the answers to the endpoint.
 *
 * The endpoint's no-JavaScript errors come back the same way (`formAnswer`):
 * a field problem to the form page, a problem with the sending only (the
 * store, too many tries) to "Tjek dine svar" with the send button again.
 * When the store cannot keep the draft, the page is shown at once instead
 * (the answers are in that page's form; a reload then asks to post again).
 */
import type { KnownKommuner } from '../../domain/application.ts';
import { applyPath, checkAnswersPath } from '../../domain/paths.ts';
import type { Locale } from '../../i18n/index.ts';
import type { FormRerender } from '../../lib/apply-form-state.ts';
import { isCrossSite } from '../cross-site.ts';
import { errorJson } from '../http.ts';
import type { RateLimiter } from '../rate-limit.ts';
import { mediaType, readBodyText, type RequestHeaders } from '../request-body.ts';
import type { ApplicationStore } from '../store/types.ts';
import { decodeForm } from './form-decoding.ts';
import { browserIdOf, draftCookie, draftQuery, forgetDraft, keepDraft, readKeptDraft, seeOther, type DraftContent, type KeptDraft } from './form-draft.ts';
import { apiStrings, BODY_LIMIT, IDEMPOTENCY_KEY } from './submit.ts';
import { checkPostedForm } from './text-check.ts';

export interface CheckDeps {
  /** The store; may throw when it cannot be opened (then the page is shown at once). */
  store: () => ApplicationStore;
  /** The kommuner there are, with their own help lists (`checkPostedForm`). */
  kommuner: () => Promise<KnownKommuner>;
  now: () => Date;
  limiter: RateLimiter;
  /** Cookies only over HTTPS (the site's address is https://). */
  secureCookies: boolean;
}

export interface CheckRequest {
  request: Request;
  url: URL;
  client: string;
  /** From the page's address: the language and kommune of the form that posted. */
  lang: Locale;
  kommune: string;
}

export type CheckAnswer = { kind: 'response'; response: Response } | { kind: 'form'; form: FormRerender };

/** The form is shown again while a field has a problem or the post could not be read; else "Tjek dine svar". */
const backToForm = ({ issues, general }: Pick<DraftContent, 'issues' | 'general'>) =>
  issues.length > 0 || general?.code === 'malformed' || general?.code === 'tooLarge';
const pageFor = (content: DraftContent, kommune: string) =>
  backToForm(content) ? applyPath(content.lang, kommune) : checkAnswersPath(content.lang, kommune);

/** Keeps the answers and sends the browser to the page that shows them; `null` when the store cannot keep them. */
async function redirectWithDraft(
  deps: Pick<CheckDeps, 'store' | 'secureCookies'>,
  request: RequestHeaders,
  url: URL,
  kommune: string,
  content: DraftContent,
  now: Date,
) {
  const key = await keepDraft(deps.store, request, url, kommune, content, now);
  if (!key) return null;
  const newBrowser = key.browser !== browserIdOf(request);
  return seeOther(`${pageFor(content, kommune)}${draftQuery(key)}`, newBrowser ? draftCookie(key.browser, deps.secureCookies) : undefined);
}

/** `POST /<kommune>/ansoeg/tjek/`: the one-page form's answers, checked and kept. */
export async function postCheckAnswers({ request, url, client, lang, kommune }: CheckRequest, deps: CheckDeps): Promise<CheckAnswer> {
  if (isCrossSite(request, url)) return { kind: 'response', response: errorJson(403, apiStrings(lang).crossOrigin) };
  if (mediaType(request.headers.get('content-type')).type !== 'application/x-www-form-urlencoded') {
    return { kind: 'response', response: errorJson(415, apiStrings(lang).unsupportedType) };
  }
  const again = (form: Omit<FormRerender, 'lang' | 'kommune'>): CheckAnswer => ({ kind: 'form', form: { lang, kommune, ...form } });
  const body = await readBodyText(request, BODY_LIMIT);
  if (!body.ok) return again({ status: body.reason === 'too-large' ? 413 : 400, values: {}, issues: [], general: { code: body.reason === 'too-large' ? 'tooLarge' : 'malformed' } });
  const { values, hidden, unknown } = decodeForm(body.text);
  const key = hidden.idempotencyKey;
  if (unknown !== null || !key || !IDEMPOTENCY_KEY.test(key)) return again({ status: 400, values, issues: [], general: { code: 'malformed' } });
  // Every check writes a draft: the same limit as sending keeps a flood of posts from filling the store.
  const rate = await deps.limiter.take(client);
  if (!rate.allowed) {
    const seconds = rate.retryAfterSeconds;
    return again({ status: 429, values, issues: [], general: { code: 'tooMany', seconds }, retryAfter: seconds, idempotencyKey: key });
  }
  const now = deps.now();
  const checked = checkPostedForm(values, kommune, now, await deps.kommuner());
  const issues = checked.ok ? [] : checked.issues;
  const response = await redirectWithDraft(deps, request, url, kommune, { lang, values, idempotencyKey: key, issues, general: null }, now);
  return response
    ? { kind: 'response', response }
    : again({ status: 503, values, issues, general: { code: 'store' }, retryAfter: 30, idempotencyKey: key });
}

/**
 * The endpoint's answer to the no-JavaScript form as post-redirect-get: a
 * form to show again becomes the draft of the form's key (`?svar=…` in the
 * send form's action) and a 303 to its page (null: the store cannot keep it,
 * show the page at once); an application stored from that page forgets the
 * draft. Other clients' answers pass as they are.
 */
export async function formAnswer(
  answer: { kind: 'response'; response: Response } | { kind: 'form'; form: FormRerender },
  request: RequestHeaders,
  url: URL,
  deps: Pick<CheckDeps, 'store' | 'secureCookies' | 'now' | 'kommuner'>,
): Promise<Response | null> {
  if (answer.kind === 'response') {
    if (answer.response.status === 201 || answer.response.status === 303) await forgetDraft(deps.store, request, url);
    return answer.response;
  }
  const { lang, kommune, values, general, idempotencyKey } = answer.form;
  // A 413 before the body was read has no answers: the browser's form page still has them.
  if (!idempotencyKey) return null;
  const now = deps.now();
  // Refused before its answers were checked (too many tries): checked here, so "Tjek dine svar" shows only answers that hold.
  const checked = answer.form.issues.length ? null : checkPostedForm(values, kommune, now, await deps.kommuner());
  const issues = checked && !checked.ok ? checked.issues : answer.form.issues;
  return redirectWithDraft(deps, request, url, kommune, { lang, values, idempotencyKey, issues, general: general ?? null }, now);
}

export type CheckPage = { kind: 'redirect'; response: Response } | { kind: 'none' } | { kind: 'unavailable' } | { kind: 'check'; draft: KeptDraft };

/**
 * `GET /<kommune>/ansoeg/tjek/?svar=…`: the kept answers, none (expired, never kept, another browser), or
 * `unavailable` (the store cannot say now). Answers with a problem are never shown as ready to send: the form
 * page instead (checked again here, as a day may have passed since).
 */
export async function checkAnswersPage(
  store: () => ApplicationStore,
  request: Request,
  url: URL,
  page: { lang: Locale; kommune: string; kommuner: KnownKommuner },
  now: Date,
): Promise<CheckPage> {
  const { lang, kommune, kommuner } = page;
  const lookup = await readKeptDraft(store, request, url, kommune, now);
  if (lookup.kind !== 'found') return lookup;
  const { draft } = lookup;
  if (backToForm(draft.content) || !checkPostedForm(draft.content.values, kommune, now, kommuner).ok) {
    return { kind: 'redirect', response: seeOther(`${applyPath(lang, kommune)}${draftQuery(draft.key)}`) };
  }
  return { kind: 'check', draft };
}
