/**
 * "Can I call now?": a unit's phone status at a moment, from its weekly
 * phone hours, in Europe/Copenhagen wall-clock time (so DST changes need no
 * special case: the windows are local times), closed on public holidays and
 * 24 December, and from 12.00 on 5 June and 31 December (an assumption the
 * page states, see holidays.ts). A unit whose standard gives no hours gets
 * `no-hours`: the site says so and never guesses.
 */
import { WEEKDAYS, type PhoneWindow, type Weekday } from './weekdays.ts';
import { addDays, closedDayOn, type ClosedDay } from './holidays.ts';
import { danishClock } from './danish-clock.ts';

export interface NextOpening {
  date: string;
  weekday: Weekday;
  opens: string;
  /** 0 = later today, 1 = tomorrow … */
  daysAhead: number;
}

export type PhoneStatus =
  | { kind: 'no-hours' }
  | { kind: 'open'; closes: string; closesEarly: ClosedDay | null }
  | { kind: 'closed'; closedDay: ClosedDay | null; next: NextOpening | null };

export function weekdayOf(iso: string): Weekday {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  // getUTCDay: 0 = Sunday; WEEKDAYS starts on Monday.
  return WEEKDAYS[(new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7]!;
}

/** The windows that apply on a date: none on a holiday, cut at 12.00 on a half day. */
export function windowsOn(hours: readonly PhoneWindow[], iso: string): { opens: string; closes: string }[] {
  const closed = closedDayOn(iso);
  const day = weekdayOf(iso);
  return hours
    .filter((w) => w.day === day)
    .map(({ opens, closes }) => ({ opens, closes: closed && closed.closedFrom < closes ? closed.closedFrom : closes }))
    .filter((w) => w.opens < w.closes)
    .sort((a, b) => a.opens.localeCompare(b.opens));
}

/** Looks up to this many days ahead for the next opening (covers Easter and Christmas). */
const HORIZON_DAYS = 14;

export function phoneStatus(hours: readonly PhoneWindow[] | null, moment: Date): PhoneStatus {
  if (!hours || hours.length === 0) return { kind: 'no-hours' };
  const { date, time } = danishClock(moment);
  const today = windowsOn(hours, date);
  const closedToday = closedDayOn(date) ?? null;

  const current = today.find((w) => w.opens <= time && time < w.closes);
  if (current) {
    const regular = hours.find((w) => w.day === weekdayOf(date) && w.opens === current.opens);
    const closesEarly = closedToday && regular && regular.closes !== current.closes ? closedToday : null;
    return { kind: 'open', closes: current.closes, closesEarly };
  }

  const affectsNow = closedToday && closedToday.closedFrom <= time ? closedToday : null;
  const laterToday = today.find((w) => w.opens > time);
  if (laterToday) {
    return { kind: 'closed', closedDay: affectsNow, next: { date, weekday: weekdayOf(date), opens: laterToday.opens, daysAhead: 0 } };
  }
  for (let ahead = 1; ahead <= HORIZON_DAYS; ahead++) {
    const day = addDays(date, ahead);
    const first = windowsOn(hours, day)[0];
    if (first) {
      return { kind: 'closed', closedDay: affectsNow, next: { date: day, weekday: weekdayOf(day), opens: first.opens, daysAhead: ahead } };
    }
  }
  return { kind: 'closed', closedDay: affectsNow, next: null };
}
