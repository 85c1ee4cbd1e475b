import { describe, expect, it } from 'vitest';
import { inPersonOf, questionnaireData } from './eligibility.ts';
import { helpListIsVum } from './help-areas.ts';
import { parseAge, prefillFields, prefillFor, prefillStorageKey, readAnswers } from './questionnaire-answers.ts';
import { kommune } from '../../tests/support/kommuner.ts';

const bronderslev = questionnaireData(kommune('bronderslev'));
const form = (fields: [string, string][]) => new URLSearchParams(fields);
const complete: [string, string][] = [
  ['who', 'self'],
  ['age', '24'],
  ['pension', 'nej'],
  ['reducedFunction', 'ja'],
  ['needs', 'socialt-liv'],
  ['needs', 'sundhed'],
  ['kindOfHelp', 'learn'],
  ['coveredByOtherHelp', 'nej'],
  ['housing', 'eget-hjem'],
  ['canTakePart', 'ja'],
];

describe('the age as typed', () => {
  it.each([
    ['42', 42],
    [' 7 ', 7],
    ['0', 0],
    ['120', 120],
    // As typed beside the field's "år".
    ['24 år', 24],
    ['24år', 24],
    ['24 År', 24],
    ['24 years', 24],
    ['', null],
    ['   ', null],
    ['121', 'invalid'],
    ['12.5', 'invalid'],
    ['-3', 'invalid'],
    ['fyrre', 'invalid'],
    ['24 år 3 måneder', 'invalid'],
  ])('"%s" reads as %s', (text, expected) => expect(parseAge(text)).toBe(expected));
});

describe('reading the no-JavaScript form', () => {
  it('a complete form from a 24-year-old in Brønderslev gives every answer and no error', () => {
    const { answers, errors } = readAnswers(form(complete), bronderslev);
    expect(errors).toEqual([]);
    expect(answers).toEqual({
      who: 'self',
      age: 24,
      pension: 'nej',
      reducedFunction: 'ja',
      needs: ['socialt-liv', 'sundhed'],
      kindOfHelp: 'learn',
      coveredByOtherHelp: 'nej',
      housing: 'eget-hjem',
      canTakePart: 'ja',
    });
  });

  it('an empty form asks for every question, but not førtidspension before the age is known', () => {
    const { errors } = readAnswers(form([]), bronderslev);
    expect(errors.map((e) => e.question)).toEqual(['who', 'age', 'reducedFunction', 'kindOfHelp', 'coveredByOtherHelp', 'housing', 'canTakePart']);
    expect(errors.every((e) => e.code === 'required')).toBe(true);
  });

  it('an age in letters is an error of its own, and the answer is not guessed', () => {
    const { answers, errors } = readAnswers(form([['who', 'self'], ['age', 'tyve']]), bronderslev);
    expect(errors[0]).toEqual({ question: 'age', code: 'invalid' });
    expect(errors.filter((e) => e.question === 'age')).toHaveLength(1);
    expect(answers.age).toBeUndefined();
  });

  it('a 40-year-old need not answer about førtidspension; a 25-year-old must', () => {
    const without = complete.filter(([name]) => name !== 'pension' && name !== 'age');
    expect(readAnswers(form([...without, ['age', '40']]), bronderslev).errors).toEqual([]);
    expect(readAnswers(form([...without, ['age', '25']]), bronderslev).errors).toEqual([{ question: 'pension', code: 'required' }]);
  });

  it('a 15-year-old need answer nothing more, and later answers are not kept', () => {
    const { answers, errors } = readAnswers(form([['who', 'relative'], ['age', '15'], ['housing', 'botilbud']]), bronderslev);
    expect(errors).toEqual([]);
    expect(answers).toEqual({ who: 'relative', age: 15 });
  });

  it('values no question offers are dropped: a help area of another kommune, an unknown answer', () => {
    const { answers, errors } = readAnswers(
      form([...complete.filter(([n]) => n !== 'needs' && n !== 'housing'), ['needs', 'administration'], ['housing', 'slot']]),
      bronderslev,
    );
    expect(answers.needs).toBeUndefined();
    expect(errors).toEqual([{ question: 'housing', code: 'required' }]);
  });

  it('no help area chosen is allowed (the outcome then says to talk it through)', () => {
    const { errors } = readAnswers(form(complete.filter(([n]) => n !== 'needs')), bronderslev);
    expect(errors).toEqual([]);
  });
});

describe('carrying the answers over to the application (the prefill contract with the form)', () => {
  it('sessionStorage key per kommune', () => {
    expect(prefillStorageKey('varde')).toBe('stoetteportalen:questionnaire:varde');
  });

  it('a relative answering for a 24-year-old without førtidspension in Brønderslev', () => {
    const prefill = prefillFor({ who: 'relative', age: 24, pension: 'nej', needs: ['sundhed', 'socialt-liv'] }, bronderslev);
    expect(prefill).toEqual({ who: 'relative', age: 24, pension: 'nej', needs: ['socialt-liv', 'sundhed'], helpAreas: [] });
    expect(prefillFields(prefill)).toEqual([
      ['prefill', 'questionnaire'],
      ['who', 'relative'],
      ['age', '24'],
      ['pension', 'nej'],
      ['needs', 'socialt-liv'],
      ['needs', 'sundhed'],
    ]);
  });

  it('førtidspension is left out (null) where it was not asked: a 40-year-old in Brønderslev, anyone in Varde', () => {
    expect(prefillFor({ who: 'self', age: 40, pension: 'ja' }, bronderslev).pension).toBeNull();
    expect(prefillFor({ who: 'self', age: 25, pension: 'ja' }, questionnaireData(kommune('varde'))).pension).toBeNull();
  });

  it('an empty age and pension are empty fields, not the word "null"', () => {
    expect(prefillFields({ who: 'self', age: null, pension: null, needs: [], helpAreas: [] })).toEqual([
      ['prefill', 'questionnaire'],
      ['who', 'self'],
      ['age', ''],
      ['pension', ''],
    ]);
  });
});

describe('a kommune with its own help list: the chosen items go along as helpAreas, never as VUM themes', () => {
  it('Brønderslev and Varde list the VUM themes; Frederikssund, Sønderborg and Aabenraa their own items', () => {
    expect(['bronderslev', 'varde'].map((slug) => helpListIsVum(questionnaireData(kommune(slug))))).toEqual([true, true]);
    expect(['frederikssund', 'sonderborg', 'aabenraa'].map((slug) => helpListIsVum(questionnaireData(kommune(slug))))).toEqual([false, false, false]);
  });

  it('a 40-year-old in Sønderborg who needs help with administration and practical tasks: both as helpAreas, no VUM theme, no description', () => {
    const sonderborg = questionnaireData(kommune('sonderborg'));
    const prefill = prefillFor({ who: 'self', age: 40, needs: ['praktiske-opgaver-i-hjemmet', 'administration'] }, sonderborg);
    // Sønderborg's "praktiske opgaver i hjemmet" is its own indsats: not ticked as the VUM theme of the same name.
    expect(prefill.needs).toEqual([]);
    expect(prefill.helpAreas).toEqual(['administration', 'praktiske-opgaver-i-hjemmet']);
    expect(prefill).not.toHaveProperty('description');
    expect(prefillFields(prefill).slice(-2)).toEqual([
      ['helpAreas', 'administration'],
      ['helpAreas', 'praktiske-opgaver-i-hjemmet'],
    ]);
  });

  it('the same slugs whoever answers, in English too: the words are the form’s business', () => {
    const aabenraa = questionnaireData(kommune('aabenraa'));
    const needs = ['vedligeholde-og-udvikle-faerdigheder'];
    expect(prefillFor({ who: 'self', age: 40, needs }, aabenraa).helpAreas).toEqual(needs);
    expect(prefillFor({ who: 'professional', age: 40, needs }, aabenraa).helpAreas).toEqual(needs);
  });

  it('inPersonOf turns the reader\'s du, dig, din, dit, dine into the text\'s person, and leaves other words alone', () => {
    const items = ['At passe dit hjem', 'At klare din økonomi', 'At udvikle dine færdigheder', 'Det, du selv vil', 'Du kan selv'];
    expect(items.map((i) => inPersonOf(i, 'self'))).toEqual(['At passe mit hjem', 'At klare min økonomi', 'At udvikle mine færdigheder', 'Det, jeg selv vil', 'Jeg kan selv']);
    expect(items.map((i) => inPersonOf(i, 'other'))).toEqual(['At passe sit hjem', 'At klare sin økonomi', 'At udvikle sine færdigheder', 'Det, personen selv vil', 'Personen kan selv']);
    expect(inPersonOf('Produktion og dukker', 'self')).toBe('Produktion og dukker');
  });

  it('no items chosen, none carried; a VUM kommune never carries helpAreas', () => {
    expect(prefillFor({ who: 'self', age: 40, needs: [] }, questionnaireData(kommune('aabenraa')))).toMatchObject({ needs: [], helpAreas: [] });
    expect(prefillFor({ who: 'self', age: 40, needs: ['sundhed'] }, questionnaireData(kommune('varde')))).toMatchObject({ needs: ['sundhed'], helpAreas: [] });
  });
});
