/**
 * Characters the portal does not take in any text of an application: they
 * carry no meaning in a name or a description, and in the case team's
 * terminal, spreadsheet or case system they can hide or rearrange what is
 * shown (an ESC starts a terminal escape sequence, a right-to-left override
 * turns the text after it around, a NUL may cut a string short elsewhere).
 *
 * Refused:
 * - control characters (Unicode Cc: U+0000–U+001F, U+007F–U+009F), except
 *   tab, line feed, and a carriage return directly followed by a line feed
 *   (CRLF, as text pasted from Windows arrives); a lone CR would let a text
 *   write over its own line in a terminal;
 * - the bidirectional embeddings, overrides and isolates U+202A–U+202E and
 *   U+2066–U+2069 (the "Trojan Source" characters);
 * - lone surrogates (half of a UTF-16 pair: no character at all);
 * - noncharacters: U+FDD0–U+FDEF and the last two code points of every plane
 *   (U+FFFE, U+FFFF, U+1FFFE, …, U+10FFFF).
 *
 * Allowed, because real text has them: the left-to-right and right-to-left
 * marks U+200E, U+200F and the Arabic letter mark U+061C (they mark the
 * direction of neutral characters in names written in Arabic or Hebrew and
 * cannot turn text around); zero-width joiners (emoji, Indic scripts); line
 * and paragraph separators U+2028/U+2029. The case team's command shows the
 * ones that would move text in a terminal as escapes (src/cli/ansoegninger/format.ts).
 *
 * The browser form does not check this (it has no bytes to spare); the
 * server does, for every string of an application, JSON or form post
 * (src/server/applications/text-check.ts).
 */

/** Whether a code point is refused on its own (a CR is refused only when no LF follows it: see `refusedCharacter`). */
export function isRefusedCodePoint(cp: number): boolean {
  if (cp < 0x20) return cp !== 0x09 && cp !== 0x0a && cp !== 0x0d;
  if (cp < 0x7f) return false;
  if (cp <= 0x9f) return true;
  if ((cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069)) return true;
  if (cp >= 0xd800 && cp <= 0xdfff) return true;
  if (cp >= 0xfdd0 && cp <= 0xfdef) return true;
  return (cp & 0xfffe) === 0xfffe;
}

export interface RefusedCharacter {
  /** The code point (for a lone surrogate, the surrogate). */
  codePoint: number;
  /** Where it is, counted in characters (code points) from 1, as a person counts them. */
  position: number;
}

/** The first refused character of a text, or `null` when it has none. */
export function refusedCharacter(text: string): RefusedCharacter | null {
  let position = 0;
  for (let i = 0; i < text.length; ) {
    // A lone surrogate comes back as itself; a pair as the one code point it stands for.
    const cp = text.codePointAt(i)!;
    position += 1;
    if (isRefusedCodePoint(cp) || (cp === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) return { codePoint: cp, position };
    i += cp > 0xffff ? 2 : 1;
  }
  return null;
}

/** A code point as Unicode names it: `U+001B`, `U+1FFFE`. */
export const codePointName = (cp: number) => `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
