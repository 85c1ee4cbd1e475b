/**
 * The server's own check of an application's text: no string of it, at any
 * depth, may hold a character the portal does not take (control characters,
 * bidirectional overrides, lone surrogates, noncharacters:
 * src/domain/text-characters.ts). A problem is an issue like the schema's,
 * `characterRefused` at the field's path (`applicant.name`), so it is a 422
 * in the one error shape and lands on the field in the no-JavaScript form.
 *
 * Server-only on purpose: the form's island shares the schema
 * (src/domain/application.ts) and has no bytes to spare, and a citizen
 * typing in the form does not type these characters; pasted text may bring
 * them, and then the server's answer names the field.
 */
import type { Issue, KnownKommuner } from '../../domain/application.ts';
import { checkForm, fieldForPath, type FieldName, type FormCheck, type FormValues } from '../../domain/application-form.ts';
import { codePointName, refusedCharacter } from '../../domain/text-characters.ts';

/** The issue for a text at `path`, or none. */
function issueFor(text: string, path: string): Issue | null {
  const found = refusedCharacter(text);
  return found ? { path, code: 'characterRefused', params: { character: codePointName(found.codePoint), position: found.position } } : null;
}

/**
 * Every string of a parsed JSON body, at any depth (array items as `needs.0`), checked: one issue per string
 * that holds a refused character. The body's depth is bounded before this (request-body.ts `parseJsonObject`).
 */
export function characterIssues(body: unknown): Issue[] {
  const issues: Issue[] = [];
  const walk = (value: unknown, path: string): void => {
    if (typeof value === 'string') {
      const issue = issueFor(value, path);
      if (issue) issues.push(issue);
    } else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) walk(item, path ? `${path}.${key}` : key);
    }
  };
  walk(body, '');
  return issues;
}

/** The API path each of the form's fields is sent as (formToApplication), so a problem lands on its field. */
export const PATH_OF_FIELD: Record<FieldName, string> = {
  who: 'who',
  onBehalfName: 'onBehalf.name',
  onBehalfRelation: 'onBehalf.relation',
  onBehalfPhone: 'onBehalf.phone',
  onBehalfEmail: 'onBehalf.email',
  onBehalfConsent: 'onBehalf.applicantConsents',
  name: 'applicant.name',
  birthDay: 'applicant.birthDate',
  birthMonth: 'applicant.birthDate',
  birthYear: 'applicant.birthDate',
  cpr: 'applicant.cpr',
  street: 'applicant.address.street',
  postalCode: 'applicant.address.postalCode',
  city: 'applicant.address.city',
  phone: 'applicant.phone',
  email: 'applicant.email',
  pension: 'receivesEarlyRetirementPension',
  needs: 'needs',
  description: 'description',
  helpReceived: 'helpReceived',
  contactPreferred: 'contact.preferred',
  contactTimes: 'contact.bestTimes',
  bisidder: 'wantsBisidder',
  consentInformation: 'consentToObtainInformation',
};

/** The form's answers as posted, checked: one issue per field that holds a refused character (the first such answer). */
export function formCharacterIssues(values: FormValues): Issue[] {
  const issues = new Map<string, Issue>();
  for (const [field, value] of Object.entries(values)) {
    const path = PATH_OF_FIELD[field as FieldName];
    for (const text of Array.isArray(value) ? value : [value ?? '']) {
      const issue = path && !issues.has(path) ? issueFor(text, path) : null;
      if (issue) issues.set(path, issue);
    }
  }
  return [...issues.values()];
}

/**
 * The no-JavaScript form's answers checked on the server: `checkForm`, the same check as the island's, and the
 * characters. A field with a refused character shows that problem (one per field, as everywhere).
 */
export function checkPostedForm(values: FormValues, kommune: string, now: Date, kommuner: KnownKommuner): FormCheck {
  const checked = checkForm(values, kommune, now, kommuner);
  const characters = formCharacterIssues(values);
  if (!characters.length) return checked;
  const fields = new Set(characters.map((i) => fieldForPath(i.path)));
  const others = checked.ok ? [] : checked.issues.filter((i) => !fields.has(fieldForPath(i.path)));
  return { ok: false, issues: [...characters, ...others] };
}

/** A JSON body's issues with the characters' first: one per path. */
export function withCharacterIssues(characters: Issue[], issues: Issue[]): Issue[] {
  const seen = new Set<string>();
  return [...characters, ...issues].filter((i) => !seen.has(i.path) && seen.add(i.path));
}
