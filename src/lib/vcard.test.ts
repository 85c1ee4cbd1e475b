import { describe, expect, it } from 'vitest';
import { escapeText, foldLine, unitVCard } from './vcard.ts';
import { kommune } from '../../tests/support/kommuner.ts';

const unit = (slug: string, id: string) => kommune(slug).units.find((u) => u.id === id)!;
const card = (slug: string, id: string) =>
  unitVCard(unit(slug, id), { kommuneName: kommune(slug).name, pageUrl: `https://example.dk/${slug}/kontakt/` });
/** Unfolds continuation lines (RFC 2425 § 5.8.1) and splits into content lines. */
const contentLines = (vcf: string) => vcf.replace(/\r\n /g, '').split('\r\n').filter(Boolean);

describe('a unit as a vCard', () => {
  it('UngeCentret in Brønderslev: name, kommune, phone, address with postal code and the standard’s phone hours', () => {
    expect(contentLines(card('bronderslev', 'ungecentret')!)).toEqual([
      'BEGIN:VCARD',
      'VERSION:3.0',
      'N:;;;;',
      'FN:UngeCentret',
      'ORG:Brønderslev Kommune;UngeCentret',
      'X-ABSHOWAS:COMPANY',
      'TEL;TYPE=WORK,VOICE:+4599454705',
      'ADR;TYPE=WORK:;;Kornumgårdsvej 16;Brønderslev;;9700;Danmark',
      // The standard's lines, as vCard writes a line break in a value (RFC 6350 3.4).
      'NOTE:Telefontid (kvalitetsstandarden): Mandag-onsdag kl. 8.00 - 15.00\\nTorsdag kl. 8.00 - 17.00\\nFredag kl. 8.00 - 14.00',
      'URL:https://example.dk/bronderslev/kontakt/',
      'END:VCARD',
    ]);
  });

  it('Sønderborg gives an e-mail address, so the card has one; Brønderslev gives none, so its cards have none', () => {
    expect(contentLines(card('sonderborg', 'handicap-og-psykiatri')!)).toContain('EMAIL;TYPE=INTERNET,WORK:handicapogpsykiatri@sonderborg.dk');
    expect(card('bronderslev', 'visitationen')).not.toContain('EMAIL');
  });

  it('Frederikssund’s Ungekontakten has only a phone number: no address, e-mail or hours are invented', () => {
    const lines = contentLines(card('frederikssund', 'ungekontakten')!);
    expect(lines).toContain('TEL;TYPE=WORK,VOICE:+4547351164');
    expect(lines.some((l) => /^(ADR|EMAIL|NOTE)/.test(l))).toBe(false);
  });

  it('Aabenraa’s standard gives no phone, e-mail or address: no card at all', () => {
    expect(card('aabenraa', 'visitation-og-understoettelse')).toBeNull();
  });

  it('uses CRLF line ends and folds every line to at most 75 octets without splitting a character', () => {
    const vcf = card('sonderborg', 'handicap-og-psykiatri')!;
    expect(vcf.endsWith('\r\n')).toBe(true);
    expect(vcf.replace(/\r\n/g, '')).not.toMatch(/\n|\r/);
    for (const line of vcf.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    // Folding must not break UTF-8: the unfolded text decodes to the original characters.
    expect(contentLines(vcf)).toContain('FN:Handicap- og Psykiatriafdelingen\\, Omsorg og Udvikling');
  });

  it('folds a long line of æøå at a character boundary', () => {
    const folded = foldLine(`NOTE:${'æøå'.repeat(40)}`);
    const lines = folded.split('\r\n');
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    expect(folded.replace(/\r\n /g, '')).toBe(`NOTE:${'æøå'.repeat(40)}`);
  });

  it('escapes the characters that structure a vCard', () => {
    expect(escapeText('a;b,c\\d\ne')).toBe('a\\;b\\,c\\\\d\\ne');
  });
});
