/**
 * The kommune content collection for pages and the API: sorted, typed, and
 * the static paths every per-kommune page shares. The collection is the
 * files in `content/kommuner/` (src/content.config.ts), so the kommuner, their
 * routes and the API's `kommune` values all come from there.
 */
import { getCollection, getEntry, type CollectionEntry } from 'astro:content';
import { inBothLangs } from './page-langs.ts';
import { knownKommuner } from '../domain/help-areas.ts';
import type { KnownKommuner } from '../domain/application.ts';

export type KommuneEntry = CollectionEntry<'kommuner'>;

export async function getKommuner(): Promise<KommuneEntry[]> {
  const all = await getCollection('kommuner');
  return all.sort((a, b) => a.data.name.localeCompare(b.data.name, 'da'));
}

/** The kommuner's slugs (their file names), in the order of their names, as pages and messages list them. */
export async function getKommuneSlugs(): Promise<string[]> {
  return (await getKommuner()).map((entry) => entry.id);
}

/** The kommuner with their own help lists, in the order of their names, as the API checks an application against them. */
export async function getKnownKommuner(): Promise<KnownKommuner> {
  return knownKommuner((await getKommuner()).map((entry) => [entry.id, entry.data] as const));
}

export async function getKommune(slug: string): Promise<KommuneEntry | undefined> {
  return getEntry('kommuner', slug);
}

/** `getStaticPaths` for `/[...lang]/[kommune]/…` pages: every kommune in both languages. */
export async function kommunePaths() {
  return inBothLangs((await getKommuner()).map((entry) => ({ params: { kommune: entry.id }, props: { entry } })));
}
