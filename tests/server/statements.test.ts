/**
 * The footer of every page, and of the not-found page, links to the
 * accessibility statement and the privacy notice in the page's language.
 * (The statements' content is in tests/e2e/statements.spec.ts.)
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { builtPages } from '../support/built-pages.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.stop());

it('every footer leads to the accessibility statement and the privacy notice', async () => {
  for (const path of [...builtPages, '/findes-ikke/']) {
    const html = await (await server.request(path)).text();
    const footer = html.slice(html.indexOf('<footer'));
    const prefix = path.startsWith('/en/') ? '/en' : '';
    expect(footer, path).toContain(`href="${prefix}/tilgaengelighed/"`);
    expect(footer, path).toContain(`href="${prefix}/privatliv/"`);
  }
});
