/**
 * Age in whole years on a given moment, counted on the calendar date in
 * Europe/Copenhagen (DESIGN.md): an application sent at 00:30 Danish time on
 * your 30th birthday is from a 30-year-old, whatever the UTC date is.
 * You turn N on your Nth birthday; born 29 February, you turn a year older on
 * 1 March in years without a 29 February (the year is complete when 28
 * February has passed).
 */
const copenhagenDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Copenhagen',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar date in Denmark at `moment`, as "YYYY-MM-DD". */
export function danishDate(moment: Date): string {
  return copenhagenDate.format(moment);
}

export function ageOn(birthDate: string, moment: Date): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = danishDate(moment).split('-').map(Number) as [number, number, number];
  let age = ty - by;
  if (tm < bm || (tm === bm && td < bd)) age -= 1;
  return age;
}
