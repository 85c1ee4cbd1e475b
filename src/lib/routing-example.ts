/**
 * The privacy notice's example of why age and førtidspension are used: one
 * routing rule from the content data, worded for the page ("I Brønderslev går
 * ansøgninger fx til UngeCentret, hvis du er under 30 år og ikke får
 * førtidspension"). Built from the rule's fields, never copied into the
 * strings, so it stays true when a kommune's standard changes, and it is
 * left out when no kommune routes by age or pension. The unit's name is
 * marked Danish (`<da>`, rendered by Phrase.tsx) for the English page.
 */
import type { Kommune } from '../domain/kommune.ts';
import { danish } from './danish-parts.ts';
import { fillTemplate as fill } from './template.ts';
import { ageBand } from '../domain/age-band.ts';
import { ageBandText, type AgeBandWords } from './age-band-text.ts';

type RoutingFacts = Pick<Kommune, 'shortName' | 'units' | 'routing'>;

export interface RoutingExampleStrings {
  /** "I {{kommune}} går ansøgninger fx til {{unit}}, hvis du {{condition}}." */
  sentence: string;
  /** "er {{band}}": the rule's age band (`ageBand.*`) in a clause. */
  aged: string;
  noPension: string;
  /** Joins two conditions: " og ". */
  and: string;
}

/**
 * The first kommune (in the order given) with a routing rule, preferring a
 * rule that depends on førtidspension as well as age (the notice names both);
 * `null` when every kommune has one unit for everyone.
 */
export function routingExample(kommuner: readonly RoutingFacts[], s: RoutingExampleStrings, bandWords: AgeBandWords): string | null {
  const candidates = kommuner.flatMap((k) => k.routing.rules.map((rule) => ({ k, rule })));
  const chosen = candidates.find(({ rule }) => rule.excludesEarlyRetirementPension) ?? candidates[0];
  if (!chosen) return null;
  const { k, rule } = chosen;
  const unit = k.units.find((u) => u.id === rule.unit);
  if (!unit) return null;
  const band = ageBand(rule);
  const conditions = [
    band ? fill(s.aged, { band: ageBandText(band, bandWords) }) : null,
    rule.excludesEarlyRetirementPension ? s.noPension : null,
  ].filter((c): c is string => c !== null);
  if (!conditions.length) return null;
  return fill(s.sentence, { kommune: k.shortName, unit: danish(unit.name), condition: conditions.join(s.and) });
}
