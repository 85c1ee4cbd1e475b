import { describe, expect, it } from 'vitest';
import { sampleApplication } from '../../../tests/support/application-store-contract.ts';
import type { Application } from '../../domain/application.ts';
import type { StoredApplication } from '../../server/store/types.ts';
import type { KommuneCatalog } from './args.ts';
import { csvField, listReport, toCsv, toJsonLines } from './format.ts';

const catalog: KommuneCatalog = {
  bronderslev: { name: 'Brønderslev Kommune', units: [{ id: 'ungecentret', name: 'UngeCentret' }], helpAreas: [] },
  aabenraa: {
    name: 'Aabenraa Kommune',
    units: [{ id: 'visitation-og-understoettelse', name: 'Visitation og Understøttelse' }],
    helpAreas: [
      { slug: 'vedligeholde-og-udvikle-faerdigheder', label: 'At holde fast i og udvikle dine færdigheder' },
      { slug: 'deltage-i-en-aktivitet', label: 'At deltage i en bestemt aktivitet' },
    ],
  },
};

const stored = (changes: Partial<Application> = {}, exportedAt: string | null = null): StoredApplication => ({
  reference: '7KQM-X3PP',
  kommune: 'bronderslev',
  unitId: 'ungecentret',
  receivedAt: '2026-11-24T09:05:00.000Z',
  exportedAt,
  application: { ...sampleApplication(), ...changes },
});

/** A CSV file as rows of fields, read the way Excel reads it (RFC 4180 quoting, `;`). */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ';') row.push(field), (field = '');
    else if (ch === '\r' && text[i + 1] === '\n') row.push(field), rows.push(row), (row = []), (field = ''), i++;
    else field += ch;
  }
  return rows;
}

describe('CSV for Danish Excel', () => {
  it('starts with a byte order mark, separates with semicolons and ends lines with CRLF', () => {
    const csv = toCsv([stored()], catalog);
    expect(csv.startsWith('\uFEFFReference;Modtaget (dansk tid);Kommune;Enhed;Enheds-id;Navn;Fødselsdato;')).toBe(true);
    expect(csv.split('\r\n')).toHaveLength(3);
    expect(csv.replaceAll('\r\n', '')).not.toContain('\n');
  });

  it('one row per application, with names instead of ids and the time in Danish time', () => {
    const [header, row] = readCsv(toCsv([stored({ needs: ['socialt-liv', 'sundhed'] })], catalog).slice(1));
    const value = (name: string) => row![header!.indexOf(name)];
    expect(value('Reference')).toBe('7KQM-X3PP');
    expect(value('Modtaget (dansk tid)')).toBe('2026-11-24 10:05');
    expect(value('Kommune')).toBe('Brønderslev Kommune');
    expect(value('Enhed')).toBe('UngeCentret');
    expect(value('Navn')).toBe('Sofie Jensen');
    expect(value('Fødselsdato')).toBe('2001-04-12');
    expect(value('Behov')).toBe('Socialt liv, Sundhed');
    expect(value('Foretrækker kontakt')).toBe('Telefon');
    expect(value('Samtykke til at indhente oplysninger')).toBe('Ja');
    expect(value('Eksporteret før')).toBe('');
  });

  it('a description with semicolons, quotes and line breaks stays one field, exactly as written', () => {
    const description = 'Jeg skal have hjælp til "post";\r\nog til indkøb.\nTak';
    const [header, row] = readCsv(toCsv([stored({ description })], catalog).slice(1));
    expect(row).toHaveLength(header!.length);
    expect(row![header!.indexOf('Beskrivelse')]).toBe(description);
  });

  it('text that would start a formula in Excel gets a leading apostrophe (CSV injection)', () => {
    expect(csvField('=HYPERLINK("http://evil.example","klik")')).toBe('"\'=HYPERLINK(""http://evil.example"",""klik"")"');
    expect(csvField('+45 12 34 56 78')).toBe("'+45 12 34 56 78");
    expect(csvField('-1')).toBe("'-1");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('\tx')).toBe("'\tx");
    expect(csvField('Sofie Jensen')).toBe('Sofie Jensen');
    expect(csvField('')).toBe('');
  });

  it('a field shows characters that would hide or move text as escapes; tab and line breaks stay in the quoted field', () => {
    expect(csvField('Sofie\u001b[2J\u202e Jensen\u0000')).toBe('Sofie\\u001b[2J\\u202e Jensen\\u0000');
    expect(csvField('linje 1\r\nlinje 2\nmed\ttab')).toBe('"linje 1\r\nlinje 2\nmed\ttab"');
    expect(csvField('over\rskrevet')).toBe('over\\u000dskrevet');
    // Escaped first, so a hidden character cannot carry a formula past the check.
    expect(csvField('\u202e=1+1')).toBe('\\u202e=1+1');
    expect(csvField('Søren 😀')).toBe('Søren 😀');
  });

  it('someone applying on another’s behalf, with the consent recorded', () => {
    const onBehalf = { name: 'Hans Jensen', relation: 'far', phone: '87654321', email: null, applicantConsents: true as const };
    const [header, row] = readCsv(toCsv([stored({ onBehalf })], catalog).slice(1));
    expect(row![header!.indexOf('Søgt af en anden: navn')]).toBe('Hans Jensen');
    expect(row![header!.indexOf('Søgt af en anden: ansøgeren har givet samtykke')]).toBe('Ja');
  });

  it('a birth date given only as a CPR number is shown from it', () => {
    const application = sampleApplication();
    application.applicant = { ...application.applicant, birthDate: null, cpr: '120401-4321' };
    const [header, row] = readCsv(toCsv([{ ...stored(), application }], catalog).slice(1));
    expect(row![header!.indexOf('Fødselsdato')]).toBe('2001-04-12');
    expect(row![header!.indexOf('CPR-nummer')]).toBe('120401-4321');
  });

  it('the items of a kommune’s own help list by the standard’s words, in their own column; a slug the list no longer has as stored', () => {
    const inAabenraa = { ...stored({ kommune: 'aabenraa', needs: [], helpAreas: ['deltage-i-en-aktivitet', 'vedligeholde-og-udvikle-faerdigheder', 'gammelt-punkt'] }), kommune: 'aabenraa' };
    const [header, row, other] = readCsv(toCsv([inAabenraa, stored()], catalog).slice(1));
    const column = header!.indexOf('Hjælp efter kommunens egen liste');
    expect(column).toBe(header!.indexOf('Behov') + 1);
    expect(row![column]).toBe('At deltage i en bestemt aktivitet; At holde fast i og udvikle dine færdigheder; gammelt-punkt');
    expect(row![header!.indexOf('Behov')]).toBe('');
    expect(other![column]).toBe('');
  });

  it('an export with nothing in it is the header only', () => {
    expect(readCsv(toCsv([], catalog).slice(1))).toHaveLength(1);
  });
});

describe('JSON Lines', () => {
  it('one object per line with the receipt and the application as stored; line breaks inside stay escaped', () => {
    const a = stored({ description: 'to\nlinjer' }, '2026-11-25T08:00:00.000Z');
    const text = toJsonLines([a, stored()], catalog);
    const lines = text.split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe('');
    expect(JSON.parse(lines[0]!)).toEqual({
      reference: a.reference,
      kommune: 'bronderslev',
      unitId: 'ungecentret',
      receivedAt: a.receivedAt,
      previouslyExportedAt: '2026-11-25T08:00:00.000Z',
      application: a.application,
      helpAreaLabels: [],
    });
  });

  it('the items of a kommune’s own help list also by the standard’s words, beside the slugs as stored', () => {
    const a = { ...stored({ kommune: 'aabenraa', helpAreas: ['deltage-i-en-aktivitet'] }), kommune: 'aabenraa' };
    const line = JSON.parse(toJsonLines([a], catalog));
    expect(line.application.helpAreas).toEqual(['deltage-i-en-aktivitet']);
    expect(line.helpAreaLabels).toEqual(['At deltage i en bestemt aktivitet']);
  });

  it('characters that would move or hide text are escaped as JSON escapes, which read back to the same text', () => {
    const description = 'a\u2028b\u2029c\u0085d\u007fe\u009bf\u202eg\u2066h\u200fi\ufdd0j\u{10ffff}k\u001bl\ud800m æøå 😀\r\n\t';
    const line = toJsonLines([stored({ description })], catalog);
    expect(line).toContain('a\\u2028b\\u2029c\\u0085d\\u007fe\\u009bf\\u202eg\\u2066h\\u200fi\\ufdd0j\\udbff\\udfffk\\u001bl\\ud800m æøå 😀\\r\\n\\t');
    expect(line.slice(0, -1)).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069\ufdd0-\ufdef\ud800-\udfff]/u);
    expect(JSON.parse(line).application.description).toBe(description);
  });

  it('nothing to export is an empty file', () => {
    expect(toJsonLines([], catalog)).toBe('');
  });
});

describe('the overview', () => {
  it('shows references, times, kommune, unit and export, and counts per unit — nothing personal', () => {
    const text = listReport([stored(), { ...stored({}, '2026-11-25T08:00:00.000Z'), reference: '3333-333M' }], { withPersonalData: false });
    expect(text).toContain('2 ansøgninger i alt, 1 ikke eksporteret.');
    expect(text).toMatch(/7KQM-X3PP\s+2026-11-24 10:05\s+bronderslev\s+ungecentret\s+nej/);
    expect(text).toMatch(/3333-333M\s+2026-11-24 10:05\s+bronderslev\s+ungecentret\s+2026-11-25 09:00/);
    expect(text).toContain('bronderslev / ungecentret: 2 ansøgninger, 1 ikke eksporteret');
    expect(text).not.toContain('Sofie');
    expect(text).not.toContain('2001-04-12');
  });

  it('shows name and birth date when asked for, with control characters shown as escapes, never sent to the terminal', () => {
    const name = 'Sofie\u001b[2J\u0007 Jen\u202esen\r\nAnden linje\u0085\u2028\u200f\t\u{1fffe}\ud800';
    const text = listReport([stored({ applicant: { ...sampleApplication().applicant, name } })], { withPersonalData: true });
    expect(text).toContain('Navn');
    expect(text).toContain('Sofie\\u001b[2J\\u0007 Jen\\u202esen\\u000d\\u000aAnden linje\\u0085\\u2028\\u200f\\u0009\\u{1fffe}\\ud800  2001-04-12');
    // The overview's own line breaks only.
    expect(text.replaceAll('\n', '')).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\ud800-\udfff]/);
  });

  it('Danish letters and emoji are shown as written', () => {
    const text = listReport([stored({ applicant: { ...sampleApplication().applicant, name: 'Søren Ærø 😀👍🏽' } })], { withPersonalData: true });
    expect(text).toContain('Søren Ærø 😀👍🏽');
  });

  it('says so when nothing matches', () => {
    expect(listReport([], { withPersonalData: false })).toBe('Ingen ansøgninger passer til valgene.\n');
  });
});
