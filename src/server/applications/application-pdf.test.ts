/**
 * The application as a document: a tagged PDF/UA file in Danish whose text
 * (read back with poppler's pdftotext, as a case worker's tools read it) holds
 * every answer under the form's headings, with nothing invented.
 */
import { spawnSync } from 'node:child_process';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { validateApplication } from '../../domain/application.ts';
import { parseKommune } from '../../domain/kommune.ts';
import { readKommuneFiles } from '../../lib/content-files.ts';
import type { StoredApplication } from '../store/types.ts';
import { applicationDocument, applicationPdf } from './application-pdf.ts';

const kommuner = Object.fromEntries(
  readKommuneFiles(fileURLToPath(new URL('../../../content/kommuner', import.meta.url))).map(({ file, slug, data }) => [slug, parseKommune(file, data)]),
);
const RECEIVED = new Date('2026-11-24T09:05:00Z'); // 10.05 in Denmark (winter time)
const CREATED = new Date('2026-11-25T08:00:00Z');

function stored(input: Record<string, unknown>, unitId: string, reference = '7KQM-X3PP'): StoredApplication {
  const valid = validateApplication(input, RECEIVED);
  if (!valid.ok) throw new Error(JSON.stringify(valid.issues));
  return { reference, kommune: valid.application.kommune, unitId, receivedAt: RECEIVED.toISOString(), application: valid.application, exportedAt: null };
}

/** Someone in Brønderslev applying for herself, with every answer given. */
const forHerself = stored(
  {
    kommune: 'bronderslev',
    applicant: {
      name: 'Søren Ærø Ågård',
      birthDate: '2001-04-12',
      cpr: '120401-4234',
      address: { street: 'Åbrinken 7, 2. th.', postalCode: '9700', city: 'Brønderslev' },
      phone: '12 34 56 78',
      email: 'soeren@eksempel.dk',
    },
    receivesEarlyRetirementPension: false,
    needs: ['praktiske-opgaver-i-hjemmet', 'socialt-liv'],
    description: 'Jeg får ikke åbnet min post, og økonomien skrider.',
    helpReceived: 'Min søster hjælper med indkøb.',
    contact: { preferred: 'phone', bestTimes: 'Formiddag' },
    wantsBisidder: true,
    consentToObtainInformation: false,
  },
  'ungecentret',
);

/** A mother applying for her son in Frederikssund, with his consent; much left out. */
const forHerSon = stored(
  {
    kommune: 'frederikssund',
    applicant: { name: 'Mads Østergaard', birthDate: '1980-02-01' },
    onBehalf: { name: 'Birthe Østergaard', relation: 'mor', phone: '87654321', applicantConsents: true },
    helpAreas: [],
    description: 'Han har svært ved at komme ud af døren.',
    contact: { preferred: 'phone' },
    consentToObtainInformation: true,
  },
  'raadgivningshuset',
  '2222-2222',
);

function text(pdf: Buffer): string {
  const result = spawnSync('/usr/bin/pdftotext', ['-layout', '-enc', 'UTF-8', '-', '-'], { input: pdf, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`pdftotext: ${result.stderr}`);
  // One space between words, whatever the layout: a label and its answer may wrap.
  return result.stdout.replace(/\s+/g, ' ');
}

/** The file's own objects as text, with its compressed streams (the XMP metadata, when compressed) inflated. */
function objects(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const streams = [...raw.matchAll(/stream\r?\n([^]*?)endstream/g)].map((m) => {
    try {
      return inflateSync(Buffer.from(m[1]!, 'latin1')).toString('utf8');
    } catch {
      return '';
    }
  });
  return [raw, ...streams].join('\n');
}

describe('the application as a PDF', () => {
  const pdf = applicationPdf(forHerself, kommuner.bronderslev!, CREATED);

  it('is a tagged PDF/UA-1 document in Danish, with its title shown and a structure tree of headings and lists', () => {
    const raw = objects(pdf);
    expect(pdf.subarray(0, 8).toString('latin1')).toBe('%PDF-1.7');
    expect(raw).toMatch(/\/StructTreeRoot \d+ 0 R/);
    // The catalog's /MarkInfo, here a reference to << /Marked true >>.
    const markInfo = /\/MarkInfo (\d+) 0 R/.exec(raw)?.[1];
    expect(raw).toMatch(new RegExp(`\\n${markInfo} 0 obj\\s*<<\\s*/Marked true\\s*>>`));
    expect(raw).toContain('/Lang (da-DK)');
    expect(raw).toMatch(/\/DisplayDocTitle true/);
    expect(raw).toMatch(/\/Title /);
    expect(raw).toMatch(/<pdfuaid:part>1<\/pdfuaid:part>/);
    for (const tag of ['Document', 'H1', 'H2', 'L', 'LI', 'Lbl', 'LBody', 'P']) expect(raw).toContain(`/S /${tag}\n`);
    // The font is embedded (PDF/UA), never one of the 14 standard fonts a reader must stand in for.
    expect(raw).toMatch(/\/FontFile2 \d+ 0 R/);
    expect(raw).not.toContain('/Helvetica');
  });

  it('has the reference as its title, without personal data', () => {
    const info = spawnSync('/usr/bin/pdfinfo', ['-'], { input: pdf, encoding: 'utf8' }).stdout;
    expect(info).toMatch(/^Title:\s+Ansøgning om socialpædagogisk støtte, 7KQM-X3PP$/m);
    expect(info).toMatch(/^Tagged:\s+yes$/m);
    expect(info).not.toContain('Søren');
  });

  it('says which kommune and unit, why there, when it came in Danish time, and every answer under the form’s headings, æøå included', () => {
    const shown = text(pdf);
    for (const part of [
      'Ansøgning om socialpædagogisk støtte (serviceloven § 85)',
      'Reference 7KQM-X3PP',
      'Modtaget 24. november 2026 kl. 10.05 (dansk tid)',
      'Kommune Brønderslev Kommune',
      'Enhed UngeCentret',
      'Hvorfor denne enhed Fordi personen er under 30 år og ikke får førtidspension.',
      'Hvem søger for hvem Søren Ærø Ågård søger selv.',
      'Hvem søger? Hvem søger Jeg søger for mig selv',
      'Om dig Fulde navn Søren Ærø Ågård',
      'Fødselsdato 12.4.2001',
      'CPR-nummer 120401-4234',
      'Adresse Åbrinken 7, 2. th., 9700 Brønderslev',
      'Telefonnummer 12 34 56 78',
      'E-mail soeren@eksempel.dk',
      'Får du førtidspension? Nej',
      'Behov for støtte Hvad er svært for dig i hverdagen?',
      'Praktiske opgaver i hjemmet, fx rengøring, tøjvask og mad',
      'Socialt liv, fx at være sammen med andre',
      'Fortæl kort, hvad der er svært, og hvad støtten skal hjælpe med Jeg får ikke åbnet min post, og økonomien skrider.',
      'Får du allerede hjælp? Fra hvem? Min søster hjælper med indkøb.',
      'Kontakt og samtykke Hvordan vil du helst kontaktes af kommunen? Telefon',
      'Hvornår passer det bedst, at kommunen ringer eller kommer? Formiddag',
      'Vil du have en bisidder med, når du taler med kommunen? Ja',
      'Må kommunen hente oplysninger om dig, fx hos din læge? Nej',
    ]) {
      expect(shown).toContain(part);
    }
    // Every answer given: "Ikke udfyldt" stands only in the note that explains it.
    expect(shown.match(/Ikke udfyldt/g)).toHaveLength(1);
  });

  it('for someone applying for another: both people, the relation and the consent, the questions about "personen", and "Ikke udfyldt" where nothing was given', () => {
    const shown = text(applicationPdf(forHerSon, kommuner.frederikssund!, CREATED));
    for (const part of [
      'Kommune Frederikssund Kommune',
      'Enhed Rådgivningshuset',
      'Hvem søger for hvem Birthe Østergaard (mor) søger for Mads Østergaard. Mads Østergaard har sagt ja til det (samtykke).',
      'Hvem søger Jeg søger for en anden',
      'Dit navn Birthe Østergaard',
      'Hvad er du for personen? mor',
      'Dit telefonnummer 87654321',
      'Din e-mail Ikke udfyldt',
      'Samtykke Ja, personen har sagt ja',
      'Om personen Fulde navn Mads Østergaard',
      'CPR-nummer Ikke udfyldt',
      'Adresse Ikke udfyldt',
      'Hvad har personen brug for hjælp til? Ingen valgt',
      'Får personen allerede hjælp? Fra hvem? Ikke udfyldt',
      'Hvordan skal kommunen helst kontakte personen? Telefon',
      'Vil personen have en bisidder med til møder med kommunen? Ikke udfyldt',
      'Må kommunen hente oplysninger om personen, fx hos lægen? Ja',
    ]) {
      expect(shown).toContain(part);
    }
    // Frederikssund does not route by førtidspension: the question was not asked, so it is not shown.
    expect(shown).not.toContain('førtidspension?');
  });

  it('the same application gives the same file', () => {
    expect(applicationPdf(forHerself, kommuner.bronderslev!, CREATED).equals(pdf)).toBe(true);
  });
});

describe('the document’s content', () => {
  it('a kommune’s own help list is shown in its standard’s words about the person', () => {
    const list = kommuner.frederikssund!.helpAreas;
    const doc = applicationDocument({ ...forHerSon, application: { ...forHerSon.application, helpAreas: [list[0]!.slug] } }, kommuner.frederikssund!);
    const needs = doc.sections.find((s) => s.heading === 'Behov for støtte')!;
    expect(needs.pairs[0]).toEqual({ label: 'Hvad har personen brug for hjælp til?', value: [expect.any(String)] });
  });

  it('when the kommune’s routing has changed since, it does not claim a reason', () => {
    const doc = applicationDocument({ ...forHerself, unitId: 'visitationen' }, kommuner.bronderslev!);
    expect(doc.summary.find((p) => p.label === 'Enhed')!.value).toBe(kommuner.bronderslev!.units.find((u) => u.id === 'visitationen')!.name);
    expect(doc.summary.find((p) => p.label === 'Hvorfor denne enhed')!.value).toMatch(/^Kommunens regler for, hvem der får ansøgningen, er ændret/);
  });
});
