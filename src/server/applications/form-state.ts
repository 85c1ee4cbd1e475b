/**
 * What the application form page starts with, server-side:
 *
 * - after a no-JavaScript post, the answers and problems kept as this
 *   browser's form draft (check-answers.ts redirected here);
 * - when the store could not keep them, the same handed over at once
 *   (`locals.applyForm`, set before the rewrite to the page);
 * - after "Kan jeg få støtte?" without JavaScript, the questionnaire posts
 *   `prefill=questionnaire` with `who`, `age`, `pension`, repeated `needs` and `helpAreas`
 *   to the page, and the form is filled in from them (no errors shown; the chosen help ticked
 *   in the help question, from the kommune's list only);
 * - otherwise an empty form.
 */
import { prefillFromQuestionnaire } from '../../domain/application-form.ts';
import type { FormRerender, FormState } from '../../lib/apply-form-state.ts';
import { mediaType, readBodyText } from '../request-body.ts';
import type { ApplicationStore } from '../store/types.ts';
import { draftQuery, readKeptDraft } from './form-draft.ts';
import { BODY_LIMIT } from './submit.ts';

const EMPTY: FormState = { status: 200, values: {}, issues: [], general: null, ageHint: null, retryAfter: null, idempotencyKey: null, draftQuery: '' };

export interface FormStateSource {
  request: Request;
  /** The page's address: its `?svar=…` names the form's draft. */
  url: URL;
  kommune: string;
  /** The kommune's own help list (help-areas.ts), for the questionnaire's chosen help. */
  ownList: readonly string[];
  /** The answers handed over at once when the store could not keep them. */
  rerender: FormRerender | undefined;
  store: () => ApplicationStore;
  now: Date;
}

export async function formState({ request, url, kommune, ownList, rerender, store, now }: FormStateSource): Promise<FormState> {
  if (rerender) {
    const { status, values, issues, general, retryAfter, idempotencyKey } = rerender;
    return { ...EMPTY, status, values, issues, general: general ?? null, retryAfter: retryAfter ?? null, idempotencyKey: idempotencyKey ?? null };
  }
  if (request.method !== 'POST' || mediaType(request.headers.get('content-type')).type !== 'application/x-www-form-urlencoded') {
    const lookup = await readKeptDraft(store, request, url, kommune, now);
    // The answers are kept but cannot be read now: say so, rather than start an empty form as if they were gone.
    if (lookup.kind === 'unavailable') return { ...EMPTY, status: 503, general: { code: 'answersUnavailable' }, retryAfter: 30 };
    if (lookup.kind === 'none') return EMPTY;
    const { values, issues, general, idempotencyKey } = lookup.draft.content;
    return { ...EMPTY, values, issues, general, idempotencyKey, draftQuery: draftQuery(lookup.draft.key) };
  }
  const body = await readBodyText(request, BODY_LIMIT);
  if (!body.ok) return EMPTY;
  const fields = new URLSearchParams(body.text);
  if (fields.get('prefill') !== 'questionnaire') return EMPTY;
  const { values, ageHint } = prefillFromQuestionnaire(
    { who: fields.get('who'), age: fields.get('age'), pension: fields.get('pension'), needs: fields.getAll('needs'), helpAreas: fields.getAll('helpAreas') },
    ownList,
  );
  return { ...EMPTY, values, ageHint };
}

/**
 * The form state for the page, with its status and headers set on the
 * response. Call it in the page file, before rendering starts: a view's
 * frontmatter runs after Astro has begun to stream, too late for headers.
 */
export async function formStateForPage(source: FormStateSource, response: { status?: number; headers: Headers }): Promise<FormState> {
  const state = await formState(source);
  response.status = state.status;
  response.headers.set('Cache-Control', 'no-store');
  if (state.retryAfter) response.headers.set('Retry-After', String(state.retryAfter));
  return state;
}
