/**
 * The kommuner and units the case team's command knows: read from the
 * content files (the one source of truth for units), checked by the content
 * schema, so a kommune added there is known here too.
 */
import type { Kommune } from '../../domain/kommune.ts';
import { readKommuner } from '../../lib/content-files.ts';
import type { KommuneCatalog } from './args.ts';

/** Every kommune's content by slug, in the order of their names (as the site and the API list them). */
export const loadKommuner = (): Record<string, Kommune> => readKommuner();

/** The catalog: what the command line checks against and the export names. */
export function loadKommuneCatalog(kommuner: Record<string, Kommune> = loadKommuner()): KommuneCatalog {
  return Object.fromEntries(
    Object.entries(kommuner).map(([slug, kommune]) => [
      slug,
      { name: kommune.name, units: kommune.units.map((u) => ({ id: u.id, name: u.name })), helpAreas: kommune.helpAreas.map(({ slug, label }) => ({ slug, label })) },
    ]),
  );
}
