import { describe, expect, it } from 'vitest';
import { codePointName, isRefusedCodePoint, refusedCharacter } from './text-characters.ts';

describe('refusedCharacter: the characters an application may not hold', () => {
  it.each([
    ['NUL', 'Anna\u0000Hansen', 0x0000, 5],
    ['ESC (a terminal escape sequence)', 'Anna \u001b[2J', 0x001b, 6],
    ['BEL', '\u0007', 0x0007, 1],
    ['vertical tab', 'a\u000bb', 0x000b, 2],
    ['form feed', 'a\u000cb', 0x000c, 2],
    ['DEL', 'a\u007f', 0x007f, 2],
    ['a C1 control (CSI)', 'a\u009b31m', 0x009b, 2],
    ['NEL (C1)', 'a\u0085b', 0x0085, 2],
    ['a lone CR', 'linje 1\rlinje 2', 0x000d, 8],
    ['a CR at the end', 'linje 1\r', 0x000d, 8],
    ['LRE', '\u202aabc', 0x202a, 1],
    ['RLO (right-to-left override)', 'invoice \u202egpj.exe', 0x202e, 9],
    ['PDF', 'abc\u202c', 0x202c, 4],
    ['LRI', '\u2066x', 0x2066, 1],
    ['PDI', 'x\u2069', 0x2069, 2],
    ['a lone high surrogate', 'a\ud800b', 0xd800, 2],
    ['a lone low surrogate', 'a\udc00', 0xdc00, 2],
    ['a high surrogate at the end', 'ab\ud83d', 0xd83d, 3],
    ['U+FDD0', '\ufdd0', 0xfdd0, 1],
    ['U+FDEF', 'x\ufdef', 0xfdef, 2],
    ['U+FFFE', '\ufffe', 0xfffe, 1],
    ['U+FFFF', 'x\uffff', 0xffff, 2],
    ['U+1FFFE', 'x\u{1fffe}', 0x1fffe, 2],
    ['U+10FFFF', '\u{10ffff}', 0x10ffff, 1],
  ])('%s', (_, text, codePoint, position) => {
    expect(refusedCharacter(text)).toEqual({ codePoint, position });
  });

  it('counts positions in characters as a person does: an emoji before it is one', () => {
    expect(refusedCharacter('😀\u001b')).toEqual({ codePoint: 0x1b, position: 2 });
  });

  it('gives the first of several', () => {
    expect(refusedCharacter('ab\u202ec\u0000')).toEqual({ codePoint: 0x202e, position: 3 });
  });

  it.each([
    ['tab', 'Navn:\tAnna'],
    ['line feed', 'linje 1\nlinje 2\n'],
    ['CRLF (text pasted from Windows, a form post)', 'linje 1\r\nlinje 2\r\n'],
    ['Danish letters', 'Søren Ærø Åberg, Brønderslev'],
    ['emoji, with joiners and a skin tone', 'Tak 😀 👩‍👩‍👧 👍🏽 🏴󠁧󠁢󠁳󠁣󠁴󠁿'],
    ['the left-to-right and right-to-left marks and the Arabic letter mark', 'محمد\u200f (Mohammed)\u200e \u061c'],
    ['zero-width non-joiner and joiner', 'می\u200cخواهم \u200d'],
    ['line and paragraph separators', 'a\u2028b\u2029c'],
    ['no-break space and soft hyphen', 'a\u00a0b\u00adc'],
    ['the characters next to the refused ranges', ' ~\u00a0\u2029\u202f\u2065\u206a\ufdcf\ufdf0\ufffd\u{1fffd}\u{10000}'],
    ['an empty text', ''],
  ])('allows %s', (_, text) => {
    expect(refusedCharacter(text)).toBeNull();
  });

  it('isRefusedCodePoint refuses every Cc but tab, LF and CR', () => {
    const controls = [...Array(0x20).keys(), ...Array.from({ length: 0x21 }, (_, i) => 0x7f + i)];
    expect(controls.filter((cp) => !isRefusedCodePoint(cp))).toEqual([0x09, 0x0a, 0x0d]);
  });
});

describe('codePointName', () => {
  it('names a code point as Unicode does', () => {
    expect(codePointName(0x1b)).toBe('U+001B');
    expect(codePointName(0x202e)).toBe('U+202E');
    expect(codePointName(0x1fffe)).toBe('U+1FFFE');
  });
});
