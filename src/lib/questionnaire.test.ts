import { describe, expect, it } from 'vitest';
import { questionnaireStrings } from './questionnaire.ts';
import { kommune } from '../../tests/support/kommuner.ts';

describe('"can you take part?" is asked as each standard words its condition', () => {
  it('Brønderslev, where the support is for those who can make choices: the question and its reasons are about choosing', () => {
    const s = questionnaireStrings('da', kommune('bronderslev'));
    expect(s.questions.canTakePart.label).toBe('Kan du selv træffe valg og bede om støtten?');
    expect(s.reasons['cannot-take-part']).toBe('Du kan ikke selv træffe valg og bede om støtten. Så passer støtten ikke, men anden hjælp kan passe.');
  });

  it('Frederikssund, which asks that you are willing to cooperate: the question and its reasons are about taking part', () => {
    const s = questionnaireStrings('da', kommune('frederikssund'));
    expect(s.questions.canTakePart.label).toBe('Vil du selv være med og tage del i støtten?');
    expect(s.reasons['takes-part']).toBe('Du vil selv være med og tage del i støtten. Det kræver kvalitetsstandarden.');
  });

  it('in English too', () => {
    expect(questionnaireStrings('en', kommune('bronderslev')).questions.canTakePart.label).toBe('Can you make choices yourself and ask for the support?');
    expect(questionnaireStrings('en', kommune('varde')).questions.canTakePart.label).toBe('Do you want to take part in the support yourself?');
  });
});
