/**
 * How long Støtteportalen keeps an application once the kommune has exported
 * it: 30 days by default, and the operator may choose another. One source for the case
 * team's purge (`npm run ansoegninger -- slet-gamle`, RETENTION_DAYS or
 * `--dage` at run time) and for the privacy notice that promises it to the
 * citizen (RETENTION_DAYS at build time, src/lib/config.ts).
 */
export const DEFAULT_RETENTION_DAYS = 30;

/**
 * How long the audit trail (who read or changed which application, and when) is kept: five years by default
 * (5 × 365.25 days, leap days counted), AUDIT_RETENTION_DAYS to choose another. Longer than the applications
 * themselves, so that misuse can be found after they are gone; `slet-gamle` deletes older entries, and the
 * privacy notice states the period.
 */
export const DEFAULT_AUDIT_RETENTION_DAYS = 1826;

const DAYS_PER_YEAR = 365.25;

/**
 * A period of days as whole years, when it is one to within a day (1826 → 5, 365 → 1, 730 → 2), for the
 * privacy notice's "5 år"; `null` when it is not (400 days are said in days).
 */
export function wholeYears(days: number): number | null {
  const years = Math.round(days / DAYS_PER_YEAR);
  return years >= 1 && Math.abs(days - years * DAYS_PER_YEAR) <= 1 ? years : null;
}

/** "30" → 30. Anything but a whole number of days from 1 (at most five digits) → `null`. */
export function parseRetentionDays(text: string): number | null {
  const trimmed = text.trim();
  return /^\d{1,5}$/.test(trimmed) && Number(trimmed) >= 1 ? Number(trimmed) : null;
}
