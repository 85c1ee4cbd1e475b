/**
 * WCAG 3.1.2 Language of Parts on the English pages: Danish text inside an
 * English page must sit in an element with lang="da", or a screen reader reads
 * it with English pronunciation. This finds the text that gives itself away as
 * Danish (æ, ø, å, a Danish word, or a phrase from the content data such as a
 * unit's name or a routing reason) and is not inside lang="da".
 */
import type { Page } from '@playwright/test';
import { kommuner } from '../../support/kommuner.ts';

const data = Object.values(kommuner);

/**
 * Proper names that are the same in English, so they may stand unmarked in an
 * English sentence (as "Copenhagen" would not be marked either): the kommuner's
 * names as English pages use them ("Brønderslev Kommune", "Sønderborg") and
 * the site's own name. Unit names are not on this list: they are Danish words
 * ("UngeCentret" = the youth centre) and a screen reader must say them in Danish.
 */
export const PROPER_NAMES: readonly string[] = [
  ...data.flatMap((k) => [k.name, k.shortName]),
  'Støtteportalen',
].sort((a, b) => b.length - a.length);

/**
 * Danish words that are not also English words, which betray Danish without
 * æ, ø or å ("Ring til UngeCentret, hvis du er under 30", "Kort fortalt",
 * "Acadre dok.nr. 94306/25"); the Danish terms the English pages explain
 * ("bisidder", "kommune" where the English text says "municipality"); and the
 * endings of the names of Danish acts and authorities ("serviceloven",
 * "Digitaliseringsstyrelsen", "Datatilsynet").
 */
const DANISH_WORDS = [
  'og', 'du', 'dig', 'din', 'dit', 'ikke', 'skal', 'eller', 'hvis', 'fordi', 'efter', 'mandag', 'tirsdag', 'onsdag', 'torsdag', 'fredag', 'kl', 'uger', 'kort', 'fortalt', 'nr', 'dok',
  'kommunen?', 'kommuner(?:ne)?', 'bisidder', 'værested', '\\p{L}+(?:loven|styrelsen|tilsynet)',
];

/** Phrases from the content data that appear in sentences of their own: unit names and routing reasons. */
export const DATA_PHRASES: readonly string[] = [
  ...new Set(data.flatMap((k) => [...k.units.map((u) => u.name), ...(k.routing.defaultReason ? [k.routing.defaultReason] : [])])),
];

export interface Unmarked {
  /** The Danish-looking text, as the node holds it (trimmed). */
  text: string;
  /** The nearest element's tag and class, to find it in the page. */
  where: string;
}

/**
 * Every text node (and aria-label, alt, title) in the page's body whose Danish
 * is not inside an element with lang="da". `<title>` is checked too: it cannot
 * hold a lang="da" part, so it must not have Danish beyond proper names.
 */
export async function danishWithoutLang(page: Page): Promise<Unmarked[]> {
  return page.evaluate(
    ({ names, words, phrases }) => {
      const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      const proper = new RegExp(names.map(escape).join('|'), 'g');
      const danish = new RegExp(`[æøå]|(?<![\\p{L}\\d])(?:${words.join('|')})(?![\\p{L}\\d])`, 'iu');
      const looksDanish = (text: string) => {
        const rest = text.replace(proper, ' ');
        return danish.test(rest) || phrases.some((p) => text.includes(p));
      };
      const where = (el: Element) => `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : ''}`;
      const inDanish = (el: Element | null) => el?.closest('[lang]')?.getAttribute('lang')?.startsWith('da') ?? false;

      const found: { text: string; where: string }[] = [];
      if (looksDanish(document.title)) found.push({ text: document.title, where: 'title' });
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement;
        if (!parent || parent.closest('script, style, template, noscript')) continue;
        const text = (node.textContent ?? '').trim();
        if (text && looksDanish(text) && !inDanish(parent)) found.push({ text, where: where(parent) });
      }
      for (const el of document.body.querySelectorAll('[aria-label], [alt], [title]')) {
        for (const attr of ['aria-label', 'alt', 'title']) {
          const text = el.getAttribute(attr)?.trim();
          if (text && looksDanish(text) && !inDanish(el)) found.push({ text, where: `${where(el)}[${attr}]` });
        }
      }
      return found;
    },
    { names: [...PROPER_NAMES], words: DANISH_WORDS, phrases: [...DATA_PHRASES] },
  );
}
