/**
 * Driving "Kan jeg få støtte?" in tests: the same answers given through the
 * island (one question per screen) or the no-JavaScript form (all at once).
 * Inputs are named `q-<question>-<option>` (and `q-age`) in both.
 */
import { expect, type Locator, type Page } from '@playwright/test';

/** Answers by question id; `needs` lists help-area slugs. */
export type Given = Record<string, string | string[]>;

export const questionnaire = (slug: string, lang: 'da' | 'en' = 'da') => `${lang === 'en' ? '/en' : ''}/${slug}/kan-jeg-faa-stoette/`;

async function answer(page: Page, id: string, value: string | string[] | undefined) {
  if (id === 'age') await page.locator('#q-age').fill(String(value ?? ''));
  else for (const v of [value ?? []].flat()) await page.locator(`#q-${id}-${v}`).check();
}

/**
 * Citizens' situations, walked with and without JavaScript: every outcome, every kommune, one in English, and
 * the rules traced to the standards' own words (short needs, under 18, readings, questions not asked).
 */
export const OUTCOME_EXAMPLES: { slug: string; lang?: 'da' | 'en'; given: Given; outcome: string; /** Words the reasons say. */ mentions?: string[]; /** Words the whole result (answers included) must not say. */ lacks?: string[] }[] = [
  {
    slug: 'bronderslev',
    given: { who: 'self', age: '45', reducedFunction: 'ja', needs: ['sundhed'], kindOfHelp: 'treatment', coveredByOtherHelp: 'nej', housing: 'eget-hjem', canTakePart: 'ja' },
    outcome: 'En anden slags hjælp passer måske bedre',
  },
  // A 20-year-old who needs support only for a short period: the standard says the support "kan gives som en
  // kortvarig eller længerevarende indsats", so a short need is a note, never a reason to go elsewhere. The note
  // quotes the standard and names the section of the document the words stand in.
  {
    slug: 'frederikssund',
    given: { who: 'professional', age: '20', reducedFunction: 'ja', needs: ['hverdagens-goeremaal'], canTakePart: 'ja', shortNeed: 'ja' },
    outcome: 'Socialpædagogisk støtte passer sandsynligvis til dig',
    mentions: ['Du har kun brug for støtte i en kort periode. Kommunen har også kortere forløb. Spørg Ungekontakten, hvad der passer til dig.', 'I afsnittet „Målgruppe“ siger kvalitetsstandarden: „Alt afhængigt af dit konkrete behov'],
  },
  {
    slug: 'sonderborg',
    given: { who: 'self', age: '61', reducedFunction: 'ja', needs: ['administration'], coveredByOtherHelp: 'nej', housing: 'andet', canTakePart: 'ja', shortNeed: 'ved-ikke' },
    outcome: 'Ring og tal med kommunen',
  },
  { slug: 'varde', given: { who: 'self', age: '17' }, outcome: 'En anden slags hjælp passer måske bedre' },
  // A 16-year-old in Frederikssund: the law's rule, labelled, and the youth contact the standard names.
  {
    slug: 'frederikssund',
    given: { who: 'self', age: '16' },
    outcome: 'En anden slags hjælp passer måske bedre',
    mentions: ['Det siger loven: Socialpædagogisk støtte efter § 85 i serviceloven er hjælp til voksne.'],
  },
  // A 24-year-old in Brønderslev on førtidspension, who types her age as "24 år": Visitationen, and that this
  // is how we read the standard.
  {
    slug: 'bronderslev',
    given: { who: 'self', age: '24 år', pension: 'ja', reducedFunction: 'ja', needs: ['socialt-liv'], kindOfHelp: 'learn', coveredByOtherHelp: 'nej', housing: 'eget-hjem', canTakePart: 'ja' },
    outcome: 'Socialpædagogisk støtte passer sandsynligvis til dig',
    mentions: [
      'Visitationen – Det Specialiserede Område tager imod din ansøgning, fordi du får førtidspension.',
      'Sådan forstår vi kvalitetsstandarden: Er man under 30 år og får førtidspension, nævner kvalitetsstandarden både UngeCentret og Visitationen.',
    ],
  },
  // A 40-year-old in Sønderborg who needs support only for a while: a note about the straksforløb, never a reason to go elsewhere.
  {
    slug: 'sonderborg',
    given: { who: 'self', age: '40', reducedFunction: 'ja', needs: ['administration'], coveredByOtherHelp: 'nej', housing: 'eget-hjem', canTakePart: 'ja', shortNeed: 'ja' },
    outcome: 'Socialpædagogisk støtte passer sandsynligvis til dig',
    mentions: ['Du har kun brug for støtte i en kort periode. Kommunen har også kortere forløb.', '„Når du ansøger om socialpædagogisk støtte vil vi i mange tilfælde tilbyde dig et straksforløb.“'],
  },
  // A 35-year-old in Aabenraa: not asked whether they will take part (a goal of the kommune's, not a condition);
  // where to apply is our reading, and says so.
  {
    slug: 'aabenraa',
    given: { who: 'self', age: '35', reducedFunction: 'ja', needs: ['deltage-i-en-aktivitet'], kindOfHelp: 'learn', coveredByOtherHelp: 'nej' },
    outcome: 'Socialpædagogisk støtte passer sandsynligvis til dig',
    mentions: ['Sådan forstår vi kvalitetsstandarden: Kvalitetsstandarden siger ikke, hvor man søger.'],
    lacks: ['Vil du selv være med'],
  },
  {
    slug: 'aabenraa',
    given: { who: 'relative', age: '70', reducedFunction: 'nej', needs: [], kindOfHelp: 'home-help', coveredByOtherHelp: 'ved-ikke' },
    outcome: 'En anden slags hjælp passer måske bedre',
  },
  {
    slug: 'varde',
    lang: 'en',
    given: { who: 'self', age: '30', reducedFunction: 'ja', needs: ['socialt-liv'], kindOfHelp: 'learn', canTakePart: 'ja' },
    outcome: 'Socio-educational support probably fits you',
    mentions: ['In the section “1.4 Hvem kan modtage støtten” the quality standard says: „Støtten kan bevilges til borgere over 18 år'],
  },
];

/**
 * With JavaScript: answers each screen the island shows, until the result;
 * `onScreen` looks at each screen, answered, before going on. After each
 * "Næste" it waits for the island to show the next question (or the result),
 * so a slow machine never answers the same screen twice.
 */
export async function answerWithIsland(page: Page, given: Given, onScreen?: () => Promise<void>) {
  await answerWithIslandUntil(page, given, null, onScreen);
  await expect(page.locator('#resultat')).toBeVisible();
}

/** As answerWithIsland, but stops on the question `stopAt` (unanswered), or at the result when `stopAt` is null. */
export async function answerWithIslandUntil(page: Page, given: Given, stopAt: string | null, onScreen?: () => Promise<void>) {
  const step = page.locator('form.questionnaire-step');
  const result = page.locator('#resultat');
  // The island's first question (not the server's one-page form, which it replaces).
  await expect(step.or(result)).toBeVisible();
  for (let i = 0; i < 15 && (await step.count()) > 0; i++) {
    const id = await step.locator('input').first().getAttribute('name');
    if (!id) throw new Error('a question without an input');
    if (id === stopAt) return;
    await answer(page, id, given[id]);
    await onScreen?.();
    await step.locator('button[type=submit]').click();
    // One question per screen: once it moves on, no field of this question is left.
    await expect(page.locator(`form.questionnaire-step [name="${id}"]`), `the island left the question "${id}"`).toHaveCount(0);
  }
  if (stopAt) throw new Error(`the island never asked "${stopAt}"`);
}

/** Without JavaScript: fills the one form, posts it and waits for the answer page to load. */
export async function answerWithForm(page: Page, given: Given) {
  for (const [id, value] of Object.entries(given)) await answer(page, id, value);
  await Promise.all([
    page.waitForURL('**/kan-jeg-faa-stoette/resultat/', { waitUntil: 'load' }),
    // The questionnaire page's form opens as the island's first question (.questionnaire-step); the result page's is the whole form.
    page.locator('form:is(.questionnaire-form, .questionnaire-step)[method=post] button[type=submit]').click(),
  ]);
}

const RESULT = {
  outcome: '#resultat',
  reasons: '.questionnaire-reasons > li',
  steps: '.questionnaire-steps > li h3, .questionnaire-steps > li h4',
};

/** What the result says: the outcome, every reason and every next step (their text, whitespace as a browser shows it collapsed). */
export async function resultText(page: Page) {
  const texts = async (selector: string) => (await page.locator(selector).allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim());
  return { outcome: (await texts(RESULT.outcome))[0], reasons: await texts(RESULT.reasons), steps: await texts(RESULT.steps) };
}

/** The page's result says the same as `expected` (resultText of another page); waits for it, as any locator assertion does. */
export async function expectResultText(page: Page, expected: Awaited<ReturnType<typeof resultText>>) {
  await expect(page.locator(RESULT.outcome)).toHaveText(expected.outcome ?? '');
  await expect(page.locator(RESULT.reasons)).toHaveText(expected.reasons);
  await expect(page.locator(RESULT.steps)).toHaveText(expected.steps);
}

/** Presses Tab until `target` has focus (keyboard only, as a citizen without a mouse would). */
export async function tabTo(page: Page, target: Locator, max = 40) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error(`Tab never reached ${target}`);
}
