import { describe, expect, it } from 'vitest';
import { COMPARE_ROWS, compareRows, sourceSection, youthUnits, type CompareCell, type CompareRowKey } from './compare.ts';
import { headingIds } from '../domain/kommune-content.ts';
import { kommune } from '../../tests/support/kommuner.ts';
import { readKommuneFiles } from './content-files.ts';
import { fileURLToPath } from 'node:url';

const SLUGS = ['aabenraa', 'bronderslev', 'frederikssund', 'sonderborg', 'varde'];
const rows = compareRows(SLUGS.map((slug) => ({ slug, data: kommune(slug) })));
const cell = (key: CompareRowKey, slug: string): CompareCell =>
  rows.find((r) => r.key === key)!.cells.find((c) => c.slug === slug)!.cell;

describe('the comparison table', () => {
  it('has one row per topic in COMPARE_ROWS, and one cell per kommune in the order given', () => {
    expect(rows.map((r) => r.key)).toEqual([...COMPARE_ROWS]);
    for (const row of rows) expect(row.cells.map((c) => c.slug)).toEqual(SLUGS);
  });

  it('Brønderslev promises an answer within 5 weeks; Frederikssund’s standard does not say', () => {
    expect(cell('processingTime', 'bronderslev')).toMatchObject({ kind: 'fact', fact: { text: 'Sagsbehandlingstiden er op til 5 uger.' } });
    expect(cell('processingTime', 'frederikssund')).toEqual({ kind: 'not-stated' });
  });

  it('the age limit: only Varde’s standard sets one (over 18); the others are silent, and say so', () => {
    expect(cell('minimumAge', 'varde')).toMatchObject({ kind: 'fact', fact: { text: 'Du skal være over 18 år.', quote: 'borgere over 18 år' } });
    for (const slug of ['aabenraa', 'bronderslev', 'frederikssund', 'sonderborg']) expect(cell('minimumAge', slug)).toEqual({ kind: 'not-stated' });
  });

  it('when the kommune first contacts you: Varde within 4 weeks of the application', () => {
    expect(cell('firstContact', 'varde')).toMatchObject({ kind: 'fact', fact: { text: 'Social og Handicap kontakter dig senest 4 uger efter, at de har fået din ansøgning.' } });
    expect(cell('firstContact', 'frederikssund')).toEqual({ kind: 'not-stated' });
  });

  it('what you pay yourself beside the price: Brønderslev, Frederikssund and Varde name own expenses', () => {
    for (const slug of ['bronderslev', 'frederikssund', 'varde']) expect(cell('ownExpenses', slug)).toMatchObject({ kind: 'fact', fact: { section: 'hvad-koster-det' } });
    expect(cell('ownExpenses', 'frederikssund')).toMatchObject({ fact: { quote: 'Du skal selv betale for dine personlige udgifter til transport eller besøg på café.' } });
  });

  it('only Sønderborg offers Housing First; where a standard is silent the cell says so rather than "no"', () => {
    expect(cell('housingFirst', 'sonderborg')).toMatchObject({ kind: 'flag', flag: { offered: true, section: 'hvis-du-er-hjemloes' } });
    for (const slug of ['aabenraa', 'bronderslev', 'frederikssund', 'varde']) expect(cell('housingFirst', slug)).toEqual({ kind: 'not-stated' });
  });

  it('free choice of provider: "no" where the standard says no, not stated in Frederikssund', () => {
    expect(cell('freeChoiceOfProvider', 'varde')).toMatchObject({ kind: 'flag', flag: { offered: false } });
    expect(cell('freeChoiceOfProvider', 'frederikssund')).toEqual({ kind: 'not-stated' });
  });

  it('a fact the data holds as null is "not stated", and every other cell is filled', () => {
    const k = kommune('bronderslev');
    const nulls: Record<string, unknown> = {
      minimumAge: k.eligibility.minimumAgeFact, firstContact: k.deadlines.firstContact, ownExpenses: k.cost.ownExpenses,
      processingTime: k.deadlines.processingTime, supportStart: k.deadlines.supportStart,
      complaintDeadline: k.deadlines.complaintDeadline, followUp: k.deadlines.followUp, deliveryHours: k.delivery.hours,
      freeChoiceOfProvider: k.delivery.freeChoiceOfProvider, group: k.delivery.group, online: k.delivery.online,
      cti: k.delivery.cti, housingFirst: k.delivery.housingFirst, straksforloeb: k.delivery.straksforloeb,
    };
    for (const [key, value] of Object.entries(nulls)) {
      expect(cell(key as CompareRowKey, 'bronderslev').kind === 'not-stated', key).toBe(value === null);
    }
  });

  it('shows the approval of each standard, with or without a date', () => {
    expect(cell('approval', 'bronderslev')).toMatchObject({
      kind: 'approvals',
      approvals: [{ date: '2023-12-04' }, { date: '2023-12-06' }],
      section: 'om-kvalitetsstandarden',
    });
    expect(cell('approval', 'varde')).toMatchObject({ approvals: [{ committee: 'Udvalget for Social og Sundhed', date: null }] });
  });

  it('every cell links to a section that exists on its kommune’s page, except facts the standard does not give', () => {
    const dir = fileURLToPath(new URL('../../content/kommuner', import.meta.url));
    const ids = Object.fromEntries(readKommuneFiles(dir).map((f) => [f.slug, new Set([...headingIds(f.body), 'om-kvalitetsstandarden'])]));
    for (const row of rows) {
      for (const { slug, cell: c } of row.cells) {
        const section = sourceSection(c);
        if (c.kind === 'not-stated') expect(section).toBeNull();
        else expect(ids[slug]!.has(section!), `${row.key} ${slug} → #${section}`).toBe(true);
      }
    }
  });
});

describe('the unit for young people and its age limit, from the routing rules', () => {
  it('Brønderslev: UngeCentret up to 29, not if you get førtidspension', () => {
    expect(youthUnits(kommune('bronderslev'))).toEqual([
      { unitName: 'UngeCentret', band: { kind: 'below', below: 30 }, notWithEarlyRetirementPension: true, section: 'ungecentret' },
    ]);
  });

  it('Frederikssund: Ungekontakten from 15 to 29', () => {
    expect(youthUnits(kommune('frederikssund'))).toEqual([
      { unitName: 'Ungekontakten', band: { kind: 'between', min: 15, max: 29 }, notWithEarlyRetirementPension: false, section: 'ungekontakten' },
    ]);
  });

  it('Sønderborg, Varde and Aabenraa name no unit of their own for young people', () => {
    for (const slug of ['sonderborg', 'varde', 'aabenraa']) {
      expect(cell('youthUnit', slug)).toEqual({ kind: 'no-youth-unit', section: 'hvem-skal-jeg-kontakte' });
    }
  });

  it('a rule that routes to an adult unit is not a youth unit', () => {
    const k = kommune('bronderslev');
    const routing = { ...k.routing, rules: k.routing.rules.map((r) => ({ ...r, unit: 'visitationen' })) };
    expect(youthUnits({ units: k.units, routing })).toEqual([]);
  });
});
