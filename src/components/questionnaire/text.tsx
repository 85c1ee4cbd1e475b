/**
 * What the questionnaire's Preact components share: the shape of their
 * strings (the `questionnaire` namespace, translated by the page and passed
 * as props) and a filler that can put elements into a template, so a
 * kommune's Danish words keep `lang="da"` inside an English sentence.
 */
import type { ComponentChild } from 'preact';
import type da from '../../i18n/locales/da/questionnaire.json';
import type { Locale } from '../../i18n/index.ts';
import type { AgeBandWords } from '../../lib/age-band-text.ts';

/** The `questionnaire` namespace, and the age-band words its førtidspension hint uses. */
export type QuestionnaireStrings = typeof da & { ageBand: AgeBandWords };

/** Where the result links to, for the page's language. */
export interface QuestionnaireLinks {
  /** The kommune's standard page (`/<kommune>/`), sections are `#<id>` on it. */
  standard: string;
  contact: string;
  /** The application form (issue 4). */
  apply: string;
}

/** A kommune's own words (always Danish): marked so on English pages. */
export function Danish({ lang, children }: { lang: Locale; children: ComponentChild }) {
  return lang === 'da' ? <>{children}</> : <span lang="da">{children}</span>;
}

/** `{{name}}` slots filled with text or elements. */
export function fillNodes(template: string, values: Record<string, ComponentChild>): ComponentChild[] {
  return template.split(/(\{\{\w+\}\})/).map((part) => {
    const slot = /^\{\{(\w+)\}\}$/.exec(part);
    return slot ? values[slot[1]!] : part;
  });
}
