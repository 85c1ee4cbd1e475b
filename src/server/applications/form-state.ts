/**
 * What the application form page starts with, server-side:
 *
 * - after a no-JavaScript post with errors, the endpoint's answers and
 *   problems (`locals.applyForm`, set before it rewrites to the page);
 * - after "Kan jeg få støtte?" without JavaScript, the questionnaire posts
 *   `prefill=questionnaire` with `who`, `age`, `pension`, repeated `needs` and `description`
 *   to the page, and the form is filled in from them (no errors shown);
 * - otherwise an empty form.
 */
import { prefillFromQuestionnaire } from '../../domain/application-form.ts';
import type { FormRerender, FormState } from '../../lib/apply-form-state.ts';
import { mediaType, readBodyText } from '../request-body.ts';
import { BODY_LIMIT } from './submit.ts';

const EMPTY: FormState = { status: 200, values: {}, issues: [], general: null, ageHint: null, retryAfter: null };

export async function formState(request: Request, rerender: FormRerender | undefined): Promise<FormState> {
  if (rerender) {
    const { status, values, issues, general, retryAfter } = rerender;
    return { status, values, issues, general: general ?? null, ageHint: null, retryAfter: retryAfter ?? null };
  }
  if (request.method !== 'POST' || mediaType(request.headers.get('content-type')).type !== 'application/x-www-form-urlencoded') {
    return EMPTY;
  }
  const body = await readBodyText(request, BODY_LIMIT);
  if (!body.ok) return EMPTY;
  const fields = new URLSearchParams(body.text);
  if (fields.get('prefill') !== 'questionnaire') return EMPTY;
  const { values, ageHint } = prefillFromQuestionnaire({
    who: fields.get('who'),
    age: fields.get('age'),
    pension: fields.get('pension'),
    needs: fields.getAll('needs'),
    description: fields.get('description'),
  });
  return { ...EMPTY, values, ageHint };
}

/**
 * The form state for the page, with its status and headers set on the
 * response. Call it in the page file, before rendering starts: a view's
 * frontmatter runs after Astro has begun to stream, too late for headers.
 */
export async function formStateForPage(
  request: Request,
  rerender: FormRerender | undefined,
  response: { status?: number; headers: Headers },
): Promise<FormState> {
  const state = await formState(request, rerender);
  response.status = state.status;
  response.headers.set('Cache-Control', 'no-store');
  if (state.retryAfter) response.headers.set('Retry-After', String(state.retryAfter));
  return state;
}
