/**
 * The no-JavaScript form's answers between its pages. A post never renders a
 * page: it keeps the answers (and their problems) as a form draft in the
 * store and answers `303 See Other` to a page that reads them back
 * (post-redirect-get), so a reload never posts again.
 *
 * A draft is found by two random values, and only with both:
 * - the browser's id, in an HttpOnly, SameSite=Lax session cookie (the
 *   browser drops it when it closes, unless it restores the session);
 * - the form's key, in the address of the pages that show the answers
 *   (`?svar=…`: the form page and "Tjek dine svar" after a post, their "Ret"
 *   links and language switch). A new visit to the form has no key, so it
 *   starts empty: the next person at a shared computer does not see the
 *   answers, and two tabs keep two drafts.
 * The answers stay in the store for `DRAFT_MINUTES` after the last post and
 * are deleted when the application is sent or when they expire (expired
 * drafts go on every save, every few minutes in the server and with the case
 * team's `slet-gamle`).
 *
 * With JavaScript the island keeps its answers in the tab (src/islands/apply/draft.ts)
 * and never writes a form draft.
 */
import { randomBytes } from 'node:crypto';
import { DRAFT_MINUTES, type DraftContent } from '../../lib/apply-form-state.ts';
import { FORM_FIELDS } from '../../domain/application-form.ts';
import type { ApplicationStore } from '../store/types.ts';
import type { RequestHeaders } from '../request-body.ts';
import { IDEMPOTENCY_KEY } from './submit.ts';

export type { DraftContent };
export const DRAFT_COOKIE = 'stoetteportalen-formular';
/** The query parameter that holds a form's key on the pages that show its answers. */
export const DRAFT_PARAM = 'svar';
/** 32 random bytes, base64url: the shape of a browser id and a form key (anything else is ignored). */
const RANDOM_ID = /^[A-Za-z0-9_-]{43}$/;
const newRandomId = () => randomBytes(32).toString('base64url');

/** Where a draft is: the browser's id and the form's key. */
export interface DraftKey {
  browser: string;
  form: string;
}

export interface KeptDraft {
  key: DraftKey;
  kommune: string;
  content: DraftContent;
}

/** The browser's id from its cookie, or `null`. */
export function browserIdOf(request: RequestHeaders): string | null {
  for (const part of (request.headers.get('cookie') ?? '').split(';')) {
    const [name, value] = part.trim().split('=', 2);
    if (name === DRAFT_COOKIE && value && RANDOM_ID.test(value)) return value;
  }
  return null;
}

/** The form's key from a page's address (`?svar=…`), or `null`. */
export function formKeyOf(url: URL): string | null {
  const key = url.searchParams.get(DRAFT_PARAM);
  return key && RANDOM_ID.test(key) ? key : null;
}

/** The query that brings a page back to a draft's answers: `?svar=…`. */
export const draftQuery = (key: DraftKey | string) => `?${DRAFT_PARAM}=${typeof key === 'string' ? key : key.form}`;

const storeId = (key: DraftKey) => `${key.browser}.${key.form}`;

/** The `Set-Cookie` that gives the browser its id, for this browser session (kept after a send: other tabs may have drafts). */
export const draftCookie = (browser: string, secure: boolean) =>
  [`${DRAFT_COOKIE}=${browser}`, 'Path=/', 'HttpOnly', 'SameSite=Lax', ...(secure ? ['Secure'] : [])].join('; ');

const isValues = (v: unknown): boolean =>
  typeof v === 'object' && v !== null && !Array.isArray(v) &&
  Object.entries(v).every(([name, value]) => FORM_FIELDS.includes(name as never) && (typeof value === 'string' || (Array.isArray(value) && value.every((x) => typeof x === 'string'))));
const isIssue = (i: unknown): boolean => typeof i === 'object' && i !== null && typeof (i as { path: unknown }).path === 'string' && typeof (i as { code: unknown }).code === 'string';
const GENERAL_CODES = new Set(['store', 'tooMany', 'malformed', 'tooLarge', 'keyReused']);

/** The stored JSON as a draft, or `null` when it is not one (a draft this program did not write is no draft). */
export function parseDraftContent(data: string): DraftContent | null {
  try {
    const c = JSON.parse(data) as Partial<DraftContent> | null;
    const ok =
      c !== null && typeof c === 'object' && (c.lang === 'da' || c.lang === 'en') && isValues(c.values) &&
      typeof c.idempotencyKey === 'string' && IDEMPOTENCY_KEY.test(c.idempotencyKey) &&
      Array.isArray(c.issues) && c.issues.every(isIssue) &&
      (c.general == null || GENERAL_CODES.has((c.general as { code: string }).code));
    return ok ? ({ ...c, general: c.general ?? null } as DraftContent) : null;
  } catch {
    return null;
  }
}

export type DraftLookup = { kind: 'found'; draft: KeptDraft } | { kind: 'none' } | { kind: 'unavailable' };

/**
 * The draft of this browser under the form's key in the page's address, for this
 * kommune: none without both, when expired, or another kommune's; `unavailable`
 * when the store cannot say (the page says so instead of starting afresh).
 */
export async function readKeptDraft(store: () => ApplicationStore, request: RequestHeaders, url: URL, kommune: string, now: Date): Promise<DraftLookup> {
  const browser = browserIdOf(request);
  const form = formKeyOf(url);
  if (!browser || !form) return { kind: 'none' };
  const key = { browser, form };
  try {
    const kept = await store().readFormDraft(storeId(key), now);
    const content = kept && kept.kommune === kommune ? parseDraftContent(kept.data) : null;
    return content ? { kind: 'found', draft: { key, kommune, content } } : { kind: 'none' };
  } catch {
    return { kind: 'unavailable' };
  }
}

/**
 * Keeps the answers under this browser's id (a new one when it has none) and
 * the form's key from the posting page's address (a new one on the first
 * post), and returns where they are, or `null` when the store cannot keep
 * them (the caller then shows the page at once, as before post-redirect-get).
 */
export async function keepDraft(store: () => ApplicationStore, request: RequestHeaders, url: URL, kommune: string, content: DraftContent, now: Date): Promise<DraftKey | null> {
  const key = { browser: browserIdOf(request) ?? newRandomId(), form: formKeyOf(url) ?? newRandomId() };
  try {
    const expiresAt = new Date(now.getTime() + DRAFT_MINUTES * 60_000);
    await store().saveFormDraft(storeId(key), { kommune, data: JSON.stringify(content) }, { now, expiresAt });
    return key;
  } catch {
    return null;
  }
}

/** The application was sent from the page of the form's key: its draft goes (a store that cannot delete it now lets it expire). */
export async function forgetDraft(store: () => ApplicationStore, request: RequestHeaders, url: URL): Promise<void> {
  const browser = browserIdOf(request);
  const form = formKeyOf(url);
  if (!browser || !form) return;
  try {
    await store().deleteFormDraft(storeId({ browser, form }));
  } catch {
    // The store cannot delete it now: it expires.
  }
}

/** A `303 See Other` to `location`, never cached, with a `Set-Cookie` when one is given. */
export function seeOther(location: string, setCookie?: string): Response {
  const headers = new Headers({ Location: location, 'Cache-Control': 'no-store' });
  if (setCookie) headers.set('Set-Cookie', setCookie);
  return new Response(null, { status: 303, headers });
}
