import { describe, expect, it } from 'vitest';
import { contactPageData, governmentOffice, governmentService, jsonLdText, openingHoursSpecification } from './structured-data.ts';
import { kommune, kommuner } from '../../tests/support/kommuner.ts';

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
      contactPoint: { '@type': 'ContactPoint', contactType: 'telefontid', telephone: '+4527904340' },
    });
  });

  it('Sønderborg: the phone hours 8–9 and 13–14 are the office’s openingHoursSpecification and its phone’s hoursAvailable', () => {
    const office = governmentOffice(unitOf('sonderborg', 'handicap-og-psykiatri'), kommune('sonderborg'), page) as {
      openingHoursSpecification: unknown;
      contactPoint: { hoursAvailable: unknown };
    };
    const twoWindows = [
      { '@type': 'OpeningHoursSpecification', dayOfWeek: weekdays, opens: '08:00', closes: '09:00' },
      { '@type': 'OpeningHoursSpecification', dayOfWeek: weekdays, opens: '13:00', closes: '14:00' },
    ];
    expect(office.openingHoursSpecification).toEqual(twoWindows);
    expect(office.contactPoint.hoursAvailable).toEqual(twoWindows);
  });

  it('every unit with hours in its standard: the specification gives back exactly its windows, no more, no fewer', () => {
    for (const k of Object.values(kommuner)) {
      for (const unit of k.units.filter((u) => u.phoneHours)) {
        const office = governmentOffice(unit, k, page) as { openingHoursSpecification: { dayOfWeek: string[]; opens: string; closes: string }[] };
        const windows = office.openingHoursSpecification.flatMap((s) =>
          s.dayOfWeek.map((d) => `${d.replace('https://schema.org/', '').toLowerCase()} ${s.opens}-${s.closes}`),
        );
        expect(windows.sort(), unit.id).toEqual(unit.phoneHours!.map((w) => `${w.day} ${w.opens}-${w.closes}`).sort());
      }
    }
  });

  it('Frederikssund gives phone numbers but no phone hours: no hours on the office or its phone', () => {
    for (const unit of kommune('frederikssund').units) {
      const office = governmentOffice(unit, kommune('frederikssund'), page);
      expect(office.telephone).toMatch(/^\+45\d{8}$/);
      expect(JSON.stringify(office)).not.toMatch(/hours|OpeningHours|contactPoint/i);
    }
  });

  it('hours without a phone number stay on the office, and no phone contact point is made up', () => {
    const unit = { ...unitOf('sonderborg', 'handicap-og-psykiatri'), phone: null };
    const office = governmentOffice(unit, kommune('sonderborg'), page);
    expect(office.openingHoursSpecification).toHaveLength(2);
    expect(office).not.toHaveProperty('contactPoint');
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
      {
        '@type': 'ServiceChannel',
        name: 'Visitation & Understøttelse',
        serviceUrl: expect.any(String),
        serviceLocation: expect.not.objectContaining({ openingHoursSpecification: expect.anything() }),
      },
    ]);
  });

  it('each channel is located at the unit’s office, the same one (and hours) as on the contact page', () => {
    const service = governmentService(kommune('sonderborg'), text, {
      page: 'https://example.dk/sonderborg/',
      contactPage: page,
    }) as { availableChannel: { serviceLocation: unknown }[] };
    const offices = contactPageData(kommune('sonderborg'), page) as { '@graph': unknown[] };
    expect(service.availableChannel[0]!.serviceLocation).toEqual(offices['@graph'][0]);
    expect(service.availableChannel[0]!.serviceLocation).toMatchObject({ '@id': `${page}#enhed-handicap-og-psykiatri`, openingHoursSpecification: expect.any(Array) });
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
