/**
 * The page-weight budgets on every page: HTML ≤ 14 KB and CSS ≤ 15 KB gzip;
 * no JavaScript on content pages, ≤ 5 KB on contact pages, ≤ 12 KB on the
 * questionnaire, ≤ 24 KB on the application form — every script and all it
 * imports, as the browser loads them before first use; with what the islands
 * load by `import()` as they mount, ≤ 17 KB and ≤ 32 KB
 * (tests/support/page-weight.ts, the same measure as `npm run bench`).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { BUDGETS, pageType, pageWeight, type PageWeight } from '../support/page-weight.ts';
import { builtPages } from '../support/built-pages.ts';
import { validBody } from '../support/applications.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { kommuner } from '../support/kommuner.ts';

/** A contact page loads the phone-status island when a unit of its kommune has phone hours (from the content). */
const contactHasIsland = (path: string) =>
  Object.entries(kommuner).some(([slug, k]) => path.includes(`/${slug}/kontakt/`) && k.units.some((u) => u.phoneHours !== null));

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.stop());

function expectWithinBudget(w: PageWeight) {
  const type = pageType(w.path);
  expect(w.html, `${w.path}: HTML (gzip)`).toBeLessThanOrEqual(BUDGETS.html);
  expect(w.css, `${w.path}: CSS (gzip)`).toBeLessThanOrEqual(BUDGETS.css);
  const files = w.files.map((f) => `${f.url} ${f.gzip}${f.lazy ? ' (import())' : ''}`).join(', ');
  expect(w.js, `${w.path}: JavaScript before first use (gzip), a ${type} page: ${files}`).toBeLessThanOrEqual(BUDGETS.js[type]);
  expect(w.jsTotal, `${w.path}: all JavaScript (gzip), a ${type} page: ${files}`).toBeLessThanOrEqual(BUDGETS.jsTotal[type]);
}

it('every built page is within its budgets', async () => {
  const types = new Set<string>();
  for (const path of builtPages) {
    const w = await pageWeight(server.url, path);
    types.add(pageType(path));
    expectWithinBudget(w);
    // A page with an island really loads it (so the measure is not blind).
    if (pageType(path) === 'questionnaire' || (pageType(path) === 'contact' && contactHasIsland(path))) {
      expect(w.js, `${path} loads its island`).toBeGreaterThan(1000);
    }
    // The questionnaire's result comes by import() (counted in jsTotal, not in js).
    if (/\/kan-jeg-faa-stoette\/$/.test(path)) expect(w.jsTotal - w.js, `${path} loads its result later`).toBeGreaterThan(1000);
  }
  expect([...types].sort()).toEqual(['contact', 'content', 'questionnaire', 'search']);
});

it('the server-rendered pages are within their budgets: the form, the receipt, the questionnaire result', async () => {
  const created = await server.request('/api/ansoegninger', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(validBody()),
  });
  expect(created.status).toBe(201);
  const { reference } = (await created.json()) as { reference: string };
  const form = await pageWeight(server.url, '/bronderslev/ansoeg/');
  expect(form.js, 'the form loads its island').toBeGreaterThan(10_000);
  // The check (zod/mini and the schema) comes by import() as the island mounts: counted in jsTotal.
  expect(form.jsTotal - form.js, 'the form loads its check').toBeGreaterThan(5_000);
  for (const w of [
    form,
    await pageWeight(server.url, `/en/bronderslev/ansoeg/`),
    await pageWeight(server.url, `/bronderslev/ansoeg/kvittering/?reference=${reference}`),
    await pageWeight(server.url, '/varde/kan-jeg-faa-stoette/resultat/', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: new URL(server.url).origin },
      body: 'who=self&age=40',
    }),
  ]) {
    expectWithinBudget(w);
  }
});
