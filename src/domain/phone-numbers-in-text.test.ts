import { describe, expect, it } from 'vitest';
import { phoneSegments, unitPhones } from './phone-numbers-in-text.ts';

describe('phone numbers in a sentence of a standard', () => {
  it('Varde’s Kort fortalt: the unit’s number becomes its own segment, the rest stays text', () => {
    expect(phoneSegments('Du kan søge ved at ringe til Social og Handicap på 79 94 68 00.', ['79 94 68 00'])).toEqual([
      { text: 'Du kan søge ved at ringe til Social og Handicap på ' },
      { text: '79 94 68 00', phone: '79 94 68 00' },
      { text: '.' },
    ]);
  });

  it('finds a number grouped differently from the data, and two numbers in one sentence', () => {
    expect(phoneSegments('Ring 99454421 eller 9945 4705', ['99 45 44 21', '9945 4705'])).toEqual([
      { text: 'Ring ' },
      { text: '99454421', phone: '99 45 44 21' },
      { text: ' eller ' },
      { text: '9945 4705', phone: '9945 4705' },
    ]);
  });

  it('leaves other numbers alone: not a unit phone, or only part of a longer number', () => {
    expect(phoneSegments('Dokument 70574088, telefon 88 72 64 00, nr. 1799454421', ['9945 4421'])).toEqual([
      { text: 'Dokument 70574088, telefon 88 72 64 00, nr. 1799454421' },
    ]);
    expect(phoneSegments('Ingen telefon i standarden.', [])).toEqual([{ text: 'Ingen telefon i standarden.' }]);
  });
});

describe("a kommune's unit phone numbers", () => {
  it('lists the numbers the units give and skips a unit whose standard gives none (Frederikssund and Aabenraa)', () => {
    expect(unitPhones([{ phone: '70 22 22 10' }, { phone: '47 35 11 64' }])).toEqual(['70 22 22 10', '47 35 11 64']);
    expect(unitPhones([{ phone: null }])).toEqual([]);
  });
});
