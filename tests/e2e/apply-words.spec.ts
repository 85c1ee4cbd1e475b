/**
 * The form's words for whoever fills it in, on a phone-sized window, with and
 * without JavaScript: someone applying for themselves is "du" and never
 * "personen"; someone applying for another reads "personen" about the person
 * and never "du" about the person's own circumstances.
 */
import { expect, test, type Page } from '@playwright/test';
import { birthDateForAge, clientAddress, marker } from '../support/applications.ts';
import { applyWithJavaScript, continueButton, fillBirthDate } from './support/apply.ts';
import { blockSiteScripts } from './support/no-js.ts';
import { axeViolations } from './support/site.ts';

test.use({ extraHTTPHeaders: { 'X-Forwarded-For': clientAddress() }, viewport: { width: 375, height: 740 } });

const FORM = '/bronderslev/ansoeg/';

/** "du" about the person's own circumstances, as the words for oneself say it. */
const DU_ABOUT_THE_PERSON =
  /Om dig\b|vil du helst kontaktes|Får du førtidspension|for dig i hverdagen|Får du allerede hjælp|oplysninger om dig|Din ansøgning går|fordi du\b|Du skal være fyldt|Vil du have en bisidder|Har du ikke en fast adresse|Hvad har du brug for|\b(dig|din|dit|dine) (færdigheder|hverdag|hjem|økonomi|netværk)\b|omkring dig\b/;
/** A kommune that lists its own help items, in the standard's words to the reader ("dine færdigheder"). */
const OWN_LIST_FORM = '/aabenraa/ansoeg/';

/** The form's text, without the questions about the one applying for another (they speak of "personen" by right). */
const formText = (page: Page) =>
  page.locator('main').evaluate((main) => {
    const copy = main.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('.conditional-fields').forEach((el) => el.remove());
    return copy.innerText;
  });

test('applying for oneself with JavaScript: "du" on every step and in the routing reason, never "personen"', async ({ page }) => {
  await page.goto(FORM);
  const texts: string[] = [];
  await applyWithJavaScript(page, marker(), async (p) => void texts.push(await formText(p)));
  texts.push(await formText(page));
  expect(texts.join('\n')).toContain('Får du førtidspension?');
  expect(texts.filter((t) => /\bpersonen/i.test(t))).toEqual([]);
});

test('applying for another with JavaScript: "personen" about the person, and the reason states no answer not given', async ({ page }) => {
  await page.goto(FORM);
  await page.getByLabel('Jeg søger for en anden').check();
  await page.getByLabel('Dit navn').fill('Hanne');
  await page.getByLabel('Hvad er du for personen?').fill('Mor');
  await page.getByLabel('Personen har sagt ja til, at jeg søger for dem').check();
  await continueButton(page).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Om personen, der skal have støtte' })).toBeFocused();
  await page.getByLabel('Fulde navn').fill('Per Person');
  await fillBirthDate(page, 25);
  // Førtidspension not answered: the reason says what follows from each answer, not which one was given.
  await expect(page.locator('.routing-preview')).toContainText('fordi personen er under 30 år. Får personen førtidspension, går den i stedet til');
  const texts = [await formText(page)];
  await page.getByRole('group', { name: 'Får personen førtidspension?' }).getByLabel('Ved ikke').check();
  await page.getByLabel('Telefonnummer').fill('1');
  await continueButton(page).click();
  // Which of the two phone numbers is wrong: the person's.
  await expect(page.locator('.error-summary')).toContainText('Skriv personens telefonnummer med 8 cifre');
  await page.getByLabel('Telefonnummer').fill('12 34 56 78');
  await continueButton(page).click();
  texts.push(await formText(page));
  await page.getByLabel('Fortæl kort, hvad der er svært').fill(marker());
  await continueButton(page).click();
  texts.push(await formText(page));
  await page.getByRole('group', { name: 'Hvordan skal kommunen helst kontakte personen?' }).getByLabel('Telefon').check();
  await page.getByRole('group', { name: /bisidder/ }).getByLabel('Nej').check();
  await page.getByRole('group', { name: /hente oplysninger/ }).getByLabel('Ja').check();
  await continueButton(page).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Tjek dine svar' })).toBeFocused();
  texts.push(await formText(page));
  expect(texts.join('\n')).toContain('Får personen førtidspension?');
  expect(texts.filter((t) => DU_ABOUT_THE_PERSON.test(t))).toEqual([]);
  expect(await axeViolations(page, 'main')).toEqual([]);
});

test('a month written as a word and a day with its dot are read: "3." "april" is the 3rd of April', async ({ page }) => {
  await page.goto(FORM);
  await page.getByLabel('Jeg søger for mig selv').check();
  await continueButton(page).click();
  await expect(page.getByRole('group', { name: 'Fødselsdato' })).toHaveAccessibleDescription(/Måneden kan også være et ord, fx april\./);
  const year = String(new Date().getFullYear() - 40);
  await page.getByLabel('Fulde navn').fill('Sofie Testesen');
  await page.getByLabel('Dag', { exact: true }).fill('3.');
  await page.getByLabel('Måned', { exact: true }).fill('april');
  await page.getByLabel('År', { exact: true }).fill(year);
  await page.getByLabel('Telefonnummer').fill('12 34 56 78');
  await expect(page.locator('.routing-preview')).toContainText('Din ansøgning går til Visitationen – Det Specialiserede Område, fordi du er');
  await continueButton(page).click();
  await page.getByLabel('Fortæl kort, hvad der er svært').fill(marker());
  await continueButton(page).click();
  await page.getByRole('group', { name: 'Hvordan vil du helst kontaktes af kommunen?' }).getByLabel('Telefon').check();
  await page.getByRole('group', { name: /hente oplysninger/ }).getByLabel('Ja').check();
  await continueButton(page).click();
  await expect(page.getByRole('row', { name: /Fødselsdato/ })).toContainText(`3.4.${year}`);
});

test('in a kommune with its own help list, a helper is asked about the person in the standard’s items without “dine”', async ({ page }) => {
  await page.goto(OWN_LIST_FORM);
  await page.getByLabel('Jeg søger for en anden').check();
  await page.getByLabel('Dit navn').fill('Hanne');
  await page.getByLabel('Hvad er du for personen?').fill('Mor');
  await page.getByLabel('Personen har sagt ja til, at jeg søger for dem').check();
  await continueButton(page).click();
  await page.getByLabel('Fulde navn').fill('Per Person');
  await fillBirthDate(page, 40);
  await page.getByLabel('Telefonnummer').fill('12 34 56 78');
  await continueButton(page).click();
  const question = page.getByRole('group', { name: 'Hvad har personen brug for hjælp til?' });
  await expect(question.getByLabel('At holde fast i og udvikle sine færdigheder')).toBeVisible();
  const text = await formText(page);
  expect(text).not.toMatch(DU_ABOUT_THE_PERSON);
  expect(text).not.toContain('Socialt liv');
  expect(await axeViolations(page, 'main')).toEqual([]);
  await question.getByLabel('At holde fast i og udvikle sine færdigheder').check();
  await page.getByLabel('Fortæl kort, hvad der er svært').fill(marker());
  await continueButton(page).click();
  await page.getByRole('group', { name: 'Hvordan skal kommunen helst kontakte personen?' }).getByLabel('Telefon').check();
  await page.getByRole('group', { name: /hente oplysninger/ }).getByLabel('Ja').check();
  await continueButton(page).click();
  await expect(page.getByRole('row', { name: /Hvad har personen brug for hjælp til/ })).toContainText('At holde fast i og udvikle sine færdigheder');
  expect(await formText(page)).not.toMatch(DU_ABOUT_THE_PERSON);
});

test('on the English page of a kommune with its own help list, the items are the standard’s Danish words, marked as Danish', async ({ page }) => {
  await page.goto(`/en${OWN_LIST_FORM}`);
  const next = page.getByRole('button', { name: 'Continue' });
  const born = birthDateForAge(40);
  await page.getByLabel('I am applying for myself').check();
  await next.click();
  await page.getByLabel('Full name').fill('Sofie Testesen');
  await page.getByLabel('Day', { exact: true }).fill(born.day);
  await page.getByLabel('Month', { exact: true }).fill(born.month);
  await page.getByLabel('Year', { exact: true }).fill(born.year);
  await page.getByLabel(/^Phone number/).fill('12 34 56 78');
  await next.click();
  const question = page.getByRole('group', { name: 'What do you need help with?' });
  await expect(question.locator('label[lang="da"]')).toHaveText([
    'At holde fast i og udvikle dine færdigheder',
    'At deltage i en bestemt aktivitet',
    'At klare en bestemt funktion',
    'Socialpædagogisk ledsagelse',
  ]);
  expect(await axeViolations(page, 'main')).toEqual([]);
});

test.describe('without JavaScript', () => {
  test.beforeEach(({ context }) => blockSiteScripts(context));

  test('in a kommune with its own help list the neutral page asks about the items with “sine”, never “dine”', async ({ page }) => {
    await page.goto(OWN_LIST_FORM);
    const question = page.getByRole('group', { name: 'Hvad er der brug for hjælp til?' });
    await expect(question.getByRole('checkbox')).toHaveCount(4);
    await expect(question.getByLabel('At holde fast i og udvikle sine færdigheder')).toBeVisible();
    const text = await formText(page);
    expect(text).not.toMatch(DU_ABOUT_THE_PERSON);
    expect(text).not.toContain('Socialt liv');
  });

  test('before it is sent the page names neither; back with errors it speaks to whoever filled it in', async ({ page }) => {
    await page.goto(FORM);
    const before = await formText(page);
    expect(before).toContain('Får den, der skal have støtte, førtidspension?');
    expect(before).not.toMatch(/\bpersonen/i);
    expect(before).not.toMatch(DU_ABOUT_THE_PERSON);
    // The box does not change as answers are typed on this page, so it promises no update.
    expect(before).toContain('Hvem der får ansøgningen, afhænger af alderen. Kvitteringen viser, hvem der har fået den.');
    expect(before).not.toContain('Du ser det her');

    // A helper who forgot the person's name.
    await page.getByLabel('Jeg søger for en anden').check();
    await page.getByLabel('Dit navn').fill('Hanne');
    await page.getByLabel('Hvad er du for personen?').fill('Mor');
    await page.getByLabel('Personen har sagt ja til, at jeg søger for dem').check();
    const born = birthDateForAge(40);
    await page.getByLabel('Dag', { exact: true }).fill(born.day);
    await page.getByLabel('Måned', { exact: true }).fill(born.month);
    await page.getByLabel('År', { exact: true }).fill(born.year);
    await page.getByRole('button', { name: 'Fortsæt' }).click();
    await expect(page.locator('#error-summary-page')).toContainText('Skriv personens fulde navn.');
    const helper = await formText(page);
    expect(helper).toContain('Ansøgningen går til Visitationen – Det Specialiserede Område, fordi personen er 40 år.');
    expect(helper).not.toMatch(DU_ABOUT_THE_PERSON);
    expect(await axeViolations(page)).toEqual([]);

    // The same page, now for herself.
    await page.getByLabel('Jeg søger for mig selv').check();
    await page.getByRole('button', { name: 'Fortsæt' }).click();
    await expect(page.locator('#error-summary-page')).toContainText('Skriv dit fulde navn.');
    const self = await formText(page);
    expect(self).toContain('Din ansøgning går til Visitationen – Det Specialiserede Område, fordi du er 40 år.');
    expect(self).not.toMatch(/\bpersonen/i);
  });
});
