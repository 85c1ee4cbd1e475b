/**
 * The contact step with JavaScript: under the chosen way of contact, the form
 * asks for what the kommune needs to use it (GOV.UK conditional reveal), in
 * the same fields as "Om personen". A letter reaches the person by Digital
 * Post when the kommune has the CPR number, so an address is not needed then.
 */
import { expect, test, type Page } from '@playwright/test';
import { axeViolations } from './support/site.ts';
import { birthDateForAge, clientAddress, marker, storedWith } from '../support/applications.ts';
import { keyboard } from './support/keyboard.ts';

test.use({ extraHTTPHeaders: { 'X-Forwarded-For': clientAddress() }, viewport: { width: 320, height: 640 } });

const CONTACT = 'Hvordan vil du helst kontaktes af kommunen?';
/** The one-page form before it is sent does not know yet who fills it in: neither "du" nor "personen". */
const CONTACT_ONE_PAGE = 'Hvordan skal kommunen helst tage kontakt?';

/** axe on the step (the page around it was scanned as it loaded, in pages.spec.ts) and no sideways scroll at 320 px. */
async function expectAccessibleAt320(page: Page) {
  expect(await axeViolations(page, 'main')).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
}

/** Keyboard only, in Varde: applying for oneself, 40 years old, with nothing but a name and a date of birth on "Om dig". */
async function toContactStep(page: Page, description: string) {
  const keys = keyboard(page);
  const heading = page.locator('#apply-step-heading');
  const next = async () => {
    await keys.press('Fortsæt');
    await expect(heading).toBeFocused();
  };
  const born = birthDateForAge(40);
  await page.goto('/varde/ansoeg/');
  await keys.choose('Hvem søger om støtte?', 'Jeg søger for mig selv');
  await next();
  await keys.type('Fulde navn', 'Kim Kontakt');
  await keys.type('Dag', born.day);
  await keys.type('Måned', born.month);
  await keys.type('År', born.year);
  await next();
  await keys.type('Fortæl kort, hvad der er svært, og hvad støtten skal hjælpe med', description);
  await next();
  await expect(heading).toHaveText('Kontakt og samtykke');
  return { ...keys, next, heading, born };
}

/** Continue without filling in the revealed field: the summary takes focus, and its one link leads to that field on this step. */
async function expectProblemOnRevealedField(page: Page, keys: Awaited<ReturnType<typeof toContactStep>>, message: string, field: string) {
  await keys.press('Fortsæt');
  const summary = page.locator('.error-summary');
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link')).toHaveText([message]);
  await expect(keys.heading).toHaveText('Kontakt og samtykke');
  const input = page.getByLabel(field, { exact: true });
  await expect(input).toHaveAttribute('aria-invalid', 'true');
  await expect(input).toHaveAccessibleDescription(new RegExp(`Fejl: ${message.replace(/[.?]/g, '\\$&')}`));
  await expectAccessibleAt320(page);
  await keys.tabTo(summary.getByRole('link'));
  await page.keyboard.press('Enter');
  await expect(input).toBeFocused();
}

test('no phone number on "Om dig": choosing Telefon asks for it under the choice, and it reaches "Tjek dine svar" and the kommune', async ({ page }) => {
  const description = marker();
  const keys = await toContactStep(page, description);
  await expect(page.getByLabel('Dit telefonnummer')).toHaveCount(0);
  await keys.choose(CONTACT, 'Telefon');
  const phone = page.getByRole('group', { name: CONTACT }).getByLabel('Dit telefonnummer', { exact: true });
  await expect(phone).toBeVisible();
  await expect(phone).toHaveValue('');
  await keys.choose(/hente oplysninger/, 'Nej');
  await expectAccessibleAt320(page);

  await expectProblemOnRevealedField(page, keys, 'Skriv et telefonnummer, eller vælg en anden måde at blive kontaktet på.', 'Dit telefonnummer');
  await page.keyboard.type('20 30 40 50');
  await keys.next();
  await expect(keys.heading).toHaveText('Tjek dine svar');
  await expect(page.getByRole('row', { name: /^Telefonnummer/ })).toContainText('20 30 40 50');
  await keys.press('Send ansøgning');
  await expect(page).toHaveURL(/\/varde\/ansoeg\/kvittering\/\?reference=/);
  const [stored] = await storedWith('varde', description);
  expect(stored?.application).toMatchObject({ applicant: { phone: '20 30 40 50' }, contact: { preferred: 'phone' } });
});

test('a letter with a CPR number and no address is enough: the kommune sends it by Digital Post', async ({ page }) => {
  const description = marker();
  const keys = await toContactStep(page, description);
  await expect(page.getByRole('group', { name: CONTACT })).toContainText('Kommunen sender Digital Post, når den har CPR-nummeret.');
  await keys.choose(CONTACT, 'Brev eller Digital Post');
  const group = page.getByRole('group', { name: CONTACT });
  await expect(group.getByLabel('Dit CPR-nummer', { exact: true })).toHaveValue('');
  await expect(group.getByRole('group', { name: 'Din adresse' })).toContainText('Du behøver ikke skrive adressen, hvis du har skrevet CPR-nummeret.');
  await keys.choose(/hente oplysninger/, 'Ja');
  await expectAccessibleAt320(page);

  await expectProblemOnRevealedField(page, keys, 'Skriv et CPR-nummer eller en adresse, eller vælg en anden måde at blive kontaktet på.', 'Dit CPR-nummer');
  const yy = keys.born.year.slice(2);
  await page.keyboard.type(`0101${yy}-${Number(keys.born.year) < 2000 ? 1 : 4}234`);
  await keys.next();
  await expect(keys.heading).toHaveText('Tjek dine svar');
  await expect(page.getByRole('row', { name: /^CPR-nummer/ })).toContainText(`0101${yy}-`);
  await expect(page.getByRole('row', { name: /^Adresse/ })).toContainText('Ikke udfyldt');
  await keys.press('Send ansøgning');
  await expect(page).toHaveURL(/\/varde\/ansoeg\/kvittering\/\?reference=/);
  const [stored] = await storedWith('varde', description);
  expect(stored?.application.applicant.address ?? null).toBeNull();
  expect(stored?.application).toMatchObject({ applicant: { cpr: expect.stringMatching(/^0101\d\d-\d{4}$/) }, contact: { preferred: 'letter' } });
});

test('applying for someone else by e-mail: the person’s e-mail and the helper’s own are both asked, and the helper’s is kept from step 1', async ({ page }) => {
  await page.goto('/en/aabenraa/ansoeg/');
  await page.getByLabel('I am applying for someone else').check();
  await page.getByLabel('Your name').fill('Hanne Helper');
  await page.getByLabel('How are you related to the person?').fill('Mother');
  await page.getByLabel('Your email').fill('hanne@example.dk');
  await page.getByLabel('The person has agreed that I apply for them').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  const born = birthDateForAge(35);
  await page.getByLabel('Full name').fill('Per Person');
  await page.getByLabel('Day', { exact: true }).fill(born.day);
  await page.getByLabel('Month', { exact: true }).fill(born.month);
  await page.getByLabel('Year', { exact: true }).fill(born.year);
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('Tell us briefly what is difficult').fill(marker());
  await page.getByRole('button', { name: 'Continue' }).click();

  const contact = page.getByRole('group', { name: 'How should the municipality contact the person?' });
  await contact.getByLabel('Email', { exact: true }).check();
  await expect(contact.getByLabel('The person’s email')).toHaveValue('');
  await expect(contact.getByLabel('The person’s email')).toHaveAccessibleDescription('Give the person’s email, your own or both.');
  await expect(contact.getByLabel('Your email')).toHaveValue('hanne@example.dk');
  await page.getByRole('group', { name: /get information/ }).getByLabel('Yes').check();
  // The revealed fields are the same fields as on steps 1 and 2, never on the page twice.
  expect(await page.evaluate(() => [...document.querySelectorAll('[id]')].map((e) => e.id).filter((id, i, all) => all.indexOf(id) !== i))).toEqual([]);
  await expectAccessibleAt320(page);

  // With neither e-mail, the problem is told on the person's e-mail, under the choice.
  await contact.getByLabel('Your email').fill('');
  await page.getByRole('button', { name: 'Continue' }).click();
  const summary = page.locator('.error-summary');
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link')).toHaveText(['Enter an email address, or choose another way to be contacted.']);
  await expect(summary.getByRole('link')).toHaveAttribute('href', '#f-email');
  // Changing the way of contact shows what that way needs instead, and the problem with the hidden field goes.
  await contact.getByLabel('Phone', { exact: true }).check();
  await expect(contact.getByLabel('The person’s email')).toHaveCount(0);
  await expect(contact.getByLabel('The person’s phone number')).toBeVisible();
  await expect(contact.getByLabel('Your phone number')).toBeVisible();
  await expect(summary).toHaveCount(0);
  await contact.getByLabel('Email', { exact: true }).check();
  await contact.getByLabel('The person’s email').fill('per@example.dk');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Check your answers' })).toBeFocused();
  await expect(page.getByRole('row', { name: /^Email/ })).toContainText('per@example.dk');
  await expect(page.getByRole('row', { name: /^Your email/ })).toContainText('Not answered');
  // It is the same field as on "About the person".
  await page.getByRole('row', { name: /^Email/ }).getByRole('link', { name: 'Change' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'About the person who needs support' })).toBeVisible();
  await expect(page.getByLabel(/^Email/)).toHaveValue('per@example.dk');
});

/** The one-page form (no island) in Sønderborg: a 50-year-old wants a letter and gives neither address nor CPR number. */
async function fillOnePageLetterForm(page: Page, name: string, description: string) {
  const born = birthDateForAge(50);
  await page.goto('/sonderborg/ansoeg/');
  await page.getByLabel('Jeg søger for mig selv').check();
  await page.getByLabel('Fulde navn').fill(name);
  await page.getByLabel('Dag', { exact: true }).fill(born.day);
  await page.getByLabel('Måned', { exact: true }).fill(born.month);
  await page.getByLabel('År', { exact: true }).fill(born.year);
  await page.getByLabel('Fortæl kort, hvad der er svært').fill(description);
  await page.getByRole('group', { name: CONTACT_ONE_PAGE }).getByLabel('Brev eller Digital Post').check();
  await page.getByRole('group', { name: /hente oplysninger/ }).getByLabel('Nej').check();
  return born;
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('"Brev eller Digital Post" with neither address nor CPR number says what is missing; a CPR number alone is then enough', async ({ page }) => {
    const description = marker();
    const born = await fillOnePageLetterForm(page, 'Lis Brev', description);
    await page.getByRole('button', { name: 'Fortsæt' }).click();

    const message = 'Skriv et CPR-nummer eller en adresse, eller vælg en anden måde at blive kontaktet på.';
    await expect(page.locator('#error-summary-page').getByRole('link')).toHaveText([message]);
    await expect(page.locator('#f-contactPreferred-error')).toHaveText(`Fejl: ${message}`);
    await expect(page.getByRole('group', { name: CONTACT })).toContainText('Kommunen sender Digital Post, når den har CPR-nummeret.');
    await expect(page.locator('#f-cpr')).toHaveCount(1);

    await page.getByLabel('CPR-nummer').fill(`0101${born.year.slice(2)}${Number(born.year) < 2000 ? 1 : 4}234`);
    await page.getByRole('button', { name: 'Fortsæt' }).click();
    await expect(page).toHaveURL(/\/sonderborg\/ansoeg\/tjek\/\?svar=[\w-]{43}$/);
    await page.getByRole('button', { name: 'Send ansøgning' }).click();
    await expect(page).toHaveURL(/\/sonderborg\/ansoeg\/kvittering\/\?reference=/);
    expect(await storedWith('sonderborg', description)).toHaveLength(1);
  });
});

test('sent before the island was ready (a slow phone), the problem is then shown on the revealed field, as the island does it', async ({ page }) => {
  // The first page gets no island, as on a slow connection; the page the server redirects to gets it.
  // Decided by whether the form was posted yet, not by when: the first page asks for it before anything is typed.
  let posted = false;
  page.on('request', (request) => void (request.method() === 'POST' && (posted = true)));
  await page.route('**/_astro/ApplyPage*.js', (route) => (posted ? route.continue() : route.abort()));
  await fillOnePageLetterForm(page, 'Lis Sen', marker());
  await page.getByRole('button', { name: 'Fortsæt' }).click();

  const message = 'Skriv et CPR-nummer eller en adresse, eller vælg en anden måde at blive kontaktet på.';
  await expect(page.locator('#apply-step-heading')).toHaveText('Kontakt og samtykke');
  // The island keeps the answers in the tab from here: the no-JavaScript draft's key leaves the address.
  await expect(page).toHaveURL(/\/sonderborg\/ansoeg\/$/);
  // The page's own summary gives way to the island's (removed once the island has rendered).
  await expect(page.locator('#error-summary-page')).toHaveCount(0);
  const summary = page.locator('.apply-form .error-summary');
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link')).toHaveText([message]);
  await expect(summary.getByRole('link')).toHaveAttribute('href', '#f-cpr');
  const cpr = page.getByLabel('Dit CPR-nummer', { exact: true });
  await expect(cpr).toHaveAttribute('aria-invalid', 'true');
  await summary.getByRole('link').click();
  await expect(cpr).toBeFocused();
  await expectAccessibleAt320(page);

  // What is typed in the island now is what a reload comes back to (the tab's answers, not the page's older ones).
  page.on('dialog', (dialog) => void dialog.accept());
  await cpr.fill('010170-1234');
  await page.reload();
  await expect(page.locator('#apply-step-heading')).toHaveText('Kontakt og samtykke');
  await expect(page.getByLabel('Dit CPR-nummer', { exact: true })).toHaveValue('010170-1234');
  await expect(page.getByLabel('Fulde navn')).toHaveCount(0);
});
