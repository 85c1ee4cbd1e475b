/**
 * Small counts in running text as words ("fem kommuner", "five
 * municipalities"), larger ones as digits: Danish usage writes small numbers
 * with letters (Dansk Sprognævn: typically up to twelve), and so does English
 * style. "én" carries its accent so it reads as the number, not the article.
 */
import type { Locale } from '../i18n/index.ts';

const WORDS: Record<Locale, readonly string[]> = {
  da: ['nul', 'én', 'to', 'tre', 'fire', 'fem', 'seks', 'syv', 'otte', 'ni', 'ti', 'elleve', 'tolv'],
  en: ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'],
};

export function countInWords(count: number, lang: Locale): string {
  return (Number.isInteger(count) ? WORDS[lang][count] : undefined) ?? String(count);
}

/**
 * i18next options for a string about the number of kommuner: `count` picks
 * the singular or plural form (`key_one` / `key_other`), `number` is the count
 * as the text shows it. The count comes from the content collection, so a new
 * kommune needs no change to the strings.
 */
export function kommuneCount(count: number, lang: Locale): { count: number; number: string } {
  return { count, number: countInWords(count, lang) };
}
