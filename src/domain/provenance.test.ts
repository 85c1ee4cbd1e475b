import { describe, expect, it } from 'vitest';
import {
  isQuoteInSource,
  processingWeeksNotInText,
  quoteSearchTexts,
  quoteSections,
  quotesIn,
  unfoundQuotes,
  unfoundSections,
  weeksNotInQuote,
  withQuoteSections,
} from './provenance.ts';

// As the PDF extraction gives it: a two-column label, line breaks mid-sentence, a word split at a line end.
const SOURCE = `Målgruppe Du kan blive tilbudt socialpædagogisk støtte, hvis du har
betydelig nedsat fysisk eller psykisk funktionsevne.

Ansøgning sker efter reglerne i forvalt-
ningsloven og retssikkerhedsloven. Godkendt i Social-
og Sundhedsudvalget.`;

const found = (quote: string) => isQuoteInSource(quote, quoteSearchTexts(SOURCE));

describe('a quote from the standard', () => {
  it('is found word for word, whatever the line breaks', () => {
    expect(found('hvis du har betydelig nedsat fysisk eller psykisk funktionsevne.')).toBe(true);
  });

  it('is found across a word the extraction split at a line end, and a real hyphen before "og" stays', () => {
    expect(found('efter reglerne i forvaltningsloven og retssikkerhedsloven')).toBe(true);
    expect(found('Godkendt i Social- og Sundhedsudvalget.')).toBe(true);
  });

  it('may leave words out with "…", each part found in order', () => {
    expect(found('Du kan blive tilbudt … psykisk funktionsevne')).toBe(true);
    expect(found('psykisk funktionsevne … Du kan blive tilbudt')).toBe(false);
  });

  it('is not found when one word, a letter or a letter’s case differs', () => {
    expect(found('hvis du har nedsat fysisk eller psykisk funktionsevne')).toBe(false);
    expect(found('hvis du har betydeligt nedsat fysisk')).toBe(false);
    expect(found('Hvis du har betydelig nedsat fysisk')).toBe(false);
    expect(found('…')).toBe(false);
  });
});

describe('the quotes of a kommune', () => {
  const data = {
    eligibility: { targetGroup: { text: 'Omskrevet', quote: 'hvis du har betydelig nedsat' } },
    howToApply: [{ text: 'a', quote: 'forvaltningsloven og' }, { text: 'b', quote: 'hvis du har nedsat' }],
    routing: { defaultQuote: 'Du kan blive tilbudt', quoteless: 'x' },
    units: [{ phoneHoursText: 'Ansøgning sker\nefter reglerne' }, { phoneHoursText: null }],
    note: 'quote: is not a field here',
  };

  it('are every `quote` (or `…Quote`) field and every unit’s `phoneHoursText` at any depth, named by its path', () => {
    expect(quotesIn(data).map((q) => q.field)).toEqual([
      'eligibility.targetGroup.quote',
      'howToApply.0.quote',
      'howToApply.1.quote',
      'routing.defaultQuote',
      'units.0.phoneHoursText',
    ]);
  });

  it('not found in the source are named, and only those', () => {
    expect(unfoundQuotes(data, SOURCE)).toEqual([{ field: 'howToApply.1.quote', quote: 'hvis du har nedsat' }]);
  });
});

describe('a number of weeks the receipt counts a date from', () => {
  it('from another source must stand in that source’s text', () => {
    expect(
      processingWeeksNotInText([
        { text: 'Kommunens side oplyser for § 85: 6 uger.', processingWeeks: 6 },
        { text: 'Kommunens side oplyser 2½ måned.', processingWeeks: 10 },
        { text: 'Telefon 7376 7676.' },
      ]),
    ).toEqual(['outsideSources.1.processingWeeks']);
  });

  it('must stand in the fact’s own quote', () => {
    const data = {
      deadlines: {
        firstContact: { text: 'Senest 4 uger', quote: 'senest indenfor 4 uger fra modtagelse', weeksAfterApplying: 4 },
        processingTime: { text: 'Op til 6 uger', quote: 'Op til 5 uger.', weeksAfterApplying: 6 },
        supportStart: { text: 'Hurtigt', quote: null, weeksAfterApplying: 2 },
        followUp: { text: '14 uger', quote: 'efter 14 uger' },
      },
    };
    expect(weeksNotInQuote(data)).toEqual(['deadlines.processingTime.weeksAfterApplying', 'deadlines.supportStart.weeksAfterApplying']);
  });
});

describe('where a quote stands in the source document', () => {
  // A table of contents first (dot leaders), then the sections; headings split over lines as the PDF gives them.
  const DOCUMENT = `Indhold
1. Hvem kan få
støtte? ............ 3
2. Sådan søger du ........... 4
1. Hvem kan få
støtte?
Du kan få støtte, hvis du har betydelig nedsat funktionsevne.
2. Sådan søger du
Du ringer til kommunen. Hvem kan få støtte? Det afgør kommunen.`;
  const HEADINGS = ['1. Hvem kan få støtte?', '2. Sådan søger du'];

  it('is the last of the document’s headings before it, passing over the table of contents', () => {
    const sectionOf = quoteSections(HEADINGS, DOCUMENT);
    expect(sectionOf('hvis du har betydelig nedsat funktionsevne')).toBe('1. Hvem kan få støtte?');
    expect(sectionOf('Du ringer til kommunen.')).toBe('2. Sådan søger du');
    expect(sectionOf('Det afgør … kommunen')).toBe('2. Sådan søger du');
  });

  it('is unknown for a quote before the first heading or not in the document', () => {
    const sectionOf = quoteSections(['2. Sådan søger du'], DOCUMENT);
    expect(sectionOf('hvis du har betydelig nedsat funktionsevne')).toBeNull();
    expect(sectionOf('Du skriver til kommunen.')).toBeNull();
  });

  it('needs each heading word for word and in the document’s order', () => {
    expect(unfoundSections(HEADINGS, DOCUMENT)).toEqual([]);
    expect(unfoundSections(['1. Hvem kan få hjælp?', ...HEADINGS], DOCUMENT)).toEqual(['0: 1. Hvem kan få hjælp?']);
    expect(unfoundSections([...HEADINGS].reverse(), DOCUMENT)).toEqual(['1: 1. Hvem kan få støtte?']);
  });

  it('is written beside every quote of the data, and nowhere else', () => {
    const data = { targetGroup: { text: 't', quote: 'betydelig nedsat' }, list: [{ quote: 'Du ringer' }, { quote: 'Står ikke' }], other: { text: 'x' } };
    expect(withQuoteSections(data, quoteSections(HEADINGS, DOCUMENT))).toEqual({
      targetGroup: { text: 't', quote: 'betydelig nedsat', quoteSection: '1. Hvem kan få støtte?' },
      list: [{ quote: 'Du ringer', quoteSection: '2. Sådan søger du' }, { quote: 'Står ikke' }],
      other: { text: 'x' },
    });
  });
});
