/**
 * The budgets (ARCHITECTURE.md) on every page: HTML ≤ 14 KB and CSS ≤ 15 KB gzip; no
 * JavaScript on content pages, ≤ 5 KB on contact pages, ≤ 15 KB on the
 * questionnaire, ≤ 30 KB on the application form — every script and all it
 * imports, as the browser loads them (tests/support/page-weight.ts, the same
 * measure as `npm run bench`).
 */
import { expect, test } from '@playwright/test';
import { BUDGETS, pageType, pageWeight } from '../support/page-weight.ts';
import { builtPages } from './support/site.ts';
import { clientAddress, validBody } from './support/applications.ts';
import { kommuner } from '../support/kommuner.ts';

/** A contact page loads the phone-status island when a unit of its kommune has phone hours (from the content). */
const contactHasIsland = (path: string) =>
  Object.entries(kommuner).some(([slug, k]) => path.includes(`/${slug}/kontakt/`) && k.units.some((u) => u.phoneHours !== null));

const forwarded = clientAddress();
test.use({ extraHTTPHeaders: { 'X-Forwarded-For': forwarded } });

function expectWithinBudget(w: Awaited<ReturnType<typeof pageWeight>>) {
  const type = pageType(w.path);
  expect(w.html, `${w.path}: HTML (gzip)`).toBeLessThanOrEqual(BUDGETS.html);
  expect(w.css, `${w.path}: CSS (gzip)`).toBeLessThanOrEqual(BUDGETS.css);
  expect(w.js, `${w.path}: JavaScript (gzip), a ${type} page: ${w.files.map((f) => `${f.url} ${f.gzip}`).join(', ')}`).toBeLessThanOrEqual(BUDGETS.js[type]);
}

test('every built page is within its budgets', async ({ baseURL }) => {
  test.setTimeout(120_000);
  const types = new Set<string>();
  for (const path of builtPages) {
    const w = await pageWeight(baseURL!, path);
    types.add(pageType(path));
    expectWithinBudget(w);
    // A page with an island really loads it (so the measure is not blind).
    if (pageType(path) === 'questionnaire' || (pageType(path) === 'contact' && contactHasIsland(path))) {
      expect(w.js, `${path} loads its island`).toBeGreaterThan(1000);
    }
  }
  expect([...types].sort()).toEqual(['contact', 'content', 'questionnaire', 'search']);
});

test('the server-rendered pages are within their budgets: the form, the receipt, the questionnaire result', async ({ baseURL }) => {
  const created = await fetch(`${baseURL}/api/ansoegninger`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': forwarded },
    body: JSON.stringify(validBody()),
  });
  expect(created.status).toBe(201);
  const { reference } = (await created.json()) as { reference: string };
  const form = await pageWeight(baseURL!, '/bronderslev/ansoeg/');
  expect(form.js, 'the form loads its island').toBeGreaterThan(10_000);
  for (const w of [
    form,
    await pageWeight(baseURL!, `/en/bronderslev/ansoeg/`),
    await pageWeight(baseURL!, `/bronderslev/ansoeg/kvittering/?reference=${reference}`),
    await pageWeight(baseURL!, '/varde/kan-jeg-faa-stoette/resultat/', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: new URL(baseURL!).origin },
      body: 'who=self&age=40',
    }),
  ]) {
    expectWithinBudget(w);
  }
});
