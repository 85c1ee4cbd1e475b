/**
 * The footer of every page, and of the not-found page, links to the
 * accessibility statement and the privacy notice in the page's language; the
 * privacy notice states the audit trail and its period as the build's settings
 * say. (The rest of the statements' content is in tests/e2e/statements.spec.ts.)
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

it('the privacy notice says that who opened or fetched an application is recorded, and keeps the record 5 years (AUDIT_RETENTION_DAYS unset)', async () => {
  // `npm test` builds with the defaults, as the e2e test of "30 dage" assumes too.
  const paragraphs = async (path: string) => [...(await (await server.request(path)).text()).matchAll(/<p>([^<]*)<\/p>/g)].map((m) => m[1]!);
  expect(await paragraphs('/privatliv/')).toContain(
    'Vi skriver ned, hvilken medarbejder der har åbnet eller hentet din ansøgning, og hvornår. Så kan vi opdage, hvis nogen misbruger dine oplysninger. ' +
      'På listen står kun din ansøgnings referencenummer, ikke det, du har skrevet. Listen gemmes i 5 år, også når din ansøgning er slettet.',
  );
  expect((await paragraphs('/en/privatliv/')).join('\n')).toContain('It is kept for 5 years, also after your application has been deleted.');
});
