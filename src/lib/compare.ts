/**
 * The rows of `/sammenlign/`: what each kommune's standard promises, side by
 * side. Pure: takes the kommuner's data and returns one cell per kommune and
 * row, each carrying the body section it comes from (so the table can link
 * every cell to its source). A fact the standard does not give stays
 * `not-stated`; the page shows "Står ikke i kvalitetsstandarden".
 */
import type { Fact, Flag, Kommune } from '../domain/kommune.ts';
import { factOf } from '../domain/facts.ts';
import { ageBand, type AgeBand } from '../domain/age-band.ts';

/** The rows of the comparison (service levels side by side), in the order the page shows them. */
export const COMPARE_ROWS = [
  'minimumAge',
  'processingTime',
  'firstContact',
  'supportStart',
  'complaintDeadline',
  'followUp',
  'deliveryHours',
  'cost',
  'ownExpenses',
  'freeChoiceOfProvider',
  'group',
  'online',
  'cti',
  'housingFirst',
  'straksforloeb',
  'youthUnit',
  'approval',
] as const;
export type CompareRowKey = (typeof COMPARE_ROWS)[number];

/** A unit for young applicants and the ages the routing rule sends to it. */
export interface YouthUnit {
  unitName: string;
  /** The ages the rule sends to the unit; `null` when it names none. */
  band: AgeBand | null;
  /** Brønderslev: førtidspension sends you to the adult unit whatever your age. */
  notWithEarlyRetirementPension: boolean;
  section: string;
}

export type CompareCell =
  | { kind: 'fact'; fact: Fact }
  | { kind: 'flag'; flag: NonNullable<Flag> }
  | { kind: 'youth-units'; units: YouthUnit[] }
  /** The standard names no unit of its own for young people (one unit takes everyone). */
  | { kind: 'no-youth-unit'; section: string }
  | { kind: 'approvals'; approvals: Kommune['source']['approvals']; section: string }
  | { kind: 'not-stated' };

export interface CompareRow {
  key: CompareRowKey;
  cells: { slug: string; cell: CompareCell }[];
}

/** The section every standard has for contacts (a required heading, kommune-content.ts). */
const CONTACT_SECTION = 'hvem-skal-jeg-kontakte';
/** The source box on each standard page (SourceBox.astro) holds the approvals. */
const SOURCE_SECTION = 'om-kvalitetsstandarden';

const fact = (f: Fact | null): CompareCell => (f ? { kind: 'fact', fact: f } : { kind: 'not-stated' });
const flag = (f: Flag): CompareCell => (f ? { kind: 'flag', flag: f } : { kind: 'not-stated' });

/**
 * The units young applicants are routed to, read from `routing.rules` (the
 * routing is the standard's own rule, so the age limit shown here is the one
 * the application form applies).
 */
export function youthUnits(k: Pick<Kommune, 'units' | 'routing'>): YouthUnit[] {
  return k.routing.rules.flatMap((rule) => {
    const unit = k.units.find((u) => u.id === rule.unit);
    if (!unit || unit.role !== 'youth') return [];
    return [
      {
        unitName: unit.name,
        band: ageBand(rule),
        notWithEarlyRetirementPension: rule.excludesEarlyRetirementPension,
        section: rule.section,
      },
    ];
  });
}

function cellFor(key: CompareRowKey, k: Kommune): CompareCell {
  switch (key) {
    case 'minimumAge':
    case 'processingTime':
    case 'firstContact':
    case 'supportStart':
    case 'complaintDeadline':
    case 'followUp':
    case 'deliveryHours':
    case 'cost':
    case 'ownExpenses':
      return fact(factOf(k, key));
    case 'freeChoiceOfProvider':
    case 'group':
    case 'online':
    case 'cti':
    case 'housingFirst':
    case 'straksforloeb':
      return flag(k.delivery[key]);
    case 'youthUnit': {
      const units = youthUnits(k);
      return units.length ? { kind: 'youth-units', units } : { kind: 'no-youth-unit', section: CONTACT_SECTION };
    }
    case 'approval':
      return { kind: 'approvals', approvals: k.source.approvals, section: SOURCE_SECTION };
  }
}

/** One row per entry of `COMPARE_ROWS`, one cell per kommune in the order given. */
export function compareRows(kommuner: { slug: string; data: Kommune }[]): CompareRow[] {
  return COMPARE_ROWS.map((key) => ({
    key,
    cells: kommuner.map(({ slug, data }) => ({ slug, cell: cellFor(key, data) })),
  }));
}

/** The section a cell links to on `/<kommune>/`, or `null` for a fact the standard does not give. */
export function sourceSection(cell: CompareCell): string | null {
  switch (cell.kind) {
    case 'fact':
      return cell.fact.section;
    case 'flag':
      return cell.flag.section;
    case 'youth-units':
      return cell.units[0]?.section ?? null;
    case 'no-youth-unit':
    case 'approvals':
      return cell.section;
    case 'not-stated':
      return null;
  }
}
