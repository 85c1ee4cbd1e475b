/**
 * A kommune's unit phone numbers inside the text of its standard. Its own
 * module, apart from phone-numbers.ts: the contact page and the form island
 * load that one for `tel:` links, and do not need this (each island's JavaScript
 * budget counts every byte of a shared file).
 */
/** The phone numbers a kommune's units give (for `phoneSegments`); a unit without one gives none. */
export function unitPhones(units: readonly { phone: string | null }[]): string[] {
  return units.flatMap((u) => (u.phone ? [u.phone] : []));
}

/** A piece of a sentence: plain text, or one of the unit phone numbers it names (as written there). */
export interface PhoneSegment {
  text: string;
  /** The number as the content data writes it (for `telHref`), when `text` is that number. */
  phone?: string;
}

/**
 * Splits a sentence of a standard at the units' phone numbers, however they
 * are grouped there ("79 94 68 00", "79946800"), so that a page can make each
 * one a `tel:` link that never breaks across lines. Only the given numbers
 * are found: another number in the text (a document number, a switchboard the
 * data does not name) stays plain text, so nothing becomes a phone link that
 * the content data does not give as a phone.
 */
export function phoneSegments(text: string, phones: readonly string[]): PhoneSegment[] {
  const byDigits = new Map(phones.map((p) => [p.replace(/\D/g, ''), p]));
  const patterns = [...byDigits.keys()].filter((d) => d.length > 0).map((d) => d.split('').join(' ?'));
  if (patterns.length === 0) return [{ text }];
  const found = new RegExp(`(?<!\\d)(?:${patterns.join('|')})(?!\\d)`, 'g');
  const segments: PhoneSegment[] = [];
  let at = 0;
  for (const match of text.matchAll(found)) {
    if (match.index > at) segments.push({ text: text.slice(at, match.index) });
    segments.push({ text: match[0], phone: byDigits.get(match[0].replace(/\D/g, ''))! });
    at = match.index + match[0].length;
  }
  if (at < text.length) segments.push({ text: text.slice(at) });
  return segments;
}
