/**
 * The words for an application error code (application.ts), shared by the
 * endpoint (422 bodies, the no-JavaScript form) and the island, which gets
 * the strings as props: the citizen reads the same message either way.
 *
 * A message specific to the field (`errors.fields.applicant.name.required`:
 * "Skriv det fulde navn.") wins over the general one for the code
 * (`errors.codes.required`: "Udfyld feltet.").
 */
import type { Issue } from '../domain/application.ts';
import { messagePath } from '../domain/application-steps.ts';
import { fillTemplate } from './template.ts';

type Strings = { [key: string]: string | Strings };

export interface ErrorStrings {
  codes: Record<string, string>;
  fields: Strings;
}

export function describeIssue(issue: Issue, strings: ErrorStrings): string {
  let node: string | Strings | undefined = strings.fields;
  for (const segment of messagePath(issue.path).split('.').filter(Boolean)) {
    node = typeof node === 'object' ? node[segment] : undefined;
  }
  const specific = typeof node === 'object' ? node[issue.code] : undefined;
  const template = (typeof specific === 'string' ? specific : undefined) ?? strings.codes[issue.code] ?? strings.codes.invalid ?? issue.code;
  return fillTemplate(template, Object.fromEntries(Object.entries(issue.params ?? {}).map(([k, v]) => [k, String(v)])));
}
