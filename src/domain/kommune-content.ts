/**
 * Rules about a kommune's content as a whole (data + body together), shared by
 * the content tests and the readability report.
 */
import { ID_HEADING_LEVELS, headingIdsOf } from './slug.ts';
import { lix, mdxToPlainText, type LixResult } from './lix.ts';
import type { Kommune } from './kommune.ts';
import { receiptTexts, type ReceiptText } from './facts.ts';

/** The reader's questions every standard page answers, in this order (README, "Content"). */
export const REQUIRED_HEADINGS = [
  'Hvem kan få støtte?',
  'Hvad kan jeg få hjælp til?',
  'Hvad får jeg ikke hjælp til?',
  'Hvad koster det?',
  'Hvor lang tid tager det?',
  'Hvad sker der efter min ansøgning?',
  'Hvad gør jeg, hvis jeg er uenig?',
  'Hvem skal jeg kontakte?',
] as const;

/**
 * Components the body places where the site fills them in from the data:
 * each exactly once, under its heading. `<Klagefrist />` is the complaint
 * deadline (the standard's, else "Kvalitetsstandarden siger ikke" and always
 * the law's; src/components/ComplaintDeadline.tsx), weighted for the search.
 */
export const BODY_COMPONENTS = [{ tag: '<Klagefrist />', heading: 'Hvad gør jeg, hvis jeg er uenig?' }] as const;

/** What is wrong with where the body places BODY_COMPONENTS (empty when each stands once under its `## heading`). */
export function misplacedComponents(body: string): string[] {
  return BODY_COMPONENTS.flatMap(({ tag, heading }) => {
    const count = body.split(tag).length - 1;
    if (count !== 1) return [`${tag} skal stå én gang i teksten (står ${count} gange)`];
    const start = body.indexOf(`## ${heading}\n`);
    const next = body.indexOf('\n## ', start + 1);
    const at = body.indexOf(tag);
    return start >= 0 && at > start && (next < 0 || at < next) ? [] : [`${tag} skal stå under "## ${heading}"`];
  });
}

/**
 * What is wrong with the body's other components: only `<Klagefrist />` and
 * `<Telefon />` (or `<Telefon enhed="<unit id>" />`, one of `unitIds`) exist;
 * any other tag, or an unknown unit, is named.
 */
export function unknownComponents(body: string, unitIds: readonly string[]): string[] {
  return [...body.matchAll(/<[A-ZÆØÅ][^>]*>/g)].flatMap(([tag]) => {
    if (tag === '<Klagefrist />' || tag === '<Telefon />') return [];
    const unit = /^<Telefon enhed="([^"]*)" \/>$/.exec(tag)?.[1];
    if (unit === undefined) return [`${tag} kendes ikke; brug <Klagefrist /> eller <Telefon />`];
    return unitIds.includes(unit) ? [] : [`${tag}: enheden "${unit}" findes ikke i units`];
  });
}

/**
 * The numbers of a sentence as it writes them: each run of digits, with the
 * digit groups of a phone number ("27 90 43 40"), a time ("08.30") or a span
 * ("8-9") kept together.
 */
export function numbersIn(text: string): string[] {
  return [...text.matchAll(/\d+(?:[ .:\-–]\d+)*/g)].map((m) => m[0]);
}

/**
 * The numbers of a Danish text that its English lacks or writes another way,
 * each named as an editor reads it ("telefonnummeret "9945 4705"", "tallet
 * "30""). Danish names marked `<da>…</da>` in the English count as its text.
 */
export function numbersMissingIn(danish: string, english: string): string[] {
  const found = numbersIn(english.replace(/<\/?da>/g, ''));
  return numbersIn(danish)
    .filter((n) => !found.includes(n))
    .map((n) => `${n.replace(/\D/g, '').length === 8 ? 'telefonnummeret' : 'tallet'} "${n}"`);
}

const WRITE_NUMBERS_AS_IN_DANISH = 'skriv tal og telefonnumre, som de står i den danske';

/**
 * What is wrong with a kommune's English Kort fortalt (`kortFortaltEn`)
 * against the Danish one (empty when it is right): one English sentence for
 * each Danish one, and every number and phone number of a Danish sentence in
 * its English sentence, written the same way.
 */
export function kortFortaltEnProblems(kortFortalt: readonly string[], kortFortaltEn: readonly string[]): string[] {
  if (kortFortaltEn.length !== kortFortalt.length) {
    return [
      `kortFortaltEn har ${kortFortaltEn.length} sætninger, men kortFortalt har ${kortFortalt.length}; skriv én engelsk sætning for hver dansk, i samme rækkefølge`,
    ];
  }
  return kortFortalt.flatMap((danish, i) =>
    numbersMissingIn(danish, kortFortaltEn[i]!).map(
      (n) => `kortFortaltEn.${i}: ${n} fra kortFortalt.${i} står ikke i den engelske sætning; ${WRITE_NUMBERS_AS_IN_DANISH}`,
    ),
  );
}

/** Every object in a kommune's data with a `text`, and the field path that holds it (`deadlines.processingTime`). */
function textsIn(value: unknown, path: string[] = []): { path: string; item: ReceiptText }[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => textsIn(v, [...path, String(i)]));
  if (!value || typeof value !== 'object') return [];
  const here = typeof (value as ReceiptText).text === 'string' ? [{ path: path.join('.'), item: value as ReceiptText }] : [];
  return [...here, ...Object.entries(value).flatMap(([k, v]) => textsIn(v, [...path, k]))];
}

/**
 * What is wrong with a kommune's English texts (`textEn`; empty when they are
 * right): only a text the receipt shows has one (`receiptTexts`), and each
 * holds every number and phone number of its Danish `text`, written the same
 * way, and no number the Danish does not have (a translation adds no deadline).
 */
export function englishTextProblems(k: Kommune): string[] {
  const shown = new Set<ReceiptText>(receiptTexts(k));
  return textsIn(k).flatMap(({ path, item }) => {
    if (item.textEn === undefined) return [];
    if (!shown.has(item)) {
      return [`${path}.textEn: teksten vises ikke på engelsk nogen steder (kun de fakta, kvitteringen viser, har en engelsk tekst); slet den`];
    }
    return [
      ...numbersMissingIn(item.text, item.textEn).map(
        (n) => `${path}.textEn: ${n} fra ${path}.text står ikke i den engelske tekst; ${WRITE_NUMBERS_AS_IN_DANISH}`,
      ),
      ...numbersMissingIn(item.textEn, item.text).map(
        (n) => `${path}.textEn: ${n} står ikke i ${path}.text; den engelske tekst må ikke sige mere end den danske`,
      ),
    ];
  });
}

/** The field paths of the texts the receipt shows that have no English (`textEn`), for the content check's notes. */
export function untranslatedReceiptTexts(k: Kommune): string[] {
  const shown = new Set<ReceiptText>(receiptTexts(k));
  return textsIn(k).filter(({ item }) => shown.has(item) && item.textEn === undefined).map(({ path }) => path);
}

export const LIX_LIMIT_BODY = 40;
export const LIX_LIMIT_KORT_FORTALT = 30;

const HEADING_LINE = new RegExp(`^#{${ID_HEADING_LEVELS.min},${ID_HEADING_LEVELS.max}}\\s+(.+?)\\s*$`, 'gm');

/** Heading ids of an MDX body as the site renders them (rehype-danish-heading-ids uses the same `headingIdsOf`). */
export function headingIds(body: string): string[] {
  return headingIdsOf([...body.matchAll(HEADING_LINE)].map((m) => m[1] ?? ''));
}

/** Every `section` a kommune's data links to, with the field path that holds it. */
export function sectionLinks(value: unknown, path: string[] = []): { path: string; section: string }[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => sectionLinks(v, [...path, String(i)]));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) =>
      k === 'section' && typeof v === 'string'
        ? [{ path: [...path, k].join('.'), section: v }]
        : sectionLinks(v, [...path, k]),
    );
  }
  return [];
}

export interface Readability {
  body: LixResult;
  kortFortalt: LixResult;
}

export function readability(kommune: Pick<Kommune, 'kortFortalt'>, body: string): Readability {
  return {
    body: lix(mdxToPlainText(body)),
    kortFortalt: lix(kommune.kortFortalt.join(' ')),
  };
}

/** One row of the README's LIX table (`npm run content:check -- --readme` writes it; a test checks it). */
export function readmeLixRow(name: string, body: number, kortFortalt: number): string {
  return `| ${name} | ${body.toFixed(1)} | ${kortFortalt.toFixed(1)} |`;
}
