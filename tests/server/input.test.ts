/**
 * Input that cannot hurt the case team, and the small holes, on the built
 * production server over real HTTP (raw sockets where a client library would
 * tidy the request up or hide the status line):
 *
 * - a text with a control character, a bidirectional override, a lone
 *   surrogate or a noncharacter is a 422 naming the field, over JSON and in
 *   the no-JavaScript form (the error on the field);
 * - a JSON key given twice is 400; two Host headers are 400;
 * - TRACE, any method the site does not take and one Node does not know
 *   (FOO) are 405 with Allow and the security headers, never a 500;
 * - the questionnaire's result is never cached;
 * - every status line has its own reason phrase;
 * - a body cut off is one line in the server's log, and the log never has a
 *   stack trace.
 */
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { birthDateForAge, marker, validBody } from '../support/applications.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

const API = '/api/ansoegninger';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.stop());

const origin = () => new URL(server.url).origin;
const postJson = (body: unknown, headers: Record<string, string> = {}) =>
  server.request(API, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });

/** Raw bytes to the server, and everything it answers until it closes the connection (each request says `Connection: close`). */
function raw(request: string): Promise<string> {
  const { port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1', () => socket.write(request));
    let answer = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (answer += chunk));
    socket.on('end', () => resolve(answer));
    socket.on('error', reject);
  });
}
const statusLine = (answer: string) => answer.slice(0, answer.indexOf('\r\n'));
const header = (answer: string, name: string) => new RegExp(`\\r\\n${name}: ([^\\r]*)`, 'i').exec(answer.slice(0, answer.indexOf('\r\n\r\n')))?.[1];

describe('422: a text with a character the case team must not get', () => {
  it.each([
    ['NUL', '\u0000'],
    ['ESC', '\u001b'],
    ['a C1 control', '\u0085'],
    ['a right-to-left override', '\u202e'],
    ['a direction isolate', '\u2066'],
    ['a lone surrogate', '\ud800'],
    ['a noncharacter', '\ufffe'],
  ])('%s, in Danish and English, naming the field; nothing stored', async (_, character) => {
    const body = validBody();
    const description = body.description as string;
    body.applicant = { ...(body.applicant as object), name: `Test${character}Testesen` };
    const code = `U+${character.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
    const da = await postJson(body);
    expect(da.status).toBe(422);
    expect(await da.json()).toEqual({
      errors: [{ path: 'applicant.name', message: `Feltet indeholder et tegn, vi ikke kan tage imod: ${code}, tegn nr. 5. Det kan være usynligt og kommer tit med, når man kopierer tekst. Slet det, eller skriv teksten igen.` }],
    });
    const en = await postJson(body, { 'accept-language': 'en' });
    expect(((await en.json()) as { errors: { message: string }[] }).errors[0]!.message).toMatch(new RegExp(`^This field contains a character we cannot accept: ${code.replace('+', '\\+')}, character 5\\.`));
    expect(await server.storedWith('bronderslev', description)).toHaveLength(0);
  });

  it('a description with tab, LF, CRLF, Danish letters and emoji is taken as sent', async () => {
    const body = validBody();
    body.description = `${body.description as string}\r\nFørste linje\nAnden\tlinje 😀👍🏽`;
    expect((await postJson(body)).status).toBe(201);
    expect(await server.storedWith('bronderslev', body.description as string)).toHaveLength(1);
  });

  it('without JavaScript: the form page shows the problem on the field, and the answers are kept', async () => {
    const description = marker();
    const born = birthDateForAge(30);
    const answers = new URLSearchParams([
      ['kommune', 'varde'], ['lang', 'da'], ['idempotencyKey', `nojs-${description}`], ['who', 'self'], ['name', 'Test\u001b[2JTestesen'],
      ['birthDay', born.day], ['birthMonth', born.month], ['birthYear', born.year], ['phone', '12345678'],
      // A textarea's line breaks come as CRLF: normal multi-line text passes.
      ['description', `${description}\r\nAnden linje`], ['contactPreferred', 'phone'], ['consentInformation', 'ja'],
    ]);
    const checked = await server.request('/varde/ansoeg/tjek/', { method: 'POST', headers: { origin: origin() }, body: answers });
    expect(checked.status).toBe(303);
    const formPage = checked.headers.get('location')!;
    expect(formPage).toMatch(/^\/varde\/ansoeg\/\?svar=/);
    const cookie = checked.headers.get('set-cookie')!.split(';')[0]!;
    const page = await server.request(formPage, { headers: { cookie } });
    const html = await page.text();
    expect(html).toMatch(/<span class="form-error-message" id="f-name-error">[^]*?Feltet indeholder et tegn, vi ikke kan tage imod: U\+001B, tegn nr\. 5\./);
    expect(html).toContain('href="#f-name"');
    expect(html).not.toContain('f-description-error');
    expect(html).toContain(description);

    // Sent straight to the endpoint (as from "Tjek dine svar"): the same, back to the form page; nothing stored.
    const sent = await server.request(API, { method: 'POST', headers: { origin: origin() }, body: answers });
    expect(sent.status).toBe(303);
    expect(sent.headers.get('location')).toMatch(/^\/varde\/ansoeg\/\?svar=/);
    expect(await server.storedWith('varde', `${description}\nAnden linje`)).toHaveLength(0);
  });
});

describe('400', () => {
  it('a JSON key given twice, at any depth, naming it; nothing stored', async () => {
    const body = validBody();
    const text = JSON.stringify(body).replace('"phone":"12345678"', '"phone":"12345678","phone":"87654321"');
    const response = await postJson(text);
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ errors: [{ path: '', message: 'Feltet "applicant.phone" står to gange. Send hvert felt én gang.' }] });
    const top = await postJson(`${JSON.stringify(body).slice(0, -1)},"kommune":"varde"}`, { 'accept-language': 'en' });
    expect(top.status).toBe(400);
    expect(await top.json()).toEqual({ errors: [{ path: '', message: 'The field "kommune" appears twice. Send each field once.' }] });
    expect(await server.storedWith('bronderslev', body.description as string)).toHaveLength(0);
  });

  it('two Host headers, on a page and on the API (Node would keep the first without a word)', async () => {
    const page = await raw('GET / HTTP/1.1\r\nHost: localhost\r\nHost: evil.example\r\nConnection: close\r\n\r\n');
    expect(statusLine(page)).toBe('HTTP/1.1 400 Bad Request');
    expect(header(page, 'content-security-policy')).toContain("default-src 'self'");
    expect(page).toContain('Forespørgslen har mere end ét Host-felt.');
    const body = JSON.stringify(validBody());
    const api = await raw(
      `POST ${API} HTTP/1.1\r\nHost: localhost\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
    expect(statusLine(api)).toBe('HTTP/1.1 400 Bad Request');
    expect(header(api, 'content-type')).toBe('application/json; charset=utf-8');
    // One Host is as ever.
    expect(statusLine(await raw('GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n'))).toBe('HTTP/1.1 200 OK');
  });
});

describe('405: methods the site does not take', () => {
  it.each(['/', '/bronderslev/ansoeg/', '/en/bronderslev/', API, `${API}/`])('TRACE, TRACK, PUT, PROPFIND and FOO on %s: 405 with Allow and the security headers', async (path) => {
    for (const method of ['TRACE', 'TRACK', 'PUT', 'PROPFIND', 'FOO']) {
      const answer = await raw(`${method} ${path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n`);
      expect(statusLine(answer), `${method} ${path}`).toBe('HTTP/1.1 405 Method Not Allowed');
      expect(header(answer, 'allow'), `${method} ${path}`).toBe(path.startsWith('/api/') ? 'POST' : 'GET, HEAD, POST');
      expect(header(answer, 'content-security-policy'), `${method} ${path}`).toContain("frame-ancestors 'none'");
      expect(header(answer, 'x-content-type-options'), `${method} ${path}`).toBe('nosniff');
      expect(header(answer, 'cache-control'), `${method} ${path}`).toBe('no-store');
    }
  });

  it('CONNECT is 405 too, not a closed connection', async () => {
    const answer = await raw('CONNECT localhost:443 HTTP/1.1\r\nHost: localhost:443\r\n\r\n');
    expect(statusLine(answer)).toBe('HTTP/1.1 405 Method Not Allowed');
  });

  it('GET, HEAD and POST still reach the pages', async () => {
    expect((await server.request('/bronderslev/ansoeg/', { method: 'HEAD' })).status).toBe(200);
    expect((await server.request('/', { method: 'GET' })).status).toBe(200);
  });
});

it('the questionnaire’s result is never cached: the page, the redirect of a GET, an unknown kommune', async () => {
  const result = await server.request('/varde/kan-jeg-faa-stoette/resultat/', { method: 'POST', headers: { origin: origin() }, body: new URLSearchParams({ who: 'self', age: '40' }) });
  expect(result.status).toBe(200);
  expect(result.headers.get('cache-control')).toBe('no-store');
  const redirect = await server.request('/varde/kan-jeg-faa-stoette/resultat/');
  expect(redirect.status).toBe(303);
  expect(redirect.headers.get('cache-control')).toBe('no-store');
  const unknown = await server.request('/findes-ikke/kan-jeg-faa-stoette/resultat/', { method: 'POST', headers: { origin: origin() }, body: new URLSearchParams({ who: 'self' }) });
  expect(unknown.status).toBe(404);
  expect(unknown.headers.get('cache-control')).toBe('no-store');
});

it('every status line has the reason phrase of its status (Astro’s pages say "OK" to anything)', async () => {
  const get = (path: string) => raw(`GET ${path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n`);
  const post = (path: string, type: string, body: string, extra = '') =>
    raw(`POST ${path} HTTP/1.1\r\nHost: ${new URL(server.url).host}\r\nOrigin: ${origin()}\r\nContent-Type: ${type}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n${extra}Connection: close\r\n\r\n${body}`);
  const json = (body: unknown) => post(API, 'application/json', JSON.stringify(body));
  // Announced over the limit and not sent: answered 413 before any of it is read (no unread bytes to reset the connection).
  const tooLarge = (path: string, type: string) =>
    raw(`POST ${path} HTTP/1.1\r\nHost: ${new URL(server.url).host}\r\nOrigin: ${origin()}\r\nContent-Type: ${type}\r\nContent-Length: 70000\r\nConnection: close\r\n\r\n`);
  const lines = {
    page: statusLine(await get('/')),
    unknownReceipt: statusLine(await get('/varde/ansoeg/kvittering/?reference=2222-2222')),
    notFound: statusLine(await get('/findes-ikke/')),
    redirect: statusLine(await get('/varde/kan-jeg-faa-stoette/resultat/')),
    created: statusLine(await json(validBody())),
    invalid: statusLine(await json({ ...validBody(), kommune: 'aarhus' })),
    tooLargeCheck: statusLine(await tooLarge('/varde/ansoeg/tjek/', 'application/x-www-form-urlencoded')),
    tooLargeApi: statusLine(await tooLarge(API, 'application/json')),
    unsupported: statusLine(await post(API, 'text/plain', 'x')),
  };
  expect(lines).toEqual({
    page: 'HTTP/1.1 200 OK',
    unknownReceipt: 'HTTP/1.1 404 Not Found',
    notFound: 'HTTP/1.1 404 Not Found',
    redirect: 'HTTP/1.1 303 See Other',
    created: 'HTTP/1.1 201 Created',
    invalid: 'HTTP/1.1 422 Unprocessable Entity',
    tooLargeCheck: 'HTTP/1.1 413 Payload Too Large',
    tooLargeApi: 'HTTP/1.1 413 Payload Too Large',
    unsupported: 'HTTP/1.1 415 Unsupported Media Type',
  });
});

it('a body cut off halfway, and one over the limit, are one line each in the log; the log never has a stack trace', async () => {
  const { port } = new URL(server.url);
  const logLines = () => server.output().split('\n');
  const cutOff = 'Forespørgsel afbrudt: forbindelsen lukkede, før hele indholdet var modtaget (POST /api/ansoegninger).';
  const tooLarge = 'Forespørgsel afvist: indholdet var for stort (413, POST /varde/ansoeg/tjek/).';
  const before = { cutOff: logLines().filter((l) => l === cutOff).length, tooLarge: logLines().filter((l) => l === tooLarge).length };
  // The client says 1000 bytes, sends a few, and goes away.
  await new Promise<void>((resolve) => {
    const socket = connect(Number(port), '127.0.0.1', () => {
      socket.write(`POST ${API} HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"kommune":`, () => socket.destroy());
    });
    socket.on('close', () => resolve());
  });
  await vi.waitFor(() => expect(logLines().filter((l) => l === cutOff).length).toBe(before.cutOff + 1), { timeout: 10_000 });
  // Announced over the limit: answered 413 before it is read, and the connection closed; one line.
  const answer = await raw(`POST /varde/ansoeg/tjek/ HTTP/1.1\r\nHost: ${new URL(server.url).host}\r\nOrigin: ${origin()}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 70000\r\nConnection: close\r\n\r\n`);
  expect(statusLine(answer)).toBe('HTTP/1.1 413 Payload Too Large');
  await vi.waitFor(() => expect(logLines().filter((l) => l === tooLarge).length).toBe(before.tooLarge + 1), { timeout: 10_000 });
  expect(logLines().filter((l) => l === cutOff).length).toBe(before.cutOff + 1);
  expect(server.output()).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  expect(server.output()).not.toMatch(/\[ERROR\]|TypeError|Could not render/);
});
