import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { STRINGS, formatDate, useTranslations } from '../../src/i18n/index.ts';

const { da, en } = STRINGS;

function leaves(obj: object, prefix = ''): [string, unknown][] {
  return Object.entries(obj).flatMap(([k, v]) =>
    v && typeof v === 'object' ? leaves(v, `${prefix}${k}.`) : [[`${prefix}${k}`, v] as [string, unknown]],
  );
}

describe('UI strings', () => {
  it('Danish and English have exactly the same keys', () => {
    expect(leaves(en).map(([k]) => k).sort()).toEqual(leaves(da).map(([k]) => k).sort());
  });

  it('loads every namespace file of both languages', () => {
    expect(Object.keys(da)).toEqual(expect.arrayContaining(['site', 'kommune', 'contact', 'days']));
    expect(Object.keys(en).sort()).toEqual(Object.keys(da).sort());
    // The files are imported one by one (their Danish shape is the strings' type): none may be left out.
    for (const lang of ['da', 'en']) {
      const files = readdirSync(new URL(`../../src/i18n/locales/${lang}/`, import.meta.url)).filter((f) => f.endsWith('.json'));
      expect(files.map((f) => f.replace(/\.json$/, '')).sort(), lang).toEqual(Object.keys(da).sort());
    }
  });

  it('no string is empty', () => {
    expect([...leaves(da), ...leaves(en)].filter(([, v]) => typeof v !== 'string' || v.trim() === '')).toEqual([]);
  });

  it('interpolates without escaping (Astro escapes on output)', () => {
    expect(useTranslations('da')('kommune.title', { name: 'Brønderslev Kommune' })).toBe(
      'Socialpædagogisk støtte i Brønderslev Kommune',
    );
    expect(useTranslations('en')('contact.title', { name: 'A & B' })).toBe('Contact A & B');
  });
});

describe('dates', () => {
  it('writes approval dates in words', () => {
    expect(formatDate('2023-12-14', 'da')).toBe('14. december 2023');
    expect(formatDate('2025-06-04', 'en')).toBe('4 June 2025');
  });
});
