import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { KommuneSchema, isKommuneSlug, parseKommune } from './kommune.ts';
import {
  LIX_LIMIT_BODY,
  LIX_LIMIT_KORT_FORTALT,
  REQUIRED_HEADINGS,
  headingIds,
  readability,
  sectionLinks,
} from './kommune-content.ts';
import { danishSlug } from './slug.ts';
import { readKommuneFiles } from '../lib/content-files.ts';

const dir = fileURLToPath(new URL('../../content/kommuner', import.meta.url));
const files = readKommuneFiles(dir);

/** Unit ids already given out: the API's answers and kommune systems use them, so they must not change. */
const UNIT_IDS: Record<string, string[]> = {
  bronderslev: ['visitationen', 'ungecentret'],
  frederikssund: ['raadgivningshuset', 'ungekontakten'],
  sonderborg: ['handicap-og-psykiatri'],
  varde: ['social-og-handicap'],
  aabenraa: ['visitation-og-understoettelse'],
};

describe('kommune content files', () => {
  it('each file name is a kommune slug (its URL segment and its value in the API)', () => {
    expect(files.length).toBeGreaterThan(0);
    expect(files.map((f) => f.slug).filter((slug) => !isKommuneSlug(slug))).toEqual([]);
  });

  it.each(Object.entries(UNIT_IDS))('%s keeps its content file and the unit ids the API has given out', (slug, ids) => {
    const found = files.find((f) => f.slug === slug);
    expect(found, `content/kommuner/${slug}.mdx`).toBeDefined();
    expect(parseKommune(found!.file, found!.data).units.map((u) => u.id).sort()).toEqual([...ids].sort());
  });

  describe.each(files)('$slug', ({ file, data, body }) => {
    const kommune = parseKommune(file, data);

    it('has unit ids of the form of a slug, each once', () => {
      const ids = kommune.units.map((u) => u.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    });

    it("answers the reader's questions as headings, in order", () => {
      const ids = headingIds(body);
      const wanted = REQUIRED_HEADINGS.map(danishSlug);
      const positions = wanted.map((id) => ids.indexOf(id));
      expect(positions.filter((p) => p < 0), `missing headings: ${wanted.filter((_, i) => positions[i]! < 0)}`).toEqual([]);
      expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    });

    it('links every fact to a section that exists in the body', () => {
      const ids = new Set(headingIds(body));
      const broken = sectionLinks(kommune).filter((l) => !ids.has(l.section));
      expect(broken).toEqual([]);
    });

    it(`reads easily: LIX ≤ ${LIX_LIMIT_BODY} for the body and ≤ ${LIX_LIMIT_KORT_FORTALT} for Kort fortalt`, () => {
      const r = readability(kommune, body);
      expect(r.body.lix).toBeLessThanOrEqual(LIX_LIMIT_BODY);
      expect(r.kortFortalt.lix).toBeLessThanOrEqual(LIX_LIMIT_KORT_FORTALT);
    });

    it('routes only to units it has, and a youth rule goes to a youth unit', () => {
      for (const rule of kommune.routing.rules) {
        expect(kommune.units.find((u) => u.id === rule.unit)?.role).toBe('youth');
      }
    });
  });
});

describe('the kommune schema rejects broken files and names the file and the field', () => {
  const valid = files.find((f) => f.slug === 'bronderslev')!;
  const clone = () => structuredClone(valid.data) as Record<string, any>;

  const broken: [string, (d: Record<string, any>) => void, string][] = [
    ['a missing name', (d) => delete d.name, 'name'],
    ['a phone number with letters', (d) => (d.units[0].phone = '99 45 AB 21'), 'units.0.phone'],
    ['phone hours that close before they open', (d) => (d.units[0].phoneHours[0].closes = '07:00'), 'units.0.phoneHours.0.closes'],
    ['a weekday that does not exist', (d) => (d.units[0].phoneHours[0].day = 'fredag'), 'units.0.phoneHours.0.day'],
    ['a routing rule to an unknown unit', (d) => (d.routing.rules[0].unit = 'nowhere'), 'routing.rules.0.unit'],
    ['a five-digit postal code', (d) => (d.units[0].address.postalCode = '97000'), 'units.0.address.postalCode'],
    ['an unknown field (a typo)', (d) => (d.deadline = {}), 'deadline'],
    ['only three Kort fortalt sentences', (d) => (d.kortFortalt = d.kortFortalt.slice(0, 3)), 'kortFortalt'],
    ['an empty English Kort fortalt sentence', (d) => (d.kortFortaltEn[0] = ''), 'kortFortaltEn.0'],
    ['an empty English text of a fact', (d) => (d.deadlines.processingTime.textEn = ''), 'deadlines.processingTime.textEn'],
    ['an English text of a fact that is not a text', (d) => (d.deadlines.supportStart.textEn = ['14 days']), 'deadlines.supportStart.textEn'],
    ['an English text on a flag (only facts and outside sources have one)', (d) => (d.delivery.group.textEn = 'Groups.'), 'delivery.group'],
    ['an approval date that is not a date', (d) => (d.source.approvals[0].date = '4. december 2023'), 'source.approvals.0.date'],
  ];

  it.each(broken)('%s', (_, breakIt, field) => {
    const data = clone();
    breakIt(data);
    expect(KommuneSchema.safeParse(data).success).toBe(false);
    expect(() => parseKommune('content/kommuner/bronderslev.mdx', data)).toThrow(
      new RegExp(`content/kommuner/bronderslev\\.mdx: ${field.replace(/\./g, '\\.')}\\b`),
    );
  });
});
