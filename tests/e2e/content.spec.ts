/**
 * Every fact of each source document can be found on its kommune's pages:
 * the fact lists (content/kommuner/<slug>.facts.json, where a kommune has
 * one) checked against the rendered standard and contact pages; and what the
 * standard pages show of the content in each language (Kort fortalt in
 * Danish, and in English on the English page).
 */
import { expect, test } from '@playwright/test';
import { KOMMUNER } from './support/site.ts';
import { kommunerWithFacts, missingFacts } from '../support/seed-facts.ts';
import { clientAddress, validBody } from '../support/applications.ts';
import { blockSiteScripts } from './support/no-js.ts';
import { kommune } from '../support/kommuner.ts';
import { danishParts } from '../../src/lib/danish-parts.ts';
import { phoneSegments, unitPhones } from '../../src/domain/phone-numbers-in-text.ts';
import { telHref } from '../../src/domain/phone-numbers.ts';

for (const { slug, facts } of kommunerWithFacts) {
  test(`every fact of the ${slug} standard is on its pages`, async ({ page }) => {
    let text = '';
    for (const path of [`/${slug}/`, `/${slug}/kontakt/`]) {
      await page.goto(path);
      text += ` ${await page.locator('body').innerText()}`;
    }
    expect(missingFacts(facts, text)).toEqual([]);
  });
}

for (const slug of KOMMUNER) {

  test(`${slug}: the standard page names its source document and the individual assessment`, async ({ page }) => {
    await page.goto(`/${slug}/`);
    const source = page.locator('section', { has: page.locator('#om-kvalitetsstandarden') });
    await expect(source).toContainText('Godkendt');
    await expect(source).toContainText('konkret og individuel vurdering');
  });

  test(`${slug}: the English standard page says the text stays Danish and marks it lang="da"`, async ({ page }) => {
    await page.goto(`/en/${slug}/`);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByText('only available in Danish')).toBeVisible();
    await expect(page.locator('.standard-text')).toHaveAttribute('lang', 'da');
  });

  test(`${slug}: the English standard page gives Kort fortalt in English, with the units’ numbers as tel: links, and says the Danish standard counts`, async ({ page }) => {
    const { kortFortalt, kortFortaltEn, units } = kommune(slug);
    expect(kortFortaltEn, `content/kommuner/${slug}.mdx: kortFortaltEn`).toBeDefined();
    await page.goto(`/en/${slug}/`);
    const box = page.locator('.kort-fortalt');
    const list = box.locator('ul');
    await expect(list).toHaveAttribute('lang', 'en');
    await expect(list.locator('li')).toHaveText(kortFortaltEn!.map((s) => s.replace(/<\/?da>/g, '')));
    // Every unit number the Danish summary gives is a tap-to-call link in the English one too.
    const phones = unitPhones(units).filter((phone) => kortFortalt.some((s) => phoneSegments(s, [phone]).some((p) => p.phone)));
    for (const phone of phones) await expect(list.locator(`a[href="${telHref(phone)}"]`)).toHaveCount(1);
    // Danish names in it are marked Danish.
    for (const name of kortFortaltEn!.flatMap((s) => danishParts(s).filter((p) => p.danish).map((p) => p.text))) {
      await expect(list.locator('span[lang="da"]', { hasText: name }).first()).toBeVisible();
    }
    await expect(box.locator('.kort-fortalt__note')).toHaveText('This is our own summary in English. The Danish quality standard is what counts: read this page in Danish.');
    await expect(box.getByRole('link', { name: 'read this page in Danish' })).toHaveAttribute('href', `/${slug}/`);
  });

  test(`${slug}: the Danish standard page gives Kort fortalt in Danish only`, async ({ page }) => {
    await page.goto(`/${slug}/`);
    const box = page.locator('.kort-fortalt');
    await expect(box.locator('ul')).toHaveAttribute('lang', 'da');
    await expect(box.locator('li')).toHaveText(kommune(slug).kortFortalt);
    await expect(box.locator('.kort-fortalt__note')).toHaveCount(0);
  });
}

test('the contact page gives phone numbers as tel: links and hours as a table (Sønderborg: two windows a day)', async ({ page }) => {
  await page.goto('/sonderborg/kontakt/');
  const tel = page.locator('a[href^="tel:+45"]');
  await expect(tel.first()).toBeVisible();
  const monday = page.getByRole('row', { name: /Mandag/ });
  await expect(monday).toContainText('kl. 8.00–9.00 og kl. 13.00–14.00');
});

test('Brønderslev: where the routing is the site’s reading of the standard (under 30 and on førtidspension), the contact page says it is a reading', async ({ page }) => {
  await page.goto('/bronderslev/kontakt/');
  await expect(page.locator('.routing-reading')).toHaveText(/^Sådan forstår vi kvalitetsstandarden: .*Vi sender ansøgningen til Visitationen på grund af førtidspensionen\./);
});

test('Frederikssund’s standard is silent on deadlines: "Det vigtigste" says so, and gives the law’s rule where the law has one, labelled as law', async ({ page }) => {
  await page.goto('/frederikssund/');
  const facts = page.locator('.key-facts dl');
  const row = (label: string) => facts.locator('dt', { hasText: label }).locator('xpath=following-sibling::dd[1]');
  await expect(row('Frist for at klage')).toContainText('Står ikke i kvalitetsstandarden. Spørg kommunen. Det siger loven: Kommunen skal have din klage senest 4 uger efter, at du har fået afgørelsen. Det står i retssikkerhedsloven § 67.');
  await expect(row('Sagsbehandlingstid')).toContainText('Det siger loven: Kommunen skal behandle din ansøgning så hurtigt som muligt. Den skal selv fastsætte, hvor lang tid der højst må gå');
  await expect(row('Alder')).toContainText('Det siger loven: Socialpædagogisk støtte efter § 85 i serviceloven er hjælp til voksne.');
  // No law settles when the support starts: silence, and where to ask.
  await expect(row('Hvornår støtten starter')).toHaveText('Står ikke i kvalitetsstandarden. Spørg kommunen.');
  // The complaint section of the text opens with the deadline.
  await expect(page.locator('#hvad-goer-jeg-hvis-jeg-er-uenig + section.complaint-deadline h3')).toHaveText('Klagefrist');
});

test('a unit without phone hours in its standard says so instead of guessing (Varde)', async ({ page }) => {
  await page.goto('/varde/kontakt/');
  await expect(page.getByText('Kvalitetsstandarden nævner ikke telefontider')).toBeVisible();
  await expect(page.locator('table')).toHaveCount(0);
});

test('Aabenraa: contact details from outside the standard are marked as such, with their source', async ({ page }) => {
  await page.goto('/aabenraa/kontakt/');
  const box = page.locator('section', { has: page.locator('#andre-kilder') });
  await expect(box).toContainText('står ikke i kvalitetsstandarden');
  await expect(box.locator('a[href^="https://"]').first()).toBeVisible();
});

test('Aabenraa’s number, which only the kommune’s website gives, is where a citizen looks: the unit card, the standard’s "Sådan søger du" and "Hvem skal jeg kontakte?", the routing box and the receipt, labelled with its source', async ({ page, context }) => {
  const expectWebsiteNumber = async (where: ReturnType<typeof page.locator>) => {
    await expect(where.locator('a[href="tel:+4573767676"]')).toHaveText('7376 7676');
    await expect(where).toContainText('7376 7676 (fra kommunens hjemmeside, dato ukendt)');
  };
  await page.goto('/aabenraa/kontakt/');
  await expectWebsiteNumber(page.getByRole('region', { name: 'Visitation & Understøttelse' }));
  // The text of the standard tells the reader to ask the kommune: the number stands right there (<Telefon />).
  await page.goto('/aabenraa/');
  for (const section of ['saadan-soeger-du', 'hvem-skal-jeg-kontakte']) {
    await expectWebsiteNumber(page.locator(`#${section} ~ ul.unit-phones`).first());
  }
  // And in "Oplysninger fra andre kilder", where it comes from.
  await expect(page.locator('.boxed--outside a[href="tel:+4573767676"]')).toHaveCount(1);

  // The routing box on the one-page form (without JavaScript the form shows it at once; the island from "Om dig").
  await blockSiteScripts(context);
  await page.goto('/aabenraa/ansoeg/');
  await expectWebsiteNumber(page.locator('.routing-preview'));

  const response = await page.request.post('/api/ansoegninger', { data: validBody('aabenraa'), headers: { 'X-Forwarded-For': clientAddress() } });
  const { reference } = await response.json();
  await page.goto(`/aabenraa/ansoeg/kvittering/?reference=${reference}`);
  await expectWebsiteNumber(page.getByRole('region', { name: 'Hvem behandler din ansøgning?' }));
});

test('the language switch names each language in itself and leads to the same page', async ({ page }) => {
  await page.goto('/bronderslev/kontakt/');
  const nav = page.getByRole('navigation', { name: 'Sprog, nederst på siden' });
  await expect(nav.getByRole('link', { name: 'Dansk' })).toHaveAttribute('aria-current', 'true');
  await nav.getByRole('link', { name: 'English' }).click();
  await expect(page).toHaveURL(/\/en\/bronderslev\/kontakt\/$/);
  await expect(page.getByRole('navigation', { name: 'Language, bottom of the page' }).getByRole('link', { name: 'Dansk' })).toHaveAttribute('lang', 'da');
  // The switch is in the header, where people look first, and it leads back to the same page.
  const header = page.getByRole('banner').getByRole('link', { name: 'Dansk' });
  await expect(header).toHaveAttribute('lang', 'da');
  await header.click();
  await expect(page).toHaveURL(/\/bronderslev\/kontakt\/$/);
  await expect(page.getByRole('banner').getByRole('link', { name: 'English' })).toHaveAttribute('hreflang', 'en');
});

test('the skip link takes keyboard users to the main content', async ({ page }) => {
  await page.goto('/bronderslev/');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Gå til indhold' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
});
