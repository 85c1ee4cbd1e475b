/** The five kommuner's parsed content data, by slug, for domain tests. */
import { fileURLToPath } from 'node:url';
import { parseKommune, type Kommune } from '../../src/domain/kommune.ts';
import { readKommuneFiles } from '../../src/lib/content-files.ts';

const dir = fileURLToPath(new URL('../../content/kommuner', import.meta.url));

export const kommuner: Record<string, Kommune> = Object.fromEntries(
  readKommuneFiles(dir).map(({ file, slug, data }) => [slug, parseKommune(file, data)]),
);

export function kommune(slug: string): Kommune {
  const k = kommuner[slug];
  if (!k) throw new Error(`no content file for ${slug}`);
  return k;
}
