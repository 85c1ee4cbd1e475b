/**
 * Answers carried over from "Kan jeg få støtte?" (the questionnaire) with JavaScript:
 * the questionnaire leaves them in sessionStorage (this tab only, gone when
 * it closes) under `prefillStorageKey(<kommune>)` as
 * `{ who, age, pension, needs, helpAreas }`. Only these are read, and only the help the
 * kommune's list offers (`prefillFromQuestionnaire`); once the
 * application is sent they are removed with the form's own (`forgetAnswers` in draft.ts): they went into it.
 */
import { prefillFromQuestionnaire, type FormValues } from '../../domain/application-steps.ts';
import { prefillStorageKey } from '../../domain/ids.ts';
import type { FormKommune } from '../../components/apply/types.ts';

export function readQuestionnaire(kommune: FormKommune): { values: FormValues; ageHint: number | null } | null {
  try {
    const raw = sessionStorage.getItem(prefillStorageKey(kommune.slug));
    const answers: unknown = raw ? JSON.parse(raw) : null;
    return answers && typeof answers === 'object' ? prefillFromQuestionnaire(answers, kommune.helpAreas) : null;
  } catch {
    // Storage blocked or not JSON: start with an empty form.
    return null;
  }
}
