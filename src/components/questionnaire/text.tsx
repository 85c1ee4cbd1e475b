/**
 * What the questionnaire's Preact components share: the shape of their
 * strings (the `questionnaire` namespace, translated by the page and passed
 * as props) and a filler that can put elements into a template, so a
 * kommune's Danish words keep `lang="da"` inside an English sentence.
 */
import type { ComponentChild } from 'preact';
import type { Locale } from '../../i18n/index.ts';
import type { RouteWhy } from '../../domain/routing.ts';
import { reasonFor } from '../../lib/route-reason.ts';
import type { QuestionnaireStrings } from '../../lib/questionnaire-strings.ts';

export type { QuestionnaireLinks, QuestionnaireStrings } from '../../lib/questionnaire-strings.ts';

/** A kommune's own words (always Danish): marked so on English pages. */
export function Danish({ lang, children }: { lang: Locale; children: ComponentChild }) {
  return lang === 'da' ? <>{children}</> : <span lang="da">{children}</span>;
}

/** Why the application goes to its unit, in the page's words; a kommune's own reason and unit names marked Danish. */
export function UnitWhy({ why, s, lang }: { why: RouteWhy; s: QuestionnaireStrings; lang: Locale }) {
  const reason = reasonFor(s.unitReasons, why);
  return reason.lang ? <Danish lang={lang}>{reason.text}</Danish> : <>{fillNodes(reason.text, { unit: <Danish lang={lang}>{reason.unit}</Danish> })}</>;
}

/** `{{name}}` slots filled with text or elements. */
export function fillNodes(template: string, values: Record<string, ComponentChild>): ComponentChild[] {
  return template.split(/(\{\{\w+\}\})/).map((part) => {
    const slot = /^\{\{(\w+)\}\}$/.exec(part);
    return slot ? values[slot[1]!] : part;
  });
}
