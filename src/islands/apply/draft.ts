/**
 * The answers of the form in progress, kept for this tab only (sessionStorage:
 * gone when the tab closes, never sent anywhere), so a reload, the browser's
 * Back and Forward, a visit to another page of the site and the language
 * switch come back to the same step with every answer. Kept under
 * `draftStorageKey(<kommune>)` as `{ values, step, key }` (`key`: the form's
 * Idempotency-Key, so a retry after a reload cannot store the application
 * twice), and removed once the application is sent.
 */
import { FORM_FIELDS, STEPS, type FormValues } from '../../domain/application-steps.ts';
import { draftStorageKey, prefillStorageKey } from '../../domain/ids.ts';

/** A step's index (from storage or a history entry, so checked). */
export const isStep = (n: unknown): n is number => Number.isInteger(n) && !!STEPS[n as number];

export interface Draft {
  values: FormValues;
  step: number;
  key: string;
}

export function readDraft(kommune: string): Draft | null {
  try {
    const d = JSON.parse(sessionStorage.getItem(draftStorageKey(kommune)) ?? 'null') as Partial<Draft> | null;
    if (!d || typeof d.key !== 'string' || typeof d.values !== 'object' || !d.values) return null;
    // Only the form's own fields, as strings or lists.
    const values = Object.fromEntries(FORM_FIELDS.map((f) => [f, d.values![f]]).filter(([, v]) => typeof v === 'string' || Array.isArray(v))) as FormValues;
    return { values, step: isStep(d.step) ? d.step : 0, key: d.key };
  } catch {
    // Storage blocked or not JSON: start as if there were none.
    return null;
  }
}

/** Sent: the form's answers and the questionnaire's that went into it are removed from the tab. */
export function forgetAnswers(kommune: string): void {
  try {
    for (const key of [draftStorageKey, prefillStorageKey]) sessionStorage.removeItem(key(kommune));
  } catch {
    // Storage blocked: nothing was kept.
  }
}

export function saveDraft(kommune: string, draft: Draft | null): void {
  try {
    if (draft) sessionStorage.setItem(draftStorageKey(kommune), JSON.stringify(draft));
    else sessionStorage.removeItem(draftStorageKey(kommune));
  } catch {
    // Storage full or blocked: the form still works, it just cannot be restored.
  }
}
