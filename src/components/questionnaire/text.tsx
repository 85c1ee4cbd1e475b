/**
 * What the questionnaire's Preact components share: the shape of their
 * strings (the `questionnaire` namespace, translated by the page and passed
 * as props) and a filler that can put elements into a template, so a
 * kommune's Danish words keep `lang="da"` inside an English sentence.
 */
import type { ComponentChild } from 'preact';
import type { Locale } from '../../i18n/index.ts';

export type { QuestionnaireLinks, QuestionnaireStrings } from '../../lib/questionnaire-strings.ts';

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
