/**
 * Layers import only downward. Every source file under src/ (tests aside) is
 * read for its relative imports, and an import into a layer the file's own
 * layer may not use fails here, naming both files.
 *
 *   domain ← lib ← components ← layouts ← islands, views ← pages
 *
 * domain is pure and imports only domain; i18n (the UI strings) is for lib
 * and up; server sits beside the pages' stack and may use domain, lib and
 * i18n; the cli may use server, domain, lib and i18n. Views wrap their
 * content in a layout, so a layout sits below the views (it holds the frame,
 * components only).
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const SRC = fileURLToPath(new URL('.', import.meta.url));

type Layer =
  | 'domain'
  | 'i18n'
  | 'lib'
  | 'components'
  | 'layouts'
  | 'islands'
  | 'views'
  | 'pages'
  | 'server'
  | 'cli'
  | 'integrations'
  | 'styles'
  | 'config';

/** What each layer may import (besides itself). */
const MAY_IMPORT: Record<Layer, readonly Layer[]> = {
  domain: [],
  i18n: [],
  styles: [],
  lib: ['domain', 'i18n'],
  components: ['domain', 'i18n', 'lib', 'styles'],
  layouts: ['domain', 'i18n', 'lib', 'components', 'styles'],
  islands: ['domain', 'i18n', 'lib', 'components'],
  views: ['domain', 'i18n', 'lib', 'components', 'layouts', 'islands', 'styles'],
  pages: ['domain', 'i18n', 'lib', 'components', 'layouts', 'islands', 'views', 'server'],
  server: ['domain', 'i18n', 'lib'],
  cli: ['domain', 'i18n', 'lib', 'server'],
  integrations: ['domain', 'i18n', 'lib'],
  // src/content.config.ts: the content schema comes from the domain.
  config: ['domain', 'lib'],
};

const SOURCE = /\.(ts|tsx|astro|mjs|js)$/;

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return files(path);
    return SOURCE.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

function layerOf(path: string): Layer {
  const [top, ...rest] = relative(SRC, path).split(/[\\/]/);
  return rest.length ? (top as Layer) : 'config';
}

/** A type-only import (`import type …`) is held to the same rule: the types a layer uses live at or below it. */
export interface Import {
  spec: string;
  /** In an .astro file's `<script>`: the browser entry that mounts an island, not the server render. */
  client: boolean;
}

/** The relative imports of a piece of code: static, re-export, side-effect and dynamic. */
function importsIn(code: string, client: boolean): Import[] {
  const found: Import[] = [];
  for (const m of code.matchAll(/(?:^|[\s;}])(import|export)(\s+type)?\s[^'"`;]*?\sfrom\s*['"]([^'"]+)['"]/g)) {
    found.push({ spec: m[3]!, client });
  }
  for (const m of code.matchAll(/(?:^|[\s;])import\s*['"]([^'"]+)['"]/g)) found.push({ spec: m[1]!, client });
  for (const m of code.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)(\.\w+)?/g)) found.push({ spec: m[1]!, client });
  return found.filter((i) => i.spec.startsWith('.'));
}

/** A file's relative imports; for .astro, the frontmatter's and each `<script>`'s apart. */
export function importsOf(text: string, astro: boolean): Import[] {
  if (!astro) return importsIn(text, false);
  const frontmatter = /^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? '';
  const scripts = [...text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1] ?? '');
  return [...importsIn(frontmatter, false), ...scripts.flatMap((code) => importsIn(code, true))];
}

/** Whether an import from one layer into another goes the allowed way. */
function allowed(from: Layer, to: Layer, i: Import): boolean {
  if (to === from || MAY_IMPORT[from].includes(to)) return true;
  // A component's or view's <script> is the entry of its island in the browser.
  return i.client && to === 'islands';
}

const all = files(SRC);

describe('layers import only downward', () => {
  it('reads every kind of import, and an .astro file’s server and browser code apart', () => {
    const code = "import { a } from '../domain/x.ts';\nimport type { B } from './y.ts';\nexport { c } from '../lib/z.ts';\nimport '../styles/site.scss';";
    expect(importsOf(code, false).map((i) => i.spec)).toEqual(['../domain/x.ts', './y.ts', '../lib/z.ts', '../styles/site.scss']);
    const astro = "---\nimport X from '../layouts/X.astro';\n---\n<X />\n<script>\n  import { go } from '../islands/go.ts';\n</script>";
    expect(importsOf(astro, true)).toEqual([
      { spec: '../layouts/X.astro', client: false },
      { spec: '../islands/go.ts', client: true },
    ]);
    expect(all.length).toBeGreaterThan(100);
  });

  it('a type-only import is held to the same rule', () => {
    const [typeImport] = importsOf("import type { SearchStrings } from '../islands/search.ts';", false);
    expect(allowed('components', 'islands', typeImport!)).toBe(false);
    expect(allowed('islands', 'lib', typeImport!)).toBe(true);
  });

  const edges = all.flatMap((file) =>
    importsOf(readFileSync(file, 'utf8'), file.endsWith('.astro')).map((i) => {
      const target = resolve(dirname(file), i.spec);
      return { file, target, i, name: `${relative(SRC, file)} → ${relative(SRC, target)}` };
    }),
  );

  it('no file imports from a layer above its own', () => {
    const upward = edges
      .filter(({ target }) => target.startsWith(SRC))
      .filter(({ file, target, i }) => !allowed(layerOf(file), layerOf(target), i))
      .map((e) => e.name);
    expect(upward).toEqual([]);
  });

  it('the domain stays pure: no Astro, Preact or Node import', () => {
    const impure = all
      .filter((file) => layerOf(file) === 'domain')
      .filter((file) => /from\s*['"](astro|astro:[\w-]+|preact[\w/-]*|node:[\w/]+)['"]/.test(readFileSync(file, 'utf8')))
      .map((file) => relative(SRC, file));
    expect(impure).toEqual([]);
  });
});
