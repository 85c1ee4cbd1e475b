import { describe, expect, it } from 'vitest';
// The server also loads full zod (the content schema), which sets zod's English messages globally;
// the codes must not depend on that.
import 'zod';
import { ISSUE_CODES, validateApplication, type Issue } from './application.ts';
import { STRINGS } from '../i18n/index.ts';
import { describeIssue, type ErrorStrings } from '../lib/application-messages.ts';

/** 24 November 2026, 10.00 Danish time. */
const NOW = new Date('2026-11-24T09:00:00Z');

const valid = () => ({
  kommune: 'bronderslev',
  applicant: {
    name: 'Sofie Jensen',
    birthDate: '2001-04-12',
    address: { street: 'Algade 1', postalCode: '9700', city: 'Brønderslev' },
    phone: '12 34 56 78',
    email: 'sofie@example.dk',
  },
  receivesEarlyRetirementPension: false,
  needs: ['praktiske-opgaver-i-hjemmet', 'socialt-liv'],
  description: 'Jeg har svært ved at åbne min post og handle ind.',
  contact: { preferred: 'phone', bestTimes: 'Formiddag' },
  wantsBisidder: false,
  consentToObtainInformation: true,
});

const errorStrings = (lang: 'da' | 'en'): ErrorStrings => STRINGS[lang].apply.errors;

type Body = ReturnType<typeof valid> & Record<string, unknown>;
const withChanges = (change: (b: Body) => void): Body => {
  const body = valid() as Body;
  change(body);
  return body;
};
const issuesOf = (body: unknown, now = NOW): Issue[] => {
  const result = validateApplication(body, now);
  return result.ok ? [] : result.issues;
};
const codes = (body: unknown, now = NOW) => Object.fromEntries(issuesOf(body, now).map((i) => [i.path, i.code]));

describe('a complete application', () => {
  it('from a 25-year-old in Brønderslev is accepted, with the age on the day of submission', () => {
    const result = validateApplication(valid(), NOW);
    expect(result).toMatchObject({ ok: true, birthDate: '2001-04-12', age: 25 });
  });

  it('is cleaned: spaces around answers are removed', () => {
    const result = validateApplication(withChanges((b) => (b.applicant.name = '  Sofie Jensen  ')), NOW);
    expect(result.ok && result.application.applicant.name).toBe('Sofie Jensen');
  });

  it('may leave out what is optional: address, e-mail, needs, bisidder, pension', () => {
    const body = withChanges((b) => {
      delete (b.applicant as Partial<Body['applicant']>).address;
      delete (b.applicant as Partial<Body['applicant']>).email;
      delete (b as Partial<Body>).needs;
      delete (b as Partial<Body>).wantsBisidder;
      delete (b as Partial<Body>).receivesEarlyRetirementPension;
    });
    expect(issuesOf(body)).toEqual([]);
  });
});

describe('birth date or CPR number', () => {
  it('a CPR number alone is enough, with or without the hyphen, and gives the birth date', () => {
    for (const cpr of ['120401-4321', '1204014321']) {
      const result = validateApplication(
        withChanges((b) => {
          delete (b.applicant as Partial<Body['applicant']>).birthDate;
          Object.assign(b.applicant, { cpr });
        }),
        NOW,
      );
      expect(result).toMatchObject({ ok: true, birthDate: '2001-04-12', age: 25, application: { applicant: { cpr: '120401-4321' } } });
    }
  });

  it('neither a birth date nor a CPR number: asked for at the birth date', () => {
    const body = withChanges((b) => delete (b.applicant as Partial<Body['applicant']>).birthDate);
    expect(codes(body)).toEqual({ 'applicant.birthDate': 'birthDateOrCprRequired' });
  });

  it('a CPR number that does not match the birth date is pointed out at the CPR number', () => {
    const body = withChanges((b) => Object.assign(b.applicant, { cpr: '130401-4321' }));
    expect(codes(body)).toEqual({ 'applicant.cpr': 'cprBirthDateMismatch' });
  });

  it('impossible dates are rejected: 30 February, 31 April', () => {
    expect(codes(withChanges((b) => (b.applicant.birthDate = '2001-02-30')))).toEqual({ 'applicant.birthDate': 'birthDateInvalid' });
    expect(codes(withChanges((b) => (b.applicant.birthDate = '12-04-2001')))).toEqual({ 'applicant.birthDate': 'birthDateInvalid' });
    const cpr = withChanges((b) => {
      delete (b.applicant as Partial<Body['applicant']>).birthDate;
      Object.assign(b.applicant, { cpr: '310401-1234' });
    });
    // Ten digits with no such date say what is wrong: the date, not the number of digits.
    expect(codes(cpr)).toEqual({ 'applicant.cpr': 'cprDateInvalid' });
    const short = withChanges((b) => {
      delete (b.applicant as Partial<Body['applicant']>).birthDate;
      Object.assign(b.applicant, { cpr: '12040-1234' });
    });
    expect(codes(short)).toEqual({ 'applicant.cpr': 'cprInvalid' });
  });

  it('a birth date in the future is a typing error', () => {
    expect(codes(withChanges((b) => (b.applicant.birthDate = '2027-01-01')))).toEqual({ 'applicant.birthDate': 'birthDateInFuture' });
  });

  it('a birth date more than 120 years ago is a typing error, and the message says how far back', () => {
    expect(codes(withChanges((b) => (b.applicant.birthDate = '1905-11-25')))).toEqual({}); // 120, 121 tomorrow
    const result = validateApplication(withChanges((b) => (b.applicant.birthDate = '1905-11-24')), NOW); // 121 today
    expect(result.ok).toBe(false);
    const issue = !result.ok ? result.issues.find((i) => i.path === 'applicant.birthDate') : undefined;
    expect(issue?.code).toBe('birthDateTooEarly');
    expect(describeIssue(issue!, errorStrings('da'))).toBe('Tjek året. Det ligger mere end 120 år tilbage.');
    expect(describeIssue(issue!, errorStrings('en'))).toBe('Check the year. It is more than 120 years ago.');
  });
});

describe('under 18: § 85 is adult support', () => {
  it('a 17-year-old cannot apply and is told so at the birth date', () => {
    expect(codes(withChanges((b) => (b.applicant.birthDate = '2008-11-25')))).toEqual({ 'applicant.birthDate': 'under18' });
  });

  it('on the 18th birthday, just after midnight Danish time (still the day before in UTC), one can apply', () => {
    const justAfterMidnight = new Date('2026-11-24T23:30:00Z'); // 00.30 on 25 November in Denmark
    const result = validateApplication(withChanges((b) => (b.applicant.birthDate = '2008-11-25')), justAfterMidnight);
    expect(result).toMatchObject({ ok: true, age: 18 });
  });

  it('when only a CPR number is given, the message is at the CPR number', () => {
    const body = withChanges((b) => {
      delete (b.applicant as Partial<Body['applicant']>).birthDate;
      Object.assign(b.applicant, { cpr: '010110-4321' });
    });
    expect(codes(body)).toEqual({ 'applicant.cpr': 'under18' });
  });
});

describe('applying on behalf of someone', () => {
  const onBehalf = { name: 'Hanne Jensen', relation: 'Mor', phone: '87654321', applicantConsents: true };

  it('is accepted when the person consents, and the phone of the one applying is enough to be reached by phone', () => {
    const body = withChanges((b) => {
      delete (b.applicant as Partial<Body['applicant']>).phone;
      b.onBehalf = onBehalf;
    });
    expect(issuesOf(body)).toEqual([]);
  });

  it('is refused without the person’s consent', () => {
    expect(codes(withChanges((b) => (b.onBehalf = { ...onBehalf, applicantConsents: false })))).toEqual({
      'onBehalf.applicantConsents': 'consentRequired',
    });
    const { applicantConsents: _, ...noConsent } = onBehalf;
    expect(codes(withChanges((b) => (b.onBehalf = noConsent)))).toEqual({ 'onBehalf.applicantConsents': 'consentRequired' });
  });

  it('needs the name and relation of the one applying', () => {
    expect(codes(withChanges((b) => (b.onBehalf = { ...onBehalf, name: ' ', relation: undefined })))).toEqual({
      'onBehalf.name': 'required',
      'onBehalf.relation': 'required',
    });
  });

  it('`onBehalf: null` means applying for oneself', () => {
    expect(issuesOf(withChanges((b) => (b.onBehalf = null)))).toEqual([]);
  });
});

describe('how the kommune gets in touch', () => {
  it('by phone needs a phone number', () => {
    const body = withChanges((b) => delete (b.applicant as Partial<Body['applicant']>).phone);
    expect(codes(body)).toEqual({ 'contact.preferred': 'phoneMissing' });
  });
  it('by e-mail needs an e-mail address', () => {
    const body = withChanges((b) => {
      delete (b.applicant as Partial<Body['applicant']>).email;
      b.contact.preferred = 'email';
    });
    expect(codes(body)).toEqual({ 'contact.preferred': 'emailMissing' });
  });
  it('by letter with neither an address nor a CPR number cannot reach the person', () => {
    const body = withChanges((b) => {
      delete (b.applicant as Partial<Body['applicant']>).address;
      b.contact.preferred = 'letter';
    });
    expect(codes(body)).toEqual({ 'contact.preferred': 'letterMissing' });
  });
  it('by letter with a CPR number and no address is enough: the kommune sends Digital Post', () => {
    const body = withChanges((b) => {
      delete (b.applicant as Partial<Body['applicant']>).address;
      delete (b.applicant as Partial<Body['applicant']>).birthDate;
      (b.applicant as Record<string, unknown>).cpr = '1204014234';
      b.contact.preferred = 'letter';
    });
    expect(issuesOf(body)).toEqual([]);
  });
  it('by letter with an address and no CPR number goes by post', () => {
    expect(issuesOf(withChanges((b) => (b.contact.preferred = 'letter')))).toEqual([]);
  });
  it('any other way is not a choice', () => {
    expect(codes(withChanges((b) => (b.contact.preferred = 'fax')))).toEqual({ 'contact.preferred': 'invalidChoice' });
  });
});

describe('bad input gets a clear code per field, never an exception', () => {
  it('an empty body names every required field', () => {
    expect(codes({})).toEqual({
      kommune: 'required',
      applicant: 'required',
      description: 'required',
      contact: 'required',
      consentToObtainInformation: 'required',
    });
  });

  it('unknown fields are named, at any depth, and not accepted', () => {
    const body = withChanges((b) => {
      b.nickname = 'x';
      Object.assign(b.applicant, { shoeSize: 42 });
    });
    expect(codes(body)).toEqual({ nickname: 'unknownField', 'applicant.shoeSize': 'unknownField' });
  });

  it('a "__proto__" key from JSON is an unknown field, not a prototype', () => {
    const body = JSON.parse(`{"__proto__": {"admin": true}, ${JSON.stringify(valid()).slice(1)}`);
    expect(issuesOf(body)).toEqual([{ path: '__proto__', code: 'unknownField' }]);
  });

  it('wrong types are named: a pension answer must be true, false or null', () => {
    expect(codes(withChanges((b) => ((b as Record<string, unknown>).receivesEarlyRetirementPension = 'ja')))).toEqual({
      receivesEarlyRetirementPension: 'invalidType',
    });
  });

  it('needs must be VUM themes, each once', () => {
    expect(codes(withChanges((b) => (b.needs = ['rengoering'])))).toEqual({ 'needs.0': 'invalidChoice' });
    expect(codes(withChanges((b) => (b.needs = ['sundhed', 'sundhed'])))).toEqual({ needs: 'needsRepeated' });
  });

  describe('helpAreas: items of the kommune’s own help list', () => {
    /** Aabenraa has a list of its own; Brønderslev lists the VUM themes, so it has none. */
    const kommuner = { aabenraa: ['vedligeholde-og-udvikle-faerdigheder', 'deltage-i-en-aktivitet'], bronderslev: [] };
    const inAabenraa = (helpAreas: unknown, needs: string[] = []) => withChanges((b) => Object.assign(b, { kommune: 'aabenraa', needs, helpAreas }));
    const issues = (body: unknown) => {
      const result = validateApplication(body, NOW, kommuner);
      return result.ok ? [] : result.issues;
    };

    it('the kommune’s own items are accepted, and kept as sent', () => {
      const result = validateApplication(inAabenraa(['deltage-i-en-aktivitet', 'vedligeholde-og-udvikle-faerdigheder']), NOW, kommuner);
      expect(result.ok && result.application.helpAreas).toEqual(['deltage-i-en-aktivitet', 'vedligeholde-og-udvikle-faerdigheder']);
      expect(validateApplication(inAabenraa([]), NOW, kommuner).ok).toBe(true);
      expect(validateApplication(valid(), NOW, kommuner).ok).toBe(true);
    });

    it('an item of another kommune’s list, or a VUM theme, is refused at its own index', () => {
      expect(issues(inAabenraa(['deltage-i-en-aktivitet', 'administration', 'sundhed']))).toEqual([
        { path: 'helpAreas.1', code: 'invalidChoice' },
        { path: 'helpAreas.2', code: 'invalidChoice' },
      ]);
    });

    it('a kommune whose list is the VUM themes takes none: they go in needs', () => {
      expect(issues(withChanges((b) => Object.assign(b, { helpAreas: ['sundhed'] })))).toEqual([{ path: 'helpAreas.0', code: 'invalidChoice' }]);
      expect(validateApplication(withChanges((b) => Object.assign(b, { helpAreas: [] })), NOW, kommuner).ok).toBe(true);
    });

    it('each item once, as text, in a list', () => {
      expect(issues(inAabenraa(['deltage-i-en-aktivitet', 'deltage-i-en-aktivitet']))).toEqual([{ path: 'helpAreas', code: 'needsRepeated' }]);
      expect(issues(inAabenraa([7]))).toEqual([{ path: 'helpAreas.0', code: 'invalidType' }]);
      expect(issues(inAabenraa('deltage-i-en-aktivitet'))).toEqual([{ path: 'helpAreas', code: 'invalidType' }]);
    });

    it('a kommune with its own list still takes VUM themes in needs, as API clients send them', () => {
      expect(validateApplication(inAabenraa(['deltage-i-en-aktivitet'], ['sundhed']), NOW, kommuner).ok).toBe(true);
    });

    it('without the kommuner (as an old caller) the items are not checked against a list', () => {
      expect(codes(inAabenraa(['anything']))).toEqual({});
    });
  });

  it('an unknown kommune is not a choice: the caller gives the kommuner there are', () => {
    const kommuner = { bronderslev: [], varde: [] };
    const result = validateApplication(withChanges((b) => (b.kommune = 'aarhus')), NOW, kommuner);
    expect(result.ok ? [] : result.issues).toEqual([{ path: 'kommune', code: 'invalidChoice' }]);
    // Any kommune in the list is accepted: the list is the content files, not code.
    expect(validateApplication(withChanges((b) => (b.kommune = 'varde')), NOW, kommuner).ok).toBe(true);
  });

  it('a key of Object’s prototype is no kommune', () => {
    for (const kommune of ['constructor', 'tostring', 'hasownproperty']) {
      const result = validateApplication(withChanges((b) => (b.kommune = kommune)), NOW, { bronderslev: [] });
      expect(result.ok ? [] : result.issues, kommune).toEqual([{ path: 'kommune', code: 'invalidChoice' }]);
    }
    expect(codes(withChanges((b) => (b.kommune = 'constructor')))).toEqual({});
  });

  it('a kommune must have the form of a slug, with or without the list', () => {
    for (const kommune of ['Aarhus', ' varde', 'brønderslev', 'varde/', '-varde', 'a--b', 7, null]) {
      expect(codes(withChanges((b) => ((b as Record<string, unknown>).kommune = kommune))), String(kommune)).toEqual({ kommune: 'invalidChoice' });
    }
    expect(codes(withChanges((b) => (b.kommune = 'ringkobing-skjern')))).toEqual({});
  });

  it('an unknown kommune is named with the other problems, once', () => {
    const result = validateApplication({ kommune: 'aarhus' }, NOW, { bronderslev: [] });
    const issues = result.ok ? [] : result.issues;
    expect(issues.filter((i) => i.path === 'kommune')).toEqual([{ path: 'kommune', code: 'invalidChoice' }]);
    expect(issues.map((i) => i.path)).toContain('applicant');
  });

  it('too long a text says how long it may be', () => {
    const issues = issuesOf(withChanges((b) => (b.description = 'x'.repeat(4001))));
    expect(issues).toEqual([{ path: 'description', code: 'tooLong', params: { max: 4000 } }]);
  });

  it('a postal code has four digits; a phone number 8 to 15 digits; an e-mail address an @', () => {
    const body = withChanges((b) => {
      b.applicant.address.postalCode = '970';
      b.applicant.phone = '12 34';
      b.applicant.email = 'sofie.example.dk';
    });
    expect(codes(body)).toEqual({
      'applicant.address.postalCode': 'postalCodeInvalid',
      'applicant.phone': 'phoneInvalid',
      'applicant.email': 'emailInvalid',
    });
  });

  it('every problem shows at once: a missing description and an age under 18', () => {
    const body = withChanges((b) => {
      b.description = '';
      b.applicant.birthDate = '2010-01-01';
    });
    expect(codes(body)).toEqual({ description: 'required', 'applicant.birthDate': 'under18' });
  });

  it('an age under 18 is told even when other answers about the person are missing', () => {
    const body = withChanges((b) => {
      b.applicant = { birthDate: '2010-01-01' } as Body['applicant'];
      b.contact.preferred = 'email';
    });
    expect(codes(body)).toEqual({ 'applicant.name': 'required', 'applicant.birthDate': 'under18', 'contact.preferred': 'emailMissing' });
  });

  it('a body that is not an object is refused as a whole', () => {
    for (const body of [null, [], 'ansøgning', 42]) expect(issuesOf(body)).toEqual([{ path: '', code: 'invalidType' }]);
  });
});

describe('every error code is worded', () => {
  it.each(['da', 'en'] as const)('in %s', (lang) => {
    const codes = STRINGS[lang].apply.errors.codes;
    expect(Object.keys(codes).sort()).toEqual([...ISSUE_CODES].sort());
  });
});
