/**
 * A kommune is one content file: a copy of `varde.mdx` saved as `testby.mdx`
 * with another name (and, optionally, its fact list beside it), in a
 * temporary copy of the content, with no other file touched, is
 *   (a) accepted by the content check (`npm run content:check`),
 *   (b) accepted by the application endpoint's submit path, in JSON and from
 *       the form, and listed in its message for an unknown kommune,
 *   (c) picked up by the content collection the pages are built from (the
 *       same glob; its fact list is not a kommune).
 * The full proof, a real build of the copied project with `/testby/` pages
 * and its server accepting `kommune: "testby"`, is `npm run proof:new-kommune`
 * (tests/build/new-kommune.ts; a build takes minutes on two cores).
 */
import { knownKommuner } from '../../src/domain/help-areas.ts';
import { globSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseKommune } from '../../src/domain/kommune.ts';
import { KOMMUNE_COLLECTION, readKommuneFiles } from '../../src/lib/content-files.ts';
import { checkContent } from '../../src/lib/content-check.ts';
import { createRateLimiter } from '../../src/server/rate-limit.ts';
import { openSqliteStore } from '../../src/server/store/sqlite.ts';
import type { ApplicationStore } from '../../src/server/store/types.ts';
import { submitApplication, type SubmitDeps } from '../../src/server/applications/submit.ts';
import { postedFrom } from '../../src/server/request-body.ts';
import { TESTBY, addKommune, copyContent } from '../support/new-kommune.ts';

const NY_BY = { slug: 'ny-by', shortName: 'Ny By', from: 'aabenraa', withFacts: false };
const NOW = new Date('2026-11-24T09:00:00Z');
const API = new URL('http://localhost:4402/api/ansoegninger/');

let content: ReturnType<typeof copyContent>;
let store: ApplicationStore;

beforeAll(() => {
  content = copyContent();
  addKommune(content.kommuner, TESTBY);
  // A name of two words: a hyphen in the slug (its URL and API value) works as well.
  addKommune(content.kommuner, NY_BY);
  store = openSqliteStore({ file: join(content.dir, 'applications.sqlite') });
});
afterAll(async () => {
  await store.close();
  rmSync(content.dir, { recursive: true, force: true });
});

/** The endpoint's dependencies on a content folder, loaded as the CLI and the tests load content files. */
function depsFor(kommunerDir: string): SubmitDeps {
  const kommuner = Object.fromEntries(readKommuneFiles(kommunerDir).map(({ file, slug, data }) => [slug, parseKommune(file, data)]));
  const slugs = Object.keys(kommuner).sort((a, b) => kommuner[a]!.name.localeCompare(kommuner[b]!.name, 'da'));
  return {
    store: () => store,
    kommuner: async () => knownKommuner(slugs.map((slug) => [slug, kommuner[slug]!] as const)),
    kommune: async (slug) => kommuner[slug],
    now: () => NOW,
    limiter: createRateLimiter({ capacity: 100, windowSeconds: 600 }),
    log: () => {},
  };
}

const post = async (deps: SubmitDeps, body: string, headers: Record<string, string>) => {
  const answer = await submitApplication(
    { request: postedFrom(new Request(API, { method: 'POST', body, headers })), url: API, client: '192.0.2.7' },
    deps,
  );
  if (answer.kind !== 'response') throw new Error(`expected a response, got the form again: ${JSON.stringify(answer.form)}`);
  return answer.response;
};

const application = (kommune: string) =>
  JSON.stringify({
    kommune,
    applicant: { name: 'Sofie Jensen', birthDate: '2001-04-12', phone: '12345678' },
    description: 'Jeg har svært ved at åbne min post.',
    contact: { preferred: 'phone' },
    consentToObtainInformation: true,
  });

describe('(a) the content check', () => {
  it('accepts the copy, fact list and all, and names it among the kommuner', () => {
    const result = checkContent({ kommuner: content.kommuner, sources: content.sources });
    expect(result.problems).toEqual([]);
    expect(result.slugs).toContain('testby');
    expect(result.notes).toContain(`testby: faktaliste: ${JSON.parse(readFileSync(join(content.kommuner, 'testby.facts.json'), 'utf8')).facts.length} fakta`);
  });

  it('accepts it without a fact list too: the list is optional', () => {
    const facts = join(content.kommuner, 'testby.facts.json');
    const saved = readFileSync(facts, 'utf8');
    unlinkSync(facts);
    try {
      const result = checkContent({ kommuner: content.kommuner, sources: content.sources }, ['testby']);
      expect(result.problems).toEqual([]);
      expect(result.notes).toContain('testby: ingen faktaliste (testby.facts.json); den er valgfri');
    } finally {
      writeFileSync(facts, saved);
    }
  });

  it('says what is wrong with a file name that is no slug or a page the site has, a fact list without a kommune, and a fact the text lost', () => {
    const odd = join(content.kommuner, 'Test By.mdx');
    const taken = join(content.kommuner, 'soeg.mdx');
    const orphan = join(content.kommuner, 'nowhere.facts.json');
    const testby = join(content.kommuner, 'testby.mdx');
    const saved = readFileSync(testby, 'utf8');
    writeFileSync(odd, saved);
    writeFileSync(taken, saved);
    writeFileSync(orphan, '{"facts": []}');
    writeFileSync(testby, saved.replaceAll('79 94 68 00', '79 94 68 01'));
    try {
      const problems = checkContent({ kommuner: content.kommuner, sources: content.sources }).problems.join('\n');
      expect(problems).toContain('content/kommuner/Test By.mdx: filnavnet er kommunens adresse');
      expect(problems).toContain('content/kommuner/nowhere.facts.json: der er ingen nowhere.mdx');
      expect(problems).toContain('content/kommuner/soeg.mdx: /soeg/ er allerede en side på sitet');
      expect(problems).toMatch(/testby\.mdx: mangler et faktum fra faktalisten: Telefon Social og Handicap: "79 94 68 00"/);
    } finally {
      unlinkSync(odd);
      unlinkSync(taken);
      unlinkSync(orphan);
      writeFileSync(testby, saved);
    }
  });
});

describe('(b) the application endpoint', () => {
  it('stores an application to testby, routed to the unit its content file names', async () => {
    const response = await post(depsFor(content.kommuner), application('testby'), { 'content-type': 'application/json' });
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ kommune: 'testby', unit: { id: 'social-og-handicap' } });
    expect(await store.list({ kommune: 'testby' })).toHaveLength(1);
  });

  it.each(['testby', 'ny-by'])('takes the no-JavaScript form from /%s/ansoeg/ and answers with the receipt page', async (slug) => {
    const form = new URLSearchParams([
      ['kommune', slug],
      ['lang', 'da'],
      ['who', 'self'],
      ['name', 'Sofie Jensen'],
      ['birthDay', '12'],
      ['birthMonth', '4'],
      ['birthYear', '2001'],
      ['phone', '12345678'],
      ['description', 'Jeg har svært ved at åbne min post.'],
      ['contactPreferred', 'phone'],
      ['consentInformation', 'ja'],
    ]);
    const response = await post(depsFor(content.kommuner), form.toString(), {
      'content-type': 'application/x-www-form-urlencoded',
      origin: API.origin,
      referer: `${API.origin}/${slug}/ansoeg/`,
    });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toMatch(new RegExp(`^/${slug}/ansoeg/kvittering/\\?reference=`));
  });

  it('lists testby among the kommuner when a kommune is unknown; without its file, testby is unknown', async () => {
    const withTestby = await post(depsFor(content.kommuner), application('aarhus'), { 'content-type': 'application/json' });
    expect(withTestby.status).toBe(422);
    expect((await withTestby.json()).errors[0].message).toMatch(/^Kommunen kendes ikke\. Brug én af: .*\btestby\b/);

    const { kommuner: withoutDir, dir } = copyContent();
    rmSync(join(withoutDir, 'testby.mdx'), { force: true });
    try {
      const without = await post(depsFor(withoutDir), application('testby'), { 'content-type': 'application/json' });
      expect(without.status).toBe(422);
      expect((await without.json()).errors).toEqual([{ path: 'kommune', message: expect.stringMatching(/^Kommunen kendes ikke/) }]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('(c) the content collection the pages are built from', () => {
  it('holds testby (the kommune pages are one per entry) and not its fact list', () => {
    const matched = globSync(KOMMUNE_COLLECTION.pattern, { cwd: content.kommuner }).sort();
    expect(matched).toContain('testby.mdx');
    expect(matched.filter((f) => !f.endsWith('.mdx'))).toEqual([]);
    expect(matched.map((f) => f.replace(/\.mdx$/, ''))).toEqual(readKommuneFiles(content.kommuner).map((f) => f.slug));
  });

  it('is the folder the content check and the tests read', () => {
    expect(KOMMUNE_COLLECTION.base).toBe('./content/kommuner');
  });
});
