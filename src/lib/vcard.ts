/**
 * A unit's contact card as a vCard file (`.vcf`), for the "Gem som kontakt"
 * link on the contact page. vCard 3.0 (RFC 2426) rather than 4.0: it is the
 * version the phones' own contact apps import reliably (Android's importer
 * reads 2.1 and 3.0), and it carries UTF-8 text when the file is served as
 * UTF-8, which it is.
 *
 * Only what the standard gives goes in: the unit's name and kommune, and its
 * phone, e-mail, address and phone-hours wording where they are not `null`.
 * A unit with none of phone, e-mail or address gets no card at all.
 */
import type { Unit } from '../domain/kommune.ts';
import { internationalNumber } from '../domain/phone-numbers.ts';

const CRLF = '\r\n';

/** The card's URL beside the contact page: `/bronderslev/kontakt/ungecentret.vcf`. */
export function vcardPath(kommuneSlug: string, unitId: string): string {
  return `/${kommuneSlug}/kontakt/${unitId}.vcf`;
}

/** Whether the standard gives anything worth saving as a contact. */
export function hasContactCard(unit: Pick<Unit, 'phone' | 'email' | 'address'>): boolean {
  return Boolean(unit.phone || unit.email || unit.address);
}

/** Escapes a text value (RFC 2426 § 4: backslash, comma, semicolon and newline). */
export function escapeText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/,/g, '\\,').replace(/;/g, '\\;').replace(/\r?\n/g, '\\n');
}

/**
 * Folds a content line to at most 75 octets per line (RFC 2426 § 2.6, from
 * RFC 2425 § 5.8.1): CRLF and a space before each continuation. Counts UTF-8
 * octets and never splits a character ("ø" is two octets).
 */
export function foldLine(line: string): string {
  const encoder = new TextEncoder();
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    // The first line may hold 75 octets; continuations start with a space, so 74 more.
    const limit = parts.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}

export interface CardContext {
  /** "Brønderslev Kommune". */
  kommuneName: string;
  /** The absolute URL of the contact page the card comes from. */
  pageUrl: string;
}

/** The vCard text for a unit, or `null` when the standard gives no phone, e-mail or address for it. */
export function unitVCard(unit: Unit, { kommuneName, pageUrl }: CardContext): string | null {
  if (!hasContactCard(unit)) return null;
  const lines = [
    'BEGIN:VCARD',
    'VERSION:3.0',
    // A unit, not a person: the name goes in FN and ORG; N is required by 3.0 and left empty.
    'N:;;;;',
    `FN:${escapeText(unit.name)}`,
    `ORG:${escapeText(kommuneName)};${escapeText(unit.name)}`,
    // Apple Contacts shows the card as a company rather than as a person.
    'X-ABSHOWAS:COMPANY',
  ];
  if (unit.phone) lines.push(`TEL;TYPE=WORK,VOICE:${internationalNumber(unit.phone)}`);
  if (unit.email) lines.push(`EMAIL;TYPE=INTERNET,WORK:${unit.email}`);
  if (unit.address) {
    const { street, postalCode, city } = unit.address;
    // ADR: post office box; extended address; street; locality; region; postal code; country.
    lines.push(`ADR;TYPE=WORK:;;${escapeText(street)};${escapeText(city)};;${postalCode};Danmark`);
  }
  if (unit.phoneHoursText) lines.push(`NOTE:${escapeText(`Telefontid (kvalitetsstandarden): ${unit.phoneHoursText}`)}`);
  lines.push(`URL:${pageUrl}`, 'END:VCARD');
  return lines.map(foldLine).join(CRLF) + CRLF;
}
