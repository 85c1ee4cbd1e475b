/**
 * Age in whole years on a given moment, counted on the calendar date in
 * Europe/Copenhagen (ARCHITECTURE.md): an application sent at 00:30 Danish time on
 * your 30th birthday is from a 30-year-old, whatever the UTC date is.
 * You turn N on your Nth birthday; born 29 February, you turn a year older on
 * 1 March in years without a 29 February (the year is complete when 28
 * February has passed).
 */
import { danishDate } from './danish-clock.ts';

/** The age from which § 85 applies (under 18 is not an application). */
export const ADULT_AGE = 18;

/** An age above this is a typing error in the year, not a person (the oldest Dane on record was 115). */
export const OLDEST_AGE = 120;

export function ageOn(birthDate: string, moment: Date): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = danishDate(moment).split('-').map(Number) as [number, number, number];
  let age = ty - by;
  if (tm < bm || (tm === bm && td < bd)) age -= 1;
  return age;
}
