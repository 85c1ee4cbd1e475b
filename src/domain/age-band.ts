/**
 * The ages a routing rule covers, as one band: the rule stores an inclusive
 * `minAge` and an exclusive `belowAge` (the standard's "under 30 år"); pages
 * word the band from this, in one set of strings (`ageBand.*`), wherever
 * they name it: the comparison table, the privacy notice's routing example
 * and the questionnaire's førtidspension hint.
 */
export type AgeBand =
  /** Both ends inclusive: "15–29 år". */
  | { kind: 'between'; min: number; max: number }
  /** "under 30 år". */
  | { kind: 'below'; below: number }
  /** "18 år eller ældre". */
  | { kind: 'from'; min: number };

/** The band of a rule; `null` when the rule has no age bound at all. */
export function ageBand(rule: { minAge: number | null; belowAge: number | null }): AgeBand | null {
  const { minAge, belowAge } = rule;
  if (minAge !== null && belowAge !== null) return { kind: 'between', min: minAge, max: belowAge - 1 };
  if (belowAge !== null) return { kind: 'below', below: belowAge };
  if (minAge !== null) return { kind: 'from', min: minAge };
  return null;
}
