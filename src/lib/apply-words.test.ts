import { describe, expect, it } from 'vitest';
import { STRINGS } from '../i18n/index.ts';
import { applyWords, fillerOf, overlay } from './apply-words.ts';

/** Every path to a string in a tree of strings. */
const stringPaths = (tree: unknown, at = ''): string[] =>
  typeof tree === 'string' ? [at] : Object.entries(tree as object).flatMap(([k, v]) => stringPaths(v, at ? `${at}.${k}` : k));

describe.each(['da', 'en'] as const)('the form’s words for whoever fills it in (%s)', (lang) => {
  const json = STRINGS[lang].apply;
  const base = new Set(stringPaths(applyWords(json).self));

  it.each(['forOnBehalf', 'forNotYetKnown'] as const)('%s only replaces words the form has (no typo is silently ignored)', (variant) => {
    const paths = stringPaths(json[variant]);
    expect(paths.length).toBeGreaterThan(5);
    expect(paths.filter((p) => !base.has(p))).toEqual([]);
  });

  it('someone applying for themselves is "du", someone applying for another reads "personen", and the rest stays', () => {
    const words = applyWords(json);
    const self = words.self.person.pensionLegend;
    expect(words['on-behalf'].person.pensionLegend).not.toBe(self);
    expect(words.unknown.person.pensionLegend).not.toBe(self);
    // What a variant does not give is the same in all three.
    expect(words['on-behalf'].person.name).toBe(words.self.person.name);
    expect(words.unknown.errors.codes.required).toBe(words.self.errors.codes.required);
    if (lang === 'da') {
      expect(self).toBe('Får du førtidspension?');
      expect(words['on-behalf'].person.pensionLegend).toBe('Får personen førtidspension?');
      // The words for oneself never speak of "personen" about the one applying.
      const selfText = stringPaths(words.self)
        .filter((p) => !p.startsWith('onBehalf.') && !p.startsWith('review.consentGiven') && !p.startsWith('errors.codes.consentRequired') && !p.startsWith('errors.fields.onBehalf.'))
        .map((p) => p.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], words.self) as string);
      expect(selfText.filter((text) => /\bpersonen/i.test(text))).toEqual([]);
      // And a helper's words never ask "du" about the person's own circumstances.
      const helper = words['on-behalf'];
      for (const text of [helper.person.pensionLegend, helper.needs.legend, helper.needs.helpReceived, helper.contact.consentLegend, helper.contact.bisidderLegend, helper.routing.goesTo]) {
        expect(text).not.toMatch(/\b(dig|din)\b|\bdu (er|får)/i);
      }
      // The age is the person's; the one applying is "du".
      expect(helper.under18.heading).toBe('Personen skal være fyldt 18 år, for at du kan søge her');
      // Not yet known: neither.
      expect(words.unknown.contact.preferredLegend).not.toMatch(/\b(du|personen)\b/i);
    }
  });
});

describe('overlay and fillerOf', () => {
  it('replaces strings at any depth and keeps the rest, without changing the base', () => {
    const base = { a: 'A', b: { c: 'C', d: 'D' } };
    expect(overlay(base, { b: { d: 'd' } })).toEqual({ a: 'A', b: { c: 'C', d: 'd' } });
    expect(base.b.d).toBe('D');
  });
  it('the who answer picks the variant; anything else is not known yet', () => {
    expect(fillerOf('self')).toBe('self');
    expect(fillerOf('on-behalf')).toBe('on-behalf');
    expect(fillerOf('')).toBe('unknown');
    expect(fillerOf(undefined)).toBe('unknown');
  });
});
