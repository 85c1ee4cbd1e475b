import { describe, expect, it } from 'vitest';
import { lix, mdxToPlainText, splitSentences, words } from './lix.ts';

describe('LIX: words per sentence + percentage of words longer than six letters', () => {
  it('two short sentences with one long word', () => {
    // 6 words / 2 sentences + 100 × 1 long word ("hurtigt", 7 letters) / 6 words = 3 + 16.67
    expect(lix('Jeg går hjem. Han løber hurtigt.')).toEqual({ lix: 19.7, words: 6, sentences: 2, longWords: 1 });
  });

  it('a word of exactly six letters is not long; seven is', () => {
    expect(lix('Kommunen hjælper.').longWords).toBe(2);
    expect(lix('Støtte gives.').longWords).toBe(0);
  });

  it('counts letters only: numbers, times and § are not long words', () => {
    expect(words('Ring kl. 08.00 jf. § 85')).toEqual(['Ring', 'kl', '08', '00', 'jf', '85']);
    expect(lix('Ring 12345678 kl. 08.00.').longWords).toBe(0);
  });

  it('a hyphenated word is one word, long by its letters', () => {
    expect(words('social-og-handicap')).toEqual(['social-og-handicap']);
    expect(lix('Social-og-handicap.').longWords).toBe(1);
  });

  it('nothing to read is 0, not a division by zero', () => {
    expect(lix('')).toEqual({ lix: 0, words: 0, sentences: 0, longWords: 0 });
    expect(lix(' … ')).toEqual({ lix: 0, words: 0, sentences: 0, longWords: 0 });
  });
});

describe('sentences', () => {
  it('end at . ! ? : ; before a capital letter', () => {
    expect(splitSentences('Kan du? Ja! Så ring: Vi svarer; Tak.')).toEqual(['Kan du?', 'Ja!', 'Så ring:', 'Vi svarer;', 'Tak.']);
  });

  it('do not end at an abbreviation or a time followed by lower case or a digit', () => {
    expect(splitSentences('Vi åbner kl. 8.00 i dag, bl.a. for dig, jf. § 85 i loven.')).toHaveLength(1);
  });

  it('end at each block: a heading, a paragraph or a bullet without a full stop is read as one', () => {
    expect(splitSentences('Overskrift\n\nEn tekst\n• første punkt\n• andet punkt')).toEqual(['Overskrift', 'En tekst', '• første punkt', '• andet punkt']);
  });
});

describe('MDX to the plain text a reader sees', () => {
  const mdx = [
    '---',
    'title: Støtte',
    '---',
    "import Box from '../Box.astro';",
    '',
    '## Hvem kan få støtte',
    'Læs [kvalitetsstandarden](/varde/) og **ring** til _os_.',
    '',
    '- første punkt',
    '1. andet punkt',
    '<Box>Boksens tekst</Box>',
    '| Dag | Tid |',
    '|-----|-----|',
    '| Mandag | 8-9 |',
  ].join('\n');
  const text = mdxToPlainText(mdx);

  it('drops front matter, imports, tags, link targets and emphasis marks; keeps the words', () => {
    expect(text).not.toMatch(/title:|import|<Box>|\(\/varde\/\)|\*\*|_os_/);
    expect(text).toContain('Læs kvalitetsstandarden og ring til os.');
    expect(text).toContain('Boksens tekst');
  });

  it('makes headings, list items and table cells blocks of their own, and drops the table rule', () => {
    const sentences = splitSentences(text);
    expect(sentences).toContain('Hvem kan få støtte');
    expect(sentences).toContain('• første punkt');
    expect(sentences).toContain('• andet punkt');
    expect(sentences).toContain('Mandag');
    expect(text).not.toContain('---');
  });
});
