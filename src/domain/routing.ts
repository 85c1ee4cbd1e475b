/**
 * Which unit handles an application, as the standards state it (ARCHITECTURE.md):
 * rules are tried in order, the first that matches wins, else the default.
 *
 * - Brønderslev (000, "Hvem skal jeg kontakte?"): under 30 and not on
 *   førtidspension → UngeCentret; 30 or older, or on førtidspension →
 *   Visitationen. The standard puts førtidspension in Visitationen's
 *   sentence, so a pensioner under 30 goes to Visitationen.
 * - Frederikssund (001): 15 to 29 → Ungekontakten, else Rådgivningshuset.
 * - The others have one unit.
 *
 * Age is whole years on the day of submission in Danish time (age.ts).
 *
 * § 85 is support for adults: someone under 18 is not routed to a unit but
 * told where children and young people get help (`destinationFor`).
 */
import { ADULT_AGE } from './age.ts';
import type { Fact, Kommune, Unit } from './kommune.ts';

/**
 * The parts of a kommune routing needs (the islands get only a part of the
 * data). Its units may carry more than the standard's data (unit-phone.ts's
 * ShownUnit); the route hands back the same unit objects, typed as given.
 */
export type RoutingKommune<U extends Unit = Unit> = Pick<Kommune, 'name' | 'routing' | 'under18'> & { units: U[] };

export interface RoutingApplicant {
  /** Whole years; `null` when not known yet (the default unit is shown). */
  age: number | null;
  receivesEarlyRetirementPension: boolean | null;
}

/**
 * Why an application goes to its unit, as the answers show it, for the pages to put in words
 * for whoever fills in the form ("fordi du er under 30 år", "fordi personen er under 30 år";
 * src/lib/route-reason.ts): never an answer that was not given.
 */
export type RouteWhy =
  /**
   * Rule number `rule` (its age band) took it. `pension`, for a rule that is only for those
   * not on førtidspension: answered no, or not known.
   */
  | { kind: 'band'; rule: number; pension: 'no' | 'unknown' | null }
  /** Førtidspension sent it past a rule that takes this age otherwise. */
  | { kind: 'pension' }
  /** No rule takes this age. */
  | { kind: 'age'; age: number }
  /** The kommune's one unit (its `defaultReason`), or no age yet where rules route by age. */
  | { kind: 'default' };

/** A why as a key, the same for every age: `rule0-no`, `rule1`, `pension`, `age`, `default` (the pages word each ahead). */
export const routeWhyKey = (why: RouteWhy): string =>
  why.kind === 'band' ? `rule${why.rule}${why.pension ? `-${why.pension}` : ''}` : why.kind;

export interface Route<U extends Unit = Unit> {
  unit: U;
  why: RouteWhy;
  /** The standard's section that states the rule, `null` for the default. */
  section: string | null;
  /**
   * The site's reading, where the standard does not settle this applicant's
   * case in so many words (a rule's `reading`): set when that rule sent them,
   * or when it would have but for førtidspension. `null` when the standard says it.
   */
  reading: string | null;
}

export function routeApplication<U extends Unit>(kommune: RoutingKommune<U>, applicant: RoutingApplicant): Route<U> {
  const unitById = (id: string) => {
    const unit = kommune.units.find((u) => u.id === id);
    // The schema guarantees routing only names existing units.
    if (!unit) throw new Error(`routing names unknown unit "${id}"`);
    return unit;
  };
  const { age, receivesEarlyRetirementPension: pension } = applicant;
  const { rules, defaultUnit } = kommune.routing;
  let reading: string | null = kommune.routing.defaultReading;
  let why: RouteWhy = age === null || !rules.length ? { kind: 'default' } : { kind: 'age', age };
  if (age !== null) {
    for (const [index, rule] of rules.entries()) {
      if (rule.minAge !== null && age < rule.minAge) continue;
      if (rule.belowAge !== null && age >= rule.belowAge) continue;
      if (rule.excludesEarlyRetirementPension && pension === true) {
        reading = rule.reading ?? reading;
        why = { kind: 'pension' };
        continue;
      }
      return {
        unit: unitById(rule.unit),
        why: { kind: 'band', rule: index, pension: rule.excludesEarlyRetirementPension ? (pension === false ? 'no' : 'unknown') : null },
        section: rule.section,
        reading: rule.reading,
      };
    }
  }
  return { unit: unitById(defaultUnit), why, section: null, reading };
}

/** Whether a kommune's routing depends on førtidspension for someone of this age (ask only then). */
export function pensionMatters(kommune: Pick<Kommune, 'routing'>, age: number | null): boolean {
  return kommune.routing.rules.some(
    (r) =>
      r.excludesEarlyRetirementPension &&
      (age === null || ((r.minAge === null || age >= r.minAge) && (r.belowAge === null || age < r.belowAge))),
  );
}

/** Where someone is sent: an application to a unit, or — under 18 — where children and young people get help. */
export type Destination<U extends Unit = Unit> =
  | { kind: 'application'; route: Route<U> }
  | {
      kind: 'under18';
      /** The kommune's `under18` fact, or `null` when its standard names no contact. */
      help: Fact | null;
      /**
       * The kommune's units one can phone or write to and ask (never a guessed youth service): a phone or
       * e-mail from the standard, or a number from another public source (unit-phone.ts's `outsidePhone`).
       */
      contacts: U[];
    };

export function destinationFor<U extends Unit>(kommune: RoutingKommune<U>, applicant: RoutingApplicant): Destination<U> {
  if (applicant.age !== null && applicant.age < ADULT_AGE) {
    const reachable = (u: U) => u.phone || u.email || (u as { outsidePhone?: unknown }).outsidePhone;
    return { kind: 'under18', help: kommune.under18, contacts: kommune.units.filter(reachable) };
  }
  return { kind: 'application', route: routeApplication(kommune, applicant) };
}
