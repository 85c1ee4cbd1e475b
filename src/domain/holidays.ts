/**
 * Danish public holidays (folkekirkens helligdage, as listed in lukkeloven
 * § 2, stk. 1) and the days a kommune's phone is closed although they are not
 * holidays. Sources: content/sources/NOTES.md § 3.
 *
 * - Store bededag (Easter + 26) was abolished from 1 January 2024 (L 13,
 *   passed 28 February 2023): a holiday up to and including 2023 only.
 * - 24 December (juleaftensdag) is not a holiday, but kommunale offices are
 *   closed all day (it ranks as a søgnehelligdag in the agreements).
 * - 5 June (grundlovsdag) and 31 December (nytårsaftensdag) are closed from
 *   12.00. That is an ASSUMPTION from the working-time agreements for
 *   kommunalt ansatte, not documented for any of the units; the site says so.
 */
export interface ClosedDay {
  /** Danish name, as shown: "2. påskedag". */
  da: string;
  en: string;
  /** From this time the day is closed ("00:00" = all day). */
  closedFrom: string;
  /** True where closing is our assumption rather than a public holiday. */
  assumption: boolean;
}

/** Easter Sunday, anonymous Gregorian algorithm (Meeus/Jones/Butcher). Returns "YYYY-MM-DD". */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return isoDate(year, month, day);
}

export function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Adds days to an ISO calendar date (no time zone involved). */
export function addDays(iso: string, days: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d + days));
  return isoDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

const holiday = (da: string, en: string): ClosedDay => ({ da, en, closedFrom: '00:00', assumption: false });

/** Every closed day of a year, by ISO date. */
export function closedDays(year: number): Map<string, ClosedDay> {
  const easter = easterSunday(year);
  const days = new Map<string, ClosedDay>([
    [isoDate(year, 1, 1), holiday('nytårsdag', "New Year's Day")],
    [addDays(easter, -3), holiday('skærtorsdag', 'Maundy Thursday')],
    [addDays(easter, -2), holiday('langfredag', 'Good Friday')],
    [easter, holiday('påskedag', 'Easter Sunday')],
    [addDays(easter, 1), holiday('2. påskedag', 'Easter Monday')],
    [addDays(easter, 39), holiday('Kristi himmelfartsdag', 'Ascension Day')],
    [addDays(easter, 49), holiday('pinsedag', 'Whit Sunday')],
    [addDays(easter, 50), holiday('2. pinsedag', 'Whit Monday')],
    [isoDate(year, 12, 24), { da: 'juleaftensdag', en: 'Christmas Eve', closedFrom: '00:00', assumption: false }],
    [isoDate(year, 12, 25), holiday('juledag', 'Christmas Day')],
    [isoDate(year, 12, 26), holiday('2. juledag', 'Boxing Day')],
    [isoDate(year, 6, 5), { da: 'grundlovsdag', en: 'Constitution Day', closedFrom: '12:00', assumption: true }],
    [isoDate(year, 12, 31), { da: 'nytårsaftensdag', en: "New Year's Eve", closedFrom: '12:00', assumption: true }],
  ]);
  if (year <= 2023) days.set(addDays(easter, 26), holiday('store bededag', 'General Prayer Day'));
  return days;
}

const cache = new Map<number, Map<string, ClosedDay>>();

/** The closed day on an ISO date, if any. */
export function closedDayOn(iso: string): ClosedDay | undefined {
  const year = Number(iso.slice(0, 4));
  let days = cache.get(year);
  if (!days) cache.set(year, (days = closedDays(year)));
  return days.get(iso);
}
