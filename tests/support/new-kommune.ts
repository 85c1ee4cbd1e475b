/**
 * "A kommune is one content file", as tools for the tests that prove it: a
 * new kommune made the way an editor makes one (copy an existing content
 * file, give it a new file name and a new name), in a temporary content
 * folder or a temporary copy of the whole project. Nothing else is edited.
 */
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { factsFileName } from '../../src/domain/kommune-facts.ts';
import { KOMMUNER_DIR, SOURCES_DIR } from '../../src/lib/content-files.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

export interface NewKommune {
  /** The file name without `.mdx`: the kommune's URL segment and its `kommune` value in the API. */
  slug: string;
  /** "Testby": the short name; the full name is "Testby Kommune". */
  shortName: string;
  /** The content file it is copied from (a slug of an existing kommune). */
  from: string;
  /** Copy the fact list beside it as well (it is optional). */
  withFacts: boolean;
}

export const TESTBY: NewKommune = { slug: 'testby', shortName: 'Testby', from: 'varde', withFacts: true };

/** A content file's text with another name: what an editor changes first in a copy. */
export function renamed(source: string, shortName: string): string {
  return source
    .replace(/^name: .*$/m, `name: "${shortName} Kommune"`)
    .replace(/^shortName: .*$/m, `shortName: "${shortName}"`);
}

/** Adds the new kommune's file(s) to a `content/kommuner` folder, copied from the project's own. */
export function addKommune(kommunerDir: string, k: NewKommune = TESTBY): void {
  writeFileSync(join(kommunerDir, `${k.slug}.mdx`), renamed(readFileSync(join(KOMMUNER_DIR, `${k.from}.mdx`), 'utf8'), k.shortName));
  if (k.withFacts) copyFileSync(join(KOMMUNER_DIR, factsFileName(k.from)), join(kommunerDir, factsFileName(k.slug)));
}

/** A temporary copy of the project's content (kommuner and source documents), for the content check and the API. */
export function copyContent(): { dir: string; kommuner: string; sources: string } {
  const dir = mkdtempSync(join(tmpdir(), 'stoette-content-'));
  const kommuner = join(dir, 'content/kommuner');
  const sources = join(dir, 'content/sources');
  cpSync(KOMMUNER_DIR, kommuner, { recursive: true });
  cpSync(SOURCES_DIR, sources, { recursive: true });
  return { dir, kommuner, sources };
}

/**
 * A temporary copy of the project that can be built (`npm run build` in it):
 * the sources, the content and the configuration copied; each package in
 * node_modules linked, but not node_modules itself, because Astro and Vite
 * keep build caches in node_modules/.astro and .vite, which must be the
 * copy's own. (The same copy as bench/build-scale.ts makes.)
 */
export function copyProject(prefix = 'stoette-project-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  for (const entry of ['astro.config.mjs', 'tsconfig.json', 'package.json', 'pagefind.yml', 'src', 'public', 'content']) {
    if (existsSync(join(root, entry))) cpSync(join(root, entry), join(dir, entry), { recursive: true });
  }
  mkdirSync(join(dir, 'node_modules'));
  for (const entry of readdirSync(join(root, 'node_modules'))) {
    if (entry === '.astro' || entry === '.vite') continue;
    symlinkSync(join(root, 'node_modules', entry), join(dir, 'node_modules', entry));
  }
  return dir;
}
