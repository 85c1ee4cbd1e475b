import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { KommuneSchema } from './domain/kommune.ts';
import { KOMMUNE_COLLECTION } from './lib/content-files.ts';

/**
 * One file per kommune, `content/kommuner/<slug>.mdx`: frontmatter validated by the domain schema,
 * body the plain-Danish standard. The collection is the list of kommuner: pages, routes and the
 * API's `kommune` values come from it (src/lib/kommuner.ts).
 */
const kommuner = defineCollection({
  loader: glob({ pattern: KOMMUNE_COLLECTION.pattern, base: KOMMUNE_COLLECTION.base }),
  schema: KommuneSchema,
});

export const collections = { kommuner };
