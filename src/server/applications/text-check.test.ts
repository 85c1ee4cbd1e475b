import { describe, expect, it } from 'vitest';
import { FORM_FIELDS, fieldForPath, stepOfField, type FormValues } from '../../domain/application-form.ts';
import { known } from '../../../tests/support/kommuner.ts';
import { PATH_OF_FIELD, characterIssues, checkPostedForm, formCharacterIssues, withCharacterIssues } from './text-check.ts';

const NOW = new Date('2026-11-24T09:00:00Z');

describe('characterIssues: every string of a JSON body', () => {
  it('names the path of each string with a refused character, the character and where it is', () => {
    const body = {
      kommune: 'varde',
      applicant: { name: 'Anna\u001b[31m', address: { street: 'Algade 1', city: 'Va\u202erde' } },
      needs: ['sundhed', 'x\u0000'],
      description: 'ok\nmed linjer\r\nog\ttab',
      helpReceived: null,
      consentToObtainInformation: true,
    };
    expect(characterIssues(body)).toEqual([
      { path: 'applicant.name', code: 'characterRefused', params: { character: 'U+001B', position: 5 } },
      { path: 'applicant.address.city', code: 'characterRefused', params: { character: 'U+202E', position: 3 } },
      { path: 'needs.1', code: 'characterRefused', params: { character: 'U+0000', position: 2 } },
    ]);
  });

  it('takes Danish letters, emoji and line breaks', () => {
    expect(characterIssues({ applicant: { name: 'Søren Æbelø 😀' }, description: 'Første linje\r\nanden\nog en tab\t.' })).toEqual([]);
  });

  it('goes first, one issue per path', () => {
    const issues = withCharacterIssues(
      [{ path: 'applicant.name', code: 'characterRefused', params: { character: 'U+0000', position: 1 } }],
      [{ path: 'applicant.name', code: 'tooLong' }, { path: 'description', code: 'required' }],
    );
    expect(issues.map((i) => [i.path, i.code])).toEqual([['applicant.name', 'characterRefused'], ['description', 'required']]);
  });
});

describe('the no-JavaScript form', () => {
  const form = (changes: FormValues = {}): FormValues => ({
    who: 'self',
    name: 'Sofie Jensen',
    birthDay: '12',
    birthMonth: '4',
    birthYear: '2001',
    phone: '12345678',
    pension: 'nej',
    needs: ['socialt-liv'],
    description: 'Jeg har svært ved\nat åbne min post.',
    contactPreferred: 'phone',
    consentInformation: 'ja',
    ...changes,
  });

  it('every field has the path it is sent as, which leads back to a field of the same step', () => {
    for (const field of FORM_FIELDS) {
      const back = fieldForPath(PATH_OF_FIELD[field]);
      expect(back, field).not.toBeNull();
      // The three fields of the date of birth show their problems at the day field.
      expect(back === field || ['birthMonth', 'birthYear'].includes(field), field).toBe(true);
      expect(stepOfField(back), field).toBe(stepOfField(field));
    }
  });

  it('a refused character lands on its field, with the other fields’ problems beside it', () => {
    const checked = checkPostedForm(form({ name: 'Sofie\u0007', description: 'x\u2066y', phone: '1' }), 'bronderslev', NOW, known);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.issues).toEqual([
      { path: 'applicant.name', code: 'characterRefused', params: { character: 'U+0007', position: 6 } },
      { path: 'description', code: 'characterRefused', params: { character: 'U+2066', position: 2 } },
      { path: 'applicant.phone', code: 'phoneInvalid' },
    ]);
    expect(checked.issues.map((i) => fieldForPath(i.path))).toEqual(['name', 'description', 'phone']);
  });

  it('one issue per field: in a repeated field (the help question) and in the date of birth', () => {
    expect(formCharacterIssues({ needs: ['a\u0000', 'b\u0001'], birthDay: '1\u0085', birthYear: '\u202d1999' }).map((i) => [i.path, i.params?.character])).toEqual([
      ['needs', 'U+0000'],
      ['applicant.birthDate', 'U+0085'],
    ]);
  });

  it('normal answers pass as checkForm has them', () => {
    const checked = checkPostedForm(form({ contactTimes: 'Formiddag 😀', street: 'Ågade 1', postalCode: '9700', city: 'Brønderslev' }), 'bronderslev', NOW, known);
    expect(checked.ok).toBe(true);
  });
});
