/**
 * Reads kommune content files for scripts and tests (not used by pages, which
 * go through Astro's content collection). Splits frontmatter from the body.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

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
