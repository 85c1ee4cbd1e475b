/**
 * The application form's fields, steps and answers as the island needs them
 * from the first render: no schema here, so the island loads zod (with
 * `checkForm`, application-form.ts) only when it first checks the answers
 * (docs/islands.md). application-form.ts re-exports all of it; see there for
 * the form model.
 */
import { VUM_THEMES } from './ids.ts';
import type { Issue } from './application.ts';
import { OLDEST_AGE, ageOn } from './age.ts';
import { isRealDate, parseCpr } from './cpr.ts';

/** Hidden fields the no-JavaScript form also posts. */
export const HIDDEN_FIELDS = ['kommune', 'lang', 'idempotencyKey'] as const;

/**
 * A problem with the whole form rather than a field (the store is down, too many tries, a broken post, too much
 * text, the form's Idempotency-Key already used for other answers, the kept answers cannot be read now).
 */
export interface FormProblem {
  code: 'store' | 'tooMany' | 'malformed' | 'tooLarge' | 'keyReused' | 'answersUnavailable';
  /** For `tooMany`: seconds to wait. */
  seconds?: number;
}

/** Answers as the fields of an HTML form, in the order given (`needs` once per need), for a page that posts them on. */
export const formEntries = (values: FormValues): [name: string, value: string][] =>
  Object.entries(values).flatMap(([name, value]) => (Array.isArray(value) ? value.map((v): [string, string] => [name, v]) : [[name, value ?? '']]));

/** The steps of the form with JavaScript (DKFDS step indicator); without it, one page in this order. */
export const STEPS = [
  { id: 'who', fields: ['who', 'onBehalfName', 'onBehalfRelation', 'onBehalfPhone', 'onBehalfEmail', 'onBehalfConsent'] },
  {
    id: 'person',
    fields: ['name', 'birthDay', 'birthMonth', 'birthYear', 'cpr', 'street', 'postalCode', 'city', 'phone', 'email', 'pension'],
  },
  { id: 'needs', fields: ['needs', 'description', 'helpReceived'] },
  { id: 'contact', fields: ['contactPreferred', 'contactTimes', 'bisidder', 'consentInformation'] },
  { id: 'review', fields: [] },
] as const;
export type StepId = (typeof STEPS)[number]['id'];

/** Every field of the form, by its `name` (and, as `f-<name>`, its id), in the order of the steps. */
export type FieldName = (typeof STEPS)[number]['fields'][number];
export const FORM_FIELDS: readonly FieldName[] = STEPS.flatMap((s) => s.fields);

export type FormValues = Partial<Record<FieldName, string | string[]>>;

/** The field that shows the problem at an API path (array indexes dropped: `needs.2` → `needs`; `helpAreas` is asked as `needs`). */
const FIELD_FOR_PATH = Object.fromEntries(
  (
    'who who,applicant name,applicant.name name,applicant.birthDate birthDay,applicant.cpr cpr,' +
    'applicant.address street,applicant.address.street street,applicant.address.postalCode postalCode,' +
    'applicant.address.city city,applicant.phone phone,applicant.email email,receivesEarlyRetirementPension pension,' +
    'onBehalf onBehalfName,onBehalf.name onBehalfName,onBehalf.relation onBehalfRelation,onBehalf.phone onBehalfPhone,' +
    'onBehalf.email onBehalfEmail,onBehalf.applicantConsents onBehalfConsent,needs needs,helpAreas needs,description description,' +
    'helpReceived helpReceived,contact contactPreferred,contact.preferred contactPreferred,contact.bestTimes contactTimes,' +
    'wantsBisidder bisidder,consentToObtainInformation consentInformation'
  )
    .split(',')
    .map((pair) => pair.split(' ')),
) as Record<string, FieldName>;

/** An API path without array indexes, as messages are keyed: `needs.2` → `needs`. */
export const messagePath = (path: string) =>
  path
    .split('.')
    .filter((segment) => !/^\d+$/.test(segment))
    .join('.');

export function fieldForPath(path: string): FieldName | null {
  return FIELD_FOR_PATH[messagePath(path)] ?? null;
}

export function stepOfField(field: FieldName | null): StepId {
  return STEPS.find((s) => (s.fields as readonly FieldName[]).includes(field as FieldName))?.id ?? 'review';
}

export const one = (values: FormValues, field: FieldName): string => {
  const v = values[field];
  return (Array.isArray(v) ? (v[0] ?? '') : (v ?? '')).trim();
};
export const many = (values: FormValues, field: FieldName): string[] => {
  const v = values[field];
  return (Array.isArray(v) ? v : v ? [v] : []).map((s) => s.trim()).filter(Boolean);
};
export const optional = (s: string) => (s === '' ? undefined : s);
export const yesNo = (s: string) => (s === 'ja' ? true : s === 'nej' ? false : undefined);

/** The form's answer about førtidspension, for routing before sending: "Ved ikke" and no answer are `null`. */
export const pensionAnswer = (values: FormValues): boolean | null => yesNo(one(values, 'pension')) ?? null;

/** Month names as people write them, Danish and English, by month: a word is read as a month when it begins one (3 letters or more). */
const MONTH_NAMES = 'januar january,februar february,marts march,april,maj may,juni june,juli july,august,september,oktober october,november,december'.split(',');

/** The month as a number (1–12) from "4", "04", "april", "apr.", "April"; else the text as typed. */
function monthNumber(text: string): string {
  const t = text.toLowerCase().replace(/\.$/, '');
  const index = t.length >= 3 ? MONTH_NAMES.findIndex((names) => names.split(' ').some((name) => name.startsWith(t))) : -1;
  return index < 0 ? t : String(index + 1);
}

/**
 * The date of birth from its three fields: `undefined` when all are empty,
 * an ISO date when all are numbers (the schema then checks that the date
 * exists), or the problem to show at the day field. People's ways of writing
 * it are read: "3." for the day, "april" or "apr" for the month.
 */
export function birthDateFrom(values: FormValues): { date?: string; issue?: Issue } {
  const [rawDay, rawMonth, year] = (['birthDay', 'birthMonth', 'birthYear'] as const).map((f) => one(values, f));
  if (!rawDay && !rawMonth && !year) return {};
  const path = 'applicant.birthDate';
  if (!rawDay || !rawMonth || !year) return { issue: { path, code: 'birthDateIncomplete' } };
  const day = rawDay.replace(/\.$/, '');
  const month = monthNumber(rawMonth);
  if (![day, month, year].every((s) => /^\d+$/.test(s)) || day.length > 2 || month.length > 2) {
    return { issue: { path, code: 'birthDateInvalid' } };
  }
  if (year.length !== 4) return { issue: { path, code: 'birthYearFourDigits' } };
  return { date: `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}` };
}


/**
 * Answers carried over from "Kan jeg få støtte?" (the questionnaire): who is asking,
 * førtidspension, and what help is needed, as the kommune lists it: VUM themes
 * (`needs`) or items of its own list (`helpAreas`, given as `ownList`), both put in the
 * form's help question. Age cannot fill a date of birth; it is returned apart, for the
 * routing preview until a date of birth is given. Anything else is ignored.
 */
export interface QuestionnaireAnswers {
  who?: unknown;
  age?: unknown;
  pension?: unknown;
  needs?: unknown;
  helpAreas?: unknown;
}

export function prefillFromQuestionnaire(answers: QuestionnaireAnswers, ownList: readonly string[]): { values: FormValues; ageHint: number | null } {
  const values: FormValues = {};
  if (answers.who === 'self') values.who = 'self';
  // The questionnaire tells a relative from a professional; the form asks only whether it is on someone's behalf.
  if (answers.who === 'relative' || answers.who === 'professional') values.who = 'on-behalf';
  if (answers.pension === 'ja' || answers.pension === 'nej' || answers.pension === 'ved-ikke') values.pension = answers.pension;
  // Only what the form's help question offers in this kommune.
  const [chosen, offered]: [unknown, readonly unknown[]] = ownList.length ? [answers.helpAreas, ownList] : [answers.needs, VUM_THEMES];
  if (Array.isArray(chosen)) {
    const needs = chosen.filter((n): n is string => offered.includes(n));
    if (needs.length) values.needs = [...new Set(needs)];
  }
  const age = typeof answers.age === 'string' && /^\d{1,3}$/.test(answers.age) ? Number(answers.age) : answers.age;
  const ageHint = typeof age === 'number' && Number.isInteger(age) && age >= 0 && age <= OLDEST_AGE ? age : null;
  return { values, ageHint };
}

/**
 * The age the answers give so far, for the routing preview: from the date of
 * birth when it is complete and real, else from a valid CPR number, else `null`.
 */
export function ageFromForm(values: FormValues, now: Date): number | null {
  const { date } = birthDateFrom(values);
  if (date && isRealDate(date)) return ageOn(date, now);
  const cpr = parseCpr(one(values, 'cpr'));
  return cpr.ok ? ageOn(cpr.birthDate, now) : null;
}
