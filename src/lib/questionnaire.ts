/**
 * What the questionnaire's pages share: the island's props (translated here,
 * so i18next stays on the server) and the links for the page's language.
 * Reading a submitted no-JavaScript form is server/questionnaire-submission.ts.
 */
import type { QuestionnaireLinks, QuestionnaireStrings } from './questionnaire-strings.ts';
import { questionnaireData, takePartRule } from '../domain/eligibility.ts';
import type { Kommune } from '../domain/kommune.ts';
import { STRINGS, type Locale } from '../i18n/index.ts';
import { kommunePath, contactPath, applyPath } from '../domain/paths.ts';
import { ageBandWords } from './age-band-text.ts';
import { routingWords } from './route-reason.ts';

export function questionnaireLinks(lang: Locale, slug: string): QuestionnaireLinks {
  return {
    standard: kommunePath(lang, slug),
    contact: contactPath(lang, slug),
    apply: applyPath(lang, slug),
  };
}

/**
 * The `questionnaire` strings of one language for one kommune, as the
 * components take them. "Can you take part?" and its reasons are worded as
 * the kommune's standard words its condition (takePartRule): making choices
 * in Brønderslev, taking part and cooperating elsewhere. Chosen here, on the
 * server, so the island carries no code for it.
 */
export function questionnaireStrings(lang: Locale, k: Kommune): QuestionnaireStrings {
  const s = STRINGS[lang].questionnaire;
  const { choose } = s.questions.canTakePart;
  // The questionnaire speaks to the person ("Svarer du for en anden? Så svar for den person."): the form's words for oneself.
  const unitReasons = routingWords(k, STRINGS[lang].apply.routing, ageBandWords(lang)).reasons;
  const shared = { ageBand: ageBandWords(lang), themes: STRINGS[lang].apply.needs.themes, unitReasons };
  if (takePartRule(k) !== 'choose') return { ...s, ...shared };
  const canTakePart = { ...s.questions.canTakePart, label: choose.label, hint: choose.hint };
  return { ...s, questions: { ...s.questions, canTakePart }, reasons: { ...s.reasons, ...choose.reasons }, ...shared };
}

/** The island's props (the view checks them against `QuestionnaireProps`). */
export function questionnaireProps(lang: Locale, slug: string, kommune: Kommune) {
  return {
    lang,
    slug,
    k: questionnaireData(kommune),
    s: questionnaireStrings(lang, kommune),
    links: questionnaireLinks(lang, slug),
    phone: STRINGS[lang].phoneStatus,
  };
}
