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
 */
import type { Application, ContactMethod } from '../../domain/application.ts';
import { parseCpr } from '../../domain/cpr.ts';
import { danishDateTime } from '../../domain/danish-days.ts';
import type { VumTheme } from '../../domain/ids.ts';
import applyStrings from '../../i18n/locales/da/apply.json' with { type: 'json' };
import type { StoredApplication } from '../../server/store/types.ts';
import type { KommuneCatalog } from './args.ts';
import { COLUMNS, REPORT, count } from './text.ts';

const BOM = '\uFEFF';

/** One CSV field: formula-like text made harmless, then quoted if it must be. */
export function csvField(value: string): string {
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
      JSON.stringify({
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

/** Text a citizen wrote, safe to print in a terminal: control characters (escape sequences) become spaces. */
export const printable = (text: string) => text.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ');

/** Columns padded to their widest value, for reading in a terminal. */
export function table(rows: string[][]): string {
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
    ...(personal ? [printable(a.application.applicant.name), birthDateOf(a.application)] : []),
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
