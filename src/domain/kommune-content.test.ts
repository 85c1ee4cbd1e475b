import { describe, expect, it } from 'vitest';
import { misplacedComponents, unknownComponents } from './kommune-content.ts';

describe('the complaint deadline in a standard’s body', () => {
  const body = (complaint: string, other = '') => `## Hvad koster det?\n\nGratis.${other}\n\n## Hvad gør jeg, hvis jeg er uenig?\n\n${complaint}Du kan klage.\n\n## Hvem skal jeg kontakte?\n\nRing.\n`;

  it('stands once under "Hvad gør jeg, hvis jeg er uenig?"', () => {
    expect(misplacedComponents(body('<Klagefrist />\n\n'))).toEqual([]);
  });

  it('is named as missing, doubled or under another heading', () => {
    expect(misplacedComponents(body(''))).toEqual(['<Klagefrist /> skal stå én gang i teksten (står 0 gange)']);
    expect(misplacedComponents(body('<Klagefrist />\n\n', '\n\n<Klagefrist />'))).toEqual(['<Klagefrist /> skal stå én gang i teksten (står 2 gange)']);
    expect(misplacedComponents(body('', '\n\n<Klagefrist />'))).toEqual(['<Klagefrist /> skal stå under "## Hvad gør jeg, hvis jeg er uenig?"']);
  });
});

describe('the other components a body may use', () => {
  it('are <Telefon /> for every unit or one named unit; anything else is named', () => {
    const body = 'Ring:\n\n<Telefon />\n\n<Telefon enhed="ungecentret" />\n\n<Telefon enhed="ungdom" />\n\n<Kort />\n';
    expect(unknownComponents(body, ['ungecentret', 'visitationen'])).toEqual([
      '<Telefon enhed="ungdom" />: enheden "ungdom" findes ikke i units',
      '<Kort /> kendes ikke; brug <Klagefrist /> eller <Telefon />',
    ]);
  });
});
