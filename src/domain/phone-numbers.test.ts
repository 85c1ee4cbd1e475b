import { describe, expect, it } from 'vitest';
import { internationalNumber, telHref } from './phone-numbers.ts';

describe('phone numbers', () => {
  it('turns a printed phone number into an international tel: link', () => {
    expect(telHref('9945 4421')).toBe('tel:+4599454421');
    expect(telHref('27 90 43 40')).toBe('tel:+4527904340');
  });

  it('writes the E.164 form without spaces', () => {
    expect(internationalNumber('79 94 68 00')).toBe('+4579946800');
  });
});
