/**
 * Does the build grow linearly with the number of kommuner? Builds the site
 * in a temporary copy of the project with generated content sets (5 … 98
 * kommuner, each a renamed copy of one of the five real standards) and
 * times each build. Nothing generated is committed: the copy is deleted.
 */
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { copyProject, renamed } from '../tests/support/new-kommune.ts';

export interface BuildRun {
  kommuner: number;
  pages: number;
  seconds: number;
  secondsPerKommune: number;
}

export interface BuildScaling {
  runs: BuildRun[];
  /** Least-squares fit seconds = fixed + perKommune × n, and how well a line explains the runs. */
  fit: { fixedSeconds: number; secondsPerKommune: number; r2: number };
}

const root = join(import.meta.dirname, '..');

function countPages(dir: string): number {
  return readdirSync(dir, { withFileTypes: true, recursive: true }).filter((e) => e.isFile() && e.name === 'index.html').length;
}

/** The content file of a made-up kommune, from one of the real ones. */
const generated = (source: string, n: number) => renamed(source, `Testkommune ${String(n).padStart(3, '0')}`);

function buildWith(count: number, templates: string[]): BuildRun {
  // A cold build each time: the copy has its own Astro and Vite caches (copyProject).
  const dir = copyProject('stoette-scale-');
  try {
    // Only the generated kommuner: the copy's own five go.
    rmSync(join(dir, 'content/kommuner'), { recursive: true, force: true });
    mkdirSync(join(dir, 'content/kommuner'), { recursive: true });
    for (let i = 1; i <= count; i++) {
      const template = templates[(i - 1) % templates.length]!;
      writeFileSync(join(dir, `content/kommuner/testkommune-${String(i).padStart(3, '0')}.mdx`), generated(template, i));
    }
    const started = performance.now();
    const result = spawnSync('npm', ['run', '--silent', 'build'], { cwd: dir, encoding: 'utf8', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
    const seconds = (performance.now() - started) / 1000;
    if (result.status !== 0) throw new Error(`build of ${count} kommuner failed:\n${result.stdout}\n${result.stderr}`);
    return { kommuner: count, pages: countPages(join(dir, 'dist/client')), seconds: round(seconds), secondsPerKommune: round(seconds / count, 3) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;

export function linearFit(points: { x: number; y: number }[]): BuildScaling['fit'] {
  const n = points.length;
  const mx = points.reduce((s, p) => s + p.x, 0) / n;
  const my = points.reduce((s, p) => s + p.y, 0) / n;
  const sxx = points.reduce((s, p) => s + (p.x - mx) ** 2, 0);
  const sxy = points.reduce((s, p) => s + (p.x - mx) * (p.y - my), 0);
  const slope = sxx ? sxy / sxx : 0;
  const intercept = my - slope * mx;
  const ssTot = points.reduce((s, p) => s + (p.y - my) ** 2, 0);
  const ssRes = points.reduce((s, p) => s + (p.y - (intercept + slope * p.x)) ** 2, 0);
  return { fixedSeconds: round(intercept), secondsPerKommune: round(slope, 3), r2: round(ssTot ? 1 - ssRes / ssTot : 1, 3) };
}

export function buildScaling(counts = [5, 25, 50, 98]): BuildScaling {
  const dir = join(root, 'content/kommuner');
  const templates = readdirSync(dir).filter((f) => f.endsWith('.mdx')).sort().map((f) => readFileSync(join(dir, f), 'utf8'));
  const runs = counts.map((count) => buildWith(count, templates));
  return { runs, fit: linearFit(runs.map((r) => ({ x: r.kommuner, y: r.seconds }))) };
}
