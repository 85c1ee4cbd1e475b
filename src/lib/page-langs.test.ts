import { describe, expect, it } from 'vitest';
import { inBothLangs, langOf, langPaths } from './page-langs.ts';

describe('one page file for both languages', () => {
  it('gives Danish the empty rest parameter and English "en"', () => {
    expect(langPaths()).toEqual([
      { params: { lang: undefined }, props: { lang: 'da' } },
      { params: { lang: 'en' }, props: { lang: 'en' } },
    ]);
  });

  it('repeats a page’s paths in each language, keeping their params and props', () => {
    expect(inBothLangs([{ params: { kommune: 'varde' }, props: { n: 1 } }])).toEqual([
      { params: { kommune: 'varde', lang: undefined }, props: { n: 1, lang: 'da' } },
      { params: { kommune: 'varde', lang: 'en' }, props: { n: 1, lang: 'en' } },
    ]);
  });

  it('knows only the two prefixes a server-rendered page answers to', () => {
    expect(langOf(undefined)).toBe('da');
    expect(langOf('en')).toBe('en');
    expect(langOf('da')).toBeNull();
    expect(langOf('xx')).toBeNull();
    expect(langOf('en/en')).toBeNull();
    expect(langOf('')).toBeNull();
  });
});
