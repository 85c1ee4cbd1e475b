import { describe, expect, it } from 'vitest';
import { routeApplication } from '../domain/routing.ts';
import { STRINGS } from '../i18n/index.ts';
import { kommune } from '../../tests/support/kommuner.ts';
import { ageBandWords } from './age-band-text.ts';
import { applyWords, type Filler } from './apply-words.ts';
import { reasonFor, routingWords } from './route-reason.ts';

const wordsOf = (slug: string, filler: Filler = 'self', lang: 'da' | 'en' = 'da') =>
  routingWords(kommune(slug), applyWords(STRINGS[lang].apply)[filler].routing, ageBandWords(lang));

const reason = (slug: string, age: number | null, pension: boolean | null, filler: Filler = 'self', lang: 'da' | 'en' = 'da') => {
  const why = routeApplication(kommune(slug), { age, receivesEarlyRetirementPension: pension }).why;
  const r = reasonFor(wordsOf(slug, filler, lang).reasons, why);
  return r.unit ? r.text.replace('{{unit}}', `«${r.unit}»`) : r.text;
};

describe('why the application goes to its unit, in words for whoever fills in the form', () => {
  it('to someone applying for themselves: "du", with the answers they gave', () => {
    expect(reason('bronderslev', 25, false)).toBe('fordi du er under 30 år og ikke får førtidspension');
    expect(reason('bronderslev', 25, true)).toBe('fordi du får førtidspension');
    expect(reason('bronderslev', 45, false)).toBe('fordi du er 45 år');
    expect(reason('frederikssund', 20, null)).toBe('fordi du er 15–29 år');
    expect(reason('frederikssund', 40, null)).toBe('fordi du er 40 år');
  });
  it('førtidspension not answered ("Ved ikke"): no answer is stated, and the unit it would go to instead is named', () => {
    expect(reason('bronderslev', 25, null)).toBe('fordi du er under 30 år. Får du førtidspension, går den i stedet til «Visitationen – Det Specialiserede Område»');
  });
  it('to someone applying for another: "personen", never "du"', () => {
    expect(reason('bronderslev', 25, false, 'on-behalf')).toBe('fordi personen er under 30 år og ikke får førtidspension');
    expect(reason('frederikssund', 20, null, 'on-behalf')).toBe('fordi personen er 15–29 år');
    expect(reason('bronderslev', 25, null, 'on-behalf')).toMatch(/^fordi personen er under 30 år\. Får personen førtidspension, går den i stedet til «Visitationen/);
    expect(reason('bronderslev', 45, null, 'on-behalf')).toBe('fordi personen er 45 år');
  });
  it('a kommune with one unit: its own reason, in Danish, marked so', () => {
    const why = routeApplication(kommune('varde'), { age: 40, receivesEarlyRetirementPension: null }).why;
    expect(reasonFor(wordsOf('varde', 'self', 'en').reasons, why)).toEqual({ text: expect.stringMatching(/^fordi kvalitetsstandarden/), lang: 'da' });
  });
  it('in English, and with no age yet where age decides', () => {
    expect(reason('bronderslev', 25, false, 'self', 'en')).toBe('because you are under 30 and do not receive early retirement pension');
    expect(reason('bronderslev', null, null)).toBe('men det afhænger af din alder');
  });
  it('before the age is known, the rules as a list: each unit and whom it takes', () => {
    expect(wordsOf('bronderslev').list).toEqual([
      ['ungecentret', 'under 30 år, hvis du ikke får førtidspension'],
      ['visitationen', 'alle andre'],
    ]);
    expect(wordsOf('bronderslev', 'on-behalf').list[0]).toEqual(['ungecentret', 'under 30 år, hvis personen ikke får førtidspension']);
    expect(wordsOf('varde').list).toEqual([['social-og-handicap', 'alle andre']]);
  });
  it('every why the routing can give has its words, for every kommune and age', () => {
    for (const slug of ['aabenraa', 'bronderslev', 'frederikssund', 'sonderborg', 'varde']) {
      const { reasons } = wordsOf(slug);
      for (const age of [null, 18, 20, 29, 30, 67]) {
        for (const pension of [true, false, null]) {
          const why = routeApplication(kommune(slug), { age, receivesEarlyRetirementPension: pension }).why;
          expect(reasonFor(reasons, why).text, `${slug} ${age} ${pension}`).not.toMatch(/\{\{(?!unit)/);
        }
      }
    }
  });
});
