import { describe, expect, it } from 'vitest';
import { destinationFor, pensionMatters, routeApplication, routeWhyKey } from './routing.ts';
import { shownUnits } from './unit-phone.ts';
import { kommune } from '../../tests/support/kommuner.ts';

const route = (slug: string, age: number | null, pension: boolean | null = false) =>
  routeApplication(kommune(slug), { age, receivesEarlyRetirementPension: pension }).unit.id;

describe('Brønderslev: under 30 and not on førtidspension → UngeCentret, else Visitationen', () => {
  it('a 25-year-old without førtidspension applies to UngeCentret, and is told why: the band and the answer she gave', () => {
    const r = routeApplication(kommune('bronderslev'), { age: 25, receivesEarlyRetirementPension: false });
    expect(r.unit.id).toBe('ungecentret');
    expect(r.why).toEqual({ kind: 'band', rule: 0, pension: 'no' });
  });
  it('førtidspension not known: the band, and that førtidspension is not known (never an answer not given)', () => {
    const r = routeApplication(kommune('bronderslev'), { age: 25, receivesEarlyRetirementPension: null });
    expect(r.unit.id).toBe('ungecentret');
    expect(r.why).toEqual({ kind: 'band', rule: 0, pension: 'unknown' });
    expect(routeWhyKey(r.why)).toBe('rule0-unknown');
  });
  it('why Visitationen: førtidspension under 30, the age from 30', () => {
    expect(routeApplication(kommune('bronderslev'), { age: 25, receivesEarlyRetirementPension: true }).why).toEqual({ kind: 'pension' });
    expect(routeApplication(kommune('bronderslev'), { age: 45, receivesEarlyRetirementPension: null }).why).toEqual({ kind: 'age', age: 45 });
    expect(routeApplication(kommune('bronderslev'), { age: null, receivesEarlyRetirementPension: null }).why).toEqual({ kind: 'default' });
    expect(routeApplication(kommune('varde'), { age: 40, receivesEarlyRetirementPension: null }).why).toEqual({ kind: 'default' });
  });
  it('a 29-year-old without førtidspension applies to UngeCentret', () => expect(route('bronderslev', 29)).toBe('ungecentret'));
  it('a 30-year-old (on the 30th birthday) applies to Visitationen', () => expect(route('bronderslev', 30)).toBe('visitationen'));
  it('a 25-year-old on førtidspension applies to Visitationen', () => expect(route('bronderslev', 25, true)).toBe('visitationen'));
  it('a 25-year-old who has not said about førtidspension is shown UngeCentret', () => expect(route('bronderslev', 25, null)).toBe('ungecentret'));
  it('with no age yet, the default unit is shown', () => expect(route('bronderslev', null)).toBe('visitationen'));
  it('where the standard does not settle the case in so many words, the route carries the site’s reading', () => {
    const at = (age: number, pension: boolean | null) => routeApplication(kommune('bronderslev'), { age, receivesEarlyRetirementPension: pension });
    // Under 30 on førtidspension: the standard names both units; the site reads it as Visitationen, and says so.
    expect(at(25, true).reading).toMatch(/^Er man under 30 år og får førtidspension, nævner kvalitetsstandarden både UngeCentret og Visitationen/);
    expect(at(25, false).reading).toBe(at(25, true).reading);
    // 30 or older: the standard's own sentence, no reading.
    expect(at(45, true).reading).toBeNull();
    expect(routeApplication(kommune('frederikssund'), { age: 20, receivesEarlyRetirementPension: null }).reading).toBeNull();
  });
  it('førtidspension matters only under 30', () => {
    expect(pensionMatters(kommune('bronderslev'), 29)).toBe(true);
    expect(pensionMatters(kommune('bronderslev'), 30)).toBe(false);
    expect(pensionMatters(kommune('bronderslev'), null)).toBe(true);
  });
});

describe('Frederikssund: 15 to 29 → Ungekontakten, otherwise Rådgivningshuset', () => {
  it.each([
    [14, 'raadgivningshuset'],
    [15, 'ungekontakten'],
    [29, 'ungekontakten'],
    [30, 'raadgivningshuset'],
    [67, 'raadgivningshuset'],
  ])('a %i-year-old goes to %s', (age, unit) => expect(route('frederikssund', age)).toBe(unit));
  it('førtidspension does not change the unit', () => {
    expect(route('frederikssund', 20, true)).toBe('ungekontakten');
    expect(pensionMatters(kommune('frederikssund'), 20)).toBe(false);
  });
});

describe.each([
  ['sonderborg', 'handicap-og-psykiatri'],
  ['varde', 'social-og-handicap'],
  ['aabenraa', 'visitation-og-understoettelse'],
])('%s has one unit for everyone', (slug, unit) => {
  it.each([18, 25, 29, 30, 80])('a %i-year-old goes to it', (age) => expect(route(slug, age)).toBe(unit));
});

describe('under 18: § 85 is adult support, so no application but where children and young people get help', () => {
  const destination = (slug: string, age: number | null) =>
    destinationFor(kommune(slug), { age, receivesEarlyRetirementPension: null });

  it('a 17-year-old in Frederikssund is shown the standard’s own words about under-18s', () => {
    const d = destination('frederikssund', 17);
    expect(d.kind).toBe('under18');
    if (d.kind !== 'under18') return;
    expect(d.help?.text).toMatch(/under 18 år/);
    expect(d.contacts.map((u) => u.id)).toEqual(['raadgivningshuset', 'ungekontakten']);
  });
  it('a 17-year-old in Brønderslev, whose standard names no contact, gets the kommune’s units to ask', () => {
    const d = destination('bronderslev', 17);
    expect(d).toMatchObject({ kind: 'under18', help: null });
    if (d.kind === 'under18') expect(d.contacts.map((u) => u.phone)).toEqual(['9945 4421', '9945 4705']);
  });
  it('in Aabenraa, where the standard gives no phone or e-mail, its unit is the contact only with the number from the kommune’s website', () => {
    expect(destination('aabenraa', 16)).toMatchObject({ kind: 'under18', help: null, contacts: [] });
    const k = kommune('aabenraa');
    const shown = destinationFor({ ...k, units: shownUnits(k) }, { age: 16, receivesEarlyRetirementPension: null });
    expect(shown.kind === 'under18' && shown.contacts.map((u) => [u.id, u.outsidePhone?.phone])).toEqual([['visitation-og-understoettelse', '7376 7676']]);
  });
  it('an 18-year-old (on the 18th birthday) applies as an adult', () => {
    expect(destination('frederikssund', 18)).toMatchObject({ kind: 'application', route: { unit: { id: 'ungekontakten' } } });
    expect(destination('varde', 18)).toMatchObject({ kind: 'application', route: { unit: { id: 'social-og-handicap' } } });
  });
  it('without an age yet, the application goes to the default unit', () => {
    expect(destination('bronderslev', null)).toMatchObject({ kind: 'application', route: { unit: { id: 'visitationen' } } });
  });
});
