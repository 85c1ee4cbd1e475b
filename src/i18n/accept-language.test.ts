import { describe, expect, it } from 'vitest';
import { localeFromAcceptLanguage } from './accept-language.ts';

describe('the language of an API answer', () => {
  it.each([
    ['en', 'en'],
    ['en-GB,en;q=0.9', 'en'],
    ['en-GB,en;q=0.9,da;q=0.8', 'en'],
    ['da,en;q=0.8', 'da'],
    ['da-DK', 'da'],
    ['en;q=0.5,da;q=0.5', 'da'],
    ['fr,de', 'da'],
    ['*', 'da'],
    ['', 'da'],
    ['english', 'da'],
  ])('Accept-Language "%s" → %s', (header, locale) => expect(localeFromAcceptLanguage(header)).toBe(locale));
  it('no header → Danish', () => expect(localeFromAcceptLanguage(null)).toBe('da'));
});
