import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { englishTextProblems, kortFortaltEnProblems, misplacedComponents, numbersIn, numbersMissingIn, untranslatedReceiptTexts, unknownComponents } from './kommune-content.ts';
import { parseKommune, type Kommune } from './kommune.ts';
import { readKommuneFiles } from '../lib/content-files.ts';

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

describe('the English Kort fortalt against the Danish', () => {
  const danish = ['Støtten er gratis.', 'Er du under 30 år, ringer du til UngeCentret på 9945 4705.', 'Du kan få støtte på hverdage kl. 8-9 og 13-14.'];
  const english = ['The support is free.', 'If you are under 30, you call <da>UngeCentret</da> on 9945 4705.', 'You can get support on weekdays from 8-9 and 13-14.'];

  it('a sentence for each Danish one, with its numbers and phone numbers written the same way, is right', () => {
    expect(kortFortaltEnProblems(danish, english)).toEqual([]);
  });

  it('reads the numbers of a sentence as it writes them: a phone number’s groups, a time and a span kept together', () => {
    expect(numbersIn('Ring på 27 90 43 40 på hverdage kl. 8-9 og 13-14, mellem kl. 08.30 og 22.00, senest 4 uger efter.')).toEqual([
      '27 90 43 40',
      '8-9',
      '13-14',
      '08.30',
      '22.00',
      '4',
    ]);
  });

  it('names a different number of sentences', () => {
    expect(kortFortaltEnProblems(danish, english.slice(0, 2))).toEqual([
      'kortFortaltEn har 2 sætninger, men kortFortalt har 3; skriv én engelsk sætning for hver dansk, i samme rækkefølge',
    ]);
    expect(kortFortaltEnProblems(danish, [...english, 'One more.'])).toEqual([
      'kortFortaltEn har 4 sætninger, men kortFortalt har 3; skriv én engelsk sætning for hver dansk, i samme rækkefølge',
    ]);
  });

  it('names a number or a phone number of a Danish sentence that its English sentence lacks or writes another way', () => {
    const changed = ['The support is free.', 'If you are under thirty, you call <da>UngeCentret</da> on 99 45 47 05.', 'You can get support on weekdays from 8–9 and 13-14.'];
    expect(kortFortaltEnProblems(danish, changed)).toEqual([
      'kortFortaltEn.1: tallet "30" fra kortFortalt.1 står ikke i den engelske sætning; skriv tal og telefonnumre, som de står i den danske',
      'kortFortaltEn.1: telefonnummeret "9945 4705" fra kortFortalt.1 står ikke i den engelske sætning; skriv tal og telefonnumre, som de står i den danske',
      'kortFortaltEn.2: tallet "8-9" fra kortFortalt.2 står ikke i den engelske sætning; skriv tal og telefonnumre, som de står i den danske',
    ]);
  });

  it('a number in another English sentence does not count: each sentence answers for its own', () => {
    const swapped = ['The support is free. Call 9945 4705.', 'If you are under 30, you call <da>UngeCentret</da>.', english[2]!];
    expect(kortFortaltEnProblems(danish, swapped)).toEqual([
      'kortFortaltEn.1: telefonnummeret "9945 4705" fra kortFortalt.1 står ikke i den engelske sætning; skriv tal og telefonnumre, som de står i den danske',
    ]);
  });
});

describe('the English of the facts the receipt shows (textEn)', () => {
  const { file, data } = readKommuneFiles(fileURLToPath(new URL('../../content/kommuner', import.meta.url))).find((f) => f.slug === 'bronderslev')!;
  /** Brønderslev, with `change` made to a copy of its data. */
  const bronderslev = (change: (d: Record<string, any>) => void = () => {}): Kommune => {
    const copy = structuredClone(data) as Record<string, any>;
    change(copy);
    return parseKommune(file, copy);
  };

  it('holds every number and phone number of the Danish, written the same way, and none the Danish lacks', () => {
    expect(numbersMissingIn('Ring på 9945 4705 senest 4 uger efter.', 'Call <da>UngeCentret</da> on 9945 4705 within 4 weeks.')).toEqual([]);
    expect(numbersMissingIn('Ring på 9945 4705 senest 4 uger efter.', 'Call on 99 45 47 05 within four weeks.')).toEqual(['telefonnummeret "9945 4705"', 'tallet "4"']);
  });

  it('Brønderslev’s English is right, and none of the receipt’s facts is left in Danish', () => {
    expect(englishTextProblems(bronderslev())).toEqual([]);
    expect(untranslatedReceiptTexts(bronderslev())).toEqual([]);
  });

  it('names an English text that lacks a number of the Danish: the receipt would promise no deadline, or another', () => {
    const k = bronderslev((d) => (d.deadlines.processingTime.textEn = 'The processing time is up to five weeks.'));
    expect(englishTextProblems(k)).toEqual([
      'deadlines.processingTime.textEn: tallet "5" fra deadlines.processingTime.text står ikke i den engelske tekst; skriv tal og telefonnumre, som de står i den danske',
    ]);
  });

  it('names an English text where no page shows it: a fact the receipt does not show, an outside source it does not count from', () => {
    const k = bronderslev((d) => {
      d.deadlines.followUp.textEn = 'Follow-up after 1 year at the most. After 6 months for the young. New grants within 3 months.';
      d.outsideSources[0].textEn = 'The youth centre serves those aged 15-29, since 2014.';
    });
    expect(englishTextProblems(k)).toEqual([
      'deadlines.followUp.textEn: teksten vises ikke på engelsk nogen steder (kun de fakta, kvitteringen viser, har en engelsk tekst); slet den',
      'outsideSources.0.textEn: teksten vises ikke på engelsk nogen steder (kun de fakta, kvitteringen viser, har en engelsk tekst); slet den',
    ]);
  });

  it('is optional: a fact without it is named as one the English receipt shows in Danish', () => {
    const k = bronderslev((d) => delete d.deadlines.reassessment.textEn);
    expect(englishTextProblems(k)).toEqual([]);
    expect(untranslatedReceiptTexts(k)).toEqual(['deadlines.reassessment']);
  });
});
