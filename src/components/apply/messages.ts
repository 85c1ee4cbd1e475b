/**
 * Problems as the page shows them: one message per field (the first), and
 * the error summary's links in the order of the form.
 */
import type { Issue } from '../../domain/application.ts';
import { FORM_FIELDS, fieldForPath, type FieldName } from '../../domain/application-form.ts';
import { describeIssue, type ErrorStrings } from '../../lib/application-messages.ts';
import { applicationFieldId } from './fields.tsx';

export type FieldMessages = Partial<Record<FieldName, string>>;

export function fieldMessages(issues: Issue[], strings: ErrorStrings): { byField: FieldMessages; summary: { href: string; text: string }[] } {
  const byField: FieldMessages = {};
  const other: string[] = [];
  for (const issue of issues) {
    const field = fieldForPath(issue.path);
    const text = describeIssue(issue, strings);
    if (field) byField[field] ??= text;
    else other.push(text);
  }
  const summary = FORM_FIELDS.filter((f) => byField[f]).map((f) => ({ href: `#${applicationFieldId(f)}`, text: byField[f]! }));
  return { byField, summary: [...summary, ...other.map((text) => ({ href: '#ansoegning', text }))] };
}
