/**
 * "Kan jeg få støtte?": a guide, not a decision. `assess` turns the answers
 * to a short questionnaire into one of three outcomes (ARCHITECTURE.md):
 *
 * - `likely`: the situation matches § 85 as the kommune describes it; apply,
 *   and this unit will handle it;
 * - `other-help`: another kind of help fits better (help for under-18s,
 *   treatment in the health system, § 83, § 97, help already received), and
 *   where to go;
 * - `unclear`: call the unit and talk it through.
 *
 * Every outcome lets the citizen apply (everyone has the right to apply, and
 * the kommune always makes a concrete, individual assessment), except below
 * the age the application form takes: there the result says where children
 * and young people get help instead of offering a button that leads to a refusal.
 *
 * Driven by the kommune's data: a question is asked only where that
 * kommune's standard has the rule behind it (`questionsFor`), and every
 * reason carries the standard's own text and the section it comes from, so
 * a new kommune needs no code. Pure: no Astro, no Preact, no i18n (reasons
 * are codes; the UI words them), and only type imports from the zod schema so
 * the island can run it without shipping zod.
 */
import { ADULT_AGE } from './age.ts';
import type { Kommune } from './kommune.ts';
import { HOUSING_TYPES, type Housing } from './housing.ts';
import { pensionMatters, type RouteWhy } from './routing.ts';
import { shownUnits, type ShownUnit } from './unit-phone.ts';

/** Ja / Nej / Ved ikke: Danish values, as the forms post them; `kindOfHelp` shares `ved-ikke` (ARCHITECTURE.md, Glossary). */
export const YES_NO = ['ja', 'nej', 'ved-ikke'] as const;
export type YesNo = (typeof YES_NO)[number];

/** Who answers: the person themself, a relative (with consent) or a professional. */
export const ASKERS = ['self', 'relative', 'professional'] as const;
export type Asker = (typeof ASKERS)[number];

/**
 * "What do you mostly need?": learning to manage yourself is § 85; the others are help the standard points elsewhere for.
 * Codes the site made up, so English, with the shared Danish `ved-ikke` for "don't know".
 */
export const KINDS_OF_HELP = ['learn', 'treatment', 'home-help', 'companion', 'ved-ikke'] as const;
export type KindOfHelp = (typeof KINDS_OF_HELP)[number];

export { HOUSING_TYPES, type Housing };

export interface Answers {
  who?: Asker;
  /** Whole years. */
  age?: number;
  /** Førtidspension, asked where routing depends on it (Brønderslev). */
  pension?: YesNo;
  /** Significantly reduced physical or mental function, or special social problems (§ 85's target group). */
  reducedFunction?: YesNo;
  /** Help-area slugs from the kommune's `helpAreas`. */
  needs?: string[];
  kindOfHelp?: KindOfHelp;
  /** The need is already covered by other help (subsidiarity, kompensationsprincippet). */
  coveredByOtherHelp?: YesNo;
  housing?: Housing;
  /**
   * Can take part (and, where the standard says so, make choices): asked only
   * where the standard makes it a condition (`takePartRule`).
   */
  canTakePart?: YesNo;
  /** Only a short need: a note where the kommune also has short courses (§§ 82 a–b); never steers away. */
  shortNeed?: YesNo;
}
export type QuestionId = keyof Answers;

/** The part of a kommune's data the questionnaire uses (all the island gets). */
export interface QuestionnaireKommune {
  name: Kommune['name'];
  /** With a number from another public source where the standard gives none (unit-phone.ts). */
  units: ShownUnit[];
  routing: Kommune['routing'];
  under18: Kommune['under18'];
  eligibility: Kommune['eligibility'];
  delivery: Pick<Kommune['delivery'], 'housingFirst' | 'straksforloeb'>;
  helpAreas: Kommune['helpAreas'];
  otherHelp: Kommune['otherHelp'];
  onBehalf: Kommune['onBehalf'];
}

export function questionnaireData(k: Kommune): QuestionnaireKommune {
  const { name, routing, under18, eligibility, delivery, helpAreas, otherHelp, onBehalf } = k;
  const { housingFirst, straksforloeb } = delivery;
  return { name, units: shownUnits(k), routing, under18, eligibility, delivery: { housingFirst, straksforloeb }, helpAreas, otherHelp, onBehalf };
}

/**
 * A help item of the standard's, addressed to the reader ("udvikle dine færdigheder"), in the
 * person of whoever it is about: "mine færdigheder" for oneself, "sine færdigheder" for another
 * (reflexive, so it reads right whoever fills in the application form: help-list.ts).
 */
export function inPersonOf(label: string, who: 'self' | 'other'): string {
  const words: Record<string, [string, string]> = { du: ['jeg', 'personen'], dig: ['mig', 'sig'], din: ['min', 'sin'], dit: ['mit', 'sit'], dine: ['mine', 'sine'] };
  return label.replace(/\b(du|dig|din|dit|dine)\b/gi, (word) => {
    const to = words[word.toLowerCase()]![who === 'self' ? 0 : 1];
    return word[0] === word[0]!.toUpperCase() ? to[0]!.toUpperCase() + to.slice(1) : to;
  });
}

/**
 * Sections every standard has (the required headings in kommune-content.ts),
 * for reasons where a standard has no fact of its own: the reason then links
 * to where the standard says what it does (or that it is silent).
 */
export const SECTIONS = {
  whoCanGetSupport: 'hvem-kan-faa-stoette',
  whatHelp: 'hvad-kan-jeg-faa-hjaelp-til',
  notIncluded: 'hvad-faar-jeg-ikke-hjaelp-til',
  whoToContact: 'hvem-skal-jeg-kontakte',
} as const;

/** § 85 is adult support; a standard may set a higher minimum age. */
export function adultAge(k: Pick<QuestionnaireKommune, 'eligibility'>): number {
  return Math.max(ADULT_AGE, k.eligibility.minimumAge ?? ADULT_AGE);
}

/**
 * Whether the application form takes someone of this age: everyone 18 or
 * older (and anyone whose age is not known yet). The API refuses an
 * application for someone younger (src/domain/application.ts, `under18`).
 */
export function mayApply(age: number | null): boolean {
  return age === null || age >= ADULT_AGE;
}

/** The answers to "what do you mostly need?" this kommune's standard gives a rule for. */
export function kindsOfHelpFor(k: Pick<QuestionnaireKommune, 'otherHelp'>): KindOfHelp[] {
  const { treatment, homeHelp, companion } = k.otherHelp;
  return KINDS_OF_HELP.filter(
    (kind) =>
      kind === 'learn' ||
      kind === 'ved-ikke' ||
      (kind === 'treatment' && treatment) ||
      (kind === 'home-help' && homeHelp) ||
      (kind === 'companion' && companion),
  );
}

/**
 * The questions for this kommune, in order, given what is answered so far:
 * førtidspension only where routing depends on it for this age, and nothing
 * after the age for someone under 18 (§ 85 does not apply, so no other rule
 * matters). With no age yet, every question the kommune could need.
 */
export function questionsFor(k: QuestionnaireKommune, answers: Answers = {}): QuestionId[] {
  const age = answers.age ?? null;
  const ids: QuestionId[] = ['who', 'age'];
  if (age !== null && age < adultAge(k)) return ids;
  if (pensionMatters(k, age)) ids.push('pension');
  ids.push('reducedFunction', 'needs');
  if (kindsOfHelpFor(k).length > 2) ids.push('kindOfHelp');
  if (k.eligibility.subsidiarity) ids.push('coveredByOtherHelp');
  if (k.eligibility.housingTypes || k.delivery.housingFirst?.offered) ids.push('housing');
  // takePartRule(k) !== null, written out so the island does not carry takePartRule (the server words the question).
  if (k.eligibility.ableToChoose || k.eligibility.participation) ids.push('canTakePart');
  if (k.delivery.straksforloeb?.offered) ids.push('shortNeed');
  return ids;
}

/**
 * The standard's condition on taking part, which decides how "can you take
 * part?" is asked, or whether at all: `choose` where the support is for those
 * who can make choices and ask for it themselves (Brønderslev), `take-part`
 * where the standard requires taking part or cooperating (Frederikssund,
 * Sønderborg, Varde), `null` where it sets no such condition (Aabenraa names
 * being active as a goal of the kommune's, not a condition).
 */
export function takePartRule(k: Pick<QuestionnaireKommune, 'eligibility'>): 'choose' | 'take-part' | null {
  return k.eligibility.ableToChoose ? 'choose' : k.eligibility.participation ? 'take-part' : null;
}

/** The answers a question offers (help areas for `needs`; `age` is a number, so none). */
export function optionsFor(k: QuestionnaireKommune, id: QuestionId): readonly string[] {
  switch (id) {
    case 'who':
      return ASKERS;
    case 'age':
      return [];
    case 'needs':
      return k.helpAreas.map((h) => h.slug);
    case 'kindOfHelp':
      return kindsOfHelpFor(k);
    case 'housing':
      return HOUSING_TYPES;
    default:
      return YES_NO;
  }
}

/** The age band where førtidspension matters, for the no-JavaScript form's hint ("only if you are under 30"). */
export function pensionAgeBand(k: Pick<QuestionnaireKommune, 'routing'>): { minAge: number | null; belowAge: number | null } | null {
  const rule = k.routing.rules.find((r) => r.excludesEarlyRetirementPension);
  return rule ? { minAge: rule.minAge, belowAge: rule.belowAge } : null;
}

export type Outcome = 'likely' | 'other-help' | 'unclear';

/** What a reason does to the outcome; the outcome is the strongest effect among the reasons. */
export type Effect = 'other-help' | 'unclear' | 'fits' | 'note';

export type ReasonCode =
  | 'on-behalf'
  | 'age-unknown'
  | 'under-18'
  | 'under-minimum-age'
  | 'age-ok'
  | 'unit'
  | 'pension-unknown'
  | 'target-group-yes'
  | 'target-group-no'
  | 'target-group-unsure'
  | 'no-diagnosis-needed'
  | 'needs-listed'
  | 'needs-none'
  | 'wants-learning'
  | 'wants-treatment'
  | 'wants-home-help'
  | 'wants-companion'
  | 'kind-unsure'
  | 'covered'
  | 'not-covered'
  | 'covered-unsure'
  | 'housing-ok'
  | 'housing-first'
  | 'housing-other'
  | 'takes-part'
  | 'cannot-take-part'
  | 'take-part-unsure'
  | 'short-need'
  | 'short-need-unsure';

export interface Reason {
  code: ReasonCode;
  effect: Effect;
  /** The kommune's point in plain Danish (the site's rewrite of its standard); `null` when it has none. */
  standardText: string | null;
  /** The standard's own words on the point, verbatim; `null` when it has none. */
  quote: string | null;
  /** The source document's heading the quote stands under (set by the build, provenance.ts); `null` when unknown. */
  quoteSection: string | null;
  /** Heading id in the kommune's standard page (`/<kommune>/#<section>`). */
  section: string;
}

export type OtherHelp =
  | 'children-and-youth'
  | 'health-system'
  | 'home-help'
  | 'companion'
  | 'existing-help'
  | 'ask-kommune';

export type NextStep =
  | { kind: 'other-help'; help: OtherHelp; standardText: string | null; quote: string | null; quoteSection: string | null; section: string | null }
  | { kind: 'call' }
  | { kind: 'apply' };

export interface Assessment {
  outcome: Outcome;
  /** Strongest effect first, then in the order of the questions. */
  reasons: Reason[];
  /** The unit that would handle an application (and that you can call), with a number from another source where the standard has none. */
  unit: ShownUnit;
  /** Why that unit, from the kommune's routing, for the page to word ("fordi du er under 30 år …", src/lib/route-reason.ts). */
  unitWhy: RouteWhy;
  /** What to do, most fitting first; `call` is always there, `apply` unless the age is below what the form takes (`mayApply`). */
  nextSteps: NextStep[];
}


/**
 * Only the answers this kommune's questions offer: anything else (an old
 * sessionStorage entry, a tampered form, another kommune's help area) is
 * dropped, so the rules below never see a value they do not know.
 */
export function cleanAnswers(raw: unknown, k: QuestionnaireKommune): Answers {
  const answers: Answers = {};
  if (!raw || typeof raw !== 'object') return answers;
  const given = raw as Record<string, unknown>;
  for (const id of ['who', 'pension', 'reducedFunction', 'kindOfHelp', 'coveredByOtherHelp', 'housing', 'canTakePart', 'shortNeed'] as const) {
    const value = given[id];
    if (typeof value === 'string' && optionsFor(k, id).includes(value)) Object.assign(answers, { [id]: value });
  }
  const age = given.age;
  if (typeof age === 'number' && Number.isInteger(age) && age >= 0) answers.age = age;
  if (Array.isArray(given.needs)) answers.needs = knownNeeds(k, given.needs.filter((n): n is string => typeof n === 'string'));
  return answers;
}


/** The answered needs that are this kommune's help areas, in the kommune's order. */
export function knownNeeds(k: Pick<QuestionnaireKommune, 'helpAreas'>, needs: readonly string[] = []): string[] {
  return k.helpAreas.map((h) => h.slug).filter((slug) => needs.includes(slug));
}
