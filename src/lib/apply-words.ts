/**
 * The application form's words for whoever fills it in: "du" for someone applying for
 * themselves, "personen" for someone applying on another's behalf, and neutral words while
 * that is not known yet (the one-page form without JavaScript before it is sent, the island's
 * first step). `apply.json` holds the words for oneself; its `forOnBehalf` and
 * `forNotYetKnown` give only what differs (apply-words.test.ts checks that every key they
 * give exists). The page builds all three and the form picks by the answer to "Hvem søger?".
 */
import type daApply from '../i18n/locales/da/apply.json';

type ApplyJson = typeof daApply;
/** The help question's words: its options by slug, the VUM themes or a kommune's own list (`withHelpList` in help-list-words.ts). */
type NeedsStrings = Omit<ApplyJson['needs'], 'themes'> & {
  themes: Record<string, string>;
  /** The options' language where it is not the page's: a kommune's own list (Danish) on an English page. */
  lang?: 'da';
};
export type ApplyStrings = Omit<ApplyJson, 'api' | 'forOnBehalf' | 'forNotYetKnown' | 'needs'> & { needs: NeedsStrings };

/** Who fills in the form: the `who` answer, or not known yet. */
export type Filler = 'self' | 'on-behalf' | 'unknown';
export type ApplyStringsByFiller = Record<Filler, ApplyStrings>;

/** Something made once for each variant: `byFiller((f) => …)`. */
export const byFiller = <T>(make: (filler: Filler) => T): Record<Filler, T> => ({ self: make('self'), 'on-behalf': make('on-behalf'), unknown: make('unknown') });

export const fillerOf = (who: unknown): Filler => (who === 'self' || who === 'on-behalf' ? who : 'unknown');

type Tree = { [key: string]: string | Tree };

/** `base` with every string `over` gives put in its place, at any depth. */
export function overlay<T>(base: T, over: unknown): T {
  if (typeof over !== 'object' || over === null) return base;
  const out: Tree = { ...(base as Tree) };
  for (const [key, value] of Object.entries(over as Tree)) {
    out[key] = typeof value === 'string' ? value : overlay(out[key] as Tree, value);
  }
  return out as T;
}

/** The form's words in each variant, from a language's `apply.json`. */
export function applyWords(json: ApplyJson): ApplyStringsByFiller {
  const { api: _api, forOnBehalf, forNotYetKnown, ...self } = json;
  return { self, 'on-behalf': overlay(self, forOnBehalf), unknown: overlay(self, forNotYetKnown) };
}
