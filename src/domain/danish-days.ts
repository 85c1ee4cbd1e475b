/**
 * Danish calendar days as moments: the case team asks for "applications
 * from 1 to 30 November", meaning days in Denmark (Europe/Copenhagen), not
 * in UTC. A day runs from its Danish midnight to the next.
 */
import { isRealDate } from './cpr.ts';
import { addDays } from './holidays.ts';
import { danishClock } from './danish-clock.ts';

/** Minutes Denmark is ahead of UTC at `moment` (60 in winter, 120 in summer). */
function danishOffsetMinutes(moment: Date): number {
  const { date, time } = danishClock(moment);
  const wallClock = Date.parse(`${date}T${time}:00Z`);
  return Math.round((wallClock - Math.floor(moment.getTime() / 60_000) * 60_000) / 60_000);
}

/**
 * The moment a Danish calendar day ("YYYY-MM-DD") begins. Denmark changes
 * its clocks at 01:00 UTC, never near midnight, so the offset at UTC midnight
 * of the day is the offset at its Danish midnight.
 */
export function startOfDanishDay(iso: string): Date {
  if (!isRealDate(iso)) throw new RangeError(`not a date: ${iso}`);
  const utcMidnight = Date.parse(`${iso}T00:00:00Z`);
  return new Date(utcMidnight - danishOffsetMinutes(new Date(utcMidnight)) * 60_000);
}

/** The moment a Danish calendar day ends: the start of the next (so "until 30 November" includes all of it). */
export function endOfDanishDay(iso: string): Date {
  if (!isRealDate(iso)) throw new RangeError(`not a date: ${iso}`);
  return startOfDanishDay(addDays(iso, 1));
}

/** A moment as Danish wall-clock time, "2026-11-24 10:00", for people reading a list or a spreadsheet. */
export function danishDateTime(moment: Date): string {
  const { date, time } = danishClock(moment);
  return `${date} ${time}`;
}
