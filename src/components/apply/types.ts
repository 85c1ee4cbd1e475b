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
import type { ApplyStrings, ApplyStringsByFiller, Filler } from '../../lib/apply-words.ts';
import type { RoutingWords } from '../../lib/route-reason.ts';

export type { ApplyStrings };

export interface FormKommune extends RoutingKommune {
  slug: string;
  name: string;
  /** With a number from another public source where the standard gives none (unit-phone.ts). */
  units: ShownUnit[];
  /** The slugs of the kommune's own help list, the API's `helpAreas`; none where it lists the VUM themes (help-areas.ts). */
  helpAreas: string[];
}

/** The routing preview's fixed parts as HTML, rendered on the server (RoutingFragments.tsx). */
export interface PreviewFragments {
  under18: string;
  rules: string;
  /** By unit id: its phone and phone hours. */
  contacts: Record<string, string>;
}

export interface ApplyProps {
  lang: 'da' | 'en';
  kommune: FormKommune;
  /** The form's words for someone applying for themselves, for another, and before that is known (apply-words.ts). */
  strings: ApplyStringsByFiller;
  /** Why the application goes to a unit, worded ahead for each way the kommune routes, in the same variants. */
  routing: Record<Filler, RoutingWords>;
  /** The routing preview's fixed parts, in the same variants. */
  fragments: Record<Filler, PreviewFragments>;
  /** The step indicator at each step (by the step's index), as HTML, in the same variants (StepIndicator.tsx). */
  steps: Record<Filler, string[]>;
  values: FormValues;
  issues: Issue[];
  general: FormProblem | null;
  /** Age from the questionnaire, for the routing preview until a date of birth is given. */
  ageHint: number | null;
  /** Generated on the server per form; a retry or double click sends the same key. */
  idempotencyKey: string;
}
