import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { known } from '../../../tests/support/kommuner.ts';
import { createRateLimiter } from '../rate-limit.ts';
import { openSqliteStore } from '../store/sqlite.ts';
import { StoreUnavailableError, type ApplicationStore } from '../store/types.ts';
import { checkAnswersPage, formAnswer, postCheckAnswers, type CheckDeps } from './check-answers.ts';
import { DRAFT_COOKIE, readKeptDraft } from './form-draft.ts';

const NOW = new Date('2026-11-24T09:00:00Z');
const PAGE = new URL('http://localhost:4321/bronderslev/ansoeg/tjek/');
const KEY = 'form-key-0001';

/** The one-page form's fields for a 25-year-old in Brønderslev applying for herself. */
const formFields = (changes: Record<string, string> = {}) => {
  const fields = new URLSearchParams([
    ['kommune', 'bronderslev'],
    ['lang', 'da'],
    ['idempotencyKey', KEY],
    ['who', 'self'],
    ['name', 'Sofie Jensen'],
    ['birthDay', '12'],
    ['birthMonth', 'april'],
    ['birthYear', '2001'],
    ['phone', '12345678'],
    ['pension', 'nej'],
    ['needs', 'socialt-liv'],
    ['needs', 'sundhed'],
    ['description', 'Jeg har svært ved at åbne min post.'],
    ['contactPreferred', 'phone'],
    ['consentInformation', 'ja'],
  ]);
  for (const [name, value] of Object.entries(changes)) fields.set(name, value);
  return fields.toString();
};

let dir: string;
let store: ApplicationStore;
let deps: CheckDeps;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'stoette-check-'));
  store = openSqliteStore({ file: join(dir, 'applications.sqlite') });
  deps = {
    store: () => store,
    kommuner: async () => known,
    now: () => NOW,
    limiter: createRateLimiter({ capacity: 30, windowSeconds: 600 }),
    secureCookies: false,
  };
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const request = (body: string | null, headers: Record<string, string> = {}, method = 'POST') =>
  new Request(PAGE, {
    method,
    body,
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: PAGE.origin, ...headers },
  });
const post = (body: string, headers: Record<string, string> = {}) =>
  postCheckAnswers({ request: request(body, headers), url: PAGE, client: '192.0.2.1', lang: 'da', kommune: 'bronderslev' }, deps);
/** A GET from a browser holding the cookie a response set. */
const cookieOf = (response: Response) => response.headers.get('set-cookie')!.split(';')[0]!;
const browserGet = (cookie: string) => new Request(PAGE, { headers: { cookie } });

async function redirect(answer: Awaited<ReturnType<typeof post>>) {
  if (answer.kind !== 'response') throw new Error(`expected a redirect, got the form at once: ${JSON.stringify(answer.form)}`);
  expect(answer.response.status).toBe(303);
  expect(answer.response.headers.get('cache-control')).toBe('no-store');
  return answer.response;
}

describe('the one-page form posts to "Tjek dine svar": checked, kept, redirected (post-redirect-get)', () => {
  it('with a problem: 303 to the form page, the answers and problems kept under a random id in an HttpOnly cookie', async () => {
    const response = await redirect(await post(formFields({ name: '', cpr: '310290-1234' })));
    expect(response.headers.get('location')).toBe('/bronderslev/ansoeg/');
    const setCookie = response.headers.get('set-cookie')!;
    expect(setCookie).toMatch(new RegExp(`^${DRAFT_COOKIE}=[A-Za-z0-9_-]{43}; Path=/; HttpOnly; SameSite=Lax$`));
    // Nothing personal leaves in the answer's headers.
    expect([...response.headers.values()].join('\n')).not.toMatch(/Sofie|12345678|310290/);
    const kept = await readKeptDraft(() => store, browserGet(cookieOf(response)), 'bronderslev', NOW);
    expect(kept?.content).toMatchObject({
      lang: 'da',
      idempotencyKey: KEY,
      values: { name: '', cpr: '310290-1234', birthMonth: 'april', needs: ['socialt-liv', 'sundhed'] },
      issues: [
        { path: 'applicant.name', code: 'required' },
        { path: 'applicant.cpr', code: 'cprDateInvalid' },
      ],
      general: null,
    });
    expect(await store.list({})).toHaveLength(0);
  });

  it('without problems: 303 to "Tjek dine svar", which shows them; a second post from the same browser keeps the same id', async () => {
    const first = await redirect(await post(formFields({ name: '' })));
    const cookie = cookieOf(first);
    const second = await redirect(await post(formFields(), { cookie }));
    expect(second.headers.get('location')).toBe('/bronderslev/ansoeg/tjek/');
    expect(second.headers.get('set-cookie')).toBeNull();
    const page = await checkAnswersPage(() => store, browserGet(cookie), 'da', 'bronderslev', NOW);
    expect(page.kind === 'check' && page.draft.content).toMatchObject({ values: { name: 'Sofie Jensen' }, issues: [], idempotencyKey: KEY });
    // Nothing is sent from here: only the endpoint stores applications.
    expect(await store.list({})).toHaveLength(0);
  });

  it('the cookie is Secure where the site is served over HTTPS', async () => {
    deps.secureCookies = true;
    const response = await redirect(await post(formFields()));
    expect(response.headers.get('set-cookie')).toMatch(/; Secure$/);
  });

  it('another site cannot post (403), another content type is refused (415); nothing kept', async () => {
    const crossSite = await post(formFields(), { origin: 'https://evil.example' });
    expect(crossSite.kind === 'response' && crossSite.response.status).toBe(403);
    const json = await post('{}', { 'content-type': 'application/json' });
    expect(json.kind === 'response' && json.response.status).toBe(415);
    expect(await store.deleteExpiredFormDrafts(new Date('2030-01-01'))).toBe(0);
  });

  it('a field the form does not have, or no usable Idempotency-Key: the form at once as malformed, with the answers', async () => {
    for (const body of [formFields({ isAdmin: 'ja' }), formFields({ idempotencyKey: 'x' }), formFields().replace(`idempotencyKey=${KEY}&`, '')]) {
      const answer = await post(body);
      expect(answer.kind === 'form' && answer.form).toMatchObject({ status: 400, general: { code: 'malformed' }, values: { name: 'Sofie Jensen' } });
    }
  });

  it('over the rate limit: the form at once (429) with the answers, and nothing written to the store', async () => {
    deps.limiter = { take: () => ({ allowed: false, retryAfterSeconds: 42 }) };
    const answer = await post(formFields());
    expect(answer.kind === 'form' && answer.form).toMatchObject({ status: 429, retryAfter: 42, general: { code: 'tooMany', seconds: 42 }, values: { name: 'Sofie Jensen' } });
    expect(await store.deleteExpiredFormDrafts(new Date('2030-01-01'))).toBe(0);
  });

  it('when the store cannot keep the answers: the form at once (503) with every answer, never a 500', async () => {
    deps.store = () => {
      throw new StoreUnavailableError('nede');
    };
    const answer = await post(formFields({ name: '' }));
    expect(answer.kind === 'form' && answer.form).toMatchObject({
      status: 503,
      general: { code: 'store' },
      values: { name: '', phone: '12345678' },
      issues: [{ path: 'applicant.name', code: 'required' }],
      idempotencyKey: KEY,
    });
  });
});

describe('"Tjek dine svar" read back', () => {
  it('without a cookie, with an unknown or malformed one, expired, or of another kommune: no answers', async () => {
    const cookie = cookieOf(await redirect(await post(formFields())));
    expect((await checkAnswersPage(() => store, new Request(PAGE), 'da', 'bronderslev', NOW)).kind).toBe('none');
    expect((await checkAnswersPage(() => store, browserGet(`${DRAFT_COOKIE}=${'a'.repeat(43)}`), 'da', 'bronderslev', NOW)).kind).toBe('none');
    expect((await checkAnswersPage(() => store, browserGet(`${DRAFT_COOKIE}=' OR 1=1`), 'da', 'bronderslev', NOW)).kind).toBe('none');
    expect((await checkAnswersPage(() => store, browserGet(cookie), 'da', 'varde', NOW)).kind).toBe('none');
    expect((await checkAnswersPage(() => store, browserGet(cookie), 'da', 'bronderslev', new Date(NOW.getTime() + 119 * 60_000))).kind).toBe('check');
    expect((await checkAnswersPage(() => store, browserGet(cookie), 'da', 'bronderslev', new Date(NOW.getTime() + 120 * 60_000))).kind).toBe('none');
  });

  it('answers with a problem are not shown there: 303 to the form page, in the page language', async () => {
    const cookie = cookieOf(await redirect(await post(formFields({ phone: '' , contactPreferred: 'phone' }))));
    const page = await checkAnswersPage(() => store, browserGet(cookie), 'en', 'bronderslev', NOW);
    expect(page.kind === 'redirect' && page.response.headers.get('location')).toBe('/en/bronderslev/ansoeg/');
  });

  it('a store that cannot be read gives no answers, not an error', async () => {
    const cookie = cookieOf(await redirect(await post(formFields())));
    const failing = () => {
      throw new StoreUnavailableError('nede');
    };
    expect((await checkAnswersPage(failing, browserGet(cookie), 'da', 'bronderslev', NOW)).kind).toBe('none');
  });
});

describe("the endpoint's answers to the no-JavaScript send, as post-redirect-get (formAnswer)", () => {
  const formDeps = () => ({ store: deps.store, secureCookies: false, now: () => NOW, kommuner: deps.kommuner });
  const sendRequest = (cookie?: string) => new Request('http://localhost:4321/api/ansoegninger', { headers: cookie ? { cookie } : {} });
  const values = { who: 'self', name: 'Sofie Jensen', birthDay: '12', birthMonth: '4', birthYear: '2001', phone: '12345678', pension: 'nej', description: 'Post.', contactPreferred: 'phone', consentInformation: 'ja' };

  it('the store was down when sending: back to "Tjek dine svar" with the error and the same answers and key', async () => {
    const cookie = cookieOf(await redirect(await post(formFields())));
    const response = await formAnswer(
      { kind: 'form', form: { lang: 'da', kommune: 'bronderslev', status: 503, values, issues: [], general: { code: 'store' }, idempotencyKey: KEY } },
      sendRequest(cookie),
      formDeps(),
    );
    expect(response?.status).toBe(303);
    expect(response?.headers.get('location')).toBe('/bronderslev/ansoeg/tjek/');
    const page = await checkAnswersPage(() => store, browserGet(cookie), 'da', 'bronderslev', NOW);
    expect(page.kind === 'check' && page.draft.content).toMatchObject({ general: { code: 'store' }, idempotencyKey: KEY, values: { name: 'Sofie Jensen' } });
  });

  it('refused before its answers were checked (too many tries), answers with a problem go to the form page, not "Tjek dine svar"', async () => {
    const response = await formAnswer(
      { kind: 'form', form: { lang: 'da', kommune: 'bronderslev', status: 429, values: { ...values, name: '' }, issues: [], general: { code: 'tooMany', seconds: 9 }, idempotencyKey: KEY } },
      sendRequest(),
      formDeps(),
    );
    expect(response?.headers.get('location')).toBe('/bronderslev/ansoeg/');
    const kept = await readKeptDraft(() => store, browserGet(cookieOf(response!)), 'bronderslev', NOW);
    expect(kept?.content.issues).toEqual([{ path: 'applicant.name', code: 'required' }]);
  });

  it('sent (303 to the receipt, or 201): the draft is deleted and the cookie removed', async () => {
    const cookie = cookieOf(await redirect(await post(formFields())));
    const sent = new Response(null, { status: 303, headers: { Location: '/bronderslev/ansoeg/kvittering/?reference=7KQM-X3PD' } });
    const response = await formAnswer({ kind: 'response', response: sent }, sendRequest(cookie), formDeps());
    expect(response?.headers.get('set-cookie')).toBe(`${DRAFT_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0`);
    expect((await checkAnswersPage(() => store, browserGet(cookie), 'da', 'bronderslev', NOW)).kind).toBe('none');
    // Without a draft, an answer passes unchanged.
    const plain = new Response(null, { status: 201 });
    expect((await formAnswer({ kind: 'response', response: plain }, sendRequest(), formDeps()))?.headers.get('set-cookie')).toBeNull();
  });

  it('a post too large to read has no answers to keep: the form page is shown at once (null)', async () => {
    const response = await formAnswer(
      { kind: 'form', form: { lang: 'da', kommune: 'bronderslev', status: 413, values: {}, issues: [], general: { code: 'tooLarge' } } },
      sendRequest(),
      formDeps(),
    );
    expect(response).toBeNull();
  });
});
