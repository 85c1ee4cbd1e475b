import { describe, expect, it } from 'vitest';
import { FACTS, KEY_FACTS, RECEIPT_COMPLAINT_FACTS, RECEIPT_NEXT_FACTS, dayAfterWeeks, factOf, factsOf, isFactKey } from './facts.ts';
import { kommune, kommuner } from '../../tests/support/kommuner.ts';
import da from '../i18n/locales/da/kommune.json' with { type: 'json' };
import en from '../i18n/locales/en/kommune.json' with { type: 'json' };
import daReceipt from '../i18n/locales/da/receipt.json' with { type: 'json' };
import enReceipt from '../i18n/locales/en/receipt.json' with { type: 'json' };

describe('the facts registry', () => {
  it('reads each fact from where the schema keeps it', () => {
    const k = kommune('bronderslev');
    expect(factOf(k, 'processingTime')).toBe(k.deadlines.processingTime);
    expect(factOf(k, 'minimumAge')).toBe(k.eligibility.minimumAgeFact);
    expect(factOf(k, 'cost')).toBe(k.cost.text);
    expect(factOf(k, 'deliveryHours')).toBe(k.delivery.hours);
    expect(factOf(k, 'processingTime')?.text).toBe('Sagsbehandlingstiden er op til 5 uger.');
  });

  it('tells a fact’s key from another name, also one every object has', () => {
    expect(isFactKey('complaintDeadline')).toBe(true);
    expect(isFactKey('youthUnit')).toBe(false);
    expect(isFactKey('toString')).toBe(false);
  });

  it('gives null, not a guess, where a standard is silent', () => {
    expect(factOf(kommune('frederikssund'), 'processingTime')).toBeNull();
  });

  it('lists the facts in the order asked, each with its key', () => {
    const k = kommune('varde');
    expect(factsOf(k, RECEIPT_NEXT_FACTS).map((f) => f.key)).toEqual(['firstContact', 'processingTime', 'supportStart']);
    expect(factsOf(k, ['cost']).at(0)?.fact).toBe(k.cost.text);
  });

  it('every fact of every kommune is either given with its source section or null', () => {
    for (const k of Object.values(kommuner)) {
      for (const key of Object.keys(FACTS) as (keyof typeof FACTS)[]) {
        const fact = factOf(k, key);
        if (fact) expect(fact.section, `${k.name}: ${key}`).toMatch(/^[a-z0-9-]+$/);
      }
    }
  });

  it('each fact a page lists has its label in both languages', () => {
    for (const key of KEY_FACTS) {
      expect(da.facts, key).toHaveProperty(key);
      expect(en.facts, key).toHaveProperty(key);
    }
    for (const key of [...RECEIPT_NEXT_FACTS, ...RECEIPT_COMPLAINT_FACTS]) {
      expect(daReceipt.facts, key).toHaveProperty(key);
      expect(enReceipt.facts, key).toHaveProperty(key);
    }
  });
});

describe('the date a number of weeks promises', () => {
  const danishDate = (d: Date) => new Intl.DateTimeFormat('da-DK', { timeZone: 'Europe/Copenhagen', dateStyle: 'long' }).format(d);

  it('is that many weeks after the Danish date the application was received', () => {
    const received = new Date('2026-12-03T09:30:00+01:00');
    expect(danishDate(dayAfterWeeks(received, 4))).toBe('31. december 2026');
    expect(danishDate(dayAfterWeeks(received, 5))).toBe('7. januar 2027');
  });

  it('does not move a day when summer time starts or ends on the way, even late in the evening', () => {
    // Received on Saturday 28 March 2026 at 23.30, the night summer time starts: a week later is Saturday 4 April.
    expect(danishDate(dayAfterWeeks(new Date('2026-03-28T23:30:00+01:00'), 1))).toBe('4. april 2026');
    // Received on Saturday 24 October 2026 at 00.15 (summer time): four weeks later is Saturday 21 November.
    expect(danishDate(dayAfterWeeks(new Date('2026-10-24T00:15:00+02:00'), 4))).toBe('21. november 2026');
  });

  it('is counted only where the standard’s own quote gives the weeks: Brønderslev’s processing time, Varde’s first contact', () => {
    expect(factOf(kommuner.bronderslev!, 'processingTime')).toMatchObject({ weeksAfterApplying: 5, quote: 'Sagsbehandlingstid: Op til 5 uger.' });
    expect(factOf(kommuner.varde!, 'firstContact')).toMatchObject({ weeksAfterApplying: 4 });
    const withWeeks = Object.entries(kommuner).flatMap(([slug, k]) =>
      (Object.keys(FACTS) as (keyof typeof FACTS)[]).filter((key) => factOf(k, key)?.weeksAfterApplying).map((key) => `${slug}.${key}`),
    );
    expect(withWeeks.sort()).toEqual(['bronderslev.processingTime', 'varde.firstContact']);
  });
});
