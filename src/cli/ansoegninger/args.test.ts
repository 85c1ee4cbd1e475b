import { describe, expect, it } from 'vitest';
import { parseArguments, type CommandSettings, type KommuneCatalog } from './args.ts';

const catalog: KommuneCatalog = {
  bronderslev: { name: 'Brønderslev Kommune', units: [{ id: 'visitationen', name: 'Visitationen' }, { id: 'ungecentret', name: 'UngeCentret' }], helpAreas: [] },
  varde: { name: 'Varde Kommune', units: [{ id: 'social-og-handicap', name: 'Social og Handicap' }], helpAreas: [] },
};

const parse = (line: string, settings: CommandSettings = {}) => parseArguments(line.split(' ').filter(Boolean), catalog, settings);
const command = (line: string, settings?: CommandSettings) => {
  const parsed = parse(line, settings);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.command;
};
const message = (line: string, settings?: CommandSettings) => {
  const parsed = parse(line, settings);
  if (parsed.ok) throw new Error(`expected an error for "${line}"`);
  return parsed.message;
};

describe('the case team’s commands, in Danish or English', () => {
  it('oversigt, eksport and slet-gamle, also as list, export and purge', () => {
    expect(command('oversigt')).toEqual({ kind: 'list', filter: {}, withPersonalData: false });
    expect(command('list')).toEqual(command('oversigt'));
    expect(command('eksport')).toEqual({ kind: 'export', filter: {}, format: 'csv', file: null });
    expect(command('export')).toEqual(command('eksport'));
    expect(command('slet-gamle')).toEqual({ kind: 'purge', days: 30, includeNotExported: false, auditDays: 1826 });
    expect(command('purge')).toEqual(command('slet-gamle'));
  });

  it('help as hjaelp, hjælp, help, --help or -h', () => {
    for (const word of ['hjaelp', 'hjælp', 'help', '--help', '-h']) expect(command(word)).toEqual({ kind: 'help' });
  });

  it('no command or an unknown one is explained', () => {
    expect(message('')).toBe('Skriv en kommando: oversigt, eksport, pdf, slet-gamle, levering, tjek, backup, revisionsspor eller ny-noegle.');
    expect(message('slet')).toBe('Kommandoen "slet" findes ikke. Brug oversigt, eksport, pdf, slet-gamle, levering, tjek, backup, revisionsspor eller ny-noegle.');
  });
});

describe('revisionsspor: the audit trail', () => {
  it('as revisionsspor or audit, everything newest first; whole Danish days, one action, one application', () => {
    expect(command('revisionsspor')).toEqual({ kind: 'audit', filter: {} });
    expect(command('audit')).toEqual(command('revisionsspor'));
    expect(command('revisionsspor --fra 2026-11-01 --til 2026-11-30 --handling eksport --reference 7kqm-x3pp')).toEqual({
      kind: 'audit',
      // Midnight in Copenhagen (winter time) on 1 November, and the midnight that ends 30 November.
      filter: { from: new Date('2026-10-31T23:00:00Z'), before: new Date('2026-11-30T23:00:00Z'), action: 'eksport', reference: '7KQM-X3PP' },
    });
    expect(command('revisionsspor --handling ny-nøgle')).toMatchObject({ filter: { action: 'ny-noegle' } });
    expect(command('audit --handling Levering-Igen')).toMatchObject({ filter: { action: 'levering-igen' } });
  });

  it('an unknown action, a reference that cannot be one, a wrong date or an option of another command is explained', () => {
    expect(message('revisionsspor --handling slet')).toBe(
      'Handlingen "slet" findes ikke. Brug en af: oversigt, eksport, pdf, slet-gamle, levering-igen, backup, ny-noegle.',
    );
    expect(message('revisionsspor --reference 7KQM-X3PD')).toMatch(/^"7KQM-X3PD" er ikke en reference\./);
    expect(message('revisionsspor --fra 2026-02-30')).toBe('--fra skal være en dato som 2026-11-01 (år-måned-dag), ikke "2026-02-30".');
    expect(message('revisionsspor --kommune varde')).toBe('Valget --kommune kan ikke bruges med revisionsspor.');
    expect(message('revisionsspor --handling')).toBe('Valget --handling mangler en værdi, fx --handling eksport.');
  });

  it('slet-gamle keeps the trail 1826 days (5 years) unless AUDIT_RETENTION_DAYS says otherwise', () => {
    expect(command('slet-gamle --dage 7', { auditRetentionDays: 3653 })).toMatchObject({ days: 7, auditDays: 3653 });
  });
});

describe('tjek and backup: the operator’s', () => {
  it('tjek (check) takes no options; backup takes a new file', () => {
    expect(command('tjek')).toEqual({ kind: 'check' });
    expect(command('check')).toEqual({ kind: 'check' });
    expect(command('backup --fil kopi.sqlite')).toEqual({ kind: 'backup', file: 'kopi.sqlite' });
    expect(message('backup')).toBe('Skriv, hvilken ny fil kopien skal gemmes i, fx backup --fil ansoegninger-2026-11-30.sqlite.');
    expect(message('tjek --kommune varde')).toBe('Valget --kommune kan ikke bruges med tjek.');
    expect(message('backup --fil a.sqlite --format csv')).toBe('Valget --format kan ikke bruges med backup.');
  });
});

describe('pdf: one application as a document', () => {
  it('takes the reference first and a file; the reference as typed, in small letters or without the hyphen', () => {
    expect(command('pdf 7KQM-X3PP --fil ansoegning.pdf')).toEqual({ kind: 'pdf', reference: '7KQM-X3PP', file: 'ansoegning.pdf' });
    expect(command('pdf 7kqmx3pp --fil=ansoegning.pdf')).toEqual(command('pdf 7KQM-X3PP --fil ansoegning.pdf'));
  });

  it('a malformed reference, a missing one or a missing file is explained', () => {
    // One symbol wrong: the check symbol catches it.
    expect(message('pdf 7KQM-X3PD --fil a.pdf')).toBe(
      '"7KQM-X3PD" er ikke en reference. En reference har 8 tegn, fx 7KQM-X3PP (uden 0, O, 1, I og L). Tjek, at den er skrevet rigtigt.',
    );
    expect(message('pdf --fil a.pdf')).toBe('Skriv referencen på den ansøgning, du vil have som PDF, fx pdf 7KQM-X3PP --fil ansoegning.pdf.');
    expect(message('pdf 7KQM-X3PP')).toBe('Skriv, hvilken fil PDF-dokumentet skal gemmes i, fx --fil ansoegning.pdf.');
    expect(message('pdf 7KQM-X3PP --kommune varde --fil a.pdf')).toBe('Valget --kommune kan ikke bruges med pdf.');
  });
});

describe('levering: delivery to the kommune’s system', () => {
  it('shows the count per destination, also as delivery; --fejlede every failed job; --reference one application’s jobs', () => {
    expect(command('levering')).toEqual({ kind: 'delivery', view: { kind: 'summary' } });
    expect(command('delivery')).toEqual(command('levering'));
    expect(command('levering --fejlede')).toEqual({ kind: 'delivery', view: { kind: 'failed' } });
    expect(command('levering --reference 7KQM-X3PP')).toEqual({ kind: 'delivery', view: { kind: 'application', reference: '7KQM-X3PP' } });
    expect(command('levering --reference=7kqmx3pp')).toEqual(command('levering --reference 7KQM-X3PP'));
  });

  it('--igen queues one application’s failed jobs again, or every failed job; the reference as pdf reads it', () => {
    expect(command('levering --igen 7KQM-X3PP')).toEqual({ kind: 'retry', which: { reference: '7KQM-X3PP' } });
    expect(command('levering --igen 7kqmx3pp')).toEqual(command('levering --igen 7KQM-X3PP'));
    expect(command('levering --igen=7kqm-x3pp')).toEqual(command('levering --igen 7KQM-X3PP'));
    expect(command('levering --igen alle-fejlede')).toEqual({ kind: 'retry', which: { allFailed: true } });
    expect(command('delivery --igen ALLE-FEJLEDE')).toEqual(command('levering --igen alle-fejlede'));
  });

  it('a malformed reference, a missing value or two things at once is explained', () => {
    expect(message('levering --igen 7KQM-X3PD')).toBe(
      '"7KQM-X3PD" er ikke en reference. En reference har 8 tegn, fx 7KQM-X3PP (uden 0, O, 1, I og L). ' +
        'Skriv --igen alle-fejlede for at sende alle fejlede leveringer igen.',
    );
    expect(message('levering --igen alle')).toMatch(/^"alle" er ikke en reference\./);
    expect(message('levering --reference 7KQM-X3P')).toBe(
      '"7KQM-X3P" er ikke en reference. En reference har 8 tegn, fx 7KQM-X3PP (uden 0, O, 1, I og L). Tjek, at den er skrevet rigtigt.',
    );
    expect(message('levering --igen')).toBe('Valget --igen mangler en værdi, fx --igen 7KQM-X3PP eller --igen alle-fejlede.');
    expect(message('levering --reference')).toBe('Valget --reference mangler en værdi, fx --reference 7KQM-X3PP.');
    expect(message('levering --fejlede --igen alle-fejlede')).toBe('Valgene --fejlede og --igen kan ikke bruges sammen. Brug ét ad gangen.');
    expect(message('levering --fejlede --reference 7KQM-X3PP')).toBe('Valgene --fejlede og --reference kan ikke bruges sammen. Brug ét ad gangen.');
    expect(message('levering --fejlede=ja')).toBe('Valget --fejlede tager ingen værdi.');
    expect(message('levering 7KQM-X3PP')).toBe('Jeg forstår ikke "7KQM-X3PP". Valg begynder med --, fx --kommune varde.');
  });

  it('its options belong to it alone, and the others’ are not for it', () => {
    expect(message('oversigt --fejlede')).toBe('Valget --fejlede kan ikke bruges med oversigt.');
    expect(message('pdf 7KQM-X3PP --fil a.pdf --igen alle-fejlede')).toBe('Valget --igen kan ikke bruges med pdf.');
    expect(message('levering --kommune varde')).toBe('Valget --kommune kan ikke bruges med levering.');
  });
});

describe('choosing applications: kommune, unit and Danish days', () => {
  it('a case worker in Brønderslev exports UngeCentret’s new applications from November', () => {
    expect(command('eksport --kommune bronderslev --enhed ungecentret --fra 2026-11-01 --til 2026-11-30 --kun-nye')).toEqual({
      kind: 'export',
      filter: {
        kommune: 'bronderslev',
        unitId: 'ungecentret',
        // Danish days: 1 November begins at 00:00 Danish time, 30 November ends at 24:00.
        receivedFrom: new Date('2026-10-31T23:00:00Z'),
        receivedBefore: new Date('2026-11-30T23:00:00Z'),
        exported: false,
      },
      format: 'csv',
      file: null,
    });
  });

  it('a value can also follow "="', () => {
    expect(command('oversigt --kommune=varde')).toEqual(command('oversigt --kommune varde'));
  });

  it('a unit alone is enough: its id says which kommune', () => {
    expect(command('oversigt --enhed social-og-handicap')).toMatchObject({ filter: { unitId: 'social-og-handicap' } });
  });

  it('an unknown kommune lists the ones there are', () => {
    expect(message('oversigt --kommune odense')).toBe('Kommunen "odense" findes ikke. Brug en af: bronderslev, varde.');
  });

  it('words that name something every JavaScript object has are unknown too, not a crash', () => {
    expect(message('constructor')).toBe('Kommandoen "constructor" findes ikke. Brug oversigt, eksport, pdf, slet-gamle, levering, tjek, backup, revisionsspor eller ny-noegle.');
    expect(message('oversigt --kommune toString')).toBe('Kommunen "toString" findes ikke. Brug en af: bronderslev, varde.');
    expect(message('oversigt --kommune constructor --enhed x')).toMatch(/^Kommunen "constructor" findes ikke/);
    expect(message('oversigt --constructor')).toMatch(/constructor/);
  });

  it('an unknown unit, or one from another kommune, is named with the units there are', () => {
    expect(message('eksport --enhed ukendt')).toBe('Enheden "ukendt" findes ikke. Brug en af: visitationen, ungecentret, social-og-handicap.');
    expect(message('eksport --kommune varde --enhed ungecentret')).toBe(
      'Enheden "ungecentret" hører ikke til varde. Enheder i varde: social-og-handicap.',
    );
  });

  it('a date that is not a date, or written the Danish way round, is refused', () => {
    expect(message('oversigt --fra 2026-02-30')).toBe('--fra skal være en dato som 2026-11-01 (år-måned-dag), ikke "2026-02-30".');
    expect(message('oversigt --til 30-11-2026')).toBe('--til skal være en dato som 2026-11-01 (år-måned-dag), ikke "30-11-2026".');
    expect(message('oversigt --fra 2026-12-01 --til 2026-11-01')).toBe('--fra (2026-12-01) er efter --til (2026-11-01).');
  });
});

describe('options', () => {
  it('names are read with æ, ø and å too', () => {
    expect(command('slet-gamle --også-ikke-eksporterede')).toEqual(command('slet-gamle --ogsaa-ikke-eksporterede'));
  });

  it('an unknown option, one for another command, one given twice, or one without its value is explained', () => {
    expect(message('oversigt --kommun varde')).toBe('Valget "--kommun" findes ikke.');
    expect(message('oversigt --dage 10')).toBe('Valget --dage kan ikke bruges med oversigt.');
    expect(message('eksport --med-personoplysninger')).toBe('Valget --med-personoplysninger kan ikke bruges med eksport.');
    expect(message('oversigt --kommune varde --kommune bronderslev')).toBe('Valget --kommune står der to gange.');
    expect(message('oversigt --kommune')).toBe('Valget --kommune mangler en værdi, fx --kommune varde.');
    expect(message('oversigt --kommune --kun-nye')).toBe('Valget --kommune mangler en værdi, fx --kommune varde.');
    expect(message('oversigt --kun-nye=ja')).toBe('Valget --kun-nye tager ingen værdi.');
    expect(message('oversigt varde')).toBe('Jeg forstår ikke "varde". Valg begynder med --, fx --kommune varde.');
  });

  it('personal data in the overview only when asked for', () => {
    expect(command('oversigt --med-personoplysninger')).toMatchObject({ withPersonalData: true });
  });

  it('the export format is CSV unless asked for JSON Lines or the file ends in .jsonl', () => {
    expect(command('eksport --fil ud.csv')).toMatchObject({ format: 'csv', file: 'ud.csv' });
    expect(command('eksport --fil ud.jsonl')).toMatchObject({ format: 'jsonl', file: 'ud.jsonl' });
    expect(command('eksport --format jsonl')).toMatchObject({ format: 'jsonl', file: null });
    expect(message('eksport --format xlsx')).toBe('--format skal være csv eller jsonl, ikke "xlsx".');
  });
});

describe('the retention period for slet-gamle', () => {
  it('is 30 days unless --dage or RETENTION_DAYS says otherwise; --dage wins', () => {
    expect(command('slet-gamle')).toMatchObject({ days: 30 });
    expect(command('slet-gamle', { retentionDays: 90 })).toMatchObject({ days: 90 });
    expect(command('slet-gamle --dage 14', { retentionDays: 90 })).toMatchObject({ days: 14 });
  });

  it('must be a whole number of days, at least one', () => {
    for (const bad of ['0', '-3', '1.5', 'tredive', '30d']) {
      expect(message(`slet-gamle --dage ${bad}`)).toBe(`--dage skal være et helt antal dage, 1 eller flere, fx 30, ikke "${bad}".`);
    }
  });

  it('can be limited to one kommune, but not to a unit', () => {
    expect(command('slet-gamle --kommune varde')).toEqual({ kind: 'purge', days: 30, kommune: 'varde', includeNotExported: false, auditDays: 1826 });
    expect(message('slet-gamle --enhed ungecentret')).toBe('Valget --enhed kan ikke bruges med slet-gamle.');
  });
});
