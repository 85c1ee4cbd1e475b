/**
 * Wall-clock time in Denmark (Europe/Copenhagen). Every rule that speaks of
 * "a day" or "kl. 8.00" — age on a birthday, phone hours, the case team's date
 * ranges — reads the moment through this one formatter, so DST is handled in
 * one place (by Intl) and never by hand.
 */
const parts = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Copenhagen',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** The Danish calendar date ("YYYY-MM-DD") and clock time ("HH:MM") at `moment`. */
export function danishClock(moment: Date): { date: string; time: string } {
  const p = Object.fromEntries(parts.formatToParts(moment).map((x) => [x.type, x.value]));
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` };
}

/** The calendar date in Denmark at `moment`, as "YYYY-MM-DD". */
export function danishDate(moment: Date): string {
  return danishClock(moment).date;
}

/** "08:00" → "8.00" in Danish ("kl. 8.00"), "8:00" in English. */
export function formatClock(hhmm: string, lang: 'da' | 'en'): string {
  const [h = '0', m = '00'] = hhmm.split(':');
  return `${Number(h)}${lang === 'da' ? '.' : ':'}${m}`;
}
