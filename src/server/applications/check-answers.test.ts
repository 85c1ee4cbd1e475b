import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { known } from '../../../tests/support/kommuner.ts';
import { createRateLimiter } from '../rate-limit.ts';
import { openSqliteStore } from '../store/sqlite.ts';
import { StoreUnavailableError, type ApplicationStore } from '../store/types.ts';
import { checkAnswersPage, formAnswer, postCheckAnswers, type CheckDeps } from './check-answers.ts';
import { DRAFT_COOKIE, parseDraftContent, readKeptDraft } from './form-draft.ts';

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

const request = (url: URL, body: string | null, headers: Record<string, string> = {}) =>
  new Request(url, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: PAGE.origin, ...headers },
  });
/** The form posted from a page at `from` (the form's own address, with `?svar=…` once its answers are kept). */
const post = (body: string, headers: Record<string, string> = {}, from = PAGE) =>
  postCheckAnswers({ request: request(from, body, headers), url: from, client: '192.0.2.1', lang: 'da', kommune: 'bronderslev' }, deps);
const cookieOf = (response: Response) => response.headers.get('set-cookie')!.split(';')[0]!;
/** Where a 303 sends the browser, as a URL on this site. */
const locationOf = (response: Response) => new URL(response.headers.get('location')!, PAGE);
/** The browser's GET of a page, with its cookie. */
const browserGet = (url: URL, cookie: string) => new Request(url, { headers: { cookie } });
const lookAt = (url: URL, cookie: string, kommune = 'bronderslev', now = NOW) => checkAnswersPage(() => store, browserGet(url, cookie), url, { lang: 'da', kommune, kommuner: known }, now);

async function redirect(answer: Awaited<ReturnType<typeof post>>) {
  if (answer.kind !== 'response') throw new Error(`expected a redirect, got the form at once: ${JSON.stringify(answer.form)}`);
  expect(answer.response.status).toBe(303);
  expect(answer.response.headers.get('cache-control')).toBe('no-store');
  return answer.response;
}
const SVAR = /^\?svar=[A-Za-z0-9_-]{43}$/;

describe('the one-page form posts to "Tjek dine svar": checked, kept, redirected (post-redirect-get)', () => {
  it('with a problem: 303 to the form page with the form\'s key; the answers found only with it and the browser\'s HttpOnly cookie', async () => {
    const response = await redirect(await post(formFields({ name: '', cpr: '310290-1234' })));
    const location = locationOf(response);
    expect(location.pathname).toBe('/bronderslev/ansoeg/');
    expect(location.search).toMatch(SVAR);
    const setCookie = response.headers.get('set-cookie')!;
    expect(setCookie).toMatch(new RegExp(`^${DRAFT_COOKIE}=[A-Za-z0-9_-]{43}; Path=/; HttpOnly; SameSite=Lax$`));
    // Nothing personal leaves in the answer's headers.
    expect([...response.headers.values()].join('\n')).not.toMatch(/Sofie|12345678|310290/);
    const cookie = cookieOf(response);
    const kept = await readKeptDraft(() => store, browserGet(location, cookie), location, 'bronderslev', NOW);
    expect(kept.kind === 'found' && kept.draft.content).toMatchObject({
      lang: 'da',
      idempotencyKey: KEY,
      values: { name: '', cpr: '310290-1234', birthMonth: 'april', needs: ['socialt-liv', 'sundhed'] },
      issues: [
        { path: 'applicant.name', code: 'required' },
        { path: 'applicant.cpr', code: 'cprDateInvalid' },
      ],
      general: null,
    });
    // The form's address alone, or the cookie alone (the next person at a shared computer opening the form): nothing.
    expect((await readKeptDraft(() => store, new Request(location), location, 'bronderslev', NOW)).kind).toBe('none');
    expect((await readKeptDraft(() => store, browserGet(PAGE, cookie), PAGE, 'bronderslev', NOW)).kind).toBe('none');
    expect(await store.list({})).toHaveLength(0);
  });

  it('without problems: 303 to "Tjek dine svar", which shows them; posting again from the kept page keeps the same draft', async () => {
    const first = await redirect(await post(formFields({ name: '' })));
    const cookie = cookieOf(first);
    const formPage = locationOf(first);
    const second = await redirect(await post(formFields(), { cookie }, new URL(`/bronderslev/ansoeg/tjek/${formPage.search}`, PAGE)));
    const check = locationOf(second);
    expect(check.pathname).toBe('/bronderslev/ansoeg/tjek/');
    expect(check.search).toBe(formPage.search);
    expect(second.headers.get('set-cookie')).toBeNull();
    const page = await lookAt(check, cookie);
    expect(page.kind === 'check' && page.draft.content).toMatchObject({ values: { name: 'Sofie Jensen' }, issues: [], idempotencyKey: KEY });
    // Nothing is sent from here: only the endpoint stores applications.
    expect(await store.list({})).toHaveLength(0);
  });

  it('two forms in one browser (two tabs, two kommuner) keep two drafts', async () => {
    const first = await redirect(await post(formFields({ name: 'Første' })));
    const cookie = cookieOf(first);
    const second = await redirect(await post(formFields({ name: 'Anden' }), { cookie }));
    expect(locationOf(second).search).not.toBe(locationOf(first).search);
    const one = await lookAt(locationOf(first), cookie);
    const other = await lookAt(locationOf(second), cookie);
    expect(one.kind === 'check' && one.draft.content.values.name).toBe('Første');
    expect(other.kind === 'check' && other.draft.content.values.name).toBe('Anden');
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
  it('without the cookie or the key, with a malformed one, expired, or of another kommune: no answers', async () => {
    const response = await redirect(await post(formFields()));
    const cookie = cookieOf(response);
    const check = locationOf(response);
    expect((await lookAt(check, '')).kind).toBe('none');
    expect((await lookAt(check, `${DRAFT_COOKIE}=${'a'.repeat(43)}`)).kind).toBe('none');
    expect((await lookAt(check, `${DRAFT_COOKIE}=' OR 1=1`)).kind).toBe('none');
    expect((await lookAt(new URL('/bronderslev/ansoeg/tjek/?svar=%27%20OR%201', PAGE), cookie)).kind).toBe('none');
    expect((await lookAt(check, cookie, 'varde')).kind).toBe('none');
    expect((await lookAt(check, cookie, 'bronderslev', new Date(NOW.getTime() + 119 * 60_000))).kind).toBe('check');
    expect((await lookAt(check, cookie, 'bronderslev', new Date(NOW.getTime() + 120 * 60_000))).kind).toBe('none');
  });

  it('answers with a problem are not shown there: 303 to the form page with the same key, in the page language', async () => {
    const response = await redirect(await post(formFields({ phone: '' })));
    const check = new URL(`/en/bronderslev/ansoeg/tjek/${locationOf(response).search}`, PAGE);
    const page = await checkAnswersPage(() => store, browserGet(check, cookieOf(response)), check, { lang: 'en', kommune: 'bronderslev', kommuner: known }, NOW);
    expect(page.kind === 'redirect' && page.response.headers.get('location')).toBe(`/en/bronderslev/ansoeg/${check.search}`);
  });

  it('kept answers that no longer hold, or a stored draft this program did not write, are not shown as ready to send', async () => {
    const response = await redirect(await post(formFields()));
    const check = locationOf(response);
    const cookie = cookieOf(response);
    const id = `${cookie.split('=')[1]}.${check.searchParams.get('svar')}`;
    const content = JSON.parse((await store.readFormDraft(id, NOW))!.data);
    const keep = (data: unknown) => store.saveFormDraft(id, { kommune: 'bronderslev', data: JSON.stringify(data) }, { now: NOW, expiresAt: new Date(NOW.getTime() + 60_000) });
    await keep({ ...content, values: { ...content.values, name: '' } });
    const page = await lookAt(check, cookie);
    expect(page.kind === 'redirect' && page.response.headers.get('location')).toBe(`/bronderslev/ansoeg/${check.search}`);
    for (const broken of [{ ...content, values: null }, { ...content, values: { isAdmin: 'ja' } }, { ...content, issues: [null] }, { ...content, general: { code: 'x' } }, 'not an object']) {
      await keep(broken);
      expect((await lookAt(check, cookie)).kind).toBe('none');
    }
    expect(parseDraftContent('{')).toBeNull();
  });

  it('a store that cannot be read is said so ("unavailable"), not taken for answers gone', async () => {
    const response = await redirect(await post(formFields()));
    const failing = () => {
      throw new StoreUnavailableError('nede');
    };
    const check = locationOf(response);
    expect((await checkAnswersPage(failing, browserGet(check, cookieOf(response)), check, { lang: 'da', kommune: 'bronderslev', kommuner: known }, NOW)).kind).toBe('unavailable');
  });
});

describe("the endpoint's answers to the no-JavaScript send, as post-redirect-get (formAnswer)", () => {
  const formDeps = () => ({ store: deps.store, secureCookies: false, now: () => NOW, kommuner: deps.kommuner });
  /** The send form's post: to the endpoint with the draft's key in its action. */
  const sendUrl = (query: string) => new URL(`/api/ansoegninger${query}`, PAGE);
  const sendRequest = (query: string, cookie?: string) => new Request(sendUrl(query), { headers: cookie ? { cookie } : {} });
  const values = { who: 'self', name: 'Sofie Jensen', birthDay: '12', birthMonth: '4', birthYear: '2001', phone: '12345678', pension: 'nej', description: 'Post.', contactPreferred: 'phone', consentInformation: 'ja' };
  const kept = async () => {
    const response = await redirect(await post(formFields()));
    return { cookie: cookieOf(response), query: locationOf(response).search };
  };

  it('the store was down when sending: back to "Tjek dine svar" with the error, the same answers, key and draft', async () => {
    const { cookie, query } = await kept();
    const response = await formAnswer(
      { kind: 'form', form: { lang: 'da', kommune: 'bronderslev', status: 503, values, issues: [], general: { code: 'store' }, idempotencyKey: KEY } },
      sendRequest(query, cookie),
      sendUrl(query),
      formDeps(),
    );
    expect(response?.status).toBe(303);
    expect(response?.headers.get('location')).toBe(`/bronderslev/ansoeg/tjek/${query}`);
    const page = await lookAt(new URL(response!.headers.get('location')!, PAGE), cookie);
    expect(page.kind === 'check' && page.draft.content).toMatchObject({ general: { code: 'store' }, idempotencyKey: KEY, values: { name: 'Sofie Jensen' } });
  });

  it('refused before its answers were checked (too many tries), answers with a problem go to the form page, not "Tjek dine svar"', async () => {
    const { cookie, query } = await kept();
    const response = await formAnswer(
      { kind: 'form', form: { lang: 'da', kommune: 'bronderslev', status: 429, values: { ...values, name: '' }, issues: [], general: { code: 'tooMany', seconds: 9 }, idempotencyKey: KEY } },
      sendRequest(query, cookie),
      sendUrl(query),
      formDeps(),
    );
    expect(response?.headers.get('location')).toBe(`/bronderslev/ansoeg/${query}`);
    const found = await readKeptDraft(() => store, sendRequest(query, cookie), sendUrl(query), 'bronderslev', NOW);
    expect(found.kind === 'found' && found.draft.content.issues).toEqual([{ path: 'applicant.name', code: 'required' }]);
  });

  it("sent (303 to the receipt, or 201) from a kept form's page: that draft is deleted; another tab's stays", async () => {
    const { cookie, query } = await kept();
    const otherTab = await redirect(await post(formFields({ name: 'Anden fane' }), { cookie }));
    const sent = new Response(null, { status: 303, headers: { Location: '/bronderslev/ansoeg/kvittering/?reference=7KQM-X3PP' } });
    const response = await formAnswer({ kind: 'response', response: sent }, sendRequest(query, cookie), sendUrl(query), formDeps());
    expect(response).toBe(sent);
    expect((await lookAt(new URL(`/bronderslev/ansoeg/tjek/${query}`, PAGE), cookie)).kind).toBe('none');
    expect((await lookAt(locationOf(otherTab), cookie)).kind).toBe('check');
    // The island's JSON 201 (no form key in its address) deletes nothing.
    await formAnswer({ kind: 'response', response: new Response(null, { status: 201 }) }, sendRequest('', cookie), sendUrl(''), formDeps());
    expect((await lookAt(locationOf(otherTab), cookie)).kind).toBe('check');
  });

  it('a post too large to read has no answers to keep: the form page is shown at once (null)', async () => {
    const response = await formAnswer(
      { kind: 'form', form: { lang: 'da', kommune: 'bronderslev', status: 413, values: {}, issues: [], general: { code: 'tooLarge' } } },
      sendRequest(''),
      sendUrl(''),
      formDeps(),
    );
    expect(response).toBeNull();
  });
});
