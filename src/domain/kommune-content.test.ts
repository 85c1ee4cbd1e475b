import { describe, expect, it } from 'vitest';
import { misplacedComponents } from './kommune-content.ts';

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
