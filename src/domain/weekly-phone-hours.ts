/**
 * The weekly phone-hours table: one row per weekday with that day's windows
 * in order, as the unit's standard gives them. A day without a window has no
 * phone hours; the table says so rather than leaving the day out.
 */
import { WEEKDAYS, type PhoneWindow, type Weekday } from './weekdays.ts';

export interface DayRow {
  day: Weekday;
  windows: { opens: string; closes: string }[];
}

export function weeklyRows(windows: readonly PhoneWindow[]): DayRow[] {
  return WEEKDAYS.map((day) => ({
    day,
    windows: windows
      .filter((w) => w.day === day)
      .map(({ opens, closes }) => ({ opens, closes }))
      .sort((a, b) => a.opens.localeCompare(b.opens)),
  }));
}

/** "08:00" → "8.00" in Danish ("kl. 8.00"), "8:00" in English. */
export function formatClock(hhmm: string, lang: 'da' | 'en'): string {
  const [h = '0', m = '00'] = hhmm.split(':');
  return `${Number(h)}${lang === 'da' ? '.' : ':'}${m}`;
}

/** "9945 4421" → "+4599454421" (E.164: what tel: links, vCards and schema.org want). */
export function internationalNumber(phone: string): string {
  return `+45${phone.replace(/\D/g, '')}`;
}

/** "9945 4421" → "tel:+4599454421". */
export function telHref(phone: string): string {
  return `tel:${internationalNumber(phone)}`;
}
