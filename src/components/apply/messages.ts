/**
 * Problems as the page shows them: one message per field (the first), and
 * the error summary's links in the order of the form.
 */
import type { Issue } from '../../domain/application.ts';
import { FORM_FIELDS, fieldForPath, type FieldName } from '../../domain/application-steps.ts';
import { describeIssue, type ErrorStrings } from '../../lib/application-messages.ts';
import { applicationFieldId } from './fields.tsx';

export type FieldMessages = Partial<Record<FieldName, string>>;

export function fieldMessages(issues: Issue[], strings: ErrorStrings): { byField: FieldMessages; other: string[] } {
  const byField: FieldMessages = {};
  const other: string[] = [];
  for (const issue of issues) {
    const field = fieldForPath(issue.path);
    const text = describeIssue(issue, strings);
    if (field) byField[field] ??= text;
    else other.push(text);
  }
  return { byField, other };
}

/** The error summary's links for the page without JavaScript: the fields in the order of the form, then the rest. */
export function summaryItems({ byField, other }: ReturnType<typeof fieldMessages>): { href: string; text: string }[] {
  const fields = FORM_FIELDS.filter((f) => byField[f]).map((f) => ({ href: `#${applicationFieldId(f)}`, text: byField[f]! }));
  return [...fields, ...other.map((text) => ({ href: '#ansoegning', text }))];
}
