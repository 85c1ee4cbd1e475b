/**
 * The questionnaire's result page as a request (the no-JavaScript form posts
 * to it): answers come only by POST, from the site itself, and a bad request
 * is asked again, never a 500.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.stop());

const post = (path: string, body: BodyInit, headers: Record<string, string> = {}) =>
  server.request(path, { method: 'POST', body, headers: { origin: new URL(server.url).origin, ...headers } });

it('a GET (a bookmark, a reload) leads back to the questionnaire: answers only ever come by POST', async () => {
  const response = await server.request('/varde/kan-jeg-faa-stoette/resultat/');
  expect(response.status).toBe(303);
  expect(response.headers.get('location')).toBe('/varde/kan-jeg-faa-stoette/');
});

it('a post from another site is refused', async () => {
  const response = await post('/varde/kan-jeg-faa-stoette/resultat/', new URLSearchParams({ who: 'self', age: '30' }), { origin: 'https://evil.example' });
  expect(response.status).toBe(403);
});

it('an unknown kommune is a 404; a body that is not a form is asked again, never a 500', async () => {
  const unknown = await post('/findes-ikke/kan-jeg-faa-stoette/resultat/', new URLSearchParams({ who: 'self' }));
  expect(unknown.status).toBe(404);
  const json = await post('/varde/kan-jeg-faa-stoette/resultat/', '{"who":', { 'content-type': 'application/json' });
  expect(json.status).toBe(200);
  expect(await json.text()).toContain('Der er et problem');
});

it('an English post gets an English result with the security headers (a 12-year-old in Aabenraa)', async () => {
  const response = await post('/en/aabenraa/kan-jeg-faa-stoette/resultat/', new URLSearchParams({ who: 'self', age: '12' }));
  expect(response.status).toBe(200);
  expect(response.headers.get('content-security-policy')).not.toContain('unsafe-inline');
  const html = await response.text();
  expect(html).toContain('Help for children and young people under 18');
  expect(html).toContain('The quality standard does not say where children and young people can get help.');
});
