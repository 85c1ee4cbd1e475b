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
