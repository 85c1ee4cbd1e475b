/**
 * How long Støtteportalen keeps an application once the kommune has exported
 * it: 30 days by default, and the operator may choose another. One source for the case
 * team's purge (`npm run ansoegninger -- slet-gamle`, RETENTION_DAYS or
 * `--dage` at run time) and for the privacy notice that promises it to the
 * citizen (RETENTION_DAYS at build time, src/lib/config.ts).
 */
export const DEFAULT_RETENTION_DAYS = 30;

/** "30" → 30. Anything but a whole number of days from 1 (at most five digits) → `null`. */
export function parseRetentionDays(text: string): number | null {
  const trimmed = text.trim();
  return /^\d{1,5}$/.test(trimmed) && Number(trimmed) >= 1 ? Number(trimmed) : null;
}
