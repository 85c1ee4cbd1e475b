/**
 * How `revisionsspor` shows the audit trail: newest first, one block per
 * staff action — when (Danish time), the action, who (the operating-system
 * user; with sudo, who typed it first) and how it ended, then what it touched:
 * the applications' references, where the data went, the choices it ran with,
 * its counts and why it failed. Pure: a function of what the store returns.
 * An entry holds no personal data (the commands record references, ids,
 * dates and counts); a user name comes from the machine and SUDO_USER from the
 * environment, so every line is made safe for a terminal (`printable`).
 */
import type { AuditChoices, AuditEntry } from '../../server/store/types.ts';
import { printable, when } from './format.ts';
import { AUDIT } from './text.ts';

/** The choices an action ran with, in the trail's words, in a fixed order. */
function choiceWords(choices: AuditChoices): string[] {
  const c = AUDIT.choice;
  const words: string[] = [];
  if (choices.kommune !== undefined) words.push(c.kommune(choices.kommune));
  if (choices.unitId !== undefined) words.push(c.unitId(choices.unitId));
  if (choices.receivedFrom !== undefined) words.push(c.receivedFrom(when(choices.receivedFrom)));
  if (choices.receivedBefore !== undefined) words.push(c.receivedBefore(when(choices.receivedBefore)));
  if (choices.exported !== undefined) words.push(c.exported(choices.exported));
  if (choices.olderThanDays !== undefined) words.push(c.olderThanDays(choices.olderThanDays));
  if (choices.includeNotExported) words.push(c.includeNotExported);
  if (choices.auditOlderThanDays !== undefined) words.push(c.auditOlderThanDays(choices.auditOlderThanDays));
  if (choices.allFailed) words.push(c.allFailed);
  return words;
}

/** The counts that are not 0, in a fixed order (the ones the trail knows first); all 0: nothing was changed. */
function countsLine(counts: Record<string, number | undefined>): string {
  const known = Object.keys(AUDIT.count);
  const names = [...known.filter((name) => name in counts), ...Object.keys(counts).filter((name) => !known.includes(name))];
  const words = names.filter((name) => counts[name]).map((name) => AUDIT.count[name]?.(counts[name]!) ?? `${name}: ${counts[name]}`);
  return words.length ? AUDIT.counts(words) : AUDIT.nothingCounted;
}

/** One entry: its line, then what it touched, indented. */
function entryLines(entry: AuditEntry): string[] {
  const { details } = entry;
  const lines = [[when(entry.at), entry.action, AUDIT.actor(entry.actor.user, entry.actor.sudoUser), AUDIT.outcome[entry.outcome] ?? entry.outcome].join('  ')];
  const detail = (text: string) => lines.push(`  ${text}`);
  if (details.references) detail(AUDIT.references(details.references));
  const written = [details.output && (AUDIT.output[details.output] ?? details.output), details.format && (AUDIT.format[details.format] ?? details.format)];
  if (written.some(Boolean)) detail(AUDIT.writtenTo(written.filter((w): w is string => Boolean(w))));
  const choices = details.choices ? choiceWords(details.choices) : [];
  if (choices.length) detail(AUDIT.choices(choices));
  if (details.counts) detail(countsLine(details.counts));
  if (details.reason) detail(AUDIT.reason(details.reason));
  return lines.map(printable);
}

/** The trail, newest first, as the store lists it. */
export function auditReport(entries: readonly AuditEntry[]): string {
  if (entries.length === 0) return `${AUDIT.none}\n`;
  return [AUDIT.heading(entries.length), '', ...entries.flatMap((entry) => [...entryLines(entry), ''])].join('\n');
}
