/**
 * Danish CPR numbers: DDMMYY-SSSS, with or without the hyphen. The century
 * of the birth year follows from the 7th digit (CPR-kontoret's table):
 *
 *   7th digit | YY 00–36 | YY 37–57 | YY 58–99
 *   0–3       | 19YY     | 19YY     | 19YY
 *   4, 9      | 20YY     | 19YY     | 19YY
 *   5–8       | 20YY     | 20YY     | 18YY
 *
 * The modulus-11 check is not applied: numbers issued since 2007 need not
 * satisfy it, so rejecting on it would turn real people away.
 */
export type CprResult =
  | { ok: true; cpr: string; birthDate: string; reason?: undefined }
  | { ok: false; reason: 'format' | 'date' };

export function centuryFor(seventhDigit: number, yy: number): number {
  if (seventhDigit <= 3) return 1900;
  if (seventhDigit === 4 || seventhDigit === 9) return yy <= 36 ? 2000 : 1900;
  return yy <= 57 ? 2000 : 1800;
}

/** Parses a CPR number; returns it normalised as "DDMMYY-SSSS" with the birth date as ISO. */
export function parseCpr(input: string): CprResult {
  const m = /^\s*(\d{2})(\d{2})(\d{2})[-\s]?(\d{4})\s*$/.exec(input);
  if (!m) return { ok: false, reason: 'format' };
  const [, dd = '', mm = '', yy = '', serial = ''] = m;
  const year = centuryFor(Number(serial[0]), Number(yy)) + Number(yy);
  const birthDate = `${year}-${mm}-${dd}`;
  if (!isRealDate(birthDate)) return { ok: false, reason: 'date' };
  return { ok: true, cpr: `${dd}${mm}${yy}-${serial}`, birthDate };
}

/** True for an ISO date (YYYY-MM-DD) that exists in the calendar (no 31 April, 29 February only in leap years). */
export function isRealDate(iso: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}
