/**
 * Danish words inside an English UI string (a unit's name, a Danish term the
 * citizen will meet in the kommune's letters) must be marked lang="da", or a
 * screen reader says them with English sounds (WCAG 3.1.2 Language of Parts).
 * A string marks them `<da>…</da>`; `Phrase.tsx` renders each mark as
 * `<span lang="da">`, and everything else as escaped text. The application
 * form uses it too (the unit a routing preview names), with and without
 * JavaScript; around other data it shows it puts lang="da" on its own elements.
 */
export interface Part {
  text: string;
  danish: boolean;
}

const MARK = /<da>(.*?)<\/da>/s;

/** "Goes to <da>UngeCentret</da>." → the plain and the Danish parts, in order (empty parts left out). */
export function danishParts(text: string): Part[] {
  // split() with a capturing group puts each mark's text at the odd places.
  return text
    .split(MARK)
    .map((part, i) => ({ text: part, danish: i % 2 === 1 }))
    .filter((p) => p.text);
}

/** A value from the content data (always Danish) for a `{{slot}}` of a string that `Phrase.tsx` renders. */
export const danish = (text: string) => `<da>${text}</da>`;

/**
 * What an English page shows of a text from the content data: its English
 * (`textEn`) where the content file gives one, else `undefined` and the page
 * shows the Danish, marked. Danish pages always show the Danish.
 */
export const englishOf = (lang: string, item: { textEn?: string | undefined } | null | undefined): string | undefined =>
  lang === 'en' ? item?.textEn : undefined;
