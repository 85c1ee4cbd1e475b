/**
 * The application form as a citizen fills it in, and how its answers become
 * the API's JSON body (application.ts). The same form model serves the
 * no-JavaScript form (a plain POST, `application/x-www-form-urlencoded`), the
 * island (which posts JSON) and the endpoint, so field names, steps and the
 * way errors land on fields are defined once.
 *
 * Form answers are strings, as HTML gives them: radio buttons "ja"/"nej",
 * the date of birth as three fields (GOV.UK: no date picker), `needs` as
 * repeated checkboxes.
 *
 * `needs` is the form's one question about what help is needed. Its options are
 * the kommune's help list: the VUM themes, sent as the API's `needs`, or the
 * kommune's own list (help-areas.ts), sent as the API's `helpAreas`. So the form
 * asks it once, in the kommune's own words, and `checkForm` needs the kommune's
 * list to know which.
 */
import { validateApplication, ownListOf, type Issue, type KnownKommuner, type Validation } from './application.ts';
import { birthDateFrom, fieldForPath, many, one, optional, yesNo, type FormValues } from './application-steps.ts';

// The fields, steps and answers (what the island needs before it checks anything).
export * from './application-steps.ts';

/**
 * The JSON body for the answers in the form, and the problems only the form
 * can have (no choice between "for myself" and "for someone else", a date of
 * birth half filled in). The endpoint and the island then check the body
 * against the schema, so every other rule lives in application.ts.
 *
 * `ownList`, the kommune's own help list, makes the answers to the help question
 * `helpAreas`; without it (the VUM themes) they are `needs`.
 */
export function formToApplication(values: FormValues, kommune: string, ownList?: readonly string[]): { body: Record<string, unknown>; issues: Issue[] } {
  const issues: Issue[] = [];
  const who = one(values, 'who');
  if (who !== 'self' && who !== 'on-behalf') issues.push({ path: 'who', code: 'whoRequired' });

  const birth = birthDateFrom(values);
  if (birth.issue) issues.push(birth.issue);
  const address = { street: one(values, 'street'), postalCode: one(values, 'postalCode'), city: one(values, 'city') };
  const hasAddress = Object.values(address).some(Boolean);

  const pension = one(values, 'pension');
  const body: Record<string, unknown> = {
    kommune,
    applicant: {
      name: one(values, 'name'),
      birthDate: birth.date,
      cpr: optional(one(values, 'cpr')),
      // Part of an address is still an address: the schema names the missing parts.
      address: hasAddress ? address : undefined,
      phone: optional(one(values, 'phone')),
      email: optional(one(values, 'email')),
    },
    receivesEarlyRetirementPension: pension === 'ved-ikke' ? null : yesNo(pension),
    onBehalf:
      who === 'on-behalf'
        ? {
            name: one(values, 'onBehalfName'),
            relation: one(values, 'onBehalfRelation'),
            phone: optional(one(values, 'onBehalfPhone')),
            email: optional(one(values, 'onBehalfEmail')),
            applicantConsents: one(values, 'onBehalfConsent') === 'ja',
          }
        : undefined,
    [ownList?.length ? 'helpAreas' : 'needs']: many(values, 'needs'),
    description: one(values, 'description'),
    helpReceived: optional(one(values, 'helpReceived')),
    contact: { preferred: optional(one(values, 'contactPreferred')), bestTimes: optional(one(values, 'contactTimes')) },
    wantsBisidder: yesNo(one(values, 'bisidder')),
    consentToObtainInformation: yesNo(one(values, 'consentInformation')),
  };
  // As JSON has it: keys with `undefined` left out, which keeps "required" messages right on both paths.
  return { body: JSON.parse(JSON.stringify(body)) as Record<string, unknown>, issues };
}


/** Issues from the form and the schema together, one per field (the form's own first). */
function mergeIssues(formIssues: Issue[], schemaIssues: Issue[]): Issue[] {
  const fields = new Set(formIssues.map((i) => fieldForPath(i.path) ?? i.path));
  return [...formIssues, ...schemaIssues.filter((i) => !fields.has(fieldForPath(i.path) ?? i.path))];
}

/** The form's answers checked: the application (and the JSON body it was read from), or the problems to show. */
export type FormCheck =
  | (Extract<Validation, { ok: true }> & { body: Record<string, unknown> })
  | { ok: false; issues: Issue[] };

/**
 * The one check of the form's answers, for the island (before sending) and
 * the endpoint (the no-JavaScript post): the form's own problems, then the
 * shared schema on the JSON body, one problem per field. `kommuner` as
 * `validateApplication` takes them; the island gives its own kommune's.
 */
export function checkForm(values: FormValues, kommune: string, now: Date, kommuner: KnownKommuner): FormCheck {
  const { body, issues: formIssues } = formToApplication(values, kommune, ownListOf(kommuner, kommune));
  const result = validateApplication(body, now, kommuner);
  const issues = mergeIssues(formIssues, result.ok ? [] : result.issues);
  return result.ok && !issues.length ? { ...result, body } : { ok: false, issues };
}
