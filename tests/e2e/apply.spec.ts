/**
 * Applying online in a browser, with and without JavaScript: the form, the
 * routing preview, errors, prefill from the questionnaire, the receipt, and
 * axe on every step (once: in the first test, which walks every step).
 */
import { expect, test, type Page } from '@playwright/test';
import { KOMMUNER, axeViolations, collectErrors, expectPrintedInOneColumn } from './support/site.ts';
import { birthDateForAge, clientAddress, marker, storedWith, validBody } from '../support/applications.ts';
import { keyboard } from './support/keyboard.ts';
import { applyWithJavaScript, continueButton, fillBirthDate } from './support/apply.ts';
import { blockSiteScripts, withoutSiteScripts } from './support/no-js.ts';

const client = clientAddress();
test.use({ extraHTTPHeaders: { 'X-Forwarded-For': client } });

const FORM = '/bronderslev/ansoeg/';
const RECEIPT = /\/bronderslev\/ansoeg\/kvittering\/\?reference=[2-9A-Z]{4}-[2-9A-Z]{4}$/;

async function expectNoAxeViolations(page: Page) {
  expect(await axeViolations(page)).toEqual([]);
}

/** No axe violation in the island's step (the rest of the page is the form page, scanned as it loads). */
const expectNoAxeViolationsInStep = async (page: Page) => expect(await axeViolations(page, 'main')).toEqual([]);


test.describe('with JavaScript', () => {
  test('a 25-year-old in Brønderslev applies and lands on an UngeCentret receipt', async ({ page }) => {
    const errors = collectErrors(page);
    const description = marker();
    await page.goto(FORM);
    await applyWithJavaScript(page, description);
    await page.getByRole('button', { name: 'Send ansøgning' }).click();

    await expect(page).toHaveURL(RECEIPT);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Vi har modtaget din ansøgning');
    await expect(page.locator('main')).toContainText('Din ansøgning er sendt til UngeCentret i Brønderslev Kommune.');
    await expect(page.locator('main')).toContainText('9945 4705');
    await expect(page.locator('.phone-status__now')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Udskriv kvitteringen' })).toBeVisible();
    const reference = new URL(page.url()).searchParams.get('reference');
    await expect(page.locator('.receipt-reference')).toHaveText(reference!);
    // The receipt holds nothing personal.
    await expect(page.locator('body')).not.toContainText('Sofie');
    await expectNoAxeViolations(page);
    expect(errors).toEqual([]);

    const stored = await storedWith('bronderslev', description);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ reference, unitId: 'ungecentret', application: { applicant: { name: 'Sofie Testesen', phone: '12 34 56 78' }, needs: ['socialt-liv'] } });
  });

  // The five steps' axe scans in two tests, so that neither does too much for a slow machine.
  for (const [which, steps] of [['the first two steps', [1, 2]], ['the support and contact steps, and "Tjek dine svar"', [3, 4, 5]]] as const) {
    test(`${which}, filled in, have no axe violation`, async ({ page }) => {
      await page.goto(FORM);
      await applyWithJavaScript(page, marker(), async (p, step) => {
        if ((steps as readonly number[]).includes(step)) await expectNoAxeViolationsInStep(p);
      });
    });
  }

  test('a double click on "Send ansøgning" stores one application', async ({ page }) => {
    const description = marker();
    await page.goto(FORM);
    await applyWithJavaScript(page, description);
    await page.getByRole('button', { name: 'Send ansøgning' }).dblclick();
    await expect(page).toHaveURL(RECEIPT);
    expect(await storedWith('bronderslev', description)).toHaveLength(1);
  });

  test('the routing preview follows the answers: førtidspension, then age 30, send it to Visitationen', async ({ page }) => {
    await page.goto(FORM);
    await page.getByLabel('Jeg søger for en anden').check();
    await expect(page.getByLabel('Dit navn')).toBeVisible();
    await page.getByLabel('Dit navn').fill('Hanne');
    await page.getByLabel('Hvad er du for personen?').fill('Mor');
    await page.getByLabel('Personen har sagt ja til, at jeg søger for dem').check();
    await continueButton(page).click();

    const preview = page.locator('.routing-preview');
    await expect(preview).toContainText('Hvem der får ansøgningen, afhænger af alderen');
    await fillBirthDate(page, 25);
    // To someone applying for another, the reason speaks of "personen", and states no answer that was not given.
    await expect(preview).toContainText(
      'Ansøgningen går til UngeCentret, fordi personen er under 30 år. Får personen førtidspension, går den i stedet til Visitationen – Det Specialiserede Område.',
    );
    await page.getByRole('group', { name: 'Får personen førtidspension?' }).getByLabel('Ja').check();
    await expect(preview).toContainText('Ansøgningen går til Visitationen – Det Specialiserede Område, fordi personen får førtidspension.');
    await expect(preview).toContainText('9945 4421');
    // Under 30 on førtidspension the standard names both units: the box says that sending it to Visitationen is our reading.
    await expect(preview).toContainText('Sådan forstår vi kvalitetsstandarden: Er man under 30 år og får førtidspension, nævner kvalitetsstandarden både UngeCentret og Visitationen.');
    await page.getByLabel('År', { exact: true }).fill(birthDateForAge(30).year);
    await expect(page.getByRole('group', { name: 'Får personen førtidspension?' })).toHaveCount(0);
    await expect(preview).toContainText('Visitationen');
  });

  test('a 16-year-old is told where young people get help, and cannot go on (Frederikssund)', async ({ page }) => {
    await page.goto('/frederikssund/ansoeg/');
    await page.getByLabel('Jeg søger for mig selv').check();
    await continueButton(page).click();
    await page.getByLabel('Fulde navn').fill('Ida');
    await fillBirthDate(page, 16);
    const help = page.locator('.under18');
    await expect(help).toContainText('Du skal være fyldt 18 år for at søge her');
    await expect(help).toContainText('Er barnet under 15 år, så spørg Rådgivningshuset på 70 22 22 10.');
    // The standard's own words, quoted, before our reading of them.
    await expect(help).toContainText('Det siger kvalitetsstandarden: „Hvis du er mellem 15 og 29 år, skal du i stedet henvende dig til Ungekontakten på telefonnummer 47 35 11 64.“');
    await expect(help).toContainText('Det siger loven: Socialpædagogisk støtte efter § 85 i serviceloven er hjælp til voksne.');
    await continueButton(page).click();
    await expect(page.locator('.error-summary')).toBeFocused();
    await expect(page.locator('.error-summary')).toContainText('Du skal være fyldt 18 år');
    await expectNoAxeViolations(page);
  });

  test('a 16-year-old in Aabenraa, whose standard gives no number, is given the number from the kommune’s website, labelled so, one tap to call', async ({ page }) => {
    await page.goto('/aabenraa/ansoeg/');
    await page.getByLabel('Jeg søger for mig selv').check();
    await continueButton(page).click();
    await fillBirthDate(page, 16);
    const help = page.locator('.under18');
    await expect(help).toContainText('Kvalitetsstandarden siger ikke, hvor børn og unge under 18 år får hjælp. Ring til kommunen, og spørg:');
    await expect(help.getByRole('listitem')).toHaveText('Visitation & Understøttelse: 7376 7676 (fra kommunens hjemmeside, dato ukendt)');
    await expect(help.locator('a[href^="tel:+45"]')).toHaveCount(1);
    await expectNoAxeViolations(page);
  });

  test('errors: the summary takes focus, links to each field, and the fields say what to do', async ({ page }) => {
    await page.goto(FORM);
    await continueButton(page).click();
    const summary = page.locator('.error-summary');
    await expect(summary).toBeFocused();
    await expect(summary.getByRole('link')).toHaveText(['Vælg, om du søger for dig selv eller for en anden.']);
    await page.getByLabel('Jeg søger for mig selv').check();
    await continueButton(page).click();

    await page.getByLabel('Dag', { exact: true }).fill('31');
    await page.getByLabel('Måned', { exact: true }).fill('4');
    await page.getByLabel('År', { exact: true }).fill('1990');
    await page.getByLabel('Postnummer').fill('97');
    await continueButton(page).click();
    await expect(summary).toBeFocused();
    await expect(summary.getByRole('link')).toHaveText([
      'Skriv dit fulde navn.',
      'Skriv en fødselsdato, der findes, fx 12 4 1999.',
      'Skriv vej og husnummer.',
      'Skriv et postnummer med 4 cifre, fx 9700.',
      'Skriv byen.',
    ]);
    await expect(page.getByLabel('Fulde navn')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.locator('#f-name-error')).toHaveText('Fejl: Skriv dit fulde navn.');
    await expectNoAxeViolationsInStep(page);
    await summary.getByRole('link', { name: 'Skriv byen.' }).click();
    await expect(page.getByLabel('By', { exact: true })).toBeFocused();
  });

  test('the check loads by itself as the island mounts; when it cannot, "Fortsæt" says so, keeps the answers and works once it can', async ({ page }) => {
    let blocked = true;
    await page.route('**/_astro/checks.*.js', (route) => (blocked ? route.abort() : route.continue()));
    await page.goto(FORM);
    await page.getByLabel('Jeg søger for mig selv').check();
    await continueButton(page).click();
    const summary = page.locator('.error-summary');
    await expect(summary).toBeFocused();
    await expect(summary).toContainText('Vi kunne ikke tjekke dine svar. De er ikke væk.');
    await expect(page.getByLabel('Jeg søger for mig selv')).toBeChecked();
    blocked = false;
    await continueButton(page).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Om dig' })).toBeFocused();
  });

  test('errors from the server land on their fields, and a failed send keeps the same Idempotency-Key', async ({ page }) => {
    const keys: string[] = [];
    let attempt = 0;
    await page.route(/\/api\/ansoegninger(\?|$)/, async (route) => {
      keys.push(route.request().headers()['idempotency-key']!);
      attempt++;
      if (attempt === 1) await route.fulfill({ status: 503, contentType: 'application/json', body: '{"errors":[]}', headers: { 'Retry-After': '30' } });
      else await route.fulfill({ status: 422, contentType: 'application/json', body: JSON.stringify({ errors: [{ path: 'applicant.phone', message: 'Serveren siger: tjek telefonnummeret.' }] }) });
    });
    await page.goto(FORM);
    await applyWithJavaScript(page, marker());
    const send = page.getByRole('button', { name: 'Send ansøgning' });
    await send.click();
    const summary = page.locator('.error-summary');
    await expect(summary).toBeFocused();
    await expect(summary).toContainText('Vi kunne ikke gemme din ansøgning lige nu');
    await send.click();
    await expect(page.getByRole('heading', { level: 2, name: 'Om dig' })).toBeVisible();
    await expect(summary).toBeFocused();
    await expect(page.locator('#f-phone-error')).toHaveText('Fejl: Serveren siger: tjek telefonnummeret.');
    await expect(page.getByLabel('Telefonnummer')).toHaveValue('12 34 56 78');
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[1]).toBe(keys[0]);
  });

  test('"Ret" on "Tjek dine svar" goes back to the question, and the answer is kept', async ({ page }) => {
    await page.goto(FORM);
    await applyWithJavaScript(page, marker());
    await page.getByRole('link', { name: 'Ret telefonnummer' }).click();
    await expect(page.getByLabel('Telefonnummer')).toBeFocused();
    await expect(page.getByLabel('Telefonnummer')).toHaveValue('12 34 56 78');
  });

  test('answers from "Kan jeg få støtte?" (sessionStorage) are filled in, and age 25 routes before a date of birth', async ({ page }) => {
    await page.addInitScript(() =>
      sessionStorage.setItem('stoetteportalen:questionnaire:bronderslev', JSON.stringify({ who: 'relative', age: 25, pension: 'nej', needs: ['socialt-liv', 'sundhed'] })),
    );
    await page.goto(FORM);
    await expect(page.getByLabel('Jeg søger for en anden')).toBeChecked();
    await page.getByLabel('Dit navn').fill('Hanne');
    await page.getByLabel('Hvad er du for personen?').fill('Mor');
    await page.getByLabel('Personen har sagt ja til, at jeg søger for dem').check();
    await continueButton(page).click();
    await expect(page.getByRole('group', { name: 'Får personen førtidspension?' }).getByLabel('Nej')).toBeChecked();
    await expect(page.locator('.routing-preview')).toContainText('Ansøgningen går til UngeCentret, fordi personen er under 30 år og ikke får førtidspension.');
    await expect(page.getByLabel('Dag', { exact: true })).toHaveValue('');
  });

  test('only with the keyboard: every step, with visible focus, to the receipt', async ({ page }) => {
    const description = marker();
    const born = birthDateForAge(40);
    await page.goto('/varde/ansoeg/');

    const { tabTo, type, choose } = keyboard(page);
    const next = async () => {
      await tabTo(continueButton(page));
      await page.keyboard.press('Enter');
      // As a user would, start on the new step once it is there: focus moves to its heading.
      await expect(page.locator('#apply-step-heading')).toBeFocused();
    };

    await choose('Hvem søger om støtte?', 'Jeg søger for mig selv');
    await next();
    await type('Fulde navn', 'Karl Tastatur');
    await type('Dag', born.day);
    await type('Måned', born.month);
    await type('År', born.year);
    await type(/^Telefonnummer/, '87654321');
    await next();
    await type('Fortæl kort, hvad der er svært, og hvad støtten skal hjælpe med', description);
    await next();
    await choose('Hvordan vil du helst kontaktes af kommunen?', 'Telefon');
    await choose(/hente oplysninger/, 'Nej');
    await next();
    await tabTo(page.getByRole('button', { name: 'Send ansøgning' }));
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/varde\/ansoeg\/kvittering\/\?reference=/);
    await expect(page.locator('main')).toContainText('Social og Handicap');
    expect(await storedWith('varde', description)).toHaveLength(1);
  });

  test('in English, at /en/…, the form and the receipt are English', async ({ page }) => {
    await page.goto('/en/varde/ansoeg/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Apply for socio-educational support in Varde Kommune');
    // The Danish name of the support, once, for someone who will meet it in the municipality's letters.
    await expect(page.locator('.page-lead [lang="da"]')).toHaveText('socialpædagogisk støtte');
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.locator('.error-summary')).toContainText('Choose whether you are applying for yourself or for someone else.');
    await expectNoAxeViolations(page);

    const { reference } = await (await page.request.post('/api/ansoegninger', { data: validBody('varde') })).json();
    await page.goto(`/en/varde/ansoeg/kvittering/?reference=${reference}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('We have received your application');
    await expect(page.locator('main')).toContainText('Social og Handicap');
    await expect(page.locator('main')).toContainText('Not stated in the quality standard.');
    await expectNoAxeViolations(page);
  });

  test('switching language on the receipt keeps the receipt (its reference goes along)', async ({ page }) => {
    const { reference } = await (await page.request.post('/api/ansoegninger', { data: validBody('varde') })).json();
    await page.goto(`/varde/ansoeg/kvittering/?reference=${reference}`);
    await page.getByRole('navigation', { name: 'Sprog, nederst på siden' }).getByRole('link', { name: 'English' }).click();
    await expect(page).toHaveURL(`/en/varde/ansoeg/kvittering/?reference=${reference}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('We have received your application');
    await expect(page.locator('.receipt-reference')).toHaveText(reference);
  });

  test('the kommune’s page, its contact page and the front page lead to the form', async ({ page }) => {
    await page.goto('/sonderborg/');
    await page.getByRole('link', { name: 'Søg om støtte på nettet' }).click();
    await expect(page).toHaveURL(/\/sonderborg\/ansoeg\/$/);
    await page.goto('/en/sonderborg/kontakt/');
    await page.getByRole('link', { name: 'Apply for support online' }).click();
    await expect(page).toHaveURL(/\/en\/sonderborg\/ansoeg\/$/);
    await page.goto('/');
    await expect(page.locator('.journeys')).toContainText('Søg om støtte på nettet. Du får en kvittering.');
  });
});

test.describe('without JavaScript', () => {
  // None of the site's scripts run (support/no-js.ts); axe still can.
  test.beforeEach(async ({ context }) => blockSiteScripts(context));

  /** The one-page form, filled in as a 25-year-old in Brønderslev. */
  async function fillInOnePage(page: Page, description: string) {
    const born = birthDateForAge(25);
    await page.getByLabel('Jeg søger for mig selv').check();
    await page.getByLabel('Fulde navn').fill('Sofie Uden-JS');
    await page.getByLabel('Dag', { exact: true }).fill(born.day);
    await page.getByLabel('Måned', { exact: true }).fill(born.month);
    await page.getByLabel('År', { exact: true }).fill(born.year);
    await page.getByLabel(/^Telefonnummer/).fill('12345678');
    // One page before it is sent: the words cannot know yet who fills it in, so they name neither "du" nor "personen".
    await page.getByRole('group', { name: 'Får den, der skal have støtte, førtidspension?' }).getByLabel('Nej').check();
    await page.getByLabel('Sundhed, fx at passe på helbredet og tage medicin').check();
    await page.getByLabel('Fortæl kort, hvad der er svært').fill(description);
    await page.getByRole('group', { name: 'Hvordan skal kommunen helst tage kontakt?' }).getByLabel('Telefon').check();
    await page.getByRole('group', { name: /hente oplysninger/ }).getByLabel('Ja').check();
  }

  test('a 16-year-old in Aabenraa is told, as the law’s rule, to ask the kommune, with the number from the kommune’s website', async ({ page }) => {
    await page.goto('/aabenraa/ansoeg/');
    await fillBirthDate(page, 16);
    await page.getByRole('button', { name: 'Fortsæt' }).click();
    const help = page.locator('.under18');
    await expect(help).toContainText('Det siger loven: Socialpædagogisk støtte efter § 85 i serviceloven er hjælp til voksne.');
    await expect(help.getByRole('listitem')).toHaveText('Visitation & Understøttelse: 7376 7676 (fra kommunens hjemmeside, dato ukendt)');
    await expect(help.locator('a[href="tel:+4573767676"]')).toHaveCount(1);
  });

  test('a 25-year-old in Brønderslev on førtidspension who forgot a question sees that the application goes to Visitationen, and that this is our reading', async ({ page }) => {
    await page.goto(FORM);
    await fillInOnePage(page, marker());
    await page.getByRole('group', { name: 'Får den, der skal have støtte, førtidspension?' }).getByLabel('Ja').check();
    await page.getByLabel('Fulde navn').fill('');
    await page.getByRole('button', { name: 'Fortsæt' }).click();
    // Back with errors, the page knows she applies for herself: "du".
    await expect(page.locator('#error-summary-page')).toContainText('Skriv dit fulde navn.');
    await expect(page.getByRole('group', { name: 'Får du førtidspension?' }).getByLabel('Ja')).toBeChecked();
    const preview = page.locator('.routing-preview');
    await expect(preview).toContainText('Din ansøgning går til Visitationen – Det Specialiserede Område, fordi du får førtidspension.');
    await expect(preview).toContainText('Sådan forstår vi kvalitetsstandarden: Er man under 30 år og får førtidspension, nævner kvalitetsstandarden både UngeCentret og Visitationen.');
  });

  test('a 25-year-old in Brønderslev applies on one page, checks her answers and lands on an UngeCentret receipt (303)', async ({ page }) => {
    const description = marker();
    await page.goto(FORM);
    // public/island-js.js (marks the page for the island's takeover) and the island's module, neither run.
    await expect(page.locator('script')).toHaveCount(2);
    // axe on the form as loaded: in 'every kommune, both languages' below.
    await fillInOnePage(page, description);
    await page.getByRole('button', { name: 'Fortsæt' }).click();
    await expect(page).toHaveURL(/\/bronderslev\/ansoeg\/tjek\/\?svar=[\w-]{43}$/);
    const [response] = await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname === '/api/ansoegninger' && r.request().method() === 'POST'),
      page.getByRole('button', { name: 'Send ansøgning' }).click(),
    ]);
    expect(response.status()).toBe(303);
    await expect(page).toHaveURL(RECEIPT);
    await expect(page.locator('main')).toContainText('Din ansøgning er sendt til UngeCentret i Brønderslev Kommune.');
    await expect(page.getByText('Ctrl+P')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Udskriv kvitteringen' })).toBeHidden();
    await expectNoAxeViolations(page);
    const stored = await storedWith('bronderslev', description);
    expect(stored.map((a) => a.unitId)).toEqual(['ungecentret']);
  });

  test('sent twice before the answer comes (a double click) stores one application', async ({ page }) => {
    const description = marker();
    await page.goto(FORM);
    await fillInOnePage(page, description);
    await page.getByRole('button', { name: 'Fortsæt' }).click();
    await expect(page).toHaveURL(/\/bronderslev\/ansoeg\/tjek\/\?svar=[\w-]{43}$/);
    // Each post reaches the server at once, but the first answer is held back until the second
    // post has arrived, so the second click comes while the first is still waiting (a slow connection).
    const answers: { status: number; location: string }[] = [];
    let secondArrived: () => void = () => {};
    const second = new Promise<void>((resolve) => (secondArrived = resolve));
    await page.route(/\/api\/ansoegninger(\?|$)/, async (route) => {
      const response = await route.fetch({ maxRedirects: 0 });
      answers.push({ status: response.status(), location: response.headers().location ?? '' });
      if (answers.length === 1) await second;
      else secondArrived();
      await route.fulfill({ response }).catch(() => {});
    });
    await page.getByRole('button', { name: 'Send ansøgning' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => answers.length).toBe(1);
    await page.keyboard.press('Enter');
    await expect.poll(() => answers.length).toBe(2);
    const stored = await storedWith('bronderslev', description);
    expect(stored).toHaveLength(1);
    // Both posts got the same answer: a 303 to the one receipt.
    expect(answers).toEqual([0, 1].map(() => ({ status: 303, location: `/bronderslev/ansoeg/kvittering/?reference=${stored[0]!.reference}` })));
  });

  test('errors come back on the form page (a 303 to it): "Fejl:" in the title, the summary first in main, every value kept', async ({ page }) => {
    await page.goto(FORM);
    await page.getByLabel('Fulde navn').fill('Sofie Halv');
    await page.getByLabel('Dag', { exact: true }).fill('12');
    await page.getByLabel('CPR-nummer').fill('123');
    await page.getByLabel('Sundhed, fx at passe på helbredet og tage medicin').check();
    await page.getByLabel('Fortæl kort, hvad der er svært').fill('Linje et\nLinje to');
    const [response] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), page.getByRole('button', { name: 'Fortsæt' }).click()]);
    expect(response.status()).toBe(303);
    expect(response.headers()['cache-control']).toBe('no-store');
    await expect(page).toHaveURL(/\/bronderslev\/ansoeg\/\?svar=[\w-]{43}$/);
    await expect(page).toHaveTitle(/^Fejl: Søg om socialpædagogisk støtte i Brønderslev Kommune/);
    const first = page.locator('main > :first-child');
    await expect(first).toContainText('Der er et problem');
    await expect(first.getByRole('link')).toHaveText([
      'Vælg, om du søger for dig selv eller for en anden.',
      'Skriv både dag, måned og år.',
      'Skriv et CPR-nummer med 10 cifre, fx 120499-1234.',
      // Nobody said who applies: the words name neither "du" nor "personen".
      'Vælg, hvordan kommunen skal tage kontakt.',
      'Svar ja eller nej til, om kommunen må hente oplysninger.',
    ]);
    await expect(page.getByLabel('Fulde navn')).toHaveValue('Sofie Halv');
    await expect(page.getByLabel('Dag', { exact: true })).toHaveValue('12');
    await expect(page.getByLabel('CPR-nummer')).toHaveValue('123');
    await expect(page.getByLabel('Sundhed, fx at passe på helbredet og tage medicin')).toBeChecked();
    await expect(page.getByLabel('Fortæl kort, hvad der er svært')).toHaveValue('Linje et\nLinje to');
    await expect(page.locator('#f-cpr-error')).toHaveText('Fejl: Skriv et CPR-nummer med 10 cifre, fx 120499-1234.');
    await expectNoAxeViolations(page);
    await first.getByRole('link', { name: 'Skriv både dag, måned og år.' }).click();
    await expect(page).toHaveURL(/#f-birthDay$/);
  });

  test('from the English form, errors come back in English', async ({ page }) => {
    await page.goto('/en/aabenraa/ansoeg/');
    await page.getByLabel('I am applying for myself').check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page).toHaveURL(/\/en\/aabenraa\/ansoeg\/\?svar=[\w-]{43}$/);
    await expect(page).toHaveTitle(/^Error: Apply for socio-educational support in Aabenraa Kommune/);
    await expect(page.locator('#error-summary-page')).toContainText('There is a problem');
    await expect(page.locator('#error-summary-page')).toContainText('Enter your full name.');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByLabel('I am applying for myself')).toBeChecked();
  });

  test('a 17-year-old is told where to go instead, in the standard’s words (Frederikssund)', async ({ page }) => {
    await page.goto('/frederikssund/ansoeg/');
    await fillBirthDate(page, 17);
    await page.getByRole('button', { name: 'Fortsæt' }).click();
    await expect(page.locator('.under18')).toContainText('Er barnet under 15 år, så spørg Rådgivningshuset på 70 22 22 10.');
    await expect(page.locator('.under18')).toContainText('Det siger kvalitetsstandarden: „Hvis du er mellem 15 og 29 år');
    // Nobody said who applies: neither "du" nor "personen".
    await expect(page.locator('#error-summary-page')).toContainText('Den, der skal have støtte, skal være fyldt 18 år');
    await expectNoAxeViolations(page);
  });

  test('answers from "Kan jeg få støtte?" posted to the form page are filled in, with no errors', async ({ page, baseURL }) => {
    // Stands in for the questionnaire's no-JavaScript result page (same origin, a plain form).
    await page.route('**/questionnaire-result-stand-in/', (route) =>
      route.fulfill({
        contentType: 'text/html; charset=utf-8',
        body: `<!doctype html><title>x</title><form method="post" action="/bronderslev/ansoeg/">
          <input type="hidden" name="prefill" value="questionnaire"><input type="hidden" name="who" value="professional">
          <input type="hidden" name="age" value="25"><input type="hidden" name="pension" value="nej">
          <input type="hidden" name="needs" value="samfundsliv"><input type="hidden" name="needs" value="mobilitet">
          <button>Søg</button></form>`,
      }),
    );
    await page.goto(`${baseURL}/questionnaire-result-stand-in/`);
    await page.getByRole('button', { name: 'Søg' }).click();
    await expect(page).toHaveURL(/\/bronderslev\/ansoeg\/$/);
    await expect(page).toHaveTitle(/^Søg om/);
    await expect(page.locator('.error-summary')).toHaveCount(0);
    await expect(page.getByLabel('Jeg søger for en anden')).toBeChecked();
    await expect(page.getByRole('group', { name: 'Får personen førtidspension?' }).getByLabel('Nej')).toBeChecked();
    await expect(page.getByLabel('Samfundsliv, fx post, økonomi, arbejde og uddannelse')).toBeChecked();
    await expect(page.getByLabel('Mobilitet, fx at komme rundt og tage bus og tog')).toBeChecked();
    await expect(page.locator('.routing-preview')).toContainText('Ansøgningen går til UngeCentret');
    await expectNoAxeViolations(page);
  });

  test('an unknown reference gives a friendly page, not an error', async ({ page }) => {
    const response = await page.goto('/bronderslev/ansoeg/kvittering/?reference=ABCD-EFGH');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Vi kan ikke finde kvitteringen');
    await expectNoAxeViolations(page);
  });
});

test.describe('the receipt answers "when will I hear?" and "how do I complain, and by when?"', () => {
  /** "7. januar 2027": the Danish date of `received`, that many weeks on, counted on a calendar. */
  const day = (received: string, weeks: number) => {
    const [y, m, d] = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen' }).format(new Date(received)).split('-').map(Number);
    const later = new Date(Date.UTC(y!, m! - 1, d! + weeks * 7));
    return new Intl.DateTimeFormat('da-DK', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' }).format(later);
  };

  for (const [kommune, when] of [
    ['bronderslev', { fact: 'Hvor lang tid det tager', weeks: 5 }],
    ['varde', { fact: 'Kommunen kontakter dig', weeks: 4 }],
    ['frederikssund', null],
    ['sonderborg', null],
    ['aabenraa', null],
  ] as const) {
    test(`${kommune}: ${when ? `a date counted from the standard’s ${when.weeks} weeks` : 'the law’s rule on deadlines, labelled as law'}, and the complaint deadline of retssikkerhedsloven § 67`, async ({ page }) => {
      const answer = await (await page.request.post('/api/ansoegninger', { data: validBody(kommune) })).json();
      await page.goto(`/${kommune}/ansoeg/kvittering/?reference=${answer.reference}`);
      const next = page.locator('.next-steps');
      // Varde's standard gives no weeks for the decision; its website does (6 uger), shown as the website's, with a date.
      const outside = kommune === 'varde';
      await expect(next.getByRole('heading', { level: 3 })).toHaveText([
        /^Sådan forstår vi kvalitetsstandarden for /,
        ...(outside ? ['Fra andre kilder end kvalitetsstandarden'] : []),
        'Det siger loven',
      ]);
      if (outside) {
        const website = next.locator('dl').nth(1);
        await expect(website).toContainText('Varde Kommunes side om sagsbehandlingsfrister oplyser for § 85 Socialpædagogisk støtte i eget hjem: 6 uger. (Kilde: Varde Kommune: Sagsbehandlingsfrister, dato ukendt).');
        await expect(website.locator('.receipt-date')).toHaveText(`Det vil sige senest den ${day(answer.receivedAt, 6)}.`);
      }
      const law = next.locator('dl').nth(outside ? 2 : 1);
      await expect(law).toContainText('Kommunen skal have din klage senest 4 uger efter, at du har fået afgørelsen. Det står i retssikkerhedsloven § 67.');
      if (when) {
        const promised = next.locator('dl').first().locator('dt', { hasText: when.fact }).locator('xpath=following-sibling::dd[1]');
        await expect(promised.locator('.receipt-date')).toHaveText(`Det vil sige senest den ${day(answer.receivedAt, when.weeks)}.`);
        await expect(next.locator('.receipt-date')).toHaveCount(outside ? 2 : 1);
      } else {
        await expect(next.locator('.receipt-date')).toHaveCount(0);
      }
      // Where the standard gives no processing time in weeks, the law's rule that the kommune sets one, labelled as law.
      await expect(law.getByText('Det står i retssikkerhedsloven § 3, stk. 1 og 2.')).toHaveCount(kommune === 'bronderslev' ? 0 : 1);
    });
  }
});

test('the receipt says no e-mail is sent, and printed it is one column in the site’s font, without the live phone status', async ({ page }) => {
  const answer = await (await page.request.post('/api/ansoegninger', { data: validBody('bronderslev') })).json();
  await page.goto(`/bronderslev/ansoeg/kvittering/?reference=${answer.reference}`);
  await expect(page.getByText('Vi sender ikke en kvittering på e-mail. Skriv nummeret ned, eller udskriv siden.')).toBeVisible();
  await expect(page.locator('.phone-status')).toHaveCount(1);
  await expectPrintedInOneColumn(page, { wide: '.next-steps dd', gone: ['.phone-status', '.receipt-actions'] });
});

test.describe('every kommune, both languages', () => {
  for (const kommune of KOMMUNER) {
    for (const prefix of ['', '/en']) {
      const path = `${prefix}/${kommune}/ansoeg/`;
      test(`${path}: no-store, one h1, no axe violation without JavaScript, no sideways scroll at 320 px`, async ({ browser }) => {
        const context = await withoutSiteScripts(browser, { viewport: { width: 320, height: 640 } });
        const page = await context.newPage();
        const response = await page.goto(path);
        expect(response?.status()).toBe(200);
        expect(response?.headers()['cache-control']).toBe('no-store');
        await expect(page.locator('h1')).toHaveCount(1);
        expect(await axeViolations(page)).toEqual([]);
        expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
        await context.close();
      });
    }
  }

  test('the island fits at 320 px on every step without sideways scroll', async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 640 });
    await page.goto(FORM);
    const noSidewaysScroll = async (p: Page) =>
      expect(await p.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await applyWithJavaScript(page, marker(), noSidewaysScroll);
  });
});
