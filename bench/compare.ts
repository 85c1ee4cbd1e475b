/**
 * The previous report's numbers beside this one's: for every key figure of
 * the parts run now, the newest earlier report in bench/results/ that has
 * that part (a run of `--only api` does not hide the last Lighthouse run's
 * figures). Reports from before a figure existed show "–".
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A report as read back: only what the figures below look at. */
type Report = Record<string, unknown> & { startedAt?: string };

export interface Comparison {
  part: string;
  figure: string;
  now: number | null;
  before: number | null;
  /** When the report with `before` was started. */
  beforeAt: string | null;
}

type Figures = [figure: string, value: number | null | undefined][];
const get = (value: unknown, ...path: (string | number)[]): unknown =>
  path.reduce<unknown>((at, key) => (at && typeof at === 'object' ? (at as Record<string | number, unknown>)[key] : undefined), value);
const num = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);
const list = (value: unknown): Record<string, unknown>[] => (Array.isArray(value) ? (value as Record<string, unknown>[]) : []);

/** The figures worth comparing, per part, read from a report (old or new shape alike). */
const FIGURES: Record<string, (report: Report) => Figures> = {
  pages: (r) =>
    list(r.pages).flatMap((p): Figures => [
      [`${String(p.type)}: JS gzip før første brug (B)`, num(p.js)],
      // Before the islands loaded parts by import(), everything was loaded at once: the total is `js` then.
      [`${String(p.type)}: JS gzip i alt (B)`, num(p.jsTotal ?? p.js)],
      [`${String(p.type)}: CSS gzip (B)`, num(p.css)],
      [`${String(p.type)}: HTML gzip (B)`, num(p.html)],
    ]),
  bundles: (r) => list(r.bundles).map((b): Figures[number] => [`${String(b.island)}: gzip (B)`, num(b.gzip)]),
  lighthouse: (r) =>
    list(r.lighthouse).flatMap((l): Figures => {
      const m = (get(l, 'median') ?? l) as Record<string, unknown>;
      const name = String(l.path);
      return [
        [`${name}: ydelse`, num(m.performance)],
        [`${name}: FCP (ms)`, num(m.fcpMs)],
        [`${name}: LCP (ms)`, num(m.lcpMs)],
        [`${name}: TBT (ms)`, num(m.tbtMs)],
        [`${name}: CLS`, num(m.cls)],
      ];
    }),
  api: (r) => [
    ['endpoint req/s', num(get(r, 'api', 'endpoint', 'requestsPerSecond'))],
    ['endpoint p99 (ms)', num(get(r, 'api', 'endpoint', 'latencyP99Ms'))],
    ['endpoint uden gruppe-commit req/s', num(get(r, 'api', 'endpointWithoutGroupCommit', 'requestsPerSecond'))],
    ['grundlinje req/s', num(get(r, 'api', 'bare', 'requestsPerSecond'))],
    ['grundlinje p99 (ms)', num(get(r, 'api', 'bare', 'latencyP99Ms'))],
    ['forhold req/s', num(get(r, 'api', 'ratio', 'requestsPerSecond'))],
    ['forhold p99', num(get(r, 'api', 'ratio', 'latencyP99'))],
    ['forhold uden gruppe-commit req/s', num(get(r, 'api', 'ratioWithoutGroupCommit', 'requestsPerSecond'))],
  ],
  flood: (r) => [
    ['anden klient: andel 201', (() => {
      const sent = num(get(r, 'flood', 'citizen', 'sent'));
      const created = num(get(r, 'flood', 'citizen', 'created'));
      return sent ? Math.round(((created ?? 0) / sent) * 100) / 100 : null;
    })()],
  ],
  build: (r) => [
    ...list(get(r, 'build', 'runs')).map((run): Figures[number] => [`${String(run.kommuner)} kommuner (s)`, num(run.seconds)]),
    ['s pr. kommune', num(get(r, 'build', 'fit', 'secondsPerKommune'))],
    ['R²', num(get(r, 'build', 'fit', 'r2'))],
  ],
  crash: (r) => list(r.crash).flatMap((c): Figures => [[`${String(c.backend)}: tabt`, Array.isArray(c.lost) ? c.lost.length : null], [`${String(c.backend)}: kvitteret`, num(c.acknowledged)]]),
  fuzz: (r) => {
    const problems = get(r, 'fuzz', 'problems');
    return [['problemer', Array.isArray(problems) ? problems.length : null], ['gemte rækker', num(get(r, 'fuzz', 'storedRows'))]];
  },
  delivery: (r) =>
    list(get(r, 'delivery', 'handOff')).flatMap((h): Figures => [
      [`${String(h.backend)}: leveringer/s`, num(h.deliveriesPerSecond)],
      [`${String(h.backend)}: 201 → modtaget p50 (ms)`, num(h.latencyP50Ms)],
      [`${String(h.backend)}: svar p99 (ms)`, num(get(h, 'answer', 'p99Ms'))],
    ]),
};

/** The reports in `dir`, newest first, each read once; one that cannot be read is skipped. */
function earlierReports(dir: string, exceptStartedAt: string): Report[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => /^bench-.*\.json$/.test(f))
    .sort()
    .reverse()
    .flatMap((f) => {
      try {
        const report = JSON.parse(readFileSync(join(dir, f), 'utf8')) as Report;
        return report.startedAt === exceptStartedAt ? [] : [report];
      } catch {
        return [];
      }
    });
}

export function compareWithEarlier(report: Report, dir: string): Comparison[] {
  const earlier = earlierReports(dir, String(report.startedAt));
  const rows: Comparison[] = [];
  for (const [part, figures] of Object.entries(FIGURES)) {
    if (report[part] === undefined) continue;
    const previous = earlier.find((r) => r[part] !== undefined);
    const before = new Map(previous ? figures(previous) : []);
    for (const [figure, now] of figures(report)) {
      rows.push({ part, figure, now: now ?? null, before: before.get(figure) ?? null, beforeAt: previous?.startedAt ?? null });
    }
  }
  return rows;
}

/** The comparison as printed lines: part, figure, before, now. */
export function comparisonLines(rows: Comparison[]): string[] {
  const show = (n: number | null) => (n === null ? '–' : String(Math.round(n * 1000) / 1000));
  const lines: string[] = [];
  let part = '';
  for (const row of rows) {
    if (row.part !== part) {
      part = row.part;
      lines.push(`${part}${row.beforeAt ? ` (før: ${row.beforeAt.slice(0, 16).replace('T', ' ')} UTC)` : ' (ingen tidligere måling)'}`);
    }
    lines.push(`  ${row.figure.padEnd(44)} ${show(row.before).padStart(10)}  →  ${show(row.now).padStart(10)}`);
  }
  return lines;
}
