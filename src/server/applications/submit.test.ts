import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { known, kommuneSlugs, kommuner } from '../../../tests/support/kommuner.ts';
import { createRateLimiter } from '../rate-limit.ts';
import { openSqliteStore } from '../store/sqlite.ts';
import { setStoreRefusal } from '../store/refusal.ts';
import { StoreDamagedError, StoreUnavailableError, type ApplicationStore } from '../store/types.ts';
import { submitApplication, type SubmitAnswer, type SubmitDeps } from './submit.ts';
import { postedFrom } from '../request-body.ts';

const NOW = new Date('2026-11-24T09:00:00Z');
const URL_ = new URL('http://localhost:4321/api/ansoegninger/');

/** A 25-year-old in Brønderslev, not on førtidspension. */
const application = (changes: Record<string, unknown> = {}) => ({
  kommune: 'bronderslev',
  applicant: { name: 'Sofie Jensen', cpr: '120401-4321', phone: '12345678' },
  receivesEarlyRetirementPension: false,
  needs: ['socialt-liv'],
  description: 'Jeg har svært ved at åbne min post.',
  contact: { preferred: 'phone' },
  consentToObtainInformation: true,
  ...changes,
});

/** The no-JavaScript form's fields for the same person. */
const formFields = (extra: [string, string][] = []) =>
  new URLSearchParams([
    ['kommune', 'bronderslev'],
    ['lang', 'da'],
    ['idempotencyKey', 'form-key-0001'],
    ['who', 'self'],
    ['name', 'Sofie Jensen'],
    ['birthDay', '12'],
    ['birthMonth', '4'],
    ['birthYear', '2001'],
    ['phone', '12345678'],
    ['pension', 'nej'],
    ['needs', 'socialt-liv'],
    ['needs', 'sundhed'],
    ['description', 'Jeg har svært ved at åbne min post.'],
    ['contactPreferred', 'phone'],
    ['consentInformation', 'ja'],
    ...extra,
  ]).toString();

let dir: string;
let store: ApplicationStore;
let logs: string[];
let deps: SubmitDeps;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'stoette-submit-'));
  store = openSqliteStore({ file: join(dir, 'applications.sqlite') });
  logs = [];
  deps = {
    store: () => store,
    kommuner: async () => known,
    kommune: async (slug) => kommuner[slug],
    now: () => NOW,
    limiter: createRateLimiter({ capacity: 30, windowSeconds: 600 }),
    log: (m) => logs.push(m),
  };
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const post = (body: BodyInit | null, headers: Record<string, string> = {}, client = '192.0.2.1') =>
  submitApplication(
    { request: postedFrom(new Request(URL_, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers }, duplex: 'half' } as RequestInit)), url: URL_, client },
    deps,
  );
const postJson = (body: unknown, headers: Record<string, string> = {}, client?: string) => post(JSON.stringify(body), headers, client);
const postForm = (body: string, headers: Record<string, string> = {}) =>
  post(body, { 'content-type': 'application/x-www-form-urlencoded', origin: URL_.origin, ...headers });

async function response(answer: SubmitAnswer) {
  if (answer.kind !== 'response') throw new Error(`expected a response, got the form again: ${JSON.stringify(answer.form)}`);
  const text = await answer.response.text();
  return { status: answer.response.status, headers: answer.response.headers, text, json: text ? JSON.parse(text) : null };
}
const stored = () => store.list({ kommune: 'bronderslev' });

describe('a valid application as JSON', () => {
  it('a 25-year-old in Brønderslev without førtidspension is stored and answered 201 with UngeCentret', async () => {
    const r = await response(await postJson(application()));
    expect(r.status).toBe(201);
    expect(r.json).toEqual({
      reference: expect.stringMatching(/^[2-9A-Z]{4}-[2-9A-Z]{4}$/),
      kommune: 'bronderslev',
      unit: { id: 'ungecentret', name: 'UngeCentret', phone: '9945 4705' },
      receivedAt: NOW.toISOString(),
    });
    expect(r.headers.get('cache-control')).toBe('no-store');
    expect(r.headers.get('location')).toBe(`/bronderslev/ansoeg/kvittering/?reference=${r.json.reference}`);
    const [saved] = await stored();
    expect(saved).toMatchObject({ reference: r.json.reference, unitId: 'ungecentret', application: { applicant: { cpr: '120401-4321' } } });
  });

  it('a 25-year-old on førtidspension goes to Visitationen', async () => {
    const r = await response(await postJson(application({ receivesEarlyRetirementPension: true })));
    expect(r.json.unit.id).toBe('visitationen');
  });

  it('the log names kommune, unit and reference, and nothing about the person', async () => {
    const r = await response(await postJson(application()));
    expect(logs).toEqual([`ansøgning modtaget: bronderslev/ungecentret ${r.json.reference}`]);
    expect(logs.join()).not.toMatch(/Sofie|120401|12345678|post/);
  });
});

describe('helpAreas: the items of a kommune’s own help list (an optional addition to the contract)', () => {
  const aabenraa = (helpAreas: unknown, changes: Record<string, unknown> = {}) => application({ kommune: 'aabenraa', needs: [], helpAreas, ...changes });

  it('Aabenraa’s own items are stored as sent, answered 201', async () => {
    const r = await response(await postJson(aabenraa(['deltage-i-en-aktivitet', 'vedligeholde-og-udvikle-faerdigheder'])));
    expect(r.status).toBe(201);
    const [saved] = await store.list({ kommune: 'aabenraa' });
    expect(saved?.application.helpAreas).toEqual(['deltage-i-en-aktivitet', 'vedligeholde-og-udvikle-faerdigheder']);
  });

  it('an item of another kommune’s list is 422 at its own index, naming the kommune’s list; nothing is stored', async () => {
    const r = await response(await postJson(aabenraa(['deltage-i-en-aktivitet', 'administration'])));
    expect(r.status).toBe(422);
    expect(r.json.errors).toEqual([
      {
        path: 'helpAreas.1',
        message:
          'Vælg blandt de ting, kommunens kvalitetsstandard nævner. Kommunens liste: vedligeholde-og-udvikle-faerdigheder, deltage-i-en-aktivitet, udfoere-en-funktion, socialpaedagogisk-ledsagelse.',
      },
    ]);
    expect(await store.list({ kommune: 'aabenraa' })).toEqual([]);
  });

  it('a kommune that lists the VUM themes takes none, and says where they go (English too)', async () => {
    const r = await response(await postJson(application({ helpAreas: ['sundhed'] }), { 'accept-language': 'en' }));
    expect(r.status).toBe(422);
    expect(r.json.errors).toEqual([{ path: 'helpAreas.0', message: 'The municipality uses the VUM themes, not a list of its own: use needs.' }]);
    expect(await response(await postJson(application({ helpAreas: [] })))).toMatchObject({ status: 201 });
  });

  it('each item once, and text: 422 with the usual messages, never a 500', async () => {
    const repeated = await response(await postJson(aabenraa(['deltage-i-en-aktivitet', 'deltage-i-en-aktivitet'])));
    expect(repeated.json.errors).toEqual([{ path: 'helpAreas', message: 'Vælg hvert område én gang.' }]);
    for (const helpAreas of [[7], 'deltage-i-en-aktivitet', [null], [{}]]) {
      const r = await response(await postJson(aabenraa(helpAreas)));
      expect(r.status, JSON.stringify(helpAreas)).toBe(422);
      expect(r.json.errors.map((e: { path: string }) => e.path)[0]).toMatch(/^helpAreas/);
    }
  });

  it('the no-JavaScript form in Aabenraa sends the help question’s answers as helpAreas', async () => {
    const fields = new URLSearchParams(formFields());
    fields.set('kommune', 'aabenraa');
    fields.delete('needs');
    fields.append('needs', 'udfoere-en-funktion');
    const r = await response(await postForm(fields.toString()));
    expect(r.status).toBe(303);
    const [saved] = await store.list({ kommune: 'aabenraa' });
    expect(saved?.application).toMatchObject({ helpAreas: ['udfoere-en-funktion'] });
    expect(saved?.application).not.toHaveProperty('needs');
  });
});

describe('the same Idempotency-Key again (a double click, a retry after a lost answer)', () => {
  it('returns the same answer and stores nothing new', async () => {
    const first = await response(await postJson(application(), { 'idempotency-key': 'key-0000001' }));
    const again = await response(await postJson(application(), { 'idempotency-key': 'key-0000001' }));
    expect(again.status).toBe(201);
    expect(again.text).toBe(first.text);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await stored()).toHaveLength(1);
  });

  it('used for another application is refused with 422, and nothing is stored', async () => {
    await postJson(application(), { 'idempotency-key': 'key-0000002' });
    const other = await response(await postJson(application({ description: 'Noget andet.' }), { 'idempotency-key': 'key-0000002' }));
    expect(other.status).toBe(422);
    expect(await stored()).toHaveLength(1);
  });

  it('a malformed key is 400', async () => {
    expect((await response(await postJson(application(), { 'idempotency-key': 'kort' }))).status).toBe(400);
    expect((await response(await postJson(application(), { 'idempotency-key': 'a b c d e f g h' }))).status).toBe(400);
  });
});

describe('bad requests get a clear answer, never a 500, and nothing is stored', () => {
  it('422 names each field, in Danish, or in English for Accept-Language: en', async () => {
    const body = application({ applicant: { name: '', cpr: '310299-1234', phone: '1' } });
    const da = await response(await postJson(body));
    expect(da.status).toBe(422);
    // Each says what is wrong with that field, in the words for whoever sent it: here, for themselves.
    expect(da.json.errors).toEqual([
      { path: 'applicant.name', message: 'Skriv dit fulde navn.' },
      { path: 'applicant.cpr', message: 'CPR-nummeret begynder med en dato, der ikke findes. Tjek de første 6 cifre: dag, måned og år.' },
      { path: 'applicant.phone', message: 'Skriv dit telefonnummer med 8 cifre, fx 12 34 56 78.' },
    ]);
    const en = await response(await postJson(body, { 'accept-language': 'en-GB,en;q=0.9' }));
    expect(en.json.errors[0]).toEqual({ path: 'applicant.name', message: 'Enter your full name.' });
    // Sent on another's behalf: the person's phone and the helper's own are told apart.
    const onBehalf = application({
      applicant: { name: '', phone: '1' },
      onBehalf: { name: 'Hanne', relation: 'Mor', phone: '2', applicantConsents: true },
    });
    const helper = await response(await postJson(onBehalf));
    expect(helper.json.errors).toEqual(
      expect.arrayContaining([
        { path: 'applicant.name', message: 'Skriv personens fulde navn.' },
        { path: 'applicant.phone', message: 'Skriv personens telefonnummer med 8 cifre, fx 12 34 56 78.' },
        { path: 'onBehalf.phone', message: 'Skriv dit eget telefonnummer med 8 cifre, fx 12 34 56 78.' },
      ]),
    );
    expect(await stored()).toHaveLength(0);
  });

  it('an unknown or missing kommune is 422 with the kommuner there are, in either language', async () => {
    const unknown = await response(await postJson(application({ kommune: 'aarhus' })));
    expect(unknown.status).toBe(422);
    expect(unknown.json.errors).toEqual([{ path: 'kommune', message: `Kommunen kendes ikke. Brug én af: ${kommuneSlugs.join(', ')}.` }]);
    const { kommune: _, ...withoutKommune } = application();
    const missing = await response(await postJson(withoutKommune, { 'accept-language': 'en' }));
    expect(missing.json.errors).toEqual([{ path: 'kommune', message: `Give the municipality, one of: ${kommuneSlugs.join(', ')}.` }]);
    expect(await stored()).toHaveLength(0);
  });

  it('a 17-year-old is told where to go instead (422 at the birth date)', async () => {
    const r = await response(await postJson(application({ applicant: { name: 'Ida', birthDate: '2009-06-01', phone: '12345678' } })));
    expect(r.status).toBe(422);
    expect(r.json.errors).toEqual([{ path: 'applicant.birthDate', message: expect.stringMatching(/fyldt 18 år/) }]);
  });

  it('unknown fields are 422 and named; they are never stored', async () => {
    const r = await response(await postJson(application({ isAdmin: true })));
    expect(r.status).toBe(422);
    expect(r.json.errors).toEqual([{ path: 'isAdmin', message: 'Feltet kendes ikke. Fjern det.' }]);
    expect(await stored()).toHaveLength(0);
  });

  it.each([
    ['NUL', '\u0000'],
    ['ESC', '\u001b'],
    ['a C1 control', '\u009b'],
    ['a lone CR', '\r'],
    ['a right-to-left override', '\u202e'],
    ['an isolate', '\u2067'],
    ['a lone surrogate', '\ud800'],
    ['a noncharacter', '\ufdd0'],
    ['a noncharacter at the end of a plane', '\u{10ffff}'],
  ])('%s in a text is 422 at its field, Danish or English; nothing is stored', async (_, character) => {
    const body = application({ applicant: { name: `Sofie${character}Jensen`, cpr: '120401-4321', phone: '12345678' }, contact: { preferred: 'phone', bestTimes: `før${character}` } });
    const da = await response(await postJson(body));
    expect(da.status).toBe(422);
    const name = `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
    expect(da.json.errors).toEqual([
      { path: 'applicant.name', message: `Feltet indeholder et tegn, vi ikke kan tage imod: ${name}, tegn nr. 6. Det kan være usynligt og kommer tit med, når man kopierer tekst. Slet det, eller skriv teksten igen.` },
      { path: 'contact.bestTimes', message: expect.stringContaining(`${name}, tegn nr. 4.`) },
    ]);
    const en = await response(await postJson(body, { 'accept-language': 'en' }));
    expect(en.json.errors[0]).toEqual({ path: 'applicant.name', message: `This field contains a character we cannot accept: ${name}, character 6. It may be invisible and often comes with copied text. Delete it, or type the text again.` });
    expect(await stored()).toHaveLength(0);
  });

  it('a refused character goes with the other fields’ problems, one message per field', async () => {
    const r = await response(await postJson(application({ applicant: { name: 'x'.repeat(300) + '\u0000', phone: '1' }, description: 'Hjælp\u001b' })));
    expect(r.json.errors.map((e: { path: string }) => e.path)).toEqual(['applicant.name', 'description', 'applicant.phone', 'applicant.birthDate']);
    expect(r.json.errors[0].message).toMatch(/^Feltet indeholder et tegn, vi ikke kan tage imod: U\+0000, tegn nr\. 301\./);
  });

  it('tab, line breaks (LF or CRLF), Danish letters and emoji are stored as sent', async () => {
    const description = 'Første linje\r\nanden linje\nmed\ttab, æøå ÆØÅ og 😀👍🏽';
    const r = await response(await postJson(application({ description, applicant: { name: 'Søren Ærø', cpr: '120401-4321', phone: '12345678' } })));
    expect(r.status).toBe(201);
    const [saved] = await stored();
    expect(saved!.application.description).toBe(description);
  });

  it('a key given twice, at any depth, is 400 naming it (JSON.parse would quietly keep the last)', async () => {
    const twice = await response(await post('{"kommune":"bronderslev","applicant":{"name":"A","name":"B"}}'));
    expect(twice.status).toBe(400);
    expect(twice.json.errors).toEqual([{ path: '', message: 'Feltet "applicant.name" står to gange. Send hvert felt én gang.' }]);
    const top = await response(await post(JSON.stringify(application()).replace(/}$/, ',"consentToObtainInformation":false}'), { 'accept-language': 'en' }));
    expect(top.status).toBe(400);
    expect(top.json.errors).toEqual([{ path: '', message: 'The field "consentToObtainInformation" appears twice. Send each field once.' }]);
    expect(await stored()).toHaveLength(0);
  });

  it('a body the client stops sending halfway is a 400 (for no one), never an exception', async () => {
    let sent = false;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent) return controller.error(new Error('aborted'));
        sent = true;
        controller.enqueue(new TextEncoder().encode('{"kommune":'));
      },
    });
    const r = await response(await post(body));
    expect(r.status).toBe(400);
    expect(r.json.errors).toEqual([{ path: '', message: 'Indholdet kom ikke helt frem. Send det igen.' }]);
  });

  it.each(['__proto__', 'constructor', 'prototype'])('a "%s" key anywhere is 400', async (key) => {
    const r = await response(await post(`{"kommune":"bronderslev","applicant":{"${key}":{"polluted":true}}}`));
    expect(r.status).toBe(400);
    expect(r.json.errors[0].message).toContain(`applicant.${key}`);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each([
    ['not JSON', '{"kommune":'],
    ['an array', '[1,2]'],
    ['a string', '"ansøgning"'],
    ['nested far too deep', `${'{"a":'.repeat(50)}1${'}'.repeat(50)}`],
    ['empty', ''],
  ])('a body that is %s is 400', async (_, body) => {
    expect((await response(await post(body))).status).toBe(400);
  });

  it('bytes that are not UTF-8 are 400', async () => {
    expect((await response(await post(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d])))).status).toBe(400);
  });

  it('a body over 64 KB is 413, by its Content-Length before reading', async () => {
    const r = await response(await post('{}', { 'content-length': String(64 * 1024 + 1) }));
    expect(r.status).toBe(413);
  });

  it('a body over 64 KB without a Content-Length is 413, and reading stops at the limit', async () => {
    let pulled = 0;
    const chunk = new TextEncoder().encode('x'.repeat(8 * 1024));
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += chunk.length;
        if (pulled > 10 * 1024 * 1024) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const r = await response(await post(body));
    expect(r.status).toBe(413);
    expect(r.headers.get('connection')).toBe('close');
    expect(pulled).toBeLessThan(200 * 1024);
  });

  it.each([
    ['text/plain', 'x'],
    ['multipart/form-data; boundary=x', '--x--'],
    ['application/json; charset=latin1', '{}'],
  ])('Content-Type %s is 415', async (type, body) => {
    expect((await response(await post(body, { 'content-type': type, origin: URL_.origin }))).status).toBe(415);
  });

  it('no Content-Type is 415', async () => {
    const request = new Request(URL_, { method: 'POST', body: '{}' });
    request.headers.delete('content-type');
    expect((await response(await submitApplication({ request: postedFrom(request), url: URL_, client: 'x' }, deps))).status).toBe(415);
  });
});

describe('cross-site requests from browsers are 403', () => {
  it.each([
    [{ origin: 'https://evil.example' }],
    [{ 'sec-fetch-site': 'cross-site' }],
    [{ 'sec-fetch-site': 'same-site', origin: 'https://other.localhost' }],
  ])('%o', async (headers) => {
    const r = await response(await postJson(application(), headers));
    expect(r.status).toBe(403);
    expect(await stored()).toHaveLength(0);
  });

  it('the site’s own origin, and clients without Origin (kommune systems), are let through', async () => {
    expect((await response(await postJson(application(), { origin: URL_.origin, 'sec-fetch-site': 'same-origin' }))).status).toBe(201);
    expect((await response(await postJson(application()))).status).toBe(201);
  });
});

describe('the per-client limit', () => {
  it('answers 429 with Retry-After once a client has used it up; other clients are not affected', async () => {
    deps.limiter = createRateLimiter({ capacity: 2, windowSeconds: 60 });
    await postJson({}, {}, '203.0.113.9');
    await postJson({}, {}, '203.0.113.9');
    const r = await response(await postJson(application(), {}, '203.0.113.9'));
    expect(r.status).toBe(429);
    expect(Number(r.headers.get('retry-after'))).toBe(30);
    expect((await response(await postJson(application(), {}, '203.0.113.10'))).status).toBe(201);
    expect(await stored()).toHaveLength(1);
  });
});

describe('when the store fails', () => {
  it('answers 503 with Retry-After when it cannot store, and says so in the log without personal data', async () => {
    deps.store = () => ({
      ...store,
      save: async () => {
        throw new StoreUnavailableError('SQLite: at gemme mislykkedes', { cause: Object.assign(new Error('disk I/O error'), { code: 'ERR_SQLITE_ERROR' }) });
      },
    });
    const r = await response(await postJson(application()));
    expect(r.status).toBe(503);
    expect(r.headers.get('retry-after')).toBe('30');
    expect(logs.join()).toMatch(/disk I\/O error/);
    expect(logs.join()).not.toMatch(/Sofie|120401/);
    expect(await stored()).toHaveLength(0);
  });

  it('answers 503 when the store cannot even be opened', async () => {
    deps.store = () => openSqliteStore({ file: '/dev/null/applications.sqlite' });
    expect((await response(await postJson(application()))).status).toBe(503);
  });

  it('a store refused as damaged (the server said so once, at the check) is 503 with Retry-After, stores nothing and logs nothing per request', async () => {
    setStoreRefusal({ damage: 'damaged', message: 'databasefilen er beskadiget' });
    try {
      deps.store = () => {
        throw new StoreDamagedError('damaged', 'databasefilen er beskadiget');
      };
      for (let i = 0; i < 2; i++) {
        const r = await response(await postJson(application()));
        expect([r.status, r.headers.get('retry-after')]).toEqual([503, '30']);
      }
      expect(logs).toEqual([]);
      expect(await stored()).toHaveLength(0);
    } finally {
      setStoreRefusal(null);
    }
  });
});

describe('the no-JavaScript form (application/x-www-form-urlencoded)', () => {
  it('a filled-in form is stored and answered 303 to the receipt', async () => {
    const r = await response(await postForm(formFields()));
    expect(r.status).toBe(303);
    const [saved] = await stored();
    expect(r.headers.get('location')).toBe(`/bronderslev/ansoeg/kvittering/?reference=${saved!.reference}`);
    expect(saved!.application).toMatchObject({ applicant: { birthDate: '2001-04-12' }, needs: ['socialt-liv', 'sundhed'] });
  });

  it('line breaks are stored as the island sends them (LF), although a form sends them as CRLF', async () => {
    const body = formFields().replace(/&description=[^&]*/, `&description=${encodeURIComponent('Post:\r\n- åbne den\r\n- svare')}`);
    expect((await response(await postForm(body))).status).toBe(303);
    const [saved] = await stored();
    expect(saved!.application.description).toBe('Post:\n- åbne den\n- svare');
  });

  it('a refused character comes back as a problem on its field (422), with the answers kept; nothing stored', async () => {
    const body = formFields().replace(/&description=[^&]*/, `&description=${encodeURIComponent('Post:\r\n- åbne den\u001b[2J')}`).replace('name=Sofie+Jensen', `name=${encodeURIComponent('Sofie\u202eJensen')}`);
    const answer = await postForm(body);
    expect(answer.kind === 'form' && answer.form).toMatchObject({
      status: 422,
      issues: [
        { path: 'applicant.name', code: 'characterRefused', params: { character: 'U+202E', position: 6 } },
        { path: 'description', code: 'characterRefused', params: { character: 'U+001B', position: 17 } },
      ],
      values: { name: 'Sofie\u202eJensen' },
    });
    expect(await stored()).toHaveLength(0);
  });

  it('sent twice (a double click) stores one application and sends both to the same receipt', async () => {
    const first = await response(await postForm(formFields()));
    const second = await response(await postForm(formFields()));
    expect(second.headers.get('location')).toBe(first.headers.get('location'));
    expect(await stored()).toHaveLength(1);
  });

  it('from the English page, the receipt is English', async () => {
    const r = await response(await postForm(formFields([['lang', 'en']]).replace('lang=da&', '')));
    expect(r.headers.get('location')).toMatch(/^\/en\/bronderslev\/ansoeg\/kvittering\/\?reference=/);
  });

  it('with errors, the form comes again (422) with every answer kept and the problems per field', async () => {
    const answer = await postForm(formFields([['cpr', '999999-9999']]).replace('name=Sofie+Jensen', 'name='));
    expect(answer.kind).toBe('form');
    if (answer.kind !== 'form') return;
    expect(answer.form).toMatchObject({ status: 422, lang: 'da', kommune: 'bronderslev' });
    expect(answer.form.values).toMatchObject({ name: '', birthYear: '2001', needs: ['socialt-liv', 'sundhed'], cpr: '999999-9999' });
    expect(answer.form.issues).toEqual([
      { path: 'applicant.name', code: 'required' },
      { path: 'applicant.cpr', code: 'cprDateInvalid' },
    ]);
    expect(await stored()).toHaveLength(0);
  });

  it('an unknown or prototype field name gives the form again as malformed (400), nothing stored', async () => {
    for (const name of ['isAdmin', '__proto__', 'constructor']) {
      const answer = await postForm(formFields([[name, 'x']]));
      expect(answer.kind === 'form' && answer.form.status).toBe(400);
      expect(answer.kind === 'form' && answer.form.general).toEqual({ code: 'malformed' });
    }
    expect(await stored()).toHaveLength(0);
  });

  it('when the store fails, the form comes again (503) with the answers kept', async () => {
    deps.store = () => {
      throw new StoreUnavailableError('nede');
    };
    const answer = await postForm(formFields());
    expect(answer.kind === 'form' && answer.form).toMatchObject({ status: 503, general: { code: 'store' }, values: { name: 'Sofie Jensen' } });
  });

  it('over the limit, the form comes again (429) with the answers kept', async () => {
    deps.limiter = { take: () => ({ allowed: false, retryAfterSeconds: 42 }) };
    const answer = await postForm(formFields());
    expect(answer.kind === 'form' && answer.form).toMatchObject({ status: 429, retryAfter: 42, general: { code: 'tooMany', seconds: 42 }, values: { name: 'Sofie Jensen' } });
  });

  it('without a known kommune, and not from a form page, it is a plain 400', async () => {
    const r = await response(await postForm(formFields().replace('kommune=bronderslev', 'kommune=aarhus')));
    expect(r.status).toBe(400);
  });

  it('a Referer that is not a URL is no form page: a plain 400, never a 500', async () => {
    const body = formFields().replace('kommune=bronderslev', 'kommune=aarhus');
    const r = await response(await postForm(body, { referer: 'http://[' }));
    expect(r.status).toBe(400);
    expect(await stored()).toHaveLength(0);
  });
});
