/**
 * The kommune content collection for pages: sorted, typed, and the static
 * paths every per-kommune page shares.
 */
import { getCollection, getEntry, type CollectionEntry } from 'astro:content';
import { inBothLangs } from './page-langs.ts';

export type KommuneEntry = CollectionEntry<'kommuner'>;

export async function getKommuner(): Promise<KommuneEntry[]> {
  const all = await getCollection('kommuner');
  return all.sort((a, b) => a.data.name.localeCompare(b.data.name, 'da'));
}

export async function getKommune(slug: string): Promise<KommuneEntry | undefined> {
  return getEntry('kommuner', slug);
}

/** `getStaticPaths` for `/[...lang]/[kommune]/…` pages: every kommune in both languages. */
export async function kommunePaths() {
  return inBothLangs((await getKommuner()).map((entry) => ({ params: { kommune: entry.id }, props: { entry } })));
}
