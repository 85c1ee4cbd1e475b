/**
 * How the case team's command writes applications: CSV for Danish Excel,
 * JSON Lines for systems, and the overview for people. Pure functions of the
 * stored applications.
 *
 * CSV for Danish Excel: UTF-8 with a byte order mark (without it Excel reads
 * æøå as Latin-1), `;` between fields (Danish Excel uses `,` as the decimal
 * sign, so it expects `;`), CRLF line ends, and fields quoted RFC 4180 style
 * when they hold `;`, `"` or a line break. A field a citizen wrote that starts
 * like a formula (`=`, `+`, `-`, `@`, tab, CR) gets a leading `'`, which Excel
 * reads as "this is text" and does not show: otherwise opening the file could
 * run a formula from the internet on the case worker's machine (OWASP, CSV
 * injection). Phone numbers written "+45 …" get it too and show unchanged.
 *
 * Nothing a citizen wrote can move or hide text where it is shown
 * (src/domain/text-characters.ts says which characters the server refuses;
 * applications stored before that may still hold them): the overview's and
 * `levering`'s cells show every control character, and every character that
 * turns text around or breaks the line, as a visible escape (`\u001b`,
 * `\u202e`); a CSV field the same, except tab and line breaks, which a
 * quoted field may hold; JSON Lines escape, beside what JSON.stringify does,
 * DEL, the C1 controls (U+0085 too), U+2028/U+2029, the direction marks and
 * overrides and the noncharacters, as `\uXXXX`, which a JSON reader takes
 * back to the same text.
 */
import type { Application, ContactMethod } from '../../domain/application.ts';
import { parseCpr } from '../../domain/cpr.ts';
import { danishDateTime } from '../../domain/danish-days.ts';
import type { VumTheme } from '../../domain/ids.ts';
import { isRefusedCodePoint } from '../../domain/text-characters.ts';
import applyStrings from '../../i18n/locales/da/apply.json' with { type: 'json' };
import type { StoredApplication } from '../../server/store/types.ts';
import type { KommuneCatalog } from './args.ts';
import { COLUMNS, REPORT, count } from './text.ts';

const BOM = '\uFEFF';

/** Characters that move text or break a line in a terminal without being refused in an application. */
const MOVES_TEXT = new Set([0x09, 0x0a, 0x0d, 0x061c, 0x200e, 0x200f, 0x2028, 0x2029]);
const hex = (unit: number) => unit.toString(16).padStart(4, '0');

/** `text` with each code point `escapeIt` picks written by `write` instead; the text itself when there is none. */
function escapeWhere(text: string, escapeIt: (cp: number, next: number) => boolean, write: (cp: number) => string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i)!;
    const size = cp > 0xffff ? 2 : 1;
    if (escapeIt(cp, text.charCodeAt(i + size))) {
      out += text.slice(from, i) + write(cp);
      from = i + size;
    }
    i += size;
  }
  return from === 0 ? text : out + text.slice(from);
}

/** A code point as a visible escape: `\u001b`, `\u202e`, `\u{1fffe}` (JavaScript's notation). */
const visibleEscape = (cp: number) => (cp > 0xffff ? `\\u{${cp.toString(16)}}` : `\\u${hex(cp)}`);

/**
 * Text for one line of a terminal (a cell of the overview, a delivery error): every control character, and every
 * character that turns text around or breaks the line, shown as a visible escape (`\u001b`).
 */
export const printable = (text: string) => escapeWhere(text, (cp) => isRefusedCodePoint(cp) || MOVES_TEXT.has(cp), visibleEscape);

/** Text for a CSV field: what an application may not hold shown as an escape; tab, LF and CRLF kept (a lone CR escaped). */
export const csvText = (text: string) => escapeWhere(text, (cp, next) => isRefusedCodePoint(cp) || (cp === 0x0d && next !== 0x0a), visibleEscape);

/**
 * One JSON text, safe to print and to read back: beside JSON.stringify's own escapes (C0, lone surrogates), every
 * character that would move or hide text, as `\uXXXX` (a pair for one beyond U+FFFF). Such characters stand only
 * inside JSON strings, where the escape means the same character.
 */
export const jsonText = (value: unknown) =>
  escapeWhere(JSON.stringify(value), (cp) => isRefusedCodePoint(cp) || MOVES_TEXT.has(cp), (cp) =>
    String.fromCodePoint(cp).split('').map((unit) => `\\u${hex(unit.charCodeAt(0))}`).join(''),
  );

/** One CSV field: characters that hide text shown as escapes, formula-like text made harmless, then quoted if it must be. */
export function csvField(text: string): string {
  const value = csvText(text);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[;"\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export const csvLine = (fields: readonly string[]) => `${fields.map(csvField).join(';')}\r\n`;

const yesNo = (value: boolean | null | undefined) => (value === true ? 'Ja' : value === false ? 'Nej' : 'Ikke oplyst');
/** An ISO moment as Danish time, "2026-11-24 10:00"; nothing for none. */
export const when = (iso: string | null) => (iso ? danishDateTime(new Date(iso)) : '');

/**
 * The form's words for a VUM theme ("Praktiske opgaver i hjemmet" from its label "Praktiske opgaver i hjemmet, fx
 * rengøring …") and for a way of contact, looked up by the schema's types: a value without its words does not
 * compile. A stored row is read back unchecked, so a value the schema no longer knows is shown as stored.
 */
const themeName = (slug: VumTheme) => applyStrings.needs.themes[slug]?.split(', fx ')[0] ?? slug;
const contactName = (method: ContactMethod) => applyStrings.contact[method] ?? method;

/** The date of birth as given, or from the CPR number (one of them is always there). */
export function birthDateOf(application: Application): string {
  const { birthDate, cpr } = application.applicant;
  if (birthDate) return birthDate;
  const parsed = cpr ? parseCpr(cpr) : null;
  return parsed?.ok ? parsed.birthDate : '';
}

type Column = [header: string, value: (a: StoredApplication, catalog: KommuneCatalog) => string];

const unitName = (a: StoredApplication, catalog: KommuneCatalog) =>
  catalog[a.kommune]?.units.find((u) => u.id === a.unitId)?.name ?? a.unitId;

/** The items of the kommune's own help list an application chose, in its standard's words (a slug the list no longer has, as stored). */
export const helpAreaLabels = (a: StoredApplication, catalog: KommuneCatalog): string[] =>
  (a.application.helpAreas ?? []).map((slug) => catalog[a.kommune]?.helpAreas.find((h) => h.slug === slug)?.label ?? slug);

/** The export's columns, in the order a case worker reads an application. */
const CSV_COLUMNS: Column[] = [
  ['Reference', (a) => a.reference],
  ['Modtaget (dansk tid)', (a) => when(a.receivedAt)],
  ['Kommune', (a, catalog) => catalog[a.kommune]?.name ?? a.kommune],
  ['Enhed', unitName],
  ['Enheds-id', (a) => a.unitId],
  ['Navn', (a) => a.application.applicant.name],
  ['Fødselsdato', (a) => birthDateOf(a.application)],
  ['CPR-nummer', (a) => a.application.applicant.cpr ?? ''],
  ['Adresse', (a) => a.application.applicant.address?.street ?? ''],
  ['Postnummer', (a) => a.application.applicant.address?.postalCode ?? ''],
  ['By', (a) => a.application.applicant.address?.city ?? ''],
  ['Telefon', (a) => a.application.applicant.phone ?? ''],
  ['E-mail', (a) => a.application.applicant.email ?? ''],
  ['Får førtidspension', (a) => yesNo(a.application.receivesEarlyRetirementPension)],
  ['Søgt af en anden: navn', (a) => a.application.onBehalf?.name ?? ''],
  ['Søgt af en anden: relation', (a) => a.application.onBehalf?.relation ?? ''],
  ['Søgt af en anden: telefon', (a) => a.application.onBehalf?.phone ?? ''],
  ['Søgt af en anden: e-mail', (a) => a.application.onBehalf?.email ?? ''],
  ['Søgt af en anden: ansøgeren har givet samtykke', (a) => (a.application.onBehalf ? yesNo(a.application.onBehalf.applicantConsents) : '')],
  ['Behov', (a) => (a.application.needs ?? []).map(themeName).join(', ')],
  ['Hjælp efter kommunens egen liste', (a, catalog) => helpAreaLabels(a, catalog).join('; ')],
  ['Beskrivelse', (a) => a.application.description],
  ['Hjælp i forvejen', (a) => a.application.helpReceived ?? ''],
  ['Foretrækker kontakt', (a) => contactName(a.application.contact.preferred)],
  ['Bedste tidspunkter', (a) => a.application.contact.bestTimes ?? ''],
  ['Ønsker bisidder', (a) => yesNo(a.application.wantsBisidder)],
  ['Samtykke til at indhente oplysninger', (a) => yesNo(a.application.consentToObtainInformation)],
  ['Eksporteret før', (a) => when(a.exportedAt)],
];

export function toCsv(applications: readonly StoredApplication[], catalog: KommuneCatalog): string {
  const header = csvLine(CSV_COLUMNS.map(([name]) => name));
  return BOM + header + applications.map((a) => csvLine(CSV_COLUMNS.map(([, value]) => value(a, catalog)))).join('');
}

/**
 * One JSON object per line: the receipt's fields, the application exactly as it was stored,
 * and the words of the kommune's own help list for its `helpAreas` (`helpAreaLabels`, in the same order).
 */
export function toJsonLines(applications: readonly StoredApplication[], catalog: KommuneCatalog): string {
  return applications
    .map((a) =>
      jsonText({
        reference: a.reference,
        kommune: a.kommune,
        unitId: a.unitId,
        receivedAt: a.receivedAt,
        previouslyExportedAt: a.exportedAt,
        application: a.application,
        helpAreaLabels: helpAreaLabels(a, catalog),
      }),
    )
    .map((line) => `${line}\n`)
    .join('');
}

/** Columns padded to their widest value, for reading in a terminal; every cell `printable`. */
export function table(cells: string[][]): string {
  const rows = cells.map((r) => r.map(printable));
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => r.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd()).join('\n');
}

/**
 * The overview: how many, then one line per application (reference, time,
 * kommune, unit, exported), then counts per unit. Names and birth dates only
 * with `withPersonalData`: a terminal may be seen or logged by others.
 */
export function listReport(applications: readonly StoredApplication[], options: { withPersonalData: boolean }): string {
  if (applications.length === 0) return `${REPORT.none}\n`;
  const notExported = (list: readonly StoredApplication[]) => list.filter((a) => a.exportedAt === null).length;
  const personal = options.withPersonalData;
  const header = [COLUMNS.reference, COLUMNS.receivedAt, COLUMNS.kommune, COLUMNS.unit, COLUMNS.exportedAt];
  const rows = applications.map((a) => [
    a.reference,
    when(a.receivedAt),
    a.kommune,
    a.unitId,
    a.exportedAt ? when(a.exportedAt) : COLUMNS.no,
    ...(personal ? [a.application.applicant.name, birthDateOf(a.application)] : []),
  ]);
  const byUnit = Map.groupBy(applications, (a) => `${a.kommune} / ${a.unitId}`);
  const units = [...byUnit].map(([unit, list]) => `  ${unit}: ${count(list.length)}, ${notExported(list)} ikke eksporteret`);
  return [
    REPORT.total(applications.length, notExported(applications)),
    '',
    table([personal ? [...header, COLUMNS.name, COLUMNS.birthDate] : header, ...rows]),
    '',
    REPORT.perUnit,
    ...units,
    '',
  ].join('\n');
}
