/**
 * An application for socialpædagogisk støtte (Serviceloven § 85): the one
 * schema that the endpoint (`POST /api/ansoegninger`) and the form island
 * both check against. Field names are the API contract (ARCHITECTURE.md).
 *
 * Written with `zod/mini` (≈ 6.3 KB gzip as used here) rather than full zod so that the
 * island can share it; the island loads it (src/islands/apply/checks.ts) as it mounts, after the
 * rest of the page's JavaScript (docs/islands.md).
 *
 * Errors are codes, not sentences (`{ path: 'applicant.name', code:
 * 'required' }`): the server words them in Danish or English from
 * `locales/<lang>/apply.json`, the island from the same strings, so a citizen
 * reads the same message with or without JavaScript.
 */
import * as z from 'zod/mini';
import { ADULT_AGE, OLDEST_AGE, ageOn } from './age.ts';
import { danishDate } from './danish-clock.ts';
import { isRealDate, parseCpr } from './cpr.ts';
import { VUM_THEMES, isKommuneSlug } from './ids.ts';

import { LIMITS } from './limits.ts';

export { LIMITS };

/** Ways the kommune can get in touch; `letter` means by post or Digital Post (needs an address or a CPR number). */
export const CONTACT_METHODS = ['phone', 'email', 'letter'] as const;
export type ContactMethod = (typeof CONTACT_METHODS)[number];

/**
 * Our error codes, each worded in `locales/<lang>/apply.json` (`errors.codes`,
 * or per field in `errors.fields`). Schema checks name their code in `error`;
 * zod's own messages depend on which zod locale is loaded (full zod, loaded by
 * the content schema on the server, sets English ones), so they are mapped by
 * issue kind instead and never shown.
 */
export const ISSUE_CODES = [
  'required',
  'tooLong',
  'tooMany',
  'invalidType',
  'invalidChoice',
  'invalid',
  'unknownField',
  'whoRequired',
  'phoneInvalid',
  'emailInvalid',
  'postalCodeInvalid',
  'birthDateInvalid',
  'birthDateIncomplete',
  'birthYearFourDigits',
  'birthDateOrCprRequired',
  'birthDateInFuture',
  'birthDateTooEarly',
  'under18',
  'cprInvalid',
  'cprDateInvalid',
  'cprBirthDateMismatch',
  'consentRequired',
  'phoneMissing',
  'emailMissing',
  'letterMissing',
  'needsRepeated',
  // Checked by the server only (src/server/applications/text-check.ts): a control character or the like.
  'characterRefused',
] as const;
export type IssueCode = (typeof ISSUE_CODES)[number];
/** Our codes are single camelCase words; zod's own messages are sentences. (A pattern, not the list: the island ships less.) */
const isIssueCode = (s: string): s is IssueCode => /^[a-z][A-Za-z0-9]*$/.test(s);

/** A list without an item twice. */
const noRepeats = () => z.refine<unknown[]>((a) => new Set(a).size === a.length, { error: 'needsRepeated' });
const text = (max: number) => z.string().check(z.trim(), z.minLength(1, { error: 'required' }), z.maxLength(max));
const optionalText = (max: number) => z.optional(z.nullable(text(max)));
/** A phone number as people write it: digits with spaces, hyphens or a leading +; 8–15 digits. */
const phone = z.optional(
  z.nullable(
    text(LIMITS.phone).check(
      z.refine((s) => /^\+?[\d\s-]+$/.test(s) && /^(\D*\d){8,15}\D*$/.test(s), { error: 'phoneInvalid' }),
    ),
  ),
);
const email = z.optional(z.nullable(z.string().check(z.trim(), z.maxLength(LIMITS.email), z.regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, { error: 'emailInvalid' }))));

/** The applicant's postal address (kommune.ts has the units' own addresses). */
export const ApplicantAddressSchema = z.strictObject({
  street: text(LIMITS.street),
  postalCode: z.string().check(z.trim(), z.minLength(1, { error: 'required' }), z.regex(/^\d{4}$/, { error: 'postalCodeInvalid' })),
  city: text(LIMITS.city),
});

export const ApplicantSchema = z.strictObject({
  name: text(LIMITS.name),
  /** ISO date; `birthDate` or `cpr` — one is enough. */
  birthDate: z.optional(z.nullable(z.string().check(z.refine(isRealDate, { error: 'birthDateInvalid' })))),
  /** DDMMYY-SSSS with or without the hyphen; gives the birth date by the century rule (cpr.ts). */
  // Ten digits whose first six are no date ("310299-1234") are told so, not "write 10 digits".
  cpr: z.optional(z.nullable(z.string().check(z.refine((s) => parseCpr(s).ok, { error: (i) => (parseCpr(String(i.input)).reason === 'date' ? 'cprDateInvalid' : 'cprInvalid') })))),
  address: z.optional(z.nullable(ApplicantAddressSchema)),
  phone,
  email,
});

/** Someone applying for another person, who must consent (and the consent is recorded). */
export const OnBehalfSchema = z.strictObject({
  name: text(LIMITS.name),
  relation: text(LIMITS.relation),
  phone,
  email,
  applicantConsents: z.literal(true, { error: 'consentRequired' }),
});

export const ContactSchema = z.strictObject({
  preferred: z.enum(CONTACT_METHODS),
  bestTimes: optionalText(LIMITS.bestTimes),
});

export const ApplicationSchema = z.strictObject({
  /**
   * A kommune slug. The schema checks only its form: which kommuner exist is
   * the content's business (one file per kommune), so `validateApplication`
   * takes them from its caller.
   */
  kommune: z.string({ error: (issue) => (issue.input === undefined ? 'required' : 'invalidChoice') }).check(
    z.refine(isKommuneSlug, { error: 'invalidChoice' }),
  ),
  applicant: ApplicantSchema,
  /** Only Brønderslev's routing needs it (routing.ts); `null`: not answered or "ved ikke". */
  receivesEarlyRetirementPension: z.optional(z.nullable(z.boolean())),
  onBehalf: z.optional(z.nullable(OnBehalfSchema)),
  /** VUM themes as slugs; may be empty when the description says it all. */
  needs: z.optional(z.array(z.enum(VUM_THEMES)).check(noRepeats())),
  /**
   * Items of the kommune's own help list as slugs (an addition to the contract): which ones
   * the kommune has is its content's business, so `validateApplication` checks them against
   * `kommuner`. A kommune whose list is the VUM themes has none (help-areas.ts).
   */
  helpAreas: z.optional(z.array(z.string()).check(noRepeats())),
  description: text(LIMITS.description),
  /** Help the person already gets or has had (optional, an addition to the contract). */
  helpReceived: optionalText(LIMITS.helpReceived),
  contact: ContactSchema,
  wantsBisidder: z.optional(z.boolean()),
  consentToObtainInformation: z.boolean(),
});

export type Application = z.output<typeof ApplicationSchema>;
export type ApplicationInput = z.input<typeof ApplicationSchema>;
export type Applicant = z.output<typeof ApplicantSchema>;

/** One problem with one field: `path` in the JSON body ("" for the whole body), a message code and its values. */
export interface Issue {
  path: string;
  code: IssueCode;
  params?: Record<string, number | string>;
}

/**
 * The kommuner there are (their content files), by slug, each with the slugs of its own help
 * list: what `helpAreas` may hold for it, none where the list is the VUM themes
 * (`knownKommuner` in help-areas.ts builds it from the content).
 */
export type KnownKommuner = Readonly<Record<string, readonly string[]>>;

/** The kommune's own help list, when it is one of the kommuner there are (never a key of Object's prototype). */
export const ownListOf = (kommuner: KnownKommuner | undefined, kommune: unknown): readonly string[] | undefined =>
  kommuner && typeof kommune === 'string' && Object.hasOwn(kommuner, kommune) ? kommuner[kommune] : undefined;

export type Validation =
  | { ok: true; application: Application; birthDate: string; age: number }
  | { ok: false; issues: Issue[] };

/**
 * Checks a parsed JSON body as an application sent at `now`. On success the
 * application comes back cleaned (trimmed, CPR as DDMMYY-SSSS) with the
 * birth date and the age on the day of submission in Danish time.
 *
 * `kommuner`, the kommuner there are with their own help lists (the content
 * files), makes a well-formed slug that is none of them an `invalidChoice`,
 * and each item of `helpAreas` that is not on the kommune's own list
 * (`helpAreas.<i>`; every item, where the list is the VUM themes). The server
 * and the form's island always give it; without it neither is checked.
 */
export function validateApplication(input: unknown, now: Date, kommuner?: KnownKommuner): Validation {
  const parsed = ApplicationSchema.safeParse(input);
  const kommune = valueAt(input, ['kommune']);
  const own = ownListOf(kommuner, kommune);
  // First, as the schema's own issue for the field would be: one message per path.
  const issues: Issue[] = kommuner && typeof kommune === 'string' && !own ? [{ path: 'kommune', code: 'invalidChoice' }] : [];
  if (!parsed.success) issues.push(...parsed.error.issues.flatMap((i) => toIssues(i, input)));
  // After the schema's, so an item that is no text at all is told so.
  const areas = valueAt(input, ['helpAreas']);
  if (own && Array.isArray(areas)) areas.forEach((a, i) => own.includes(a as string) || issues.push({ path: `helpAreas.${i}`, code: 'invalidChoice' }));
  const rules = crossFieldIssues(input, now);
  // One message per field: a field that is already wrong on its own is not also checked against others.
  const all = onePerPath([...issues, ...rules.issues]);
  if (!parsed.success || all.length > 0 || rules.birthDate === null) return { ok: false, issues: all };
  const application = parsed.data;
  const cpr = application.applicant.cpr ? parseCpr(application.applicant.cpr) : null;
  if (cpr?.ok) application.applicant.cpr = cpr.cpr;
  return { ok: true, application, birthDate: rules.birthDate, age: ageOn(rules.birthDate, now) };
}

/** The first problem at each path: "required" rather than also "not a phone number". */
function onePerPath(issues: Issue[]): Issue[] {
  const seen = new Set<string>();
  return issues.filter((i) => !seen.has(i.path) && seen.add(i.path));
}

/** Every zod issue as our codes; an unknown key gives one issue per key, at the key itself. */
function toIssues(issue: z.core.$ZodIssue, input: unknown): Issue[] {
  const path = issue.path.join('.');
  const at = (p: string) => (p ? `${p}.` : '');
  if (issue.code === 'unrecognized_keys') return issue.keys.map((key) => ({ path: `${at(path)}${key}`, code: 'unknownField' }));
  // Codes we set ourselves ({ error: 'phoneInvalid' }) come through as the message.
  if (isIssueCode(issue.message)) return [{ path, code: issue.message }];
  const missing = valueAt(input, issue.path) === undefined;
  switch (issue.code) {
    case 'invalid_type':
      return [{ path, code: missing ? 'required' : 'invalidType' }];
    case 'too_big':
      return [{ path, code: issue.origin === 'array' ? 'tooMany' : 'tooLong', params: { max: Number(issue.maximum) } }];
    case 'invalid_value':
      return [{ path, code: missing ? 'required' : 'invalidChoice' }];
    default:
      return [{ path, code: 'invalid' }];
  }
}

function valueAt(input: unknown, path: PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/**
 * Rules across fields, each checked as soon as the fields it needs are valid
 * on their own, so that every problem shows at once (GOV.UK: one round of
 * errors): a birth date or a CPR number; the two agree; a real age of 18 or
 * more; and a way to reach the person in the way they chose.
 */
function crossFieldIssues(input: unknown, now: Date): { issues: Issue[]; birthDate: string | null } {
  const issues: Issue[] = [];
  const given = (...path: string[]) => {
    const v = valueAt(input, path);
    return v !== undefined && v !== null && (typeof v !== 'string' || v.trim() !== '');
  };
  const valid = <T>(schema: z.ZodMiniType<T>, ...path: string[]): T | undefined => {
    const result = given(...path) ? schema.safeParse(valueAt(input, path)) : null;
    return result?.success ? result.data : undefined;
  };
  const A = ApplicantSchema.shape;

  let birthDate: string | null = null;
  if (valueAt(input, ['applicant']) !== undefined) {
    const ownDate = valid(A.birthDate, 'applicant', 'birthDate');
    const cpr = valid(A.cpr, 'applicant', 'cpr');
    const parsedCpr = cpr ? parseCpr(cpr) : null;
    const cprDate = parsedCpr?.ok ? parsedCpr.birthDate : undefined;
    // The birth date field is where the person is told, unless only a CPR number was given.
    const datePath = given('applicant', 'birthDate') ? 'applicant.birthDate' : 'applicant.cpr';
    birthDate = ownDate ?? cprDate ?? null;
    if (!given('applicant', 'birthDate') && !given('applicant', 'cpr')) {
      issues.push({ path: 'applicant.birthDate', code: 'birthDateOrCprRequired' });
    } else if (ownDate && cprDate && ownDate !== cprDate) {
      issues.push({ path: 'applicant.cpr', code: 'cprBirthDateMismatch' });
      birthDate = null;
    } else if (birthDate && birthDate > danishDate(now)) {
      issues.push({ path: datePath, code: 'birthDateInFuture' });
      birthDate = null;
    } else if (birthDate && ageOn(birthDate, now) > OLDEST_AGE) {
      issues.push({ path: datePath, code: 'birthDateTooEarly', params: { years: OLDEST_AGE } });
      birthDate = null;
    } else if (birthDate && ageOn(birthDate, now) < ADULT_AGE) {
      issues.push({ path: datePath, code: 'under18' });
      birthDate = null;
    }
  }

  const preferred = valid(ContactSchema.shape.preferred, 'contact', 'preferred');
  const missing: Record<ContactMethod, boolean> = {
    phone: !given('applicant', 'phone') && !given('onBehalf', 'phone'),
    email: !given('applicant', 'email') && !given('onBehalf', 'email'),
    // Digital Post reaches a person through their CPR number, so a letter needs an address only
    // when the kommune has no CPR number to send it by (and the CPR register also gives the address).
    letter: !given('applicant', 'address') && !given('applicant', 'cpr'),
  };
  if (preferred && missing[preferred]) issues.push({ path: 'contact.preferred', code: `${preferred}Missing` as const });
  return { issues, birthDate };
}
