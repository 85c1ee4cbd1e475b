import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { KommuneSchema } from './domain/kommune.ts';
import { quoteSections, withQuoteSections } from './domain/provenance.ts';
import { KOMMUNE_COLLECTION, SOURCES_DIR } from './lib/content-files.ts';

/**
 * One file per kommune, `content/kommuner/<slug>.mdx`: frontmatter validated by the domain schema,
 * body the plain-Danish standard. The collection is the list of kommuner: pages, routes and the
 * API's `kommune` values come from it (src/lib/kommuner.ts). Each quote gets `quoteSection` beside
 * it, the heading of the source document it stands under (`source.sections`, provenance.ts).
 */
const kommuner = defineCollection({
  loader: glob({ pattern: KOMMUNE_COLLECTION.pattern, base: KOMMUNE_COLLECTION.base }),
  schema: KommuneSchema.transform((k) => {
    // A missing source document is the content check's to report (by file and field); the page then names no sections.
    const file = join(SOURCES_DIR, k.source.seedFile);
    return existsSync(file) ? withQuoteSections(k, quoteSections(k.source.sections, readFileSync(file, 'utf8'))) : k;
  }),
});

export const collections = { kommuner };
