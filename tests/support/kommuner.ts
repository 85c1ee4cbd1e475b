/**
 * The kommuner there are, read from their content files (content/kommuner/),
 * for tests: the parsed data by slug and the slugs in the order the site and
 * the API list them. A new content file is in every list here by itself.
 */
import { parseKommune, type Kommune } from '../../src/domain/kommune.ts';
import { KOMMUNER_DIR, readKommuneFiles } from '../../src/lib/content-files.ts';
import { knownKommuner } from '../../src/domain/help-areas.ts';
import type { KnownKommuner } from '../../src/domain/application.ts';

export const kommuner: Record<string, Kommune> = Object.fromEntries(
  readKommuneFiles(KOMMUNER_DIR).map(({ file, slug, data }) => [slug, parseKommune(file, data)]),
);

/** Every kommune's slug, in the order of their names (as the front page, the compare page and the API's messages list them). */
export const kommuneSlugs: string[] = Object.keys(kommuner).sort((a, b) => kommuner[a]!.name.localeCompare(kommuner[b]!.name, 'da'));

/** The kommuner as the API checks an application against them (each slug with its own help list), in the same order. */
export const known: KnownKommuner = knownKommuner(kommuneSlugs.map((slug) => [slug, kommuner[slug]!] as const));

export function kommune(slug: string): Kommune {
  const k = kommuner[slug];
  if (!k) throw new Error(`no content file for ${slug}`);
  return k;
}
