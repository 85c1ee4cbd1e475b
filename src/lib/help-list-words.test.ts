import { describe, expect, it } from 'vitest';
import { STRINGS } from '../i18n/index.ts';
import { kommune } from '../../tests/support/kommuner.ts';
import { applyWords } from './apply-words.ts';
import { withHelpList } from './help-list-words.ts';

const words = (slug: string, lang: 'da' | 'en' = 'da') => withHelpList(applyWords(STRINGS[lang].apply), kommune(slug), lang);
/** "du", "dig", "din", "dit", "dine" as words: what a helper must never read about the person. */
const DU = /\b(du|dig|din|dit|dine)\b/i;

describe('the help question in a kommune with its own list', () => {
  it('offers Aabenraa’s own items, not the VUM themes, asked as the questionnaire asks', () => {
    const { self } = words('aabenraa');
    expect(Object.keys(self.needs.themes)).toEqual(['vedligeholde-og-udvikle-faerdigheder', 'deltage-i-en-aktivitet', 'udfoere-en-funktion', 'socialpaedagogisk-ledsagelse']);
    expect(self.needs.legend).toBe('Hvad har du brug for hjælp til?');
    expect(self.needs).not.toHaveProperty('lang');
  });

  it('someone applying for themselves reads the standard’s own words; a helper and the neutral form the reflexive “sine”', () => {
    const w = words('aabenraa');
    expect(w.self.needs.themes['vedligeholde-og-udvikle-faerdigheder']).toBe('At holde fast i og udvikle dine færdigheder');
    for (const filler of ['on-behalf', 'unknown'] as const) {
      expect(w[filler].needs.themes['vedligeholde-og-udvikle-faerdigheder']).toBe('At holde fast i og udvikle sine færdigheder');
      for (const label of Object.values(w[filler].needs.themes)) expect(label).not.toMatch(DU);
      expect(w[filler].needs.legend).not.toMatch(DU);
    }
    expect(w['on-behalf'].needs.legend).toBe('Hvad har personen brug for hjælp til?');
  });

  it('every kommune with its own list: never “du” about the person for a helper', () => {
    for (const slug of ['frederikssund', 'sonderborg', 'aabenraa']) {
      for (const label of Object.values(words(slug)['on-behalf'].needs.themes)) expect(label, slug).not.toMatch(DU);
    }
  });

  it('on an English page the question is English and the items the standard’s Danish words, marked so', () => {
    const { self } = words('frederikssund', 'en');
    expect(self.needs.legend).toBe('What do you need help with?');
    expect(self.needs.lang).toBe('da');
    expect(self.needs.themes['uddannelse-og-arbejde']).toBe('Uddannelse og arbejde');
  });

  it('a kommune that lists the VUM themes keeps the form’s words for them', () => {
    const vum = applyWords(STRINGS.en.apply);
    expect(withHelpList(vum, kommune('varde'), 'en')).toBe(vum);
  });
});
