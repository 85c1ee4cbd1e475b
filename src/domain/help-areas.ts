/**
 * A kommune's help list: what its quality standard says you can get help
 * with (`helpAreas` in the content file). Brønderslev and Varde list the
 * seven VUM themes, which the application's `needs` takes as they are;
 * Frederikssund, Sønderborg and Aabenraa list their own items, which the
 * application's `helpAreas` takes by their slugs (application.ts). Neither
 * kind is turned into the other: those standards do not map their items to
 * VUM themes, so neither do we.
 */
import { VUM_THEMES } from './ids.ts';
import type { KnownKommuner } from './application.ts';

type WithHelpList = { helpAreas: readonly { slug: string }[] };

/**
 * Whether the kommune's help list is the VUM themes (Brønderslev 000 and
 * Varde 003). Any other item makes it the kommune's own list (Frederikssund
 * 001, Sønderborg 002, Aabenraa 004) — even Sønderborg's "praktiske opgaver
 * i hjemmet", which shares a theme's name but is one of its own indsatser.
 */
export function helpListIsVum(k: WithHelpList): boolean {
  return k.helpAreas.every((h) => (VUM_THEMES as readonly string[]).includes(h.slug));
}

/** The slugs of the kommune's own help list, which the application's `helpAreas` takes; none where it lists the VUM themes. */
export function ownHelpAreas(k: WithHelpList): string[] {
  return helpListIsVum(k) ? [] : k.helpAreas.map((h) => h.slug);
}

/** The kommuner there are, as `validateApplication` and `checkForm` take them: each slug with its own help list. */
export function knownKommuner(kommuner: Iterable<readonly [slug: string, kommune: WithHelpList]>): KnownKommuner {
  return Object.fromEntries([...kommuner].map(([slug, k]) => [slug, ownHelpAreas(k)]));
}
