import { describe, expect, it } from 'vitest';
import { contactPageData, governmentOffice, governmentService, jsonLdText, openingHoursSpecification } from './structured-data.ts';
import { kommune } from '../../tests/support/kommuner.ts';

const page = 'https://example.dk/sonderborg/kontakt/';
const unitOf = (slug: string, id: string) => kommune(slug).units.find((u) => u.id === id)!;
const weekdays = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'].map((d) => `https://schema.org/${d}`);

describe('phone hours as schema.org OpeningHoursSpecification', () => {
  it('Sønderborg’s two windows a day become two specifications for the five weekdays', () => {
    expect(openingHoursSpecification(unitOf('sonderborg', 'handicap-og-psykiatri').phoneHours!)).toEqual([
      { '@type': 'OpeningHoursSpecification', dayOfWeek: weekdays, opens: '08:00', closes: '09:00' },
      { '@type': 'OpeningHoursSpecification', dayOfWeek: weekdays, opens: '13:00', closes: '14:00' },
    ]);
  });

  it('UngeCentret’s longer Thursday and shorter Friday are their own specifications', () => {
    const specs = openingHoursSpecification(unitOf('bronderslev', 'ungecentret').phoneHours!);
    expect(specs.map((s) => [s.dayOfWeek, s.closes])).toEqual([
      [weekdays.slice(4), '14:00'],
      [weekdays.slice(0, 3), '15:00'],
      [weekdays.slice(3, 4), '17:00'],
    ]);
  });
});

describe('a unit as a GovernmentOffice', () => {
  it('Sønderborg: phone, e-mail, address with postal code, and the phone hours on its telephone contact point', () => {
    const office = governmentOffice(unitOf('sonderborg', 'handicap-og-psykiatri'), kommune('sonderborg'), page);
    expect(office).toMatchObject({
      '@type': 'GovernmentOffice',
      name: 'Handicap- og Psykiatriafdelingen, Omsorg og Udvikling',
      url: `${page}#enhed-handicap-og-psykiatri`,
      parentOrganization: { '@type': 'GovernmentOrganization', name: 'Sønderborg Kommune' },
      telephone: '+4527904340',
      email: 'handicapogpsykiatri@sonderborg.dk',
      address: { '@type': 'PostalAddress', streetAddress: 'Ellegårdvej 25 A', postalCode: '6400', addressLocality: 'Sønderborg', addressCountry: 'DK' },
      contactPoint: { '@type': 'ContactPoint', telephone: '+4527904340', hoursAvailable: expect.any(Array) },
    });
  });

  it('Varde gives no phone hours: no hours at all in the data, never a guess', () => {
    const office = governmentOffice(unitOf('varde', 'social-og-handicap'), kommune('varde'), page);
    expect(JSON.stringify(office)).not.toMatch(/hours|OpeningHours/i);
    expect(office).not.toHaveProperty('email');
  });

  it('Aabenraa gives no phone, e-mail or address: the office is only its name and kommune', () => {
    expect(Object.keys(governmentOffice(unitOf('aabenraa', 'visitation-og-understoettelse'), kommune('aabenraa'), page)).sort()).toEqual(
      ['@id', '@type', 'name', 'parentOrganization', 'url'],
    );
  });

  it('the contact page lists every unit of the kommune', () => {
    const data = contactPageData(kommune('bronderslev'), page) as { '@graph': { name: string }[] };
    expect(data['@graph'].map((o) => o.name)).toEqual(['Visitationen – Det Specialiserede Område', 'UngeCentret']);
  });
});

describe('the standard page as a GovernmentService', () => {
  const text = { name: 'Socialpædagogisk støtte', description: 'Beskrivelse' };
  const urls = { page: 'https://example.dk/bronderslev/', contactPage: 'https://example.dk/bronderslev/kontakt/' };

  it('names the kommune as provider and area, and each unit as a channel with its phone', () => {
    expect(governmentService(kommune('bronderslev'), text, urls)).toMatchObject({
      '@type': 'GovernmentService',
      provider: { name: 'Brønderslev Kommune' },
      areaServed: { '@type': 'AdministrativeArea', name: 'Brønderslev Kommune' },
      availableChannel: [
        { name: 'Visitationen – Det Specialiserede Område', servicePhone: { telephone: '+4599454421' } },
        { name: 'UngeCentret', serviceUrl: 'https://example.dk/bronderslev/kontakt/#enhed-ungecentret' },
      ],
      offers: { price: '0', priceCurrency: 'DKK' },
    });
  });

  it('says nothing about price when the standard does not say it is free', () => {
    const k = { ...kommune('varde'), cost: { ...kommune('varde').cost, free: null } };
    expect(governmentService(k, text, urls)).not.toHaveProperty('offers');
    expect(governmentService(kommune('aabenraa'), text, urls).availableChannel).toEqual([
      { '@type': 'ServiceChannel', name: 'Visitation & Understøttelse', serviceUrl: expect.any(String) },
    ]);
  });
});

describe('JSON-LD text', () => {
  it('cannot close its script element, and still parses to the same data', () => {
    const data = { name: '</script><script>alert(1)</script><!--' };
    const text = jsonLdText(data);
    expect(text).not.toContain('<');
    expect(JSON.parse(text)).toEqual(data);
  });
});
