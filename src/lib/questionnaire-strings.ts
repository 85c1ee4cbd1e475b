/**
 * The shape of the questionnaire's strings and links, as the pages build them
 * (lib/questionnaire.ts) and its Preact components take them as props.
 */
import type da from '../i18n/locales/da/questionnaire.json';
import type { AgeBandWords } from './age-band-text.ts';
import type { RouteReason } from './route-reason.ts';

/**
 * The `questionnaire` namespace, the age-band words its førtidspension hint uses, and the application form's
 * words for the VUM themes ("Sundhed, fx at passe på helbredet og tage medicin"): the same choice, explained
 * the same way in both, and in English on English pages; and why an application would go to its unit, worded for each
 * way the kommune routes (lib/route-reason.ts).
 */
export type QuestionnaireStrings = typeof da & { ageBand: AgeBandWords; themes: Record<string, string>; unitReasons: Record<string, RouteReason> };

/** Where the result links to, for the page's language. */
export interface QuestionnaireLinks {
  /** The kommune's standard page (`/<kommune>/`), sections are `#<id>` on it. */
  standard: string;
  contact: string;
  /** The application form. */
  apply: string;
}
