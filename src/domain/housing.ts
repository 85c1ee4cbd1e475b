/**
 * Where someone lives, as the questionnaire asks it. Two standards make
 * housing part of who gets the support (Brønderslev: "eget hjem eller i
 * tilbud efter almenboligloven"; Sønderborg: "eget hjem og i botilbud"), and
 * Sønderborg gives the support after Housing First to homeless people.
 *
 * Its own module without zod, so the questionnaire island can use the list.
 */
export const HOUSING_TYPES = [
  /** Your own home: rented, owned, andel, also an ordinary almen bolig. */
  'eget-hjem',
  /** An almen bolig for people with disabilities or older people (almenboligloven), with your own lease. */
  'almen-botilbud',
  /** A botilbud under serviceloven. */
  'botilbud',
  /** Homeless, or about to lose your home. */
  'hjemloes',
  /** Anything else, or "I don't know". */
  'andet',
] as const;
export type Housing = (typeof HOUSING_TYPES)[number];
