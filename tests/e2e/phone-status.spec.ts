/**
 * "Can I call now?" on the contact pages, with the browser clock fixed to
 * Danish moments (the phone-status island reads the time in the browser).
 */
import { expect, test } from '@playwright/test';
import { executableScripts } from './support/site.ts';

/** A UTC instant for a Danish wall-clock time; winter (UTC+1) unless `summer`. */
const dk = (local: string, summer = false) => new Date(`${local}:00${summer ? '+02:00' : '+01:00'}`);

const cases = [
  { page: '/sonderborg/kontakt/', at: dk('2026-11-23T08:30'), text: 'Åben nu – lukker kl. 9.00', why: 'Sønderborg, Monday 8.30 (first of two windows)' },
  { page: '/sonderborg/kontakt/', at: dk('2026-11-23T10:15'), text: 'Lukket – åbner i dag kl. 13.00', why: 'Sønderborg, between the two windows' },
  { page: '/bronderslev/kontakt/', at: dk('2026-04-06T10:00', true), text: 'Lukket i dag (2. påskedag) – åbner i morgen kl. 8.00', why: 'Brønderslev on Easter Monday, summer time' },
  { page: '/bronderslev/kontakt/', at: dk('2026-04-03T10:00', true), text: 'Lukket i dag (langfredag) – åbner tirsdag den 7. april kl. 8.00', why: 'Brønderslev on Good Friday: Easter Monday is closed too' },
  { page: '/bronderslev/kontakt/', at: dk('2026-11-28T10:00'), text: 'Lukket – åbner mandag den 30. november kl. 8.00', why: 'Brønderslev on a Saturday' },
  { page: '/en/bronderslev/kontakt/', at: dk('2026-11-29T10:00'), text: 'Closed – opens tomorrow at 8:00', why: 'English, on a Sunday' },
  { page: '/bronderslev/kontakt/', at: dk('2026-12-31T10:00'), text: 'Åben nu – lukker kl. 12.00 i dag (nytårsaftensdag)', why: 'Brønderslev on the morning of 31 December (the assumed half day)' },
  { page: '/bronderslev/kontakt/', at: dk('2026-12-24T09:00'), text: 'Lukket i dag (juleaftensdag) – åbner mandag den 28. december kl. 8.00', why: 'Brønderslev on 24 December: 25 and 26 December and the weekend are closed too' },
  { page: '/bronderslev/kontakt/', at: dk('2027-03-24T15:00'), text: 'Lukket – åbner tirsdag den 30. marts kl. 8.00', why: 'Brønderslev on the Wednesday before Easter: closed until Tuesday after 2. påskedag' },
  { page: '/en/sonderborg/kontakt/', at: dk('2026-06-05T10:00', true), text: 'Closed – opens on Monday 8 June at 8:00', why: 'English, Sønderborg on Constitution Day between its windows (closed from noon)' },
  { page: '/en/bronderslev/kontakt/', at: dk('2026-04-06T10:00', true), text: 'Closed today (Easter Monday) – opens tomorrow at 8:00', why: 'English, on Easter Monday' },
  { page: '/en/bronderslev/kontakt/', at: dk('2026-12-31T09:00'), text: "Open now – closes at 12:00 today (New Year's Eve)", why: "English, on New Year's Eve morning" },
];

for (const c of cases) {
  test(`shows "${c.text}" (${c.why})`, async ({ page }) => {
    await page.clock.install({ time: c.at });
    await page.goto(c.page);
    await expect(page.locator('.phone-status__now').first()).toHaveText(c.text);
  });
}

test('the status stands beside the number it is about, on the contact page (Sønderborg, Monday 8.30)', async ({ page }) => {
  await page.clock.install({ time: dk('2026-11-23T08:30') });
  await page.goto('/sonderborg/kontakt/');
  const phone = page.locator('section.unit dd', { has: page.locator('a[href="tel:+4527904340"]') });
  await expect(phone.locator('.phone-status__now')).toHaveText('Åben nu – lukker kl. 9.00');
  await expect(page.locator('.phone-status__now')).toHaveCount(1);
});

test('updates itself as time passes: Sønderborg opens at 13.00', async ({ page }) => {
  await page.clock.install({ time: dk('2026-11-23T12:59') });
  await page.goto('/sonderborg/kontakt/');
  const status = page.locator('.phone-status__now');
  await expect(status).toHaveText('Lukket – åbner i dag kl. 13.00');
  await page.clock.runFor('02:00');
  await expect(status).toHaveText('Åben nu – lukker kl. 14.00');
});

test('without JavaScript the status is left out and the hours table says it all', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/sonderborg/kontakt/');
  await expect(page.locator('.phone-status__now')).toBeHidden();
  await expect(page.getByRole('row', { name: /Mandag/ })).toContainText('kl. 8.00–9.00 og kl. 13.00–14.00');
  await context.close();
});

test('each unit on the page gets its own status: UngeCentret is open on Thursday at 16.00, Visitationen is not', async ({ page }) => {
  await page.clock.install({ time: dk('2026-11-26T16:00') });
  await page.goto('/bronderslev/kontakt/');
  const status = (unit: string) => page.getByRole('region', { name: unit }).locator('.phone-status__now');
  await expect(status('Visitationen – Det Specialiserede Område')).toHaveText('Lukket – åbner i morgen kl. 8.00');
  await expect(status('UngeCentret')).toHaveText('Åben nu – lukker kl. 17.00');
});

test('a unit without phone hours gets no status and no script (Varde)', async ({ page }) => {
  await page.goto('/varde/kontakt/');
  await expect(page.locator('.phone-status__now')).toHaveCount(0);
  await expect(executableScripts(page)).toHaveCount(0);
});
