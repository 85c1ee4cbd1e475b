/**
 * What the application form page is rendered from, server-side. The endpoint
 * and "Tjek dine svar" turn a no-JavaScript post they cannot take into a
 * `FormRerender`, kept as a form draft for the page to read after a redirect
 * (src/server/applications/check-answers.ts), or, when the store cannot keep
 * it, handed to the page at once (through Astro's locals, `locals.applyForm`,
 * typed in src/env.d.ts); src/server/applications/form-state.ts turns it, a
 * draft, a prefill from the questionnaire or nothing into the `FormState`
 * that src/views/ApplyPage.astro renders.
 */
import type { Issue } from '../domain/application.ts';
import type { FormProblem, FormValues } from '../domain/application-form.ts';
import type { Locale } from '../i18n/index.ts';

/** What the form page needs to show the form again: the answers, the problems, and a general error if any. */
export interface FormRerender {
  lang: Locale;
  kommune: string;
  status: number;
  values: FormValues;
  issues: Issue[];
  general?: FormProblem;
  retryAfter?: number;
  /** The form's Idempotency-Key as posted (a fresh one after `keyReused`); absent when the body could not be read. */
  idempotencyKey?: string;
}

/** The form page's start: its status, the values filled in, the problems to show, and the age hint from the questionnaire. */
export interface FormState {
  status: number;
  values: FormValues;
  issues: Issue[];
  general: FormProblem | null;
  ageHint: number | null;
  retryAfter: number | null;
  /** The Idempotency-Key the answers were kept with, so sending them again cannot store them twice; `null`: a new form. */
  idempotencyKey: string | null;
  /** `?svar=…` when the answers are a kept draft: the form posts back to it and the language switch keeps it; else ''. */
  draftQuery: string;
}

/** How long the no-JavaScript form's answers are kept after its last post (the privacy notice and README say the same). */
export const DRAFT_MINUTES = 120;

/**
 * A form draft: the no-JavaScript form's answers between its pages, its
 * Idempotency-Key, and the problems found in them (src/server/applications/form-draft.ts).
 */
export interface DraftContent {
  lang: Locale;
  values: FormValues;
  idempotencyKey: string;
  /** The fields' problems: the form page shows them; none means "Tjek dine svar" can show the answers. */
  issues: Issue[];
  /** A problem with the whole sending (the store was down, too many tries), shown above the answers. */
  general: FormProblem | null;
}
