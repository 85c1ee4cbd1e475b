/**
 * The application form's help question in a kommune's words (apply-words.ts has the form's
 * words for whoever fills it in). Kept apart from apply-words.ts, which the form's island
 * imports: this runs on the server only.
 */
import { inPersonOf } from '../domain/eligibility.ts';
import { helpListIsVum } from '../domain/help-areas.ts';
import type { Kommune } from '../domain/kommune.ts';
import { byFiller, type ApplyStringsByFiller } from './apply-words.ts';

/**
 * The words with the kommune's help list in the help question. A kommune whose list is the VUM
 * themes keeps them in the form's words ("Sundhed, fx at passe på helbredet …"); a kommune with
 * its own list has its standard's words instead (Danish, marked so on an English page), in the
 * person of whoever fills in the form: the standard's own "dine færdigheder" for oneself, the
 * reflexive "sine færdigheder" for another and before that is known, which reads right about
 * anyone (`inPersonOf`). Worded here on the server, so the form's island ships none of it.
 */
export function withHelpList(words: ApplyStringsByFiller, k: Pick<Kommune, 'helpAreas'>, lang: 'da' | 'en'): ApplyStringsByFiller {
  if (helpListIsVum(k)) return words;
  return byFiller((f) => {
    const s = words[f];
    const themes = Object.fromEntries(k.helpAreas.map((h) => [h.slug, f === 'self' ? h.label : inPersonOf(h.label, 'other')]));
    const { legend, hint } = s.needs.ownList;
    return { ...s, needs: { ...s.needs, legend, hint, themes, ...(lang === 'en' ? { lang: 'da' as const } : {}) } };
  });
}
