/**
 * Where an island's bytes go: the site built once more, into a temporary
 * directory (under node_modules/.cache) with source maps (the normal build and dist/ are untouched), and
 * every script a Preact island's page loads split by source module: a
 * package in node_modules, or a file of our own in src/.
 *
 * Gzip bytes are attributed by where they fall in the minified file: each run
 * of code from one module costs what gzip needs to add it after everything
 * before it in the file (the gzip size of the file up to the run's end minus
 * up to its start). So a file's rows add up to exactly its gzip size (the
 * measure of tests/support/page-weight.ts), and code that repeats what came
 * before is cheap, as it is in the browser.
 */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'astro';
import { TraceMap, eachMapping } from '@jridgewell/trace-mapping';
import { moduleImports } from '../tests/support/page-weight.ts';

/** The islands reported: the page script each one starts from. */
export const ISLANDS = [
  { island: 'spørgeskema', page: '/<kommune>/kan-jeg-faa-stoette/', entry: /^QuestionnairePage\.astro_astro_type_script_index_\d+_lang\.[\w-]+\.js$/ },
  { island: 'ansøgning', page: '/<kommune>/ansoeg/', entry: /^ApplyPage\.astro_astro_type_script_index_\d+_lang\.[\w-]+\.js$/ },
] as const;

export interface ModuleBytes {
  /** `preact`, `@formkit/core`, `zod`, or a file such as `src/islands/apply/ApplyForm.tsx`. */
  module: string;
  /** Gzip bytes (see above), and the minified bytes before gzip. */
  gzip: number;
  minified: number;
}

export interface IslandBundle {
  island: string;
  page: string;
  /** Every file the page's script loads, with its gzip size; `lazy`: loaded by `import()` as the island mounts. */
  files: { file: string; gzip: number; lazy: boolean }[];
  /** All of it, and what loads before first use (the budget, tests/support/page-weight.ts). */
  gzip: number;
  gzipBeforeFirstUse: number;
  /** By source module, largest first, summed over the files. */
  modules: ModuleBytes[];
}

const root = resolve(import.meta.dirname, '..');
const gzipSize = (text: string) => gzipSync(Buffer.from(text), { level: 9 }).length;

/** What a source path is reported as: its package in node_modules, else its path in the project. */
export function moduleName(source: string): string {
  const path = source.replace(/\\/g, '/').replace(/^\/?(\.\.\/)+/, '');
  const pkg = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(path);
  if (pkg) return pkg[1]!;
  const own = /(?:^|\/)(src\/.*)$/.exec(path);
  return own ? own[1]! : path;
}

/** One minified file split by module (see the top of this file). */
export function attribute(code: string, map: string, mapDir: string): ModuleBytes[] {
  const trace = new TraceMap(map);
  const lineStarts = [0];
  for (let i = 0; i < code.length; i++) if (code[i] === '\n') lineStarts.push(i + 1);
  const marks: { at: number; module: string }[] = [];
  eachMapping(trace, (m) => {
    const module = m.source ? moduleName(relative(root, resolve(mapDir, m.source))) : '(uden kilde)';
    marks.push({ at: lineStarts[m.generatedLine - 1]! + m.generatedColumn, module });
  });
  marks.sort((a, b) => a.at - b.at);
  // Runs of code from one module; what comes before the first mapping has no source (the imports line).
  const runs: { start: number; end: number; module: string }[] = [];
  let current = { start: 0, module: '(uden kilde)' };
  for (const mark of marks) {
    if (mark.module === current.module) continue;
    if (mark.at > current.start) runs.push({ ...current, end: mark.at });
    current = { start: mark.at, module: mark.module };
  }
  runs.push({ ...current, end: code.length });
  const bytes = new Map<string, ModuleBytes>();
  let before = 0;
  for (const run of runs) {
    const upTo = gzipSize(code.slice(0, run.end));
    const row = bytes.get(run.module) ?? { module: run.module, gzip: 0, minified: 0 };
    row.gzip += upTo - before;
    row.minified += Buffer.byteLength(code.slice(run.start, run.end));
    bytes.set(run.module, row);
    before = upTo;
  }
  return [...bytes.values()];
}

/** Builds the site with source maps in a temporary directory and reports each island. */
export async function bundleReport(): Promise<IslandBundle[]> {
  // Inside the project, so the prerendering step of the build finds the packages in node_modules.
  mkdirSync(join(root, 'node_modules', '.cache'), { recursive: true });
  const outDir = mkdtempSync(join(root, 'node_modules', '.cache', 'stoette-bundles-'));
  try {
    // `hidden`: maps are written, the scripts carry no comment pointing at them; the scripts are otherwise as built.
    await build({ root, outDir, logLevel: 'error', vite: { build: { sourcemap: 'hidden' } } });
    const assets = join(outDir, 'client', '_astro');
    const names = readdirSync(assets);
    return ISLANDS.map(({ island, page, entry }) => {
      const start = names.find((n) => entry.test(n));
      if (!start) throw new Error(`Fandt ikke scriptet til ${island} (${entry}) i ${assets}.`);
      const files: IslandBundle['files'] = [];
      const modules = new Map<string, ModuleBytes>();
      const queue = [{ file: start, lazy: false }];
      const later: typeof queue = [];
      while (queue.length || later.length) {
        const { file, lazy } = queue.shift() ?? later.shift()!;
        if (files.some((f) => f.file === file)) continue;
        const code = readFileSync(join(assets, file), 'utf8');
        files.push({ file, gzip: gzipSize(code), lazy });
        for (const row of attribute(code, readFileSync(join(assets, `${file}.map`), 'utf8'), dirname(join(assets, file)))) {
          const sum = modules.get(row.module) ?? { module: row.module, gzip: 0, minified: 0 };
          sum.gzip += row.gzip;
          sum.minified += row.minified;
          modules.set(row.module, sum);
        }
        const name = (spec: string) => relative(assets, resolve(assets, spec));
        for (const spec of moduleImports(code, 'static')) (lazy ? later : queue).push({ file: name(spec), lazy });
        for (const spec of moduleImports(code, 'lazy')) later.push({ file: name(spec), lazy: true });
      }
      return {
        island,
        page,
        files,
        gzip: files.reduce((n, f) => n + f.gzip, 0),
        gzipBeforeFirstUse: files.filter((f) => !f.lazy).reduce((n, f) => n + f.gzip, 0),
        modules: [...modules.values()].sort((a, b) => b.gzip - a.gzip),
      };
    });
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}
