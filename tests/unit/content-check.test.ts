/**
 * `npm run content:check` passes on the project's content, kommune by
 * kommune: schema, headings, section links, LIX, the source document, and
 * "every fact of the standard stays" for each kommune with a fact list
 * (content/kommuner/<slug>.facts.json: facts quoted from the source document,
 * each of which must be found in the content file). The e2e suite checks the
 * same lists against the rendered pages. And every `quote` in a content file
 * stands word for word in its source document.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../src/lib/content-check.ts';
import { kommuneSlugs } from '../support/kommuner.ts';
import { kommunerWithFacts } from '../support/seed-facts.ts';
import { copyContent } from '../support/new-kommune.ts';

describe.each(kommuneSlugs)('the content check of %s', (slug) => {
  it('finds nothing to fix', () => {
    const { problems, slugs } = checkContent(undefined, [slug]);
    expect(slugs).toEqual([slug]);
    expect(problems).toEqual([]);
  });
});

it('most kommuner have a fact list, and every list is checked', () => {
  // A fact list is optional for a new kommune; the five the site started with all have one.
  expect(kommunerWithFacts.map((k) => k.slug)).toEqual(expect.arrayContaining(['bronderslev', 'frederikssund', 'sonderborg', 'varde', 'aabenraa']));
  const notes = checkContent().notes;
  for (const { slug, facts } of kommunerWithFacts) expect(notes).toContain(`${slug}: faktaliste: ${facts.length} fakta`);
});

describe('the standard’s own words', () => {
  it('every kommune’s quotes are found word for word in its source document', () => {
    const { notes, problems } = checkContent();
    expect(problems.filter((p) => p.includes('citatet'))).toEqual([]);
    for (const slug of kommuneSlugs) {
      const note = notes.find((n) => n.startsWith(`${slug}: citater: `));
      const [found, all] = /(\d+) af (\d+) fundet ordret/.exec(note ?? '')!.slice(1).map(Number);
      expect(all, slug).toBeGreaterThan(5);
      expect(found, slug).toBe(all);
    }
  });

  it('every kommune lists its document’s headings, and each quote stands under one of them', () => {
    const { notes, problems } = checkContent();
    expect(problems.filter((p) => p.includes('source.sections') || p.includes('overskrift'))).toEqual([]);
    for (const slug of kommuneSlugs) expect(notes.some((n) => n.startsWith(`${slug}: afsnit: `) && n.endsWith('hvert citat står under en af dem'))).toBe(true);
  });

  it('a heading not in the document, or a quote before the first heading, fails the check', () => {
    const copy = copyContent();
    const file = join(copy.kommuner, 'frederikssund.mdx');
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('    - "Målgruppe"\n');
    // "Målgruppe" renamed: not in the document. Without the first two headings, the quotes of "Målgruppe" … stand before any.
    writeFileSync(file, text.replace('    - "Målgruppe"\n', '    - "Hvem kan få støtte?"\n').replace('    - "Socialpædagogisk støtte"\n    - "Formål med indsatsen"\n', ''));
    const { problems } = checkContent({ kommuner: copy.kommuner, sources: copy.sources }, ['frederikssund']);
    expect(problems).toContain(
      `${file}: source.sections.0: Hvem kan få støtte?: overskriften står ikke ordret i 001_9a70574088f1ce3f.txt efter den forrige`,
    );
    expect(problems).toContain(`${file}: eligibility.targetGroup.quote: citatet står før den første overskrift i source.sections; tilføj overskriften over det`);
  });

  it('a quote changed by one word fails the check, naming the file and the field', () => {
    const copy = copyContent();
    const file = join(copy.kommuner, 'frederikssund.mdx');
    const text = readFileSync(file, 'utf8');
    const quote = 'Socialpædagogisk støtte kræver, at du er indstillet på at indgå i et samarbejde med kommunen.';
    expect(text).toContain(`quote: "${quote}"`);
    writeFileSync(file, text.replace(quote, quote.replace('kræver', 'forudsætter')));
    const { problems } = checkContent({ kommuner: copy.kommuner, sources: copy.sources }, ['frederikssund']);
    expect(problems).toEqual([expect.stringMatching(/frederikssund\.mdx: eligibility\.participation\.quote: citatet står ikke ordret i kildedokumentet 001_9a70574088f1ce3f\.txt: "Socialpædagogisk støtte forudsætter/)]);
  });
});

describe('the English Kort fortalt', () => {
  it('the five kommuner the site started with have one, checked against the Danish', () => {
    // Optional for a new kommune (its English page then shows the Danish); these five all have one.
    const { notes } = checkContent();
    for (const slug of ['bronderslev', 'frederikssund', 'sonderborg', 'varde', 'aabenraa']) {
      expect(notes, slug).toContain(`${slug}: Kort fortalt på engelsk: 7 sætninger`);
    }
  });

  it('a sentence left out, or a phone number written another way, fails the check, naming the file and the field', () => {
    const copy = copyContent();
    const file = join(copy.kommuner, 'varde.mdx');
    const text = readFileSync(file, 'utf8');
    const sentence = '  - "The support is free."\n';
    const phone = 'call <da>Social og Handicap</da> on 79 94 68 00.';
    expect(text).toContain(sentence);
    expect(text).toContain(phone);
    const check = () => checkContent({ kommuner: copy.kommuner, sources: copy.sources }, ['varde']).problems;

    writeFileSync(file, text.replace(phone, phone.replace('79 94 68 00', '79946800')));
    expect(check()).toEqual([
      `${file}: kortFortaltEn.4: telefonnummeret "79 94 68 00" fra kortFortalt.4 står ikke i den engelske sætning; skriv tal og telefonnumre, som de står i den danske`,
    ]);
    writeFileSync(file, text.replace(sentence, ''));
    expect(check()).toEqual([
      `${file}: kortFortaltEn har 6 sætninger, men kortFortalt har 7; skriv én engelsk sætning for hver dansk, i samme rækkefølge`,
    ]);
  });

  it('is optional: without it the check passes and says the English page shows the Danish', () => {
    const copy = copyContent();
    const file = join(copy.kommuner, 'varde.mdx');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^kortFortaltEn:\n(?: {2}- .*\n)+/m, ''));
    const { notes, problems } = checkContent({ kommuner: copy.kommuner, sources: copy.sources }, ['varde']);
    expect(problems).toEqual([]);
    expect(notes).toContain('varde: ingen kortFortaltEn; den engelske side viser Kort fortalt på dansk (den er valgfri)');
  });
});

describe('the English of the receipt’s facts (textEn)', () => {
  it('every kommune gives it for every fact its receipt shows', () => {
    const { notes } = checkContent();
    for (const slug of kommuneSlugs) {
      const note = notes.find((n) => n.startsWith(`${slug}: kvitteringen på engelsk: `));
      const [english, shown] = /(\d+) af (\d+) tekster/.exec(note ?? '')!.slice(1).map(Number);
      expect(english, note).toBe(shown);
    }
  });

  it('a number or a phone number of the Danish missing from the English, or one the Danish does not have, fails the check, naming the file and the field', () => {
    const copy = copyContent();
    const file = join(copy.kommuner, 'varde.mdx');
    const text = readFileSync(file, 'utf8');
    const english = 'textEn: "<da>Social og Handicap</da> contacts you no later than 4 weeks after they have received your application."';
    expect(text).toContain(english);
    const check = () => checkContent({ kommuner: copy.kommuner, sources: copy.sources }, ['varde']).problems;

    writeFileSync(file, text.replace(english, english.replace('no later than 4 weeks', 'within four weeks')));
    expect(check()).toEqual([
      `${file}: deadlines.firstContact.textEn: tallet "4" fra deadlines.firstContact.text står ikke i den engelske tekst; skriv tal og telefonnumre, som de står i den danske`,
    ]);
    writeFileSync(file, text.replace(english, english.replace('application.', 'application. Call 79 94 68 00 within 2 days.')));
    expect(check()).toEqual([
      `${file}: deadlines.firstContact.textEn: telefonnummeret "79 94 68 00" står ikke i deadlines.firstContact.text; den engelske tekst må ikke sige mere end den danske`,
      `${file}: deadlines.firstContact.textEn: tallet "2" står ikke i deadlines.firstContact.text; den engelske tekst må ikke sige mere end den danske`,
    ]);
  });

  it('is optional: without it the check passes and names the texts the English receipt shows in Danish', () => {
    const copy = copyContent();
    const file = join(copy.kommuner, 'varde.mdx');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^ +textEn: .*\n/gm, ''));
    const { notes, problems } = checkContent({ kommuner: copy.kommuner, sources: copy.sources }, ['varde']);
    expect(problems).toEqual([]);
    expect(notes).toContain(
      'varde: kvitteringen på engelsk: 0 af 5 tekster fra kommunens data på engelsk (textEn); dansk for deadlines.firstContact, deadlines.supportStart, deadlines.complaintDeadline, deadlines.reassessment, outsideSources.0 (textEn er valgfri)',
    );
  });
});
