/**
 * The no-JavaScript form's answers between its pages. A post never renders a
 * page: it keeps the answers (and their problems) as a form draft in the
 * store and answers `303 See Other` to a page that reads them back
 * (post-redirect-get), so the address bar shows the page's own address and a
 * reload never posts again. The browser holds only a random id, in an
 * HttpOnly, SameSite=Lax session cookie (gone when the browser closes); the
 * answers stay in the store for `DRAFT_MINUTES` after the last post and are
 * deleted when the application is sent, when they expire (any later save
 * deletes expired drafts, and so does the case team's `slet-gamle`).
 *
 * With JavaScript the island keeps its answers in the tab (src/islands/apply/draft.ts)
 * and never writes a form draft.
 */
import { randomBytes } from 'node:crypto';
import { DRAFT_MINUTES, type DraftContent } from '../../lib/apply-form-state.ts';
import type { ApplicationStore } from '../store/types.ts';

export type { DraftContent };
export const DRAFT_COOKIE = 'stoetteportalen-formular';
/** 32 random bytes, base64url: what a draft id looks like (a cookie of another shape is ignored). */
const DRAFT_ID = /^[A-Za-z0-9_-]{43}$/;

export interface KeptDraft {
  id: string;
  kommune: string;
  content: DraftContent;
}

/** The draft id the browser's cookie holds, or `null`. */
export function draftIdOf(request: Request): string | null {
  for (const part of (request.headers.get('cookie') ?? '').split(';')) {
    const [name, value] = part.trim().split('=', 2);
    if (name === DRAFT_COOKIE && value && DRAFT_ID.test(value)) return value;
  }
  return null;
}

const cookie = (value: string, secure: boolean, maxAge?: number) =>
  [`${DRAFT_COOKIE}=${value}`, 'Path=/', 'HttpOnly', 'SameSite=Lax', ...(secure ? ['Secure'] : []), ...(maxAge === undefined ? [] : [`Max-Age=${maxAge}`])].join('; ');

/** The `Set-Cookie` that gives the browser a draft's id, for this browser session. */
export const draftCookie = (id: string, secure: boolean) => cookie(id, secure);
/** The `Set-Cookie` that removes it (the application was sent). */
export const clearDraftCookie = (secure: boolean) => cookie('', secure, 0);

function parseContent(data: string): DraftContent | null {
  try {
    const c = JSON.parse(data) as Partial<DraftContent> | null;
    const ok = c && (c.lang === 'da' || c.lang === 'en') && typeof c.values === 'object' && typeof c.idempotencyKey === 'string' && Array.isArray(c.issues);
    return ok ? ({ ...c, general: c.general ?? null } as DraftContent) : null;
  } catch {
    return null;
  }
}

/**
 * The draft of this browser for this kommune, or `null` (no cookie, none kept,
 * expired, another kommune's, or the store cannot say: the form starts empty).
 */
export async function readKeptDraft(store: () => ApplicationStore, request: Request, kommune: string, now: Date): Promise<KeptDraft | null> {
  const id = draftIdOf(request);
  if (!id) return null;
  try {
    const kept = await store().readFormDraft(id, now);
    const content = kept && kept.kommune === kommune ? parseContent(kept.data) : null;
    return content ? { id, kommune, content } : null;
  } catch {
    return null;
  }
}

/**
 * Keeps the answers under the browser's draft id (a new one when it has none)
 * and returns the id, or `null` when the store cannot keep them (the caller
 * then shows the page at once, as it was before post-redirect-get).
 */
export async function keepDraft(store: () => ApplicationStore, request: Request, kommune: string, content: DraftContent, now: Date): Promise<string | null> {
  const id = draftIdOf(request) ?? randomBytes(32).toString('base64url');
  try {
    const expiresAt = new Date(now.getTime() + DRAFT_MINUTES * 60_000);
    await store().saveFormDraft(id, { kommune, data: JSON.stringify(content) }, { now, expiresAt });
    return id;
  } catch {
    return null;
  }
}

/** The application was sent: its draft goes (a store that cannot delete it now lets it expire). */
export async function forgetDraft(store: () => ApplicationStore, request: Request): Promise<boolean> {
  const id = draftIdOf(request);
  if (!id) return false;
  try {
    await store().deleteFormDraft(id);
  } catch {
    // The store cannot delete it now: it expires.
  }
  return true;
}

/** A `303 See Other` to `location`, never cached, with a `Set-Cookie` when one is given. */
export function seeOther(location: string, setCookie?: string): Response {
  const headers = new Headers({ Location: location, 'Cache-Control': 'no-store' });
  if (setCookie) headers.set('Set-Cookie', setCookie);
  return new Response(null, { status: 303, headers });
}
