/**
 * What the application form page is rendered from, server-side. The endpoint
 * hands the page a `FormRerender` after a no-JavaScript post it cannot take
 * (through Astro's locals, `locals.applyForm`, typed in src/env.d.ts);
 * src/server/applications/form-state.ts turns it, a prefill from the
 * questionnaire or nothing into the `FormState` that src/views/ApplyPage.astro
 * renders.
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
}

/** The form page's start: its status, the values filled in, the problems to show, and the age hint from the questionnaire. */
export interface FormState {
  status: number;
  values: FormValues;
  issues: Issue[];
  general: FormProblem | null;
  ageHint: number | null;
  retryAfter: number | null;
}
