/**
 * "Kan jeg få støtte?" in the browser: keyboard only with JavaScript, the
 * plain form without it, the same outcome both ways, axe once on every step
 * and on each kind of result, the answers carried to the application form,
 * print, and the English version.
 */
import { expect, test, type Page } from '@playwright/test';
import { withoutSiteScripts } from './support/no-js.ts';
import { KOMMUNER, axeViolations, collectErrors, expectPrintedInOneColumn } from './support/site.ts';
import { OUTCOME_EXAMPLES, answerWithForm, answerWithIsland, answerWithIslandUntil, expectResultText, questionnaire, resultText, tabTo } from './support/questionnaire.ts';

const noScript = { javaScriptEnabled: false };

test.describe('with JavaScript, keyboard only', () => {
  test('a 24-year-old in Brønderslev without førtidspension answers one question per screen and is sent to UngeCentret', async ({ page }) => {
    const errors = collectErrors(page);
    await page.goto(questionnaire('bronderslev'));
    const heading = page.locator('.question-heading');
    const next = page.locator('form.questionnaire-step button[type=submit]');

    // 1 who: Space picks the first answer.
    await expect(heading).toContainText('Trin 1 af 9');
    await tabTo(page, page.locator('#q-who-self'));
    await page.keyboard.press('Space');
    await tabTo(page, next);
    await page.keyboard.press('Enter');

    // 2 age: focus is on the new question's heading; Enter in the field goes on.
    await expect(heading).toBeFocused();
    await expect(heading).toContainText('Trin 2 af 9');
    await page.keyboard.press('Tab');
    await expect(page.locator('#q-age')).toBeFocused();
    await page.keyboard.type('24');
    await page.keyboard.press('Enter');

    // 3 førtidspension (asked because 24 is under 30): arrow keys move between the answers.
    await expect(heading).toBeFocused();
    await expect(heading).toContainText('Trin 3 af 9');
    await expect(heading).toContainText('førtidspension');
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowDown');
    await expect(page.locator('#q-pension-nej')).toBeChecked();
    await tabTo(page, next);
    await page.keyboard.press('Enter');

    /** Tab to `target`, press `key` there (Space picks it, ArrowDown picks the next radio), then go on with Enter. */
    const keyboardStep = async (target: string, key: 'Space' | 'ArrowDown' = 'Space') => {
      await expect(heading).toBeFocused();
        await tabTo(page, page.locator(target));
      await page.keyboard.press(key);
      await tabTo(page, next);
      await page.keyboard.press('Enter');
    };
    await keyboardStep('#q-reducedFunction-ja');
    await keyboardStep('#q-needs-socialt-liv'); // check boxes are each a tab stop
    await keyboardStep('#q-kindOfHelp-learn');
    await keyboardStep('#q-coveredByOtherHelp-ja', 'ArrowDown'); // "Nej"
    await keyboardStep('#q-housing-eget-hjem');
    await expect(heading).toContainText('Trin 9 af 9');
    await expect(next).toHaveText('Se resultatet');
    await keyboardStep('#q-canTakePart-ja');

    const result = page.locator('#resultat');
    await expect(result).toBeFocused();
    await expect(result).toHaveText('Socialpædagogisk støtte passer sandsynligvis til dig');
    await expect(page.locator('.questionnaire-result')).toContainText('Det er ikke en afgørelse');
    await expect(page.locator('.questionnaire-result .page-lead')).toContainText('UngeCentret tager imod din ansøgning');
    await expect(page.locator('.questionnaire-reasons')).toContainText('fordi du er under 30 år og ikke får førtidspension');

    // "Søg nu": the answers go along in sessionStorage (the contract with the application form), never in the URL.
    const apply = page.getByRole('link', { name: 'Søg nu' });
    await expect(apply).toHaveAttribute('href', '/bronderslev/ansoeg/');
    await tabTo(page, apply);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/bronderslev\/ansoeg\/$/);
    const carried = await page.evaluate(() => sessionStorage.getItem('stoetteportalen:questionnaire:bronderslev'));
    expect(JSON.parse(carried ?? 'null')).toEqual({ who: 'self', age: 24, pension: 'nej', needs: ['socialt-liv'], helpAreas: [] });
    expect(await page.evaluate(() => Object.keys(localStorage))).toEqual([]);
    expect(errors).toEqual([]);
  });

  /**
   * axe on each kind of question the island shows (one choice, a number, several choices), once each;
   * the results are scanned with the outcome examples below. Each screen is a new state of <main>, the
   * page around it was scanned as it loaded (pages.spec.ts).
   */
  const scanMain = async (page: Page) => expect(await axeViolations(page, 'main')).toEqual([]);

  test('the island’s first question (one choice) and the age (a number) have no axe violation', async ({ page }) => {
    await page.goto(questionnaire('bronderslev'));
    await expect(page.locator('form.questionnaire-step')).toBeVisible();
    await scanMain(page);
    await page.locator('#q-who-self').check();
    await page.getByRole('button', { name: 'Næste' }).click();
    await expect(page.locator('#q-age')).toBeVisible();
    await scanMain(page);
  });

  test('the island’s question with several choices (what is hard) has no axe violation', async ({ page }) => {
    await page.goto(questionnaire('varde'));
    await answerWithIslandUntil(page, { who: 'self', age: '35', reducedFunction: 'ja' }, 'needs');
    await scanMain(page);
  });

  test('"Tilbage" is always there and keeps the answers; an empty answer gets an error summary that takes focus', async ({ page }) => {
    await page.goto(questionnaire('varde'));
    await expect(page.getByRole('link', { name: 'Tilbage' })).toHaveAttribute('href', '/varde/');
    await page.locator('form.questionnaire-step button[type=submit]').click();
    const summary = page.locator('.error-summary');
    await expect(summary).toBeFocused();
    await expect(summary).toContainText('Vælg, hvem der svarer på spørgsmålene');
    expect(await axeViolations(page, 'main')).toEqual([]);
    await summary.getByRole('link').click();
    await expect(page.locator('#q-who-self')).toBeFocused();

    await page.locator('#q-who-relative').check();
    await page.getByRole('button', { name: 'Næste' }).click();
    await page.locator('#q-age').fill('tyve');
    await page.getByRole('button', { name: 'Næste' }).click();
    await expect(summary).toContainText('Skriv alderen som et tal i hele år');
    await expect(page.locator('#q-age')).toHaveAttribute('aria-describedby', /q-age-error/);

    await page.getByRole('button', { name: 'Tilbage' }).click();
    await expect(page.locator('#q-who-relative')).toBeChecked();
    await expect(page.locator('.question-heading')).toBeFocused();
  });

  test('a reload, the browser’s back button and coming back to the page keep the answers (sessionStorage)', async ({ page }) => {
    await page.goto(questionnaire('sonderborg'));
    await page.locator('#q-who-self').check();
    await page.getByRole('button', { name: 'Næste' }).click();
    await page.locator('#q-age').fill('40');
    await page.getByRole('button', { name: 'Næste' }).click();
    await expect(page.locator('.question-heading')).toContainText('Trin 3 af 8');

    await page.reload();
    await expect(page.locator('.question-heading')).toContainText('Trin 3 af 8');
    await page.goBack();
    await expect(page.locator('#q-age')).toHaveValue('40');
    await page.goForward();
    await expect(page.locator('.question-heading')).toContainText('Trin 3 af 8');

    await page.goto('/sonderborg/');
    await page.goBack();
    await expect(page.locator('.question-heading')).toContainText('Trin 3 af 8');
    expect(await page.evaluate(() => Object.keys(localStorage))).toEqual([]);
  });

  test('a 16-year-old in Frederikssund is told, as the law’s rule, where young people get help, with Ungekontakten’s number, and is offered no button to a form that refuses', async ({ page }) => {
    await page.goto(questionnaire('frederikssund'));
    await answerWithIsland(page, { who: 'self', age: '16' });
    await expect(page.locator('#resultat')).toHaveText('En anden slags hjælp passer måske bedre');
    await expect(page.locator('.questionnaire-reasons')).toContainText('Det siger loven: Socialpædagogisk støtte efter § 85 i serviceloven er hjælp til voksne.');
    await expect(page.locator('.questionnaire-steps')).toContainText('Hjælp til børn og unge under 18 år');
    await expect(page.locator('.questionnaire-steps')).toContainText('Ungekontakten');
    // The standard's own words name Ungekontakten's number: one tap to call, as on the standard's page.
    await expect(page.locator('.questionnaire-steps .standard-says__quote')).toContainText('„Hvis du er mellem 15 og 29 år, skal du i stedet henvende dig til Ungekontakten');
    await expect(page.locator('.questionnaire-steps .standard-says__text a[href="tel:+4547351164"]')).toHaveText('47 35 11 64');
    const result = page.locator('.questionnaire-result');
    await expect(result.locator('.page-lead')).not.toContainText('alligevel');
    await expect(result.getByRole('link', { name: /^Søg/ })).toHaveCount(0);
    await expect(result.getByRole('button', { name: /^Søg/ })).toHaveCount(0);
    expect(await axeViolations(page, 'main')).toEqual([]);
  });

  /** A 52-year-old in Sønderborg unsure about reduced function: "Ring og tal med kommunen". */
  const SONDERBORG_CALL_US = {
    who: 'self', age: '52', reducedFunction: 'ved-ikke', needs: ['administration'], coveredByOtherHelp: 'nej',
    housing: 'eget-hjem', canTakePart: 'ja', shortNeed: 'nej',
  };

  test('"Ring og tal med kommunen" gives the phone as a tel: link, the hours and whether they answer now (Sønderborg, Monday 8.30)', async ({ page }) => {
    await page.clock.install({ time: new Date('2026-11-23T08:30:00+01:00') });
    await page.goto(questionnaire('sonderborg'));
    await answerWithIsland(page, SONDERBORG_CALL_US);
    await expect(page.locator('#resultat')).toHaveText('Ring og tal med kommunen');
    const call = page.locator('.questionnaire-steps > li').first();
    await expect(call.locator('a[href="tel:+4527904340"]')).toHaveText('27 90 43 40');
    await expect(call).toContainText('hverdage mellem kl. 8-9 og 13-14');
    await expect(call.locator('.phone-status__now')).toHaveText('Åben nu – lukker kl. 9.00');
  });

  test('the "Ring og tal med kommunen" status keeps itself current: Sønderborg closes at 9.00 while the result is open', async ({ page }) => {
    await page.clock.install({ time: new Date('2026-11-23T08:58:00+01:00') });
    await page.goto(questionnaire('sonderborg'));
    await answerWithIsland(page, SONDERBORG_CALL_US);
    const status = page.locator('.questionnaire-steps > li').first().locator('.phone-status__now');
    await expect(status).toHaveText('Åben nu – lukker kl. 9.00');
    await page.clock.runFor('03:00');
    await expect(status).toHaveText('Lukket – åbner i dag kl. 13.00');
    await expect(status).toHaveAttribute('data-state', 'closed');
  });

  test('Aabenraa’s standard gives no phone number: "Ring" gives the number from the kommune’s website, labelled so, one tap to call', async ({ page }) => {
    await page.goto(questionnaire('aabenraa'));
    await answerWithIsland(page, {
      who: 'self', age: '35', reducedFunction: 'ja', needs: ['deltage-i-en-aktivitet'], kindOfHelp: 'ved-ikke',
      coveredByOtherHelp: 'nej',
    });
    const call = page.locator('.questionnaire-steps > li').first();
    await expect(call.locator('a[href="tel:+4573767676"]')).toHaveText('7376 7676');
    await expect(call).toContainText('(fra kommunens hjemmeside, dato ukendt)');
    await expect(call).not.toContainText('Kvalitetsstandarden giver ikke et telefonnummer.');
    await expect(call.getByRole('link', { name: 'Se alle kontaktoplysninger' })).toHaveAttribute('href', '/aabenraa/kontakt/');
  });

  test('a unit whose standard gives no phone hours says so once, with and without JavaScript (Frederikssund)', async ({ browser }) => {
    const given = { who: 'self', age: '16' };
    for (const options of [{}, noScript]) {
      const context = await browser.newContext(options);
      const page = await context.newPage();
      await page.goto(questionnaire('frederikssund'));
      await (options === noScript ? answerWithForm(page, given) : answerWithIsland(page, given));
      const call = page.locator('.questionnaire-steps > li', { hasText: 'Ring til Ungekontakten' });
      await expect(call.getByText('Kvalitetsstandarden nævner ikke telefontider.')).toHaveCount(1);
      await expect(call).not.toContainText('om der er åbent nu');
      await context.close();
    }
  });

  test('the result prints on its own, one column in the site’s font: buttons, header tools, the intro and the live status are left out', async ({ page }) => {
    await page.goto(questionnaire('bronderslev'));
    await answerWithIsland(page, {
      who: 'self', age: '45', reducedFunction: 'ja', needs: ['sundhed'], kindOfHelp: 'learn', coveredByOtherHelp: 'nej', housing: 'eget-hjem', canTakePart: 'ja',
    });
    await expect(page.getByRole('button', { name: 'Udskriv' })).toBeVisible();
    await expect(page.locator('.phone-status__now')).toHaveCount(1);
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.questionnaire-nav')).toBeHidden();
    await expect(page.locator('.questionnaire-intro')).toBeHidden();
    await expect(page.locator('.questionnaire-answers')).toBeVisible();
    await expect(page.locator('.questionnaire-reasons')).toBeVisible();
    // On paper: the site's font, the whole width of the sheet, and no "Åben nu" (true only on a screen).
    await page.emulateMedia({ media: 'screen' });
    await expectPrintedInOneColumn(page, { wide: '.questionnaire-reasons > li p', gone: ['.phone-status__now'] });
  });
});

const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

test.describe('on a 320 px wide phone nothing scrolls sideways', () => {
  test.use({ viewport: { width: 320, height: 640 } });

  test('with JavaScript: a question, its error, the result', async ({ page }) => {
    await page.goto(questionnaire('sonderborg'));
    await page.getByRole('button', { name: 'Næste' }).click();
    await expect(page.locator('.error-summary')).toBeFocused();
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await answerWithIsland(page, { who: 'self', age: '40', reducedFunction: 'ja', needs: ['administration'], coveredByOtherHelp: 'nej', housing: 'botilbud', canTakePart: 'ja', shortNeed: 'ja' });
    expect(await overflow(page)).toBeLessThanOrEqual(0);
  });

  test.describe('without JavaScript', () => {
    test.use({ javaScriptEnabled: false });

    test('the form’s errors, the result', async ({ page }) => {
      await page.goto(questionnaire('bronderslev'));
      await Promise.all([page.waitForURL('**/resultat/', { waitUntil: 'load' }), page.locator('form.questionnaire-step button[type=submit]').click()]);
      await expect(page.locator('.error-summary')).toBeVisible();
      expect(await overflow(page)).toBeLessThanOrEqual(0);
      await answerWithForm(page, { who: 'self', age: '19', pension: 'nej', reducedFunction: 'ja', needs: ['samfundsliv'], kindOfHelp: 'learn', coveredByOtherHelp: 'nej', housing: 'eget-hjem', canTakePart: 'ja' });
      await expect(page.locator('h1')).toBeVisible();
      expect(await overflow(page)).toBeLessThanOrEqual(0);
    });
  });
});

test.describe('without JavaScript', () => {
  test('the whole questionnaire is one plain form that posts to a server-rendered result', async ({ browser }) => {
    const context = await withoutSiteScripts(browser);
    const page = await context.newPage();
    await page.goto(questionnaire('bronderslev'));
    // The page's form opens as the island's first question; the rest follows, shown without JavaScript.
    const form = page.locator('form.questionnaire-step');
    await expect(form).toHaveAttribute('method', 'post');
    await expect(form.locator('button[type=submit]')).toHaveAccessibleName('Se resultatet');
    await expect(form.getByText('Dine svar bliver kun husket i denne fane')).toBeHidden();
    // Every question on one page: no "Trin 1 af 9" above the first.
    await expect(form.getByText(/Trin 1 af/)).toBeHidden();
    await expect(form).toHaveAttribute('action', '/bronderslev/kan-jeg-faa-stoette/resultat/');
    await expect(form.locator('fieldset legend h2')).toHaveCount(8);
    await expect(form).toContainText('Du skal kun svare, hvis du er under 30 år.');

    // An empty form: the error summary comes first, has focus and links to each field.
    await form.locator('button[type=submit]').click();
    await expect(page).toHaveTitle(/^Fejl: /);
    const summary = page.locator('.error-summary');
    await expect(summary).toBeFocused();
    await expect(summary.getByRole('link')).toHaveCount(7);
    await expect(summary.getByRole('link').first()).toHaveAttribute('href', '#q-who-self');
    expect(await axeViolations(page)).toEqual([]);

    // Answers are kept after an error.
    await page.locator('#q-who-professional').check();
    await page.locator('#q-age').fill('femogfyrre');
    await page.locator('form.questionnaire-form button[type=submit]').click();
    await expect(page.locator('#q-who-professional')).toBeChecked();
    await expect(page.locator('#q-age')).toHaveValue('femogfyrre');
    await expect(summary).toContainText('Skriv alderen som et tal i hele år');
    await context.close();
  });

  test('the result page carries the answers to the application form as hidden fields in a POST', async ({ browser }) => {
    const context = await browser.newContext(noScript);
    const page = await context.newPage();
    await page.goto(questionnaire('bronderslev'));
    await answerWithForm(page, {
      who: 'relative', age: '24', pension: 'ved-ikke', reducedFunction: 'ja', needs: ['sundhed', 'egenomsorg'],
      kindOfHelp: 'learn', coveredByOtherHelp: 'nej', housing: 'eget-hjem', canTakePart: 'ja',
    });
    await expect(page).toHaveURL(/\/bronderslev\/kan-jeg-faa-stoette\/resultat\/$/);
    await expect(page.locator('h1')).toHaveText('Socialpædagogisk støtte passer sandsynligvis til dig');
    const apply = page.locator('form[action="/bronderslev/ansoeg/"]');
    await expect(apply).toHaveAttribute('method', 'post');
    const fields = await apply.locator('input[type=hidden]').evaluateAll((inputs) =>
      inputs.map((i) => [(i as HTMLInputElement).name, (i as HTMLInputElement).value]),
    );
    expect(fields).toEqual([
      ['prefill', 'questionnaire'],
      ['who', 'relative'],
      ['age', '24'],
      ['pension', 'ved-ikke'],
      ['needs', 'sundhed'],
      ['needs', 'egenomsorg'],
    ]);
    await expect(apply.getByRole('button')).toHaveText('Søg nu');
    await expect(page.locator('.questionnaire-reasons')).toContainText('Her på Støtteportalen kan du kun søge for en anden, hvis personen har sagt ja til det.');
    await context.close();
  });
});

/**
 * The same answers, with and without JavaScript: every kommune, every
 * outcome, in one test per example. Each walk scans the result it reaches
 * once: the island's (main) and the no-JavaScript result page (whole). The
 * plain form as the server sends it is scanned in the tests after these.
 */
for (const { slug, lang = 'da', given, outcome, mentions, lacks = [] } of OUTCOME_EXAMPLES) {
  const name = `${lang === 'en' ? 'English: ' : ''}${slug}${given.age ? ` (${given.age})` : ''}`;

  test(`${name}: the same answers reach "${outcome}" with and without JavaScript, and neither result has an axe violation`, async ({ browser }) => {
    const js = await browser.newContext();
    const withJs = await js.newPage();
    await withJs.goto(questionnaire(slug, lang));
    await answerWithIsland(withJs, given);
    const island = await resultText(withJs);
    expect(island.outcome).toBe(outcome);
    for (const words of mentions ?? []) expect(island.reasons.join(' ')).toContain(words);
    for (const words of lacks) await expect(withJs.locator('.questionnaire-result')).not.toContainText(words);
    expect(await axeViolations(withJs, 'main')).toEqual([]);
    await js.close();

    const blocked = await withoutSiteScripts(browser);
    const withoutJs = await blocked.newPage();
    await withoutJs.goto(questionnaire(slug, lang));
    await answerWithForm(withoutJs, given);
    await expectResultText(withoutJs, island);
    for (const words of lacks) await expect(withoutJs.locator('.questionnaire-result')).not.toContainText(words);
    expect(await axeViolations(withoutJs)).toEqual([]);
    await blocked.close();
  });
}

/** The questionnaire as one plain form, as the server sends it: once per kommune, and once in English. */
for (const [slug, lang] of [...KOMMUNER.map((k) => [k, 'da'] as const), ['varde', 'en'] as const]) {
  test(`${lang === 'en' ? 'English: ' : ''}${slug}: the questionnaire as one plain form (without JavaScript) has no axe violation`, async ({ browser }) => {
    const blocked = await withoutSiteScripts(browser);
    const page = await blocked.newPage();
    await page.goto(questionnaire(slug, lang));
    await expect(page.locator('form.questionnaire-step')).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
    await blocked.close();
  });
}

test.describe('English', () => {
  test('the questionnaire, its answers and the result are in English; the kommune’s own words stay Danish and marked so', async ({ page }) => {
    await page.goto(questionnaire('bronderslev', 'en'));
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.locator('h1')).toHaveText('Can I get socio-educational support in Brønderslev Kommune?');
    await expect(page.locator('.question-heading')).toContainText('Step 1 of 9');
    await expect(page.getByRole('button', { name: 'Next' })).toBeVisible();
    await answerWithIsland(page, {
      who: 'self', age: '35', reducedFunction: 'ja', needs: ['mobilitet'], kindOfHelp: 'companion', coveredByOtherHelp: 'nej',
      housing: 'eget-hjem', canTakePart: 'ja',
    });
    await expect(page.locator('#resultat')).toHaveText('Another kind of help may fit better');
    // A VUM theme is the same choice as in the form, explained the same way, in English.
    await expect(page.locator('.questionnaire-answers')).toContainText('Getting around, for example taking the bus and train');
    await expect(page.locator('.questionnaire-steps')).toContainText('A companion under section 97');
    await expect(page.locator('.standard-says__text').first()).toHaveAttribute('lang', 'da');
    await expect(page.locator('.questionnaire-reasons a').first()).toHaveAttribute('href', /^\/en\/bronderslev\/#/);
    await expect(page.getByRole('link', { name: 'Apply anyway' })).toHaveAttribute('href', '/en/bronderslev/ansoeg/');
    expect(await axeViolations(page, 'main')).toEqual([]);
  });
});

test.describe('links to the questionnaire', () => {
  for (const slug of KOMMUNER) {
    test(`${slug}: the standard page links to its questionnaire`, async ({ page }) => {
      await page.goto(`/${slug}/`);
      await expect(page.getByRole('link', { name: /Kan jeg få støtte\?/ })).toHaveAttribute('href', `/${slug}/kan-jeg-faa-stoette/`);
    });
  }

  test('the front page names the questionnaire among the journeys', async ({ page }) => {
    await page.goto('/');
    await expect(page.locator('.journeys')).toContainText('Find ud af, om du kan få støtte.');
  });
});
