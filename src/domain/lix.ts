/**
 * LIX (læsbarhedsindeks), the Danish readability index:
 *   words per sentence + percentage of words longer than six letters.
 * Under 30 is easy (children's books, easy-read), 30–40 ordinary
 * (newspapers), over 40 is hard for many readers.
 */
export interface LixResult {
  lix: number;
  words: number;
  sentences: number;
  longWords: number;
}

const WORD = /[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu;

/**
 * Sentences end at . ! ? : ; followed by a capital letter or a digit-free new
 * start, and at the end of each block (heading, list item, paragraph): a
 * heading or bullet without a full stop is still read as one unit. "kl. 8.00",
 * "bl.a. til" and "jf. § 85" do not end a sentence (lower case or digit follows).
 */
export function splitSentences(text: string): string[] {
  return text
    .split(/\n\s*\n|\n(?=\s*•)|(?<=[.!?:;])\s+(?=[\p{Lu}«„"])/u)
    .map((s) => s.trim())
    .filter((s) => /[\p{L}\p{N}]/u.test(s));
}

export function words(text: string): string[] {
  return text.match(WORD) ?? [];
}

/** Counts letters only: "§ 85" and "08.00" are not long words. */
function isLong(word: string): boolean {
  return (word.match(/\p{L}/gu) ?? []).length > 6;
}

export function lix(text: string): LixResult {
  const sentences = splitSentences(text).length;
  const all = words(text);
  const longWords = all.filter(isLong).length;
  if (all.length === 0 || sentences === 0) return { lix: 0, words: 0, sentences: 0, longWords: 0 };
  const value = all.length / sentences + (100 * longWords) / all.length;
  return { lix: Math.round(value * 10) / 10, words: all.length, sentences, longWords };
}

/**
 * Turns an MDX body into the plain text a reader sees: drops imports, JSX
 * tags, link targets, emphasis marks and list markers, keeps block breaks.
 */
export function mdxToPlainText(mdx: string): string {
  return mdx
    .replace(/^---[\s\S]*?\n---\n/, '')
    .replace(/^(import|export) .*$/gm, '')
    .replace(/<[^>]+>/g, '\n\n')
    .replace(/\{[^}]*\}/g, '')
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/^#{1,6}\s+(.*)$/gm, '\n$1\n\n')
    .replace(/^\s*(?:[-*+]|\d+\.)\s+/gm, '\n• ')
    .replace(/^\s*>\s?/gm, '')
    .replace(/^\s*\|.*\|\s*$/gm, (row) => (/^\s*\|[\s:|-]+\|\s*$/.test(row) ? '' : row.replace(/\|/g, '\n\n')))
    .replace(/[*_`]/g, '');
}
