/**
 * Findability in the browser: schema.org data on the standard and contact
 * pages, and each unit's contact card. (The sitemap, robots.txt and every
 * page's description, canonical URL and alternates need no browser:
 * tests/server/findability.test.ts.)
 */
import { expect, test } from '@playwright/test';
import { kommuner } from '../support/kommuner.ts';

const pathOf = (url: string) => new URL(url).pathname;

/** The JSON-LD blocks of a page, parsed. */
async function structuredData(page: import('@playwright/test').Page) {
  const blocks = await page.locator('script[type="application/ld+json"]').allTextContents();
  return blocks.map((b) => JSON.parse(b));
}

test('the standard page describes the service as a schema.org GovernmentService from the data', async ({ page }) => {
  await page.goto('/bronderslev/');
  const [service] = await structuredData(page);
  expect(service).toMatchObject({
    '@context': 'https://schema.org',
    '@type': 'GovernmentService',
    provider: { '@type': 'GovernmentOrganization', name: 'Brønderslev Kommune' },
    availableChannel: [{ servicePhone: { telephone: '+4599454421' } }, { name: 'UngeCentret', servicePhone: { telephone: '+4599454705' } }],
  });
  await page.goto('/en/bronderslev/');
  const [english] = await structuredData(page);
  expect(english.name).toMatch(/^Socio-educational support/);
  expect(pathOf(english.url)).toBe('/en/bronderslev/');
});

test('the contact page gives each unit as a GovernmentOffice, with phone hours only where the standard has them', async ({ page }) => {
  await page.goto('/bronderslev/kontakt/');
  const [{ '@graph': offices }] = await structuredData(page);
  expect(offices.map((o: { name: string }) => o.name)).toEqual(['Visitationen – Det Specialiserede Område', 'UngeCentret']);
  expect(offices[1]).toMatchObject({
    '@type': 'GovernmentOffice',
    address: { streetAddress: 'Kornumgårdsvej 16', postalCode: '9700', addressLocality: 'Brønderslev' },
    openingHoursSpecification: expect.arrayContaining([expect.objectContaining({ dayOfWeek: ['https://schema.org/Thursday'], opens: '08:00', closes: '17:00' })]),
    contactPoint: { contactType: 'telefontid', hoursAvailable: expect.arrayContaining([expect.objectContaining({ dayOfWeek: ['https://schema.org/Thursday'], opens: '08:00', closes: '17:00' })]) },
  });
  await page.goto('/varde/kontakt/');
  const [{ '@graph': varde }] = await structuredData(page);
  expect(varde[0]).toMatchObject({ name: 'Social og Handicap', telephone: '+4579946800' });
  expect(JSON.stringify(varde)).not.toMatch(/hoursAvailable|openingHours/);
});

interface HoursSpec {
  '@type': string;
  dayOfWeek: string[];
  opens: string;
  closes: string;
}
interface Office {
  '@type': string;
  '@id': string;
  name: string;
  openingHoursSpecification?: HoursSpec[];
  contactPoint?: { hoursAvailable: HoursSpec[] };
}
/** "monday 08:00-09:00" for each day of each specification, sorted: comparable with the content data. */
const windowsOf = (specs: HoursSpec[]) =>
  specs.flatMap((s) => s.dayOfWeek.map((d) => `${d.replace('https://schema.org/', '').toLowerCase()} ${s.opens}-${s.closes}`)).sort();

test('each kommune’s contact and standard page give every unit’s phone hours as openingHoursSpecification, exactly as the standard has them', async ({ page }) => {
  for (const [slug, k] of Object.entries(kommuner)) {
    await page.goto(`/${slug}/kontakt/`);
    const [{ '@graph': offices }] = (await structuredData(page)) as [{ '@graph': Office[] }];
    await page.goto(`/${slug}/`);
    const [service] = await structuredData(page);
    const located = (service.availableChannel as { serviceLocation: Office }[]).map((c) => c.serviceLocation);
    expect(offices.map((o) => o.name), slug).toEqual(k.units.map((u) => u.name));
    expect(located, slug).toEqual(offices);
    for (const [i, unit] of k.units.entries()) {
      const office = offices[i]!;
      expect(office['@type']).toBe('GovernmentOffice');
      if (!unit.phoneHours) {
        // No hours in the standard: none in the data either, never a guess.
        expect(JSON.stringify(office), unit.id).not.toMatch(/hoursAvailable|openingHours/);
        continue;
      }
      const hhmm = /^\d\d:\d\d$/;
      expect(office.openingHoursSpecification!.every((s) => s['@type'] === 'OpeningHoursSpecification' && hhmm.test(s.opens) && hhmm.test(s.closes)), unit.id).toBe(true);
      expect(windowsOf(office.openingHoursSpecification!), unit.id).toEqual(unit.phoneHours.map((w) => `${w.day} ${w.opens}-${w.closes}`).sort());
      if (unit.phone) expect(office.contactPoint!.hoursAvailable, unit.id).toEqual(office.openingHoursSpecification);
    }
  }
});

test('Sønderborg’s phone hours are two windows a day, 8–9 and 13–14, in the page’s schema.org data', async ({ page }) => {
  await page.goto('/en/sonderborg/kontakt/');
  const [{ '@graph': [office] }] = (await structuredData(page)) as [{ '@graph': Office[] }];
  const weekdays = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'].map((d) => `https://schema.org/${d}`);
  expect(office!.openingHoursSpecification).toEqual([
    { '@type': 'OpeningHoursSpecification', dayOfWeek: weekdays, opens: '08:00', closes: '09:00' },
    { '@type': 'OpeningHoursSpecification', dayOfWeek: weekdays, opens: '13:00', closes: '14:00' },
  ]);
});

test('a citizen saves UngeCentret as a contact: a vCard with its phone and address', async ({ page, request }) => {
  await page.goto('/bronderslev/kontakt/');
  const unit = page.getByRole('region', { name: 'UngeCentret' });
  await expect(unit.getByText('Kornumgårdsvej 16')).toBeVisible();
  await expect(unit.getByText('9700 Brønderslev')).toBeVisible();
  const link = unit.getByRole('link', { name: /Gem som kontakt på din telefon ?: UngeCentret/ });
  const href = await link.getAttribute('href');
  expect(href).toBe('/bronderslev/kontakt/ungecentret.vcf');
  const response = await request.get(href!);
  expect(response.headers()['content-type']).toMatch(/^text\/(x-)?vcard/);
  const card = await response.text();
  expect(card).toMatch(/^BEGIN:VCARD\r\nVERSION:3\.0\r\n/);
  expect(card).toContain('TEL;TYPE=WORK,VOICE:+4599454705');
  expect(card).toContain('ADR;TYPE=WORK:;;Kornumgårdsvej 16;Brønderslev;;9700;Danmark');
});

test('a unit whose standard gives no phone, e-mail or address has no contact card (Aabenraa)', async ({ page }) => {
  await page.goto('/aabenraa/kontakt/');
  await expect(page.getByRole('link', { name: /Gem som kontakt/ })).toHaveCount(0);
});
