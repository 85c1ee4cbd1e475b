import { describe, expect, it } from 'vitest';
import { countInWords, kommuneCount } from './number-words.ts';
import { useTranslations } from '../i18n/index.ts';

describe('counts in running text', () => {
  it('writes small counts as words in Danish and English', () => {
    expect(countInWords(5, 'da')).toBe('fem');
    expect(countInWords(1, 'da')).toBe('én');
    expect(countInWords(12, 'da')).toBe('tolv');
    expect(countInWords(5, 'en')).toBe('five');
  });

  it('writes larger counts as digits', () => {
    expect(countInWords(13, 'da')).toBe('13');
    expect(countInWords(98, 'en')).toBe('98');
  });

  it('the comparison names the number of kommuner in the right form, however many there are', () => {
    const da = useTranslations('da');
    const en = useTranslations('en');
    expect(da('compare.caption', kommuneCount(5, 'da'))).toBe('Socialpædagogisk støtte i fem kommuner, kort fortalt ud fra kvalitetsstandarderne');
    expect(da('compare.caption', kommuneCount(98, 'da'))).toContain('i 98 kommuner,');
    expect(da('compare.caption', kommuneCount(1, 'da'))).toContain('i én kommune,');
    expect(en('compare.caption', kommuneCount(6, 'en'))).toContain('in six municipalities,');
    expect(en('compare.caption', kommuneCount(1, 'en'))).toContain('in one municipality,');
    expect(da('compare.homeLink', kommuneCount(7, 'da'))).toBe('Sammenlign, hvad de syv kommuner lover');
    expect(da('search.description', kommuneCount(5, 'da'))).toContain('alle fem kommuners');
    expect(en('search.description', kommuneCount(1, 'en'))).toContain("the municipality's pages");
  });
});
