import { describe, expect, it } from 'vitest';
import {
  FORM_FIELDS,
  birthDateFrom,
  ageFromForm,
  STEPS,
  checkForm,
  fieldForPath,
  formToApplication,
  prefillFromQuestionnaire,
  stepOfField,
  type FormValues,
} from './application-form.ts';
import { validateApplication } from './application.ts';
import { known, kommune } from '../../tests/support/kommuner.ts';
import { ownHelpAreas } from './help-areas.ts';

const NOW = new Date('2026-11-24T09:00:00Z');

/** A 25-year-old in Brønderslev applying for herself, as the no-JavaScript form posts it. */
const filledIn = (): FormValues => ({
  who: 'self',
  name: 'Sofie Jensen',
  birthDay: '12',
  birthMonth: '4',
  birthYear: '2001',
  street: 'Algade 1',
  postalCode: '9700',
  city: 'Brønderslev',
  phone: '12345678',
  pension: 'nej',
  needs: ['socialt-liv', 'sundhed'],
  description: 'Jeg har svært ved at komme ud af døren.',
  contactPreferred: 'phone',
  bisidder: 'nej',
  consentInformation: 'ja',
});

const validate = (values: FormValues) => {
  const result = checkForm(values, 'bronderslev', NOW, known);
  return result.ok ? [] : result.issues;
};

describe('the form’s answers become the API body', () => {
  it('a filled-in form is a valid application with the date of birth from its three fields', () => {
    const { body, issues } = formToApplication(filledIn(), 'bronderslev');
    expect(issues).toEqual([]);
    expect(body).toMatchObject({
      kommune: 'bronderslev',
      applicant: { name: 'Sofie Jensen', birthDate: '2001-04-12', address: { postalCode: '9700' } },
      receivesEarlyRetirementPension: false,
      needs: ['socialt-liv', 'sundhed'],
      contact: { preferred: 'phone' },
      wantsBisidder: false,
      consentToObtainInformation: true,
    });
    expect(body).not.toHaveProperty('onBehalf');
    expect(validateApplication(body, NOW)).toMatchObject({ ok: true, age: 25 });
  });

  it('"Ved ikke" about førtidspension is sent as null; a question not asked is left out', () => {
    expect(formToApplication({ ...filledIn(), pension: 'ved-ikke' }, 'bronderslev').body.receivesEarlyRetirementPension).toBeNull();
    const { pension: _, ...notAsked } = filledIn();
    expect(formToApplication(notAsked, 'varde').body).not.toHaveProperty('receivesEarlyRetirementPension');
  });

  it('on behalf of someone, their details and the recorded consent are sent', () => {
    const values = { ...filledIn(), who: 'on-behalf', onBehalfName: 'Hanne', onBehalfRelation: 'Mor', onBehalfConsent: 'ja' };
    expect(formToApplication(values, 'bronderslev').body.onBehalf).toEqual({ name: 'Hanne', relation: 'Mor', applicantConsents: true });
  });

  it('on-behalf fields filled in by someone applying for themselves are not sent', () => {
    const values = { ...filledIn(), onBehalfName: 'Hanne' };
    expect(formToApplication(values, 'bronderslev').body).not.toHaveProperty('onBehalf');
  });
});

describe('checkForm: the one check of the form, for island and server', () => {
  it('a filled-in form gives the cleaned application, its age and the JSON body to send', () => {
    const result = checkForm({ ...filledIn(), name: '  Sofie Jensen ', cpr: '1204014321' }, 'bronderslev', NOW, known);
    expect(result).toMatchObject({ ok: true, age: 25, birthDate: '2001-04-12', application: { applicant: { name: 'Sofie Jensen', cpr: '120401-4321' } } });
    expect(result.ok && result.body).toEqual(formToApplication({ ...filledIn(), name: '  Sofie Jensen ', cpr: '1204014321' }, 'bronderslev').body);
  });

  it('the form’s own problem wins over the schema’s on the same field, and the schema’s others are kept', () => {
    const { who: _, ...values } = filledIn();
    expect(checkForm({ ...values, birthMonth: '', name: '' }, 'bronderslev', NOW, known)).toEqual({
      ok: false,
      issues: [
        { path: 'who', code: 'whoRequired' },
        { path: 'applicant.birthDate', code: 'birthDateIncomplete' },
        { path: 'applicant.name', code: 'required' },
      ],
    });
  });

  it('a body the schema accepts is still refused while the form has a problem of its own', () => {
    // "Who is applying" is not in the API body: the schema alone would accept it.
    const { who: _, ...values } = filledIn();
    expect(validateApplication(formToApplication(values, 'bronderslev').body, NOW).ok).toBe(true);
    expect(checkForm(values, 'bronderslev', NOW, known)).toEqual({ ok: false, issues: [{ path: 'who', code: 'whoRequired' }] });
  });

  it('is checked on the day it is given: 18 today, not yesterday', () => {
    const values = { ...filledIn(), birthDay: '24', birthMonth: '11', birthYear: '2008' };
    expect(checkForm(values, 'bronderslev', NOW, known).ok).toBe(true);
    expect(checkForm(values, 'bronderslev', new Date('2026-11-22T12:00:00Z'), known)).toEqual({ ok: false, issues: [{ path: 'applicant.birthDate', code: 'under18' }] });
  });
});

describe('problems land on the field that shows them', () => {
  it('not choosing who is applying', () => {
    const { who: _, ...values } = filledIn();
    expect(validate(values)).toEqual([{ path: 'who', code: 'whoRequired' }]);
  });

  it('a date of birth half filled in, or in letters that are no month, or with a two-digit year', () => {
    expect(validate({ ...filledIn(), birthMonth: '' })).toEqual([{ path: 'applicant.birthDate', code: 'birthDateIncomplete' }]);
    expect(validate({ ...filledIn(), birthMonth: 'april' })).toEqual([]);
    expect(validate({ ...filledIn(), birthMonth: 'påske' })).toEqual([{ path: 'applicant.birthDate', code: 'birthDateInvalid' }]);
    expect(validate({ ...filledIn(), birthYear: '01' })).toEqual([{ path: 'applicant.birthDate', code: 'birthYearFourDigits' }]);
    expect(validate({ ...filledIn(), birthDay: '31', birthMonth: '4' })).toEqual([{ path: 'applicant.birthDate', code: 'birthDateInvalid' }]);
  });

  it('a CPR number instead of a date of birth is enough', () => {
    expect(validate({ ...filledIn(), birthDay: '', birthMonth: '', birthYear: '', cpr: '1204014321' })).toEqual([]);
  });

  it('part of an address names the missing parts', () => {
    expect(validate({ ...filledIn(), street: '', city: '' })).toEqual([
      { path: 'applicant.address.street', code: 'required' },
      { path: 'applicant.address.city', code: 'required' },
    ]);
  });

  it('on behalf without the person’s consent', () => {
    const values = { ...filledIn(), who: 'on-behalf', onBehalfName: 'Hanne', onBehalfRelation: 'Mor' };
    expect(validate(values)).toEqual([{ path: 'onBehalf.applicantConsents', code: 'consentRequired' }]);
  });

  it('unanswered yes/no questions are required', () => {
    expect(validate({ ...filledIn(), consentInformation: '' })).toEqual([{ path: 'consentToObtainInformation', code: 'required' }]);
  });

  it('every API path of the form has a field, and every field a step', () => {
    const paths = ['applicant.name', 'applicant.birthDate', 'applicant.address.postalCode', 'onBehalf.applicantConsents', 'needs.3', 'helpAreas.1', 'contact.preferred', 'consentToObtainInformation', 'receivesEarlyRetirementPension'];
    for (const path of paths) expect(fieldForPath(path)).not.toBeNull();
    for (const field of FORM_FIELDS) expect(stepOfField(field)).not.toBe('review');
    expect(fieldForPath('kommune')).toBeNull();
    expect(STEPS.map((s) => s.id)).toEqual(['who', 'person', 'needs', 'contact', 'review']);
  });

  it('in a kommune with its own help list the help question’s answers are sent as helpAreas, in one with the VUM themes as needs', () => {
    const aabenraa = { ...filledIn(), city: 'Aabenraa', postalCode: '6200', needs: ['deltage-i-en-aktivitet', 'vedligeholde-og-udvikle-faerdigheder'] };
    const own = checkForm(aabenraa, 'aabenraa', NOW, known);
    expect(own.ok && own.application).toMatchObject({ kommune: 'aabenraa', helpAreas: ['deltage-i-en-aktivitet', 'vedligeholde-og-udvikle-faerdigheder'] });
    expect(own.ok && own.application).not.toHaveProperty('needs');
    const vum = checkForm(filledIn(), 'bronderslev', NOW, known);
    expect(vum.ok && vum.application).toMatchObject({ needs: ['socialt-liv', 'sundhed'] });
    expect(vum.ok && vum.application).not.toHaveProperty('helpAreas');
  });

  it('an item the kommune’s list does not have is told at the help question, as the server tells it', () => {
    const issues = (values: FormValues, kommune: string) => {
      const result = checkForm(values, kommune, NOW, known);
      return result.ok ? [] : result.issues;
    };
    // Another kommune's item, and a VUM theme where the kommune has its own list.
    expect(issues({ ...filledIn(), needs: ['administration', 'sundhed'] }, 'aabenraa')).toEqual([
      { path: 'helpAreas.0', code: 'invalidChoice' },
      { path: 'helpAreas.1', code: 'invalidChoice' },
    ]);
    expect(fieldForPath('helpAreas.0')).toBe('needs');
    // An own-list item where the kommune lists the VUM themes.
    expect(issues({ ...filledIn(), needs: ['deltage-i-en-aktivitet'] }, 'bronderslev')).toEqual([{ path: 'needs.0', code: 'invalidChoice' }]);
  });
});

describe('answers carried over from "Kan jeg få støtte?"', () => {
  const vum: string[] = [];
  const aabenraa = ownHelpAreas(kommune('aabenraa'));

  it('a relative asking for a 25-year-old not on førtidspension who needs help with social life', () => {
    const { values, ageHint } = prefillFromQuestionnaire({ who: 'relative', age: 25, pension: 'nej', needs: ['socialt-liv'] }, vum);
    expect(values).toEqual({ who: 'on-behalf', pension: 'nej', needs: ['socialt-liv'] });
    expect(ageHint).toBe(25);
  });

  it('an Aabenraa citizen’s own help items arrive ticked in the help question, not as a description', () => {
    const { values } = prefillFromQuestionnaire({ who: 'self', needs: [], helpAreas: ['deltage-i-en-aktivitet', 'udfoere-en-funktion'] }, aabenraa);
    expect(values).toEqual({ who: 'self', needs: ['deltage-i-en-aktivitet', 'udfoere-en-funktion'] });
    expect(prefillFromQuestionnaire({ description: 'Jeg har brug for hjælp til:\n- Administration' } as never, aabenraa).values).toEqual({});
  });

  it('only the help the kommune’s list offers: its own items where it has a list, else the VUM themes', () => {
    const both = { needs: ['sundhed'], helpAreas: ['deltage-i-en-aktivitet', 'administration', 7, 'deltage-i-en-aktivitet'] };
    expect(prefillFromQuestionnaire(both, aabenraa).values).toEqual({ needs: ['deltage-i-en-aktivitet'] });
    expect(prefillFromQuestionnaire(both, vum).values).toEqual({ needs: ['sundhed'] });
    expect(prefillFromQuestionnaire({ helpAreas: 'deltage-i-en-aktivitet' }, aabenraa).values).toEqual({});
  });

  it('the age from a form post ("25") is read as a number', () => {
    expect(prefillFromQuestionnaire({ age: '25' }, vum).ageHint).toBe(25);
  });

  it('ignores what it does not know: unknown needs, odd ages, other values', () => {
    const { values, ageHint } = prefillFromQuestionnaire({ who: 'admin', age: -3, pension: 'måske', needs: ['socialt-liv', 'x', 7, 'socialt-liv'] }, vum);
    expect(values).toEqual({ needs: ['socialt-liv'] });
    expect(ageHint).toBeNull();
    expect(prefillFromQuestionnaire({ age: '25 år' }, vum).ageHint).toBeNull();
    expect(prefillFromQuestionnaire({}, vum).values).toEqual({});
  });
});

describe('the age so far, for the routing preview', () => {
  it('from a complete date of birth', () => expect(ageFromForm(filledIn(), NOW)).toBe(25));
  it('from a CPR number when the date is empty', () => {
    expect(ageFromForm({ birthDay: '', cpr: '120401-4321' }, NOW)).toBe(25);
  });
  it('not yet, while the date is half written or impossible', () => {
    expect(ageFromForm({ birthDay: '12', birthMonth: '4', birthYear: '20' }, NOW)).toBeNull();
    expect(ageFromForm({ birthDay: '31', birthMonth: '4', birthYear: '2001' }, NOW)).toBeNull();
    expect(ageFromForm({}, NOW)).toBeNull();
  });
});

describe('dates and ages as people type them', () => {
  const date = (day: string, month: string, year: string) => birthDateFrom({ birthDay: day, birthMonth: month, birthYear: year });
  it('a month as a number or a word, Danish or English, whole or begun; a day with its dot', () => {
    for (const month of ['4', '04', 'april', 'April', 'apr', 'apr.', 'APRIL']) expect(date('3', month, '1999'), month).toEqual({ date: '1999-04-03' });
    expect(date('3.', 'maj', '1999')).toEqual({ date: '1999-05-03' });
    expect(date('3.', '4.', '1999')).toEqual({ date: '1999-04-03' });
    expect(date('3', 'may', '1999')).toEqual({ date: '1999-05-03' });
    expect(date('12', 'oktober', '1999')).toEqual({ date: '1999-10-12' });
    expect(date('12', 'october', '1999')).toEqual({ date: '1999-10-12' });
    expect(date('12', 'marts', '1999')).toEqual({ date: '1999-03-12' });
    expect(date('12', 'sept', '1999')).toEqual({ date: '1999-09-12' });
  });
  it('what is not a month is still told', () => {
    for (const month of ['ma', 'ju', 'marmelade', '13x', 'x']) expect(date('3', month, '1999').issue?.code, month).toBe('birthDateInvalid');
  });
});
