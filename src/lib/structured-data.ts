/**
 * schema.org data (JSON-LD) for search engines: the standard page describes a
 * `GovernmentService` (its channels located at the units' offices), the
 * contact page each unit as a `GovernmentOffice`.
 * Only facts from the kommune's data go in; a field the standard does not
 * give is left out, never filled with a guess. JSON-LD is a data block, not
 * a script: browsers do not execute it, so the CSP needs no exception.
 */
import type { Kommune, Unit } from '../domain/kommune.ts';
import { internationalNumber } from '../domain/phone-numbers.ts';
import type { PhoneWindow, Weekday } from '../domain/weekdays.ts';

type Json = { [key: string]: unknown };

const SCHEMA_DAY: Record<Weekday, string> = {
  monday: 'https://schema.org/Monday',
  tuesday: 'https://schema.org/Tuesday',
  wednesday: 'https://schema.org/Wednesday',
  thursday: 'https://schema.org/Thursday',
  friday: 'https://schema.org/Friday',
  saturday: 'https://schema.org/Saturday',
  sunday: 'https://schema.org/Sunday',
};

/**
 * Weekly windows as OpeningHoursSpecification, one per distinct time span with
 * the days it applies to (Sønderborg: 8–9 and 13–14 on the five weekdays).
 */
export function openingHoursSpecification(windows: readonly PhoneWindow[]): Json[] {
  const spans = new Map<string, { opens: string; closes: string; days: Weekday[] }>();
  for (const w of windows) {
    const key = `${w.opens}-${w.closes}`;
    const span = spans.get(key) ?? { opens: w.opens, closes: w.closes, days: [] };
    span.days.push(w.day);
    spans.set(key, span);
  }
  return [...spans.values()]
    .sort((a, b) => a.opens.localeCompare(b.opens) || a.closes.localeCompare(b.closes))
    .map((s) => ({
      '@type': 'OpeningHoursSpecification',
      dayOfWeek: s.days.map((d) => SCHEMA_DAY[d]),
      opens: s.opens,
      closes: s.closes,
    }));
}

const organisation = (k: Pick<Kommune, 'name'>): Json => ({ '@type': 'GovernmentOrganization', name: k.name });

/**
 * One unit as a GovernmentOffice, with its hours as `openingHoursSpecification`
 * (what issue #5 asks for, and what search engines read for "when can I reach
 * them"). The hours are *phone* hours (telefontid): the standards give no
 * visiting hours, and every unit's `phoneHours` in content/kommuner/*.mdx is
 * the time its phone is answered. So the same hours also sit on the unit's
 * telephone ContactPoint (`hoursAvailable`), which says exactly that, and the
 * page itself only ever calls them phone hours. A unit whose standard gives
 * no hours (`phoneHours: null`) gets no hours at all, never a guess.
 */
export function governmentOffice(unit: Unit, k: Pick<Kommune, 'name'>, pageUrl: string): Json {
  const office: Json = {
    '@type': 'GovernmentOffice',
    '@id': `${pageUrl}#enhed-${unit.id}`,
    name: unit.name,
    url: `${pageUrl}#enhed-${unit.id}`,
    parentOrganization: organisation(k),
  };
  if (unit.phone) office.telephone = internationalNumber(unit.phone);
  if (unit.email) office.email = unit.email;
  if (unit.address) {
    office.address = {
      '@type': 'PostalAddress',
      streetAddress: unit.address.street,
      postalCode: unit.address.postalCode,
      addressLocality: unit.address.city,
      addressCountry: 'DK',
    };
  }
  if (unit.phoneHours) {
    const hours = openingHoursSpecification(unit.phoneHours);
    office.openingHoursSpecification = hours;
    if (unit.phone) {
      office.contactPoint = {
        '@type': 'ContactPoint',
        contactType: 'telefontid',
        telephone: internationalNumber(unit.phone),
        hoursAvailable: hours,
      };
    }
  }
  return office;
}

/** The contact page: every unit of the kommune. */
export function contactPageData(k: Pick<Kommune, 'name' | 'units'>, pageUrl: string): Json {
  return { '@context': 'https://schema.org', '@graph': k.units.map((u) => governmentOffice(u, k, pageUrl)) };
}

export interface ServiceText {
  /** "Socialpædagogisk støtte efter serviceloven § 85", in the page's language. */
  name: string;
  description: string;
}

/**
 * The standard page: the service, who provides it, where, at what price (only
 * when the standard says it is free), and the units that take applications,
 * each as its GovernmentOffice with its phone hours.
 */
export function governmentService(
  k: Pick<Kommune, 'name' | 'units' | 'cost'>,
  text: ServiceText,
  urls: { page: string; contactPage: string },
): Json {
  const service: Json = {
    '@context': 'https://schema.org',
    '@type': 'GovernmentService',
    name: text.name,
    description: text.description,
    serviceType: 'Socialpædagogisk støtte (serviceloven § 85)',
    url: urls.page,
    provider: organisation(k),
    areaServed: { '@type': 'AdministrativeArea', name: k.name },
    availableChannel: k.units.map((u) => ({
      '@type': 'ServiceChannel',
      name: u.name,
      serviceUrl: `${urls.contactPage}#enhed-${u.id}`,
      ...(u.phone ? { servicePhone: { '@type': 'ContactPoint', telephone: internationalNumber(u.phone) } } : {}),
      // The same GovernmentOffice (same @id) as on the contact page, hours included.
      serviceLocation: governmentOffice(u, k, urls.contactPage),
    })),
  };
  if (k.cost.free === true) service.offers = { '@type': 'Offer', price: '0', priceCurrency: 'DKK' };
  return service;
}

/**
 * JSON for a `<script type="application/ld+json">` block: `<` is escaped so
 * that no value can close the element ("</script>") or open a comment.
 */
export function jsonLdText(data: unknown): string {
  return JSON.stringify(data).replace(/</g, '\\u003c');
}
