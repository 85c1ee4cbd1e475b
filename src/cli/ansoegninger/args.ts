/**
 * The case team's command line, read into a command or a Danish message that
 * says what is wrong. Pure: the kommuner and their units come in as data (the
 * content files), the settings from the environment as values.
 *
 * Options take their value as the next word or after "=" (`--kommune varde`,
 * `--kommune=varde`); æ/ø/å in an option's name are read as ae/oe/aa, so
 * `--også-ikke-eksporterede` works as well as `--ogsaa-ikke-eksporterede`.
 */
import { isRealDate } from '../../domain/cpr.ts';
import { normalizeReference } from '../../domain/reference.ts';
import { endOfDanishDay, startOfDanishDay } from '../../domain/danish-days.ts';
import { AUDIT_ACTIONS, type ApplicationFilter, type AuditFilter } from '../../server/store/types.ts';
import { DEFAULT_AUDIT_RETENTION_DAYS, DEFAULT_RETENTION_DAYS, parseRetentionDays } from '../../domain/retention.ts';
import { MESSAGES } from './text.ts';

/** The kommuner the command knows, from their content files: slug → name and unit ids. */
/** The kommuner by slug: name, units, and the help list (`helpAreas`: the standard's words for each item, by slug). */
export type KommuneCatalog = Record<string, { name: string; units: { id: string; name: string }[]; helpAreas: { slug: string; label: string }[] }>;

export type ExportFormat = 'csv' | 'jsonl';

export type Command =
  | { kind: 'help' }
  | { kind: 'list'; filter: ApplicationFilter; withPersonalData: boolean }
  | { kind: 'export'; filter: ApplicationFilter; format: ExportFormat; file: string | null }
  | { kind: 'purge'; days: number; kommune?: string; includeNotExported: boolean; auditDays: number }
  | { kind: 'pdf'; reference: string; file: string }
  | { kind: 'delivery'; view: DeliveryView }
  | { kind: 'retry'; which: RetryWhich }
  | { kind: 'check' }
  | { kind: 'backup'; file: string }
  | { kind: 'audit'; filter: AuditFilter }
  | { kind: 'rekey' };

/** What `levering` shows: the count per destination, every failed job, or every job of one application. */
export type DeliveryView = { kind: 'summary' } | { kind: 'failed' } | { kind: 'application'; reference: string };

/** What `levering --igen` queues again: one application's failed jobs, or every failed job. */
export type RetryWhich = { reference: string } | { allFailed: true };

export type ParsedCommand = { ok: true; command: Command } | { ok: false; message: string };

/** The commands as typed; `levering --igen` is read as its own kind, `retry`. */
type Kind = Exclude<Command['kind'], 'help' | 'retry'>;

/** Danish names first; the English ones work too (for operators who think in English). */
const COMMANDS: Record<string, Kind | 'help'> = {
  oversigt: 'list',
  list: 'list',
  eksport: 'export',
  export: 'export',
  'slet-gamle': 'purge',
  purge: 'purge',
  pdf: 'pdf',
  levering: 'delivery',
  delivery: 'delivery',
  tjek: 'check',
  check: 'check',
  backup: 'backup',
  revisionsspor: 'audit',
  audit: 'audit',
  'ny-noegle': 'rekey',
  'new-key': 'rekey',
  hjaelp: 'help',
  help: 'help',
  '--help': 'help',
  '-h': 'help',
};

const COMMAND_NAMES: Record<Kind, string> = {
  list: 'oversigt',
  export: 'eksport',
  purge: 'slet-gamle',
  pdf: 'pdf',
  delivery: 'levering',
  check: 'tjek',
  backup: 'backup',
  audit: 'revisionsspor',
  rekey: 'ny-noegle',
};

const OPTIONS: Record<string, { takesValue: boolean; for: Kind[] }> = {
  '--kommune': { takesValue: true, for: ['list', 'export', 'purge'] },
  '--enhed': { takesValue: true, for: ['list', 'export'] },
  '--fra': { takesValue: true, for: ['list', 'export', 'audit'] },
  '--til': { takesValue: true, for: ['list', 'export', 'audit'] },
  '--kun-nye': { takesValue: false, for: ['list', 'export'] },
  '--med-personoplysninger': { takesValue: false, for: ['list'] },
  '--format': { takesValue: true, for: ['export'] },
  '--fil': { takesValue: true, for: ['export', 'pdf', 'backup'] },
  '--dage': { takesValue: true, for: ['purge'] },
  '--ogsaa-ikke-eksporterede': { takesValue: false, for: ['purge'] },
  '--fejlede': { takesValue: false, for: ['delivery'] },
  '--reference': { takesValue: true, for: ['delivery', 'audit'] },
  '--igen': { takesValue: true, for: ['delivery'] },
  '--handling': { takesValue: true, for: ['audit'] },
};

/** `levering --igen alle-fejlede`: every failed job, not one application's. */
export const ALL_FAILED = 'alle-fejlede';

const ascii = (name: string) => name.replaceAll('æ', 'ae').replaceAll('ø', 'oe').replaceAll('å', 'aa');

/** A record's own entry: typed words like `constructor` or `toString` must not find Object's. */
const own = <T>(record: Record<string, T>, key: string): T | undefined => (Object.hasOwn(record, key) ? record[key] : undefined);

class UsageError extends Error {}
const fail = (message: string): never => {
  throw new UsageError(message);
};

/** Reads `--name value` / `--name=value` / `--flag` words into a map, checking each belongs to the command. */
function readOptions(words: string[], kind: Kind): Map<string, string | true> {
  const options = new Map<string, string | true>();
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (!word.startsWith('--')) fail(MESSAGES.stray(word));
    const [rawName, inline] = word.includes('=') ? [word.slice(0, word.indexOf('=')), word.slice(word.indexOf('=') + 1)] : [word, null];
    const name = ascii(rawName!);
    const spec = own(OPTIONS, name) ?? fail(MESSAGES.unknownOption(rawName!));
    if (!spec.for.includes(kind)) fail(MESSAGES.optionNotFor(name, COMMAND_NAMES[kind]));
    if (options.has(name)) fail(MESSAGES.optionTwice(name));
    if (!spec.takesValue) {
      if (inline !== null) fail(MESSAGES.noValueExpected(name));
      options.set(name, true);
      continue;
    }
    const value = inline ?? words[++i];
    if (value === undefined || value === '' || (inline === null && value.startsWith('--'))) fail(MESSAGES.missingValue(name));
    options.set(name, value!);
  }
  return options;
}

function kommuneAndUnit(options: Map<string, string | true>, catalog: KommuneCatalog): Pick<ApplicationFilter, 'kommune' | 'unitId'> {
  const kommune = options.get('--kommune') as string | undefined;
  const unitId = options.get('--enhed') as string | undefined;
  const slugs = Object.keys(catalog);
  if (kommune !== undefined && !own(catalog, kommune)) fail(MESSAGES.unknownKommune(kommune, slugs));
  if (unitId !== undefined) {
    const unitsOf = (slug: string) => catalog[slug]!.units.map((u) => u.id);
    if (kommune !== undefined && !unitsOf(kommune).includes(unitId)) fail(MESSAGES.unitNotInKommune(unitId, kommune, unitsOf(kommune)));
    const all = slugs.flatMap(unitsOf);
    if (!all.includes(unitId)) fail(MESSAGES.unknownUnit(unitId, all));
  }
  return { kommune, unitId };
}

function dates(options: Map<string, string | true>): Pick<ApplicationFilter, 'receivedFrom' | 'receivedBefore'> {
  const from = options.get('--fra') as string | undefined;
  const to = options.get('--til') as string | undefined;
  if (from !== undefined && !isRealDate(from)) fail(MESSAGES.badDate('--fra', from));
  if (to !== undefined && !isRealDate(to)) fail(MESSAGES.badDate('--til', to));
  if (from !== undefined && to !== undefined && from > to) fail(MESSAGES.datesReversed(from, to));
  return {
    receivedFrom: from === undefined ? undefined : startOfDanishDay(from),
    receivedBefore: to === undefined ? undefined : endOfDanishDay(to),
  };
}

function filterFrom(options: Map<string, string | true>, catalog: KommuneCatalog): ApplicationFilter {
  const filter: ApplicationFilter = { ...kommuneAndUnit(options, catalog), ...dates(options) };
  if (options.has('--kun-nye')) filter.exported = false;
  // Leave out what was not asked for, so the filter reads as what the case worker typed.
  return Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined)) as ApplicationFilter;
}

function retentionDays(options: Map<string, string | true>, settings: CommandSettings): number {
  if (!options.has('--dage')) return settings.retentionDays ?? DEFAULT_RETENTION_DAYS;
  const value = options.get('--dage') as string;
  return parseRetentionDays(value) ?? fail(MESSAGES.badDays('--dage', value));
}

/** What the command line falls back on: RETENTION_DAYS and AUDIT_RETENTION_DAYS, already checked (src/lib/config.ts). */
export interface CommandSettings {
  retentionDays?: number | undefined;
  auditRetentionDays?: number | undefined;
}

/** `revisionsspor`'s choices: whole Danish days (as for applications), one action, one application. */
function auditFilter(options: Map<string, string | true>): AuditFilter {
  const { receivedFrom, receivedBefore } = dates(options);
  const filter: AuditFilter = { from: receivedFrom, before: receivedBefore };
  const action = options.get('--handling') as string | undefined;
  if (action !== undefined) {
    const known = AUDIT_ACTIONS.find((a) => a === ascii(action.toLowerCase()));
    filter.action = known ?? fail(MESSAGES.unknownAction(action, AUDIT_ACTIONS));
  }
  const reference = options.get('--reference') as string | undefined;
  if (reference !== undefined) filter.reference = normalizeReference(reference) ?? fail(MESSAGES.badReference(reference));
  return Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined)) as AuditFilter;
}

function exportFormat(options: Map<string, string | true>, file: string | null): ExportFormat {
  const format = options.get('--format') as string | undefined;
  if (format === undefined) return file?.toLowerCase().endsWith('.jsonl') ? 'jsonl' : 'csv';
  if (format !== 'csv' && format !== 'jsonl') fail(MESSAGES.badFormat(format));
  return format as ExportFormat;
}

/** The reference as typed ("7kqm x3pd" too), in its canonical form; a missing or malformed one is a message. */
function pdfReference(word: string | undefined): string {
  if (word === undefined || word.startsWith('--')) fail(MESSAGES.pdfNeedsReference);
  return normalizeReference(word!) ?? fail(MESSAGES.badReference(word!));
}

/** `levering`'s views and `--igen` exclude each other: one thing at a time. */
function deliveryCommand(options: Map<string, string | true>): Command {
  const chosen = ['--fejlede', '--reference', '--igen'].filter((name) => options.has(name));
  if (chosen.length > 1) fail(MESSAGES.deliveryOptionsTogether(chosen));
  const retry = options.get('--igen') as string | undefined;
  if (retry !== undefined) {
    if (retry.toLowerCase() === ALL_FAILED) return { kind: 'retry', which: { allFailed: true } };
    return { kind: 'retry', which: { reference: normalizeReference(retry) ?? fail(MESSAGES.badRetry(retry)) } };
  }
  const reference = options.get('--reference') as string | undefined;
  if (reference !== undefined) {
    return { kind: 'delivery', view: { kind: 'application', reference: normalizeReference(reference) ?? fail(MESSAGES.badReference(reference)) } };
  }
  return { kind: 'delivery', view: { kind: options.has('--fejlede') ? 'failed' : 'summary' } };
}

export function parseArguments(argv: readonly string[], catalog: KommuneCatalog, settings: CommandSettings = {}): ParsedCommand {
  try {
    const [name, ...rest] = argv;
    if (name === undefined) return { ok: false, message: MESSAGES.noCommand };
    const kind = own(COMMANDS, ascii(name)) ?? fail(MESSAGES.unknownCommand(name));
    if (kind === 'help') return { ok: true, command: { kind: 'help' } };
    // pdf names its application first: `pdf 7KQM-X3PP --fil ansoegning.pdf`.
    const reference = kind === 'pdf' ? pdfReference(rest[0]) : null;
    const options = readOptions(reference === null ? rest : rest.slice(1), kind);
    switch (kind) {
      case 'list':
        return { ok: true, command: { kind, filter: filterFrom(options, catalog), withPersonalData: options.has('--med-personoplysninger') } };
      case 'export': {
        const file = (options.get('--fil') as string | undefined) ?? null;
        return { ok: true, command: { kind, filter: filterFrom(options, catalog), format: exportFormat(options, file), file } };
      }
      case 'purge': {
        const { kommune } = kommuneAndUnit(options, catalog);
        const command: Command = {
          kind,
          days: retentionDays(options, settings),
          includeNotExported: options.has('--ogsaa-ikke-eksporterede'),
          auditDays: settings.auditRetentionDays ?? DEFAULT_AUDIT_RETENTION_DAYS,
        };
        return { ok: true, command: kommune === undefined ? command : { ...command, kommune } };
      }
      case 'pdf': {
        const file = (options.get('--fil') as string | undefined) ?? fail(MESSAGES.pdfNeedsFile);
        return { ok: true, command: { kind, reference: reference!, file } };
      }
      case 'delivery':
        return { ok: true, command: deliveryCommand(options) };
      case 'check':
      case 'rekey':
        return { ok: true, command: { kind } };
      case 'backup': {
        const file = (options.get('--fil') as string | undefined) ?? fail(MESSAGES.backupNeedsFile);
        return { ok: true, command: { kind, file } };
      }
      case 'audit':
        return { ok: true, command: { kind, filter: auditFilter(options) } };
    }
  } catch (error) {
    if (error instanceof UsageError) return { ok: false, message: error.message };
    throw error;
  }
}
