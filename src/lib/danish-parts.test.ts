import { describe, expect, it } from 'vitest';
import { danish, danishParts, englishOf } from './danish-parts.ts';

describe('danishParts', () => {
  it('splits an English sentence around the Danish unit name it names', () => {
    expect(danishParts(`Your application has been sent to ${danish('UngeCentret')} in Brønderslev Kommune.`)).toEqual([
      { text: 'Your application has been sent to ', danish: false },
      { text: 'UngeCentret', danish: true },
      { text: ' in Brønderslev Kommune.', danish: false },
    ]);
  });

  it('finds several Danish terms, also at the start and the end', () => {
    expect(danishParts('<da>bisidder</da> (<da>forvaltningsloven</da>)')).toEqual([
      { text: 'bisidder', danish: true },
      { text: ' (', danish: false },
      { text: 'forvaltningsloven', danish: true },
      { text: ')', danish: false },
    ]);
  });

  it('leaves a string without marks as one plain part, and other tags as text', () => {
    expect(danishParts('Phone the <b>municipality</b>.')).toEqual([{ text: 'Phone the <b>municipality</b>.', danish: false }]);
    expect(danishParts('')).toEqual([]);
  });
});

describe('englishOf: which text an English page shows of the content data', () => {
  const fact = { text: 'Sagsbehandlingstiden er op til 5 uger.', textEn: 'The processing time is up to 5 weeks.' };

  it('the English where the content file gives one, on English pages only', () => {
    expect(englishOf('en', fact)).toBe('The processing time is up to 5 weeks.');
    expect(englishOf('da', fact)).toBeUndefined();
  });

  it('nothing without one (the page shows the Danish, marked), nor for a fact the standard does not give', () => {
    const danishOnly: { text: string; textEn?: string } = { text: fact.text };
    expect(englishOf('en', danishOnly)).toBeUndefined();
    expect(englishOf('en', null)).toBeUndefined();
  });
});
