/**
 * The facts of a standard that pages show by name: one key per fact and
 * where it lives in the kommune's data. The comparison table, the key facts
 * on a kommune's page and the receipt all read a fact through this registry,
 * so a fact moved in the schema is moved here once. A fact the standard does
 * not give is `null` (shown as "Står ikke i kvalitetsstandarden").
 */
import type { Fact, Kommune } from './kommune.ts';

export const FACTS = {
  minimumAge: (k) => k.eligibility.minimumAgeFact,
  cost: (k) => k.cost.text,
  ownExpenses: (k) => k.cost.ownExpenses,
  processingTime: (k) => k.deadlines.processingTime,
  firstContact: (k) => k.deadlines.firstContact,
  supportStart: (k) => k.deadlines.supportStart,
  deliveryHours: (k) => k.delivery.hours,
  followUp: (k) => k.deadlines.followUp,
  complaintDeadline: (k) => k.deadlines.complaintDeadline,
  reassessment: (k) => k.deadlines.reassessment,
} as const satisfies Record<string, (k: Kommune) => Fact | null>;

export type FactKey = keyof typeof FACTS;

/** Whether a name (a row of the comparison, say) is a fact's key. */
export const isFactKey = (key: string): key is FactKey => Object.hasOwn(FACTS, key);

/** One fact of a kommune's standard by its key, `null` when the standard does not give it. */
export function factOf(k: Kommune, key: FactKey): Fact | null {
  return FACTS[key](k);
}

/** The facts with their keys, in the order given (for a list of facts on a page). */
export function factsOf<K extends FactKey>(k: Kommune, keys: readonly K[]): { key: K; fact: Fact | null }[] {
  return keys.map((key) => ({ key, fact: factOf(k, key) }));
}

/** "Det vigtigste" on a kommune's page. */
export const KEY_FACTS = [
  'minimumAge',
  'cost',
  'processingTime',
  'firstContact',
  'supportStart',
  'deliveryHours',
  'followUp',
  'complaintDeadline',
  'reassessment',
] as const satisfies readonly FactKey[];

/**
 * The latest day a fact with `weeksAfterApplying` promises, counted in
 * calendar days from the Danish date the application was received (so a
 * change to or from summer time never moves it): the receipt says "senest
 * den <dato>". Noon UTC of that day, which is the same date in Denmark.
 */
export function dayAfterWeeks(receivedAt: Date, weeks: number): Date {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen', year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(receivedAt);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return new Date(Date.UTC(part('year'), part('month') - 1, part('day') + weeks * 7, 12));
}

/** What happens next, on the receipt. */
export const RECEIPT_NEXT_FACTS = ['firstContact', 'processingTime', 'supportStart'] as const satisfies readonly FactKey[];

/** How to complain, on the receipt. */
export const RECEIPT_COMPLAINT_FACTS = ['complaintDeadline', 'reassessment'] as const satisfies readonly FactKey[];

/**
 * The published deadline from another public source that the receipt counts a
 * date from (`processingWeeks`): only where the standard gives no processing
 * time in weeks.
 */
export function outsideDeadlineOf(k: Kommune): Kommune['outsideSources'][number] | undefined {
  return factOf(k, 'processingTime')?.weeksAfterApplying ? undefined : k.outsideSources.find((s) => s.processingWeeks);
}

/** A text of the kommune's data as the receipt shows it, with its English where the content file gives one. */
export interface ReceiptText {
  text: string;
  textEn?: string | undefined;
}

/**
 * Every text of a kommune's data that the receipt shows: the facts of its
 * next steps and of complaints that the standard gives, then the outside
 * deadline. These, and only these, may have an English `textEn`, which the
 * English receipt shows (the content check holds each to its Danish).
 */
export function receiptTexts(k: Kommune): ReceiptText[] {
  const facts = factsOf(k, [...RECEIPT_NEXT_FACTS, ...RECEIPT_COMPLAINT_FACTS]).flatMap(({ fact }) => (fact ? [fact] : []));
  const outside = outsideDeadlineOf(k);
  return outside ? [...facts, outside] : facts;
}
