/**
 * The application as a document: what a case worker files in the case. A
 * tagged, accessible PDF (PDF/UA-1, PDF 1.7, language da-DK, the title shown
 * in the window) made with pdfkit: a structure tree of headings (H1, H2),
 * label/value pairs (a list whose items have a label, `Lbl`, and a value,
 * `LBody`) and lists (the help chosen), the text in IBM Plex Sans, the site's
 * typeface, embedded (PDF/UA needs an embedded font; it has æ, ø and å).
 *
 * What it holds: kommune, unit and why the application went there, reference,
 * when it came (Danish time), every answer under the form's own step headings
 * with the questions as the form asked them (the words of "Tjek dine svar",
 * `reviewRows` in src/components/apply/Review.tsx, in the variant the person who
 * filled it in saw: "du" or "personen"), the consents, and who applied for whom.
 * Nothing is invented: an answer not given is "Ikke udfyldt".
 *
 * `applicationDocument` is the content (pure, tested as data); `applicationPdf`
 * lays it out and returns the file's bytes.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';
import type { Application } from '../../domain/application.ts';
import { ageOn } from '../../domain/age.ts';
import { parseCpr } from '../../domain/cpr.ts';
import { helpListIsVum } from '../../domain/help-areas.ts';
import type { Kommune } from '../../domain/kommune.ts';
import { pensionMatters, routeApplication, type RoutingKommune } from '../../domain/routing.ts';
import daApply from '../../i18n/locales/da/apply.json' with { type: 'json' };
import { ageBandWords } from '../../lib/age-band-text.ts';
import { applyWords, type ApplyStrings } from '../../lib/apply-words.ts';
import { withHelpList } from '../../lib/help-list-words.ts';
import { reasonFor, routingWords } from '../../lib/route-reason.ts';
import type { StoredApplication } from '../store/types.ts';

/** What the document needs of the kommune's content. */
export type PdfKommune = RoutingKommune & Pick<Kommune, 'name' | 'helpAreas'>;

/** One answer: its label and its value, a text or (the help chosen) a list. */
export interface Pair {
  label: string;
  value: string | string[];
}

export interface DocumentSection {
  heading: string;
  pairs: Pair[];
}

export interface ApplicationDocument {
  /** The document's title (its info and its H1): no personal data, the reference is none. */
  title: string;
  heading: string;
  /** Reference, received, kommune, unit, why there, who applied for whom. */
  summary: Pair[];
  note: string;
  sections: DocumentSection[];
}

/** The document's own words (the answers' labels are the form's, from apply.json). */
export const PDF_WORDS = {
  // A no-break space keeps "§ 85" on one line.
  heading: 'Ansøgning om socialpædagogisk støtte (serviceloven §\u00a085)',
  title: (reference: string) => `Ansøgning om socialpædagogisk støtte, ${reference}`,
  reference: 'Reference',
  receivedAt: 'Modtaget',
  received: (date: string, time: string) => `${date} kl. ${time} (dansk tid)`,
  kommune: 'Kommune',
  unit: 'Enhed',
  why: 'Hvorfor denne enhed',
  fromStandard: 'Det står i kommunens kvalitetsstandard.',
  reading: 'Sådan forstår vi kvalitetsstandarden:',
  routingChanged:
    'Kommunens regler for, hvem der får ansøgningen, er ændret, siden ansøgningen kom. Derfor kan vi ikke sige, hvorfor den gik til denne enhed.',
  appliedBy: 'Hvem søger for hvem',
  self: (name: string) => `${name} søger selv.`,
  onBehalf: (helper: string, relation: string, name: string) =>
    `${helper} (${relation}) søger for ${name}. ${name} har sagt ja til det (samtykke).`,
  note: 'Svarene står under de samme overskrifter og med de samme spørgsmål, som ansøgeren så i skemaet. "Ikke udfyldt": spørgsmålet blev ikke besvaret.',
  notAnswered: 'Ikke udfyldt',
  pensionUnknown: 'Ved ikke, eller ikke besvaret',
  otherList: 'VUM-temaer (sendt med af et andet system)',
} as const;

const WORDS = applyWords(daApply);

/** "12.4.2001", as "Tjek dine svar" shows a date. */
const shownDate = (iso: string) => iso.split('-').reverse().map(Number).join('.');

/** The birth date as given, else from the CPR number; `null` when neither gives one. */
function birthDateOf(application: Application): string | null {
  const { birthDate, cpr } = application.applicant;
  if (birthDate) return birthDate;
  const parsed = cpr ? parseCpr(cpr) : null;
  return parsed?.ok ? parsed.birthDate : null;
}

const danish = (moment: Date, options: Intl.DateTimeFormatOptions) =>
  new Intl.DateTimeFormat('da-DK', { timeZone: 'Europe/Copenhagen', ...options }).format(moment);

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Why the application went to its unit, in words about the person ("fordi personen er under 30 år"). */
function whyThere(stored: StoredApplication, kommune: PdfKommune): string {
  const { application } = stored;
  const birthDate = birthDateOf(application);
  const age = birthDate ? ageOn(birthDate, new Date(stored.receivedAt)) : null;
  const route = routeApplication(kommune, { age, receivesEarlyRetirementPension: application.receivesEarlyRetirementPension ?? null });
  // The content may have changed since: then the reason of today is not the reason it went there.
  if (route.unit.id !== stored.unitId) return PDF_WORDS.routingChanged;
  // Worded about the person (the case worker reads it), whoever filled in the form.
  const words = routingWords(kommune, WORDS['on-behalf'].routing, ageBandWords('da'));
  const reason = reasonFor(words.reasons, route.why);
  const text = `${capitalised(reason.text.replace('{{unit}}', reason.unit ?? ''))}.`;
  return [text, route.reading ? `${PDF_WORDS.reading} ${route.reading}` : PDF_WORDS.fromStandard].join(' ');
}

const yesNo = (value: boolean | undefined, s: ApplyStrings) => (value === true ? s.yes : value === false ? s.no : '');

/** The answers under the form's step headings, in the words the person filling it in saw. */
function answerSections(stored: StoredApplication, kommune: PdfKommune): DocumentSection[] {
  const a = stored.application;
  const onBehalf = a.onBehalf ?? null;
  const s = withHelpList(WORDS, kommune, 'da')[onBehalf ? 'on-behalf' : 'self'];
  const birthDate = birthDateOf(a);
  const age = birthDate ? ageOn(birthDate, new Date(stored.receivedAt)) : null;
  const address = a.applicant.address;
  const needs = (a.needs ?? []).map((n) => WORDS.self.needs.themes[n] ?? n);
  const helpAreas = (a.helpAreas ?? []).map((slug) => s.needs.themes[slug] ?? slug);
  const ownList = !helpListIsVum(kommune);
  const pension = a.receivesEarlyRetirementPension;
  const pair = (label: string, value: string | string[] | null | undefined): Pair => ({
    label,
    value: value === null || value === undefined || value === '' ? PDF_WORDS.notAnswered : value,
  });
  const chosen = (items: string[]) => (items.length ? items : s.review.needsNone);
  return [
    {
      heading: s.steps.who,
      pairs: [
        pair(s.review.who, onBehalf ? s.who.onBehalf : s.who.self),
        ...(onBehalf
          ? [
              pair(s.onBehalf.name, onBehalf.name),
              pair(s.onBehalf.relation, onBehalf.relation),
              pair(s.onBehalf.phone, onBehalf.phone),
              pair(s.onBehalf.email, onBehalf.email),
              pair(s.onBehalf.consentLegend, onBehalf.applicantConsents ? s.review.consentGiven : ''),
            ]
          : []),
      ],
    },
    {
      heading: s.steps.person,
      pairs: [
        pair(s.person.name, a.applicant.name),
        pair(s.review.birthDate, a.applicant.birthDate ? shownDate(a.applicant.birthDate) : ''),
        pair(s.person.cpr, a.applicant.cpr),
        pair(s.review.address, address ? `${address.street}, ${address.postalCode} ${address.city}` : ''),
        pair(s.person.phone, a.applicant.phone),
        pair(s.person.email, a.applicant.email),
        // Asked only where the kommune's routing depends on it (as in "Tjek dine svar"); shown whenever answered.
        ...(pensionMatters(kommune, age) || pension !== undefined
          ? [pair(s.person.pensionLegend, pension === null ? PDF_WORDS.pensionUnknown : yesNo(pension, s))]
          : []),
      ],
    },
    {
      heading: s.steps.needs,
      pairs: [
        ownList ? pair(s.needs.legend, chosen(helpAreas)) : pair(s.needs.legend, chosen(needs)),
        // Another system may send VUM themes to a kommune with its own list: shown, never dropped.
        ...(ownList && needs.length ? [pair(PDF_WORDS.otherList, needs)] : []),
        pair(s.needs.description, a.description),
        pair(s.needs.helpReceived, a.helpReceived),
      ],
    },
    {
      heading: s.steps.contact,
      pairs: [
        pair(s.contact.preferredLegend, s.contact[a.contact.preferred] ?? a.contact.preferred),
        pair(s.contact.bestTimes, a.contact.bestTimes),
        pair(s.contact.bisidderLegend, yesNo(a.wantsBisidder, s)),
        pair(s.contact.consentLegend, yesNo(a.consentToObtainInformation, s)),
      ],
    },
  ];
}

/** The document's content: pure, from the stored application and the kommune's content. */
export function applicationDocument(stored: StoredApplication, kommune: PdfKommune): ApplicationDocument {
  const received = new Date(stored.receivedAt);
  const { name, onBehalf } = { name: stored.application.applicant.name, onBehalf: stored.application.onBehalf ?? null };
  const unit = kommune.units.find((u) => u.id === stored.unitId);
  return {
    title: PDF_WORDS.title(stored.reference),
    heading: PDF_WORDS.heading,
    summary: [
      { label: PDF_WORDS.reference, value: stored.reference },
      {
        label: PDF_WORDS.receivedAt,
        value: PDF_WORDS.received(danish(received, { day: 'numeric', month: 'long', year: 'numeric' }), danish(received, { hour: '2-digit', minute: '2-digit' })),
      },
      { label: PDF_WORDS.kommune, value: kommune.name },
      { label: PDF_WORDS.unit, value: unit ? unit.name : stored.unitId },
      { label: PDF_WORDS.why, value: unit ? whyThere(stored, kommune) : PDF_WORDS.routingChanged },
      { label: PDF_WORDS.appliedBy, value: onBehalf ? PDF_WORDS.onBehalf(onBehalf.name, onBehalf.relation, name) : PDF_WORDS.self(name) },
    ],
    note: PDF_WORDS.note,
    sections: answerSections(stored, kommune),
  };
}

// IBM Plex Sans from the dkfds package (the site's typeface), as TrueType: pdfkit cannot read WOFF2.
const FONT_DIR = join(dirname(createRequire(import.meta.url).resolve('dkfds')), '../fonts/IBMPlexSans/complete/ttf');
let fonts: { regular: Buffer; bold: Buffer } | null = null;
const loadFonts = () =>
  (fonts ??= {
    regular: readFileSync(join(FONT_DIR, 'IBMPlexSans-Regular.ttf')),
    bold: readFileSync(join(FONT_DIR, 'IBMPlexSans-SemiBold.ttf')),
  });

const SIZE = { h1: 18, h2: 14, text: 11 } as const;

/**
 * The application as a tagged PDF/UA document, its bytes. `createdAt` is the
 * document's creation date (its info), so the same input gives the same file.
 */
export function applicationPdf(stored: StoredApplication, kommune: PdfKommune, createdAt: Date): Buffer {
  const content = applicationDocument(stored, kommune);
  const { regular, bold } = loadFonts();
  const doc = new PDFDocument({
    pdfVersion: '1.7',
    // The types know only the PDF/A subsets; pdfkit itself has PDF/UA (the pdfuaid part in the XMP metadata).
    subset: 'PDF/UA' as unknown as 'PDF/A-1',
    tagged: true,
    lang: 'da-DK',
    displayTitle: true,
    size: 'A4',
    margin: 56,
    info: { Title: content.title, Author: kommune.name, Subject: content.heading, Creator: 'Støtteportalen', CreationDate: createdAt, ModDate: createdAt },
  });
  doc.registerFont('regular', regular);
  doc.registerFont('bold', bold);
  const root = doc.struct('Document');
  doc.addStructure(root);
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  /** A structure element whose content is what `draw` puts on the page (marked content, in reading order). */
  const tagged = (tag: string, draw: () => unknown) => doc.struct(tag, {}, draw);

  const heading = (tag: 'H1' | 'H2', text: string) => {
    root.add(tagged(tag, () => doc.font('bold').fontSize(tag === 'H1' ? SIZE.h1 : SIZE.h2).text(text, { width })));
    doc.moveDown(0.4);
  };
  /** Label/value pairs as a list: each item a label (`Lbl`) and its value (`LBody`), a list of its own where it is one. */
  const pairs = (items: Pair[]) => {
    const list = doc.struct('L');
    root.add(list);
    for (const { label, value } of items) {
      const item = doc.struct('LI');
      list.add(item);
      item.add(tagged('Lbl', () => doc.font('bold').fontSize(SIZE.text).text(label, { width })));
      const body = doc.struct('LBody');
      item.add(body);
      if (Array.isArray(value)) {
        const inner = doc.struct('L');
        body.add(inner);
        doc.font('regular').fontSize(SIZE.text).list(value, { width, structParent: inner, bulletRadius: 2 });
        inner.end();
      } else {
        body.add(tagged('P', () => doc.font('regular').fontSize(SIZE.text).text(value, { width })));
      }
      body.end();
      item.end();
      doc.moveDown(0.5);
    }
    list.end();
  };

  heading('H1', content.heading);
  pairs(content.summary);
  root.add(tagged('P', () => doc.font('regular').fontSize(SIZE.text).text(content.note, { width })));
  doc.moveDown(0.8);
  for (const section of content.sections) {
    heading('H2', section.heading);
    pairs(section.pairs);
    doc.moveDown(0.4);
  }
  root.end();
  doc.end();
  // pdfkit writes synchronously (fonts subset, streams deflated as it goes): every byte is buffered by now.
  const chunks: Buffer[] = [];
  for (let chunk: Buffer | null; (chunk = doc.read() as Buffer | null) !== null; ) chunks.push(chunk);
  return Buffer.concat(chunks);
}
