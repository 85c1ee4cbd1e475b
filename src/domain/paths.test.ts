import { describe, expect, it } from 'vitest';
import {
  applyPath,
  checkAnswersPath,
  comparePath,
  contactPath,
  homePath,
  kommunePath,
  localized,
  questionnairePath,
  questionnaireResultPath,
  receiptPath,
  searchPath,
  statementPath,
  vcardPath,
  withoutLang,
} from './paths.ts';

describe('paths', () => {
  it('puts English pages under /en/ with the same slugs', () => {
    expect(localized('da', '/varde/kontakt/')).toBe('/varde/kontakt/');
    expect(localized('en', '/varde/kontakt/')).toBe('/en/varde/kontakt/');
    expect(localized('en', 'varde/')).toBe('/en/varde/');
    expect(withoutLang('/en/varde/kontakt/')).toBe('/varde/kontakt/');
    expect(withoutLang('/en')).toBe('/');
    expect(withoutLang('/english-page/')).toBe('/english-page/');
  });

  it('builds every kommune page in both languages', () => {
    expect(kommunePath('da', 'bronderslev')).toBe('/bronderslev/');
    expect(kommunePath('en', 'bronderslev')).toBe('/en/bronderslev/');
    expect(contactPath('da', 'varde')).toBe('/varde/kontakt/');
    expect(contactPath('en', 'varde')).toBe('/en/varde/kontakt/');
    expect(questionnairePath('da', 'varde')).toBe('/varde/kan-jeg-faa-stoette/');
    expect(questionnaireResultPath('en', 'varde')).toBe('/en/varde/kan-jeg-faa-stoette/resultat/');
    expect(applyPath('da', 'sonderborg')).toBe('/sonderborg/ansoeg/');
    expect(applyPath('en', 'sonderborg')).toBe('/en/sonderborg/ansoeg/');
    expect(checkAnswersPath('da', 'sonderborg')).toBe('/sonderborg/ansoeg/tjek/');
    expect(checkAnswersPath('en', 'sonderborg')).toBe('/en/sonderborg/ansoeg/tjek/');
  });

  it('gives the receipt its reference, encoded, only when there is one', () => {
    expect(receiptPath('da', 'varde')).toBe('/varde/ansoeg/kvittering/');
    expect(receiptPath('en', 'varde', '7KQM-X3PP')).toBe('/en/varde/ansoeg/kvittering/?reference=7KQM-X3PP');
    expect(receiptPath('da', 'varde', 'a&b c')).toBe('/varde/ansoeg/kvittering/?reference=a%26b%20c');
  });

  it('builds the site-wide pages in both languages', () => {
    expect(homePath('da')).toBe('/');
    expect(homePath('en')).toBe('/en/');
    expect(comparePath('da')).toBe('/sammenlign/');
    expect(searchPath('en')).toBe('/en/soeg/');
    expect(statementPath('da', 'accessibility')).toBe('/tilgaengelighed/');
    expect(statementPath('en', 'privacy')).toBe('/en/privatliv/');
  });

  it('puts a unit’s contact card beside the Danish contact page', () => {
    expect(vcardPath('bronderslev', 'ungecentret')).toBe('/bronderslev/kontakt/ungecentret.vcf');
  });
});
