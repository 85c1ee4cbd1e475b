/**
 * What the application form gets from the page, as JSON in `data-props`:
 * translated strings (no i18next in the browser), the kommune's units and
 * routing rules, and — after a no-JavaScript round trip or a questionnaire
 * prefill — answers and problems. Nothing personal unless the person just
 * typed it into this very form.
 */
import type { Issue } from '../../domain/application.ts';
import type { FormProblem, FormValues } from '../../domain/application-form.ts';
import type { RoutingKommune } from '../../domain/routing.ts';
import type { ShownUnit } from '../../domain/unit-phone.ts';

export type ApplyStrings = Omit<typeof import('../../i18n/locales/da/apply.json'), 'api'>;

export interface FormKommune extends RoutingKommune {
  slug: string;
  name: string;
  /** With a number from another public source where the standard gives none (unit-phone.ts). */
  units: ShownUnit[];
}

export interface ApplyProps {
  lang: 'da' | 'en';
  kommune: FormKommune;
  strings: ApplyStrings;
  values: FormValues;
  issues: Issue[];
  general: FormProblem | null;
  /** Age from the questionnaire, for the routing preview until a date of birth is given. */
  ageHint: number | null;
  /** Generated on the server per form; a retry or double click sends the same key. */
  idempotencyKey: string;
  /** The contact page, for "ask the kommune". */
  contactPath: string;
}
