import { describe, expect, it } from 'vitest';
import { danish, danishParts } from './danish-parts.ts';

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
