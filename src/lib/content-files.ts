/**
 * Reads kommune content files for scripts and tests (not used by pages, which
 * go through Astro's content collection, src/content.config.ts, from the same
 * files). Splits frontmatter from the body.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { parse } from 'yaml';
import { factsFileName } from '../domain/kommune-facts.ts';
import { parseKommune, type Kommune } from '../domain/kommune.ts';

/** The project's content: one `<slug>.mdx` per kommune (and an optional `<slug>.facts.json`), and the source documents. */
export const KOMMUNER_DIR = fileURLToPath(new URL('../../content/kommuner', import.meta.url));
export const SOURCES_DIR = fileURLToPath(new URL('../../content/sources', import.meta.url));

/**
 * The content collection of kommuner (src/content.config.ts): every `.mdx` in
 * content/kommuner is a kommune, its file name the slug; a fact list beside
 * it (`<slug>.facts.json`) is not.
 */
export const KOMMUNE_COLLECTION = { pattern: '*.mdx', base: './content/kommuner' } as const;

export interface ContentFile {
  file: string;
  slug: string;
  data: unknown;
  body: string;
}

export function splitFrontmatter(source: string): { data: unknown; body: string } {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(source);
  if (!match) throw new Error('mangler frontmatter mellem --- linjer');
  return { data: parse(match[1] ?? ''), body: match[2] ?? '' };
}

export function readKommuneFiles(dir: string): ContentFile[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.mdx'))
    .sort()
    .map((f) => {
      const file = join(dir, f);
      const { data, body } = splitFrontmatter(readFileSync(file, 'utf8'));
      return { file, slug: f.replace(/\.mdx$/, ''), data, body };
    });
}

/** A kommune's fact list (`<slug>.facts.json` beside its content file) as parsed JSON, or `null` when it has none. */
export function readFactsFile(dir: string, slug: string): { file: string; data: unknown } | null {
  const file = join(dir, factsFileName(slug));
  if (!existsSync(file)) return null;
  return { file, data: JSON.parse(readFileSync(file, 'utf8')) as unknown };
}

/**
 * Every kommune's content by slug, checked by the content schema, in the order
 * of their names (as the site lists them): for the programs that run beside
 * the built site (the server's delivery, the case team's command).
 */
export function readKommuner(dir: string = KOMMUNER_DIR): Record<string, Kommune> {
  return Object.fromEntries(
    readKommuneFiles(dir)
      .map(({ file, slug, data }) => ({ slug, kommune: parseKommune(file, data) }))
      .sort((a, b) => a.kommune.name.localeCompare(b.kommune.name, 'da'))
      .map(({ slug, kommune }) => [slug, kommune]),
  );
}
