/**
 * Why an application goes to its unit, in words (`RouteWhy` from src/domain/routing.ts):
 * "fordi du er under 30 år og ikke får førtidspension", "fordi personen er 45 år". Every why a
 * kommune's routing can give is worded on the server (`routingWords`), in the form's variant
 * for whoever fills it in (src/lib/apply-words.ts); the islands look the words up
 * (`reasonFor`), so no wording code or age-band words go to the browser.
 */
import { ADULT_AGE } from '../domain/age.ts';
import { ageBand } from '../domain/age-band.ts';
import { routeApplication, routeWhyKey, type RouteWhy, type RoutingKommune } from '../domain/routing.ts';
import { ageBandText, type AgeBandWords } from './age-band-text.ts';
import { fillTemplate } from './template.ts';

/** `apply.routing.why` and `apply.routing.rule` in one variant of the form's words. */
export interface RouteWhyWords {
  why: { band: string; bandNoPension: string; bandPensionUnknown: string; pension: string; age: string; ageUnknown: string };
  rule: { band: string; bandNoPension: string; others: string };
}

/**
 * A reason in words. `unit`: a unit's name (Danish) that stands in `text` as `{{unit}}`, for the
 * page to mark lang="da"; `lang: 'da'` when the whole text is the kommune's own Danish
 * (`defaultReason`). The `age` reason keeps `{{age}}` for `reasonFor` to fill.
 */
export interface RouteReason {
  text: string;
  unit?: string;
  lang?: 'da';
}

export interface RoutingWords {
  /** By `routeWhyKey`. */
  reasons: Record<string, RouteReason>;
  /** Before the age is known: each unit (id) and whom it takes ("under 30 år, hvis du ikke får førtidspension", "alle andre"). */
  list: [string, string][];
}

/** Every reason a kommune's routing can give, and its rules as a list, in one variant of the words. */
export function routingWords(kommune: RoutingKommune, words: RouteWhyWords, bands: AgeBandWords): RoutingWords {
  const { rules, defaultReason, defaultUnit } = kommune.routing;
  const w = words.why;
  const reasons: Record<string, RouteReason> = {
    default: defaultReason ? { text: defaultReason, lang: 'da' } : { text: w.ageUnknown },
    pension: { text: w.pension },
    age: { text: w.age },
  };
  const list: [string, string][] = [];
  rules.forEach((rule, index) => {
    // The schema requires an age bound on every rule.
    const band = ageBandText(ageBand(rule)!, bands);
    const key = (pension: 'no' | 'unknown' | null): string => routeWhyKey({ kind: 'band', rule: index, pension });
    if (rule.excludesEarlyRetirementPension) {
      // Where førtidspension would send someone of this band instead.
      const age = Math.max(rule.minAge ?? 0, Math.min(ADULT_AGE, (rule.belowAge ?? ADULT_AGE + 1) - 1));
      const instead = routeApplication(kommune, { age, receivesEarlyRetirementPension: true }).unit.name;
      reasons[key('no')] = { text: fillTemplate(w.bandNoPension, { band }) };
      reasons[key('unknown')] = { text: fillTemplate(w.bandPensionUnknown, { band, unit: '{{unit}}' }), unit: instead };
    } else {
      reasons[key(null)] = { text: fillTemplate(w.band, { band }) };
    }
    list.push([rule.unit, fillTemplate(rule.excludesEarlyRetirementPension ? words.rule.bandNoPension : words.rule.band, { band })]);
  });
  list.push([defaultUnit, words.rule.others]);
  return { reasons, list };
}

/** The words for a why, looked up (the age filled in). */
export function reasonFor(reasons: Record<string, RouteReason>, why: RouteWhy): RouteReason {
  const reason = reasons[routeWhyKey(why)]!;
  return why.kind === 'age' ? { ...reason, text: fillTemplate(reason.text, { age: why.age }) } : reason;
}
