import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { KommuneSchema } from './domain/kommune.ts';

/** One file per kommune: frontmatter validated by the domain schema, body the plain-Danish standard. */
const kommuner = defineCollection({
  loader: glob({ pattern: '*.mdx', base: './content/kommuner' }),
  schema: KommuneSchema,
});

export const collections = { kommuner };
