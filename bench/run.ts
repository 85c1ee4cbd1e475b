/**
 * `npm run bench`: one report of what the product promises about speed and
 * size, printed and written as JSON to bench/results/.
 *
 *   npm run bench                       every part
 *   npm run bench -- --only pages,lighthouse
 *   npm run bench -- --only delivery --down-seconds 20
 *
 * Parts (`--only` takes a comma-separated list of them):
 *   pages       page weights (HTML, CSS, JS gzip) against the budgets (ARCHITECTURE.md)
 *   bundles     each Preact island's scripts by source module (package or src file), gzip
 *               bytes, largest first (a second build with source maps in a temporary
 *               directory, bench/bundles.ts; dist/ is untouched)
 *   shift       layout shift as each island takes over its form, at 390×844 and 1350×940
 *               (bench/layout-shift.ts); each sum should be 0
 *   lighthouse  Lighthouse (mobile) in Chromium, every page type 3 times: the median
 *               score and FCP, LCP, TBT, CLS, Speed Index (bench/lighthouse.ts)
 *   api         the API under load (fast path, with and without group commit)
 *               against a bare node:http baseline, interleaved rounds
 *   flood       a second client's applications while one client floods
 *   build       build time as the number of kommuner grows (5 … 98)
 *   crash       10 rounds of SIGKILL under load: no acknowledged application lost
 *   fuzz        20 000 hostile requests: no 5xx, nothing stored
 *   delivery    applications handed to a webhook receiver: deliveries/s and
 *               latency from 201 to arrival; then the receiver down for a
 *               minute (`--down-seconds`, 60 by default) and back: how long
 *               until all have arrived, attempts per delivery (bench/delivery.ts)
 * Last, each key figure beside the same figure in the newest earlier report
 * that has its part (bench/compare.ts), also in the JSON (`comparison`).
 * The report fails (exit code 1) when a page is over budget or missing, when
 * a page type's median Lighthouse performance is under 100 or its CLS over 0,
 * when an island's takeover shifts the layout, when the endpoint is under
 * 0.9 of the bare server's throughput or its p99 over 1.5 × the bare one's,
 * when the build is not linear (R² < 0.95) or 98 kommuner take over 30 s,
 * when the second client is refused during the flood, when a crash round loses or
 * doubles an application, when fuzzing finds a problem, or when an
 * application answered 201 is not delivered (or one is not answered 201)
 * in the delivery part.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUDGETS, pageWeight, type PageWeight } from '../tests/support/page-weight.ts';
import { lighthouseScores, meetsBar, type LighthouseScores } from './lighthouse.ts';
import { buildScaling, type BuildScaling } from './build-scale.ts';
import { startServer } from './server.ts';
import { bundleReport, type IslandBundle } from './bundles.ts';
import { layoutShifts, type LayoutShift } from './layout-shift.ts';
import { apiLoad, flood, type ApiLoad, type Flood } from './api-load.ts';
import { crashProof, fuzzProof, type FuzzReport } from './proof.ts';
import { DEFAULT_DOWN_SECONDS, deliveryBench, deliveryFailed, type Answers, type DeliveryBench } from './delivery.ts';
import type { CrashReport } from '../tests/support/proof/crash.ts';
import { TEST_DATABASE_URL } from '../tests/support/postgres.ts';
import { compareWithEarlier, comparisonLines, type Comparison } from './compare.ts';

type JsBudget = keyof typeof BUDGETS.js;
// Every page type, in the weights and in Lighthouse. Not here: the questionnaire's result, "tjek dine svar"
// and the receipt. They are answers to a POST (the result, the check), or need an application's reference and
// key from one (the receipt): Lighthouse loads a page with a GET.
const PAGE_TYPES: { type: string; path: string; js: JsBudget }[] = [
  { type: 'front page', path: '/', js: 'content' },
  { type: 'standard', path: '/bronderslev/', js: 'content' },
  { type: 'contact', path: '/bronderslev/kontakt/', js: 'contact' },
  { type: 'questionnaire', path: '/bronderslev/kan-jeg-faa-stoette/', js: 'questionnaire' },
  { type: 'application', path: '/bronderslev/ansoeg/', js: 'application' },
  { type: 'compare', path: '/sammenlign/', js: 'content' },
  { type: 'search', path: '/soeg/', js: 'search' },
  { type: 'English standard', path: '/en/bronderslev/', js: 'content' },
];

const PARTS = ['pages', 'bundles', 'shift', 'lighthouse', 'api', 'flood', 'build', 'crash', 'fuzz', 'delivery'] as const;
type Part = (typeof PARTS)[number];
const onlyArg = process.argv.find((a) => a.startsWith('--only'));
const only = onlyArg ? (onlyArg.split('=')[1] ?? process.argv[process.argv.indexOf(onlyArg) + 1] ?? '').split(',') : [...PARTS];
const unknown = only.filter((p) => !PARTS.includes(p as Part));
if (unknown.length) {
  console.error(`Ukendt del: ${unknown.join(', ')}. Vælg blandt: ${PARTS.join(', ')}.`);
  process.exit(2);
}
const wants = (part: Part) => only.includes(part);
const downArg = process.argv.find((a) => a.startsWith('--down-seconds'));
const downSeconds = downArg ? Number(downArg.split('=')[1] ?? process.argv[process.argv.indexOf(downArg) + 1]) : DEFAULT_DOWN_SECONDS;
if (!Number.isInteger(downSeconds) || downSeconds < 1) {
  console.error('--down-seconds skal være et helt antal sekunder, 1 eller flere, fx 60.');
  process.exit(2);
}

interface PageRow extends PageWeight {
  type: string;
  budgets: { html: number; css: number; js: number };
  withinBudget: boolean;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

async function main() {
  const report: {
    startedAt: string;
    pages?: (PageRow | { type: string; path: string; error: string })[];
    bundles?: IslandBundle[];
    shift?: LayoutShift[];
    lighthouse?: LighthouseScores[];
    api?: ApiLoad;
    flood?: Flood;
    build?: BuildScaling;
    crash?: (CrashReport & { backend: string })[];
    fuzz?: FuzzReport;
    delivery?: DeliveryBench;
    comparison?: Comparison[];
  } = { startedAt: new Date().toISOString() };

  const server = wants('pages') || wants('shift') || wants('lighthouse') ? await startServer() : null;
  try {
    if (server && wants('pages')) {
      report.pages = [];
      console.log('\nSidevægt (gzip) mod budgetterne i ARCHITECTURE.md');
      console.log('side'.padEnd(20), 'HTML'.padStart(9), 'CSS'.padStart(9), 'JS'.padStart(9), 'JS i alt'.padStart(9), '  budget JS (før første brug / i alt)');
      for (const p of PAGE_TYPES) {
        try {
          const w = await pageWeight(server.base, p.path);
          const js = BUDGETS.js[p.js];
          const withinBudget = w.html <= BUDGETS.html && w.css <= BUDGETS.css && w.js <= js && w.jsTotal <= BUDGETS.jsTotal[p.js];
          report.pages.push({ ...w, type: p.type, budgets: { html: BUDGETS.html, css: BUDGETS.css, js }, withinBudget });
          console.log(p.type.padEnd(20), kb(w.html).padStart(9), kb(w.css).padStart(9), kb(w.js).padStart(9), kb(w.jsTotal).padStart(9), `  ${kb(js)} / ${kb(BUDGETS.jsTotal[p.js])}`, withinBudget ? '' : '  OVER BUDGET');
        } catch (error) {
          report.pages.push({ type: p.type, path: p.path, error: String(error) });
          console.log(p.type.padEnd(20), `  fejl: ${String(error)}`);
        }
      }
    }
    if (wants('bundles')) {
      report.bundles = await bundleReport();
      for (const b of report.bundles) {
        console.log(`\nØen ${b.island} (${b.page}): ${kb(b.gzip)} gzip i ${b.files.length} filer (${kb(b.gzipBeforeFirstUse)} før første brug), efter kildemodul, største først`);
        for (const f of b.files) console.log(`  ${f.file} ${f.gzip} B${f.lazy ? ' (hentes med import() ved start)' : ''}`);
        console.log('modul'.padEnd(56), 'gzip'.padStart(8), 'minificeret'.padStart(12), 'andel'.padStart(7));
        for (const m of b.modules) {
          console.log(m.module.padEnd(56), `${m.gzip} B`.padStart(8), `${m.minified} B`.padStart(12), `${((100 * m.gzip) / b.gzip).toFixed(1)} %`.padStart(7));
        }
      }
    }
    if (server && wants('shift')) {
      console.log('\nLayoutskift, når øen overtager formularen (skrifttyper holdt ude, øens script 0,4 s forsinket)');
      report.shift = await layoutShifts(server.base, ['/bronderslev/ansoeg/', '/en/bronderslev/ansoeg/', '/bronderslev/kan-jeg-faa-stoette/', '/en/varde/kan-jeg-faa-stoette/']);
      for (const r of report.shift) {
        const moved = r.entries.flatMap((e) => e.sources);
        console.log(r.path.padEnd(36), r.viewport.padEnd(10), r.sum.toFixed(4), moved.length ? `  flyttet: ${[...new Set(moved)].join(', ')}` : '');
      }
    }
    if (server && wants('lighthouse')) {
      console.log('\nLighthouse (mobil, simuleret langsom forbindelse) i Chromium: median af 3 kørsler pr. sidetype');
      console.log(
        'side'.padEnd(20),
        'ydelse'.padStart(6),
        '(kørsler)'.padEnd(12),
        'FCP'.padStart(7),
        'LCP'.padStart(7),
        'TBT'.padStart(7),
        'CLS'.padStart(6),
        'SI'.padStart(7),
        '  tilgæng. god pr. SEO',
      );
      const seconds = (ms: number | null) => (ms === null ? '–' : `${(ms / 1000).toFixed(2)} s`);
      report.lighthouse = await lighthouseScores(server.base, PAGE_TYPES);
      for (const s of report.lighthouse) {
        console.log(
          s.type.padEnd(20),
          String(s.performance ?? '–').padStart(6),
          `(${s.runs.map((r) => r.performance ?? '–').join(' ')})`.padEnd(12),
          seconds(s.fcpMs).padStart(7),
          seconds(s.lcpMs).padStart(7),
          `${s.tbtMs ?? '–'} ms`.padStart(7),
          String(s.cls ?? '–').padStart(6),
          seconds(s.speedIndexMs).padStart(7),
          `  ${String(s.accessibility ?? '–').padStart(8)} ${String(s.bestPractices ?? '–').padStart(7)} ${String(s.seo ?? '–').padStart(3)}`,
          meetsBar(s) ? '' : '  UNDER MÅLET (ydelse 100, CLS 0)',
        );
      }
      console.log('Ikke målt: spørgeskemaets resultat, "tjek dine svar" og kvitteringen (svar på en POST eller kræver en ansøgnings nøgle).');
    }
  } finally {
    await server?.stop();
  }

  if (wants('api')) {
    console.log('\nAPI under belastning: gyldige ansøgninger, loopback, 10 forbindelser; tre servere på skift, 3 runder à 5 s, medianer');
    const a = (report.api = await apiLoad());
    const line = (name: string, r: ApiLoad['endpoint']) =>
      console.log(name.padEnd(40), `${String(r.requestsPerSecond).padStart(6)} req/s  p50 ${r.latencyP50Ms} ms  p99 ${r.latencyP99Ms} ms  (${r.created} gemt${Object.keys(r.otherStatuses).length ? `, andre svar ${JSON.stringify(r.otherStatuses)}` : ''})`);
    line('POST /api/ansoegninger (gruppe-commit)', a.endpoint);
    line('POST /api/ansoegninger (én commit pr. ans.)', a.endpointWithoutGroupCommit);
    line('bar node:http + samme validering', a.bare);
    console.log(`forhold med gruppe-commit: ${a.ratio.requestsPerSecond} af grundlinjens req/s; latens p50 ×${a.ratio.latencyP50}, p99 ×${a.ratio.latencyP99}`);
    console.log(`forhold uden: ${a.ratioWithoutGroupCommit.requestsPerSecond} af grundlinjens req/s; latens p50 ×${a.ratioWithoutGroupCommit.latencyP50}, p99 ×${a.ratioWithoutGroupCommit.latencyP99}`);
  }

  if (wants('flood')) {
    console.log('\nOversvømmelse: én klient sender så hurtigt den kan, en anden søger i roligt tempo');
    const f = (report.flood = await flood());
    console.log(`oversvømmende klient: ${f.flood.requests} forespørgsler, ${f.flood.created} gemt, ${f.flood.limited} fik 429, ${f.flood.other} andet`);
    console.log(`anden klient: ${f.citizen.created} af ${f.citizen.sent} fik 201 (p50 ${f.citizen.latencyP50Ms} ms, maks. ${f.citizen.latencyMaxMs} ms)`);
  }

  if (wants('build')) {
    console.log('\nByggetid efter antal kommuner (genereret indhold i en midlertidig mappe)');
    report.build = buildScaling();
    for (const r of report.build.runs) {
      console.log(`${String(r.kommuner).padStart(3)} kommuner  ${String(r.pages).padStart(5)} sider  ${r.seconds.toFixed(1).padStart(6)} s  (${r.secondsPerKommune.toFixed(3)} s pr. kommune)`);
    }
    const f = report.build.fit;
    console.log(`lineær model: ${f.fixedSeconds} s + ${f.secondsPerKommune} s pr. kommune (R² ${f.r2})`);
  }

  if (wants('crash')) {
    console.log('\nNedbrud: serveren dræbes (SIGKILL) under belastning, 10 gange');
    report.crash = await crashProof();
    for (const c of report.crash) {
      console.log(`${c.backend}: ${c.acknowledged} kvitterede ansøgninger (${c.retried} gentaget efter genstart): ${c.lost.length} tabt, ${c.duplicated.length} dobbelt, ${c.incomplete.length} ufuldstændige`);
    }
    if (!TEST_DATABASE_URL) console.log('PostgreSQL: sprunget over (sæt TEST_DATABASE_URL, fx med .ci/postgres)');
  }

  if (wants('fuzz')) {
    console.log('\nFuzzing af /api/ansoegninger');
    const f = (report.fuzz = await fuzzProof());
    console.log(`${f.requests} forespørgsler: ${f.problems.length} problemer, ${f.storedRows} gemte rækker`);
    for (const [kind, statuses] of Object.entries(f.kinds)) console.log(`  ${kind.padEnd(34)} ${JSON.stringify(statuses)}`);
    for (const p of f.problems) console.log(`  PROBLEM: ${p}`);
  }

  if (wants('delivery')) {
    console.log(`\nLevering: webhook til en lokal modtager, der tjekker hver signatur; derefter modtageren nede i ${downSeconds} s`);
    const d = (report.delivery = await deliveryBench({ downSeconds }));
    const answers = (n: Record<string, number>) => (Object.keys(n).length ? `, andre svar ${JSON.stringify(n)}` : '');
    const answerTimes = (a: Answers) => `p50 ${a.p50Ms} ms, p99 ${a.p99Ms} ms, maks. ${a.maxMs} ms`;
    const missing = (m: string[]) => (m.length ? `, MANGLER ${m.length}: ${m.slice(0, 10).join(' ')}` : ', ingen mangler');
    for (const h of d.handOff) {
      console.log(
        `${h.backend}: ${h.applications} ansøgninger fra ${h.clients} klienter gemt på ${h.storingSeconds} s${answers(h.notCreated)}; ` +
          `${h.delivered} af ${h.created} leveret på ${h.seconds} s: ${h.deliveriesPerSecond} leveringer/s`,
      );
      console.log(`  fra 201 til modtaget p50 ${h.latencyP50Ms} ms, p99 ${h.latencyP99Ms} ms, maks. ${h.latencyMaxMs} ms${missing(h.missing)}, ${h.repeats} leveret mere end én gang`);
      console.log(`  svartid til 201 imens: ${answerTimes(h.answer)}; uden levering: ${answerTimes(h.withoutDelivery)} (alle gemt på ${h.withoutDelivery.storingSeconds} s)`);
    }
    for (const o of d.outage) {
      const recovery = o.recoverySeconds === null ? 'IKKE alle kom frem' : `alle fremme ${o.recoverySeconds} s efter, at modtageren kom igen`;
      console.log(
        `${o.backend}, nede i ${o.downSeconds} s (503), en ansøgning hver ${o.everyMs} ms: ${o.sentWhileDown} sendt imens, ${o.refusedAttempts} afviste forsøg; ` +
          `${recovery} (længste ventetid ${o.longestWaitSeconds} s fra 201)`,
      );
      console.log(
        `  forsøg pr. levering: gns. ${o.attempts.mean}, maks. ${o.attempts.max} ${JSON.stringify(o.attempts.counts)}; ` +
          `${o.sentAfter} sendt efter: p50 ${o.afterLatencyP50Ms} ms, maks. ${o.afterLatencyMaxMs} ms; ${o.delivered} leveret${answers(o.notCreated)}${missing(o.missing)}, ${o.repeats} leveret mere end én gang`,
      );
      console.log(`  svartid til 201 (nede og efter): ${answerTimes(o.answer)}`);
    }
    if (!TEST_DATABASE_URL) console.log('PostgreSQL: sprunget over (sæt TEST_DATABASE_URL, fx med .ci/postgres)');
  }

  const dir = join(import.meta.dirname, 'results');
  mkdirSync(dir, { recursive: true });
  report.comparison = compareWithEarlier(report, dir);
  console.log('\nFør og nu: den nyeste tidligere rapport med samme del (bench/results/)');
  for (const line of comparisonLines(report.comparison)) console.log(line);
  const file = join(dir, `bench-${report.startedAt.replace(/[:.]/g, '-')}.json`);
  const json = `${JSON.stringify(report, null, 2)}\n`;
  writeFileSync(file, json);
  writeFileSync(join(dir, 'latest.json'), json);
  console.log(`\nRapporten er gemt i ${file}`);
  const failed = [...(report.pages ?? []).filter((p) => !('withinBudget' in p) || !p.withinBudget), ...(report.shift ?? []).filter((r) => r.sum > 0)];
  const citizenRefused = report.flood && report.flood.citizen.created !== report.flood.citizen.sent;
  const crashFailed = report.crash?.some((c) => c.lost.length + c.duplicated.length + c.incomplete.length > 0);
  const fuzzFailed = report.fuzz && (report.fuzz.problems.length > 0 || report.fuzz.storedRows > 0);
  const deliveryBroken = report.delivery && deliveryFailed(report.delivery);
  const lighthouseShort = (report.lighthouse ?? []).some((s) => !meetsBar(s));
  // The endpoint as served (group commit on) against the bare server: ≥ 0.9 of its throughput, p99 ≤ 1.5 × its p99.
  const apiSlow = report.api && (report.api.ratio.requestsPerSecond < 0.9 || report.api.ratio.latencyP99 > 1.5);
  // The build stays linear in the number of kommuner, and 98 of them build in 30 s.
  const buildSlow = report.build && (report.build.fit.r2 < 0.95 || (report.build.runs.find((r) => r.kommuner === 98)?.seconds ?? 0) > 30);
  if (apiSlow) console.log('\nAPI: under 0,9 af grundlinjens req/s eller p99 over 1,5 × dens.');
  if (buildSlow) console.log('\nByggetid: ikke lineær (R² under 0,95) eller over 30 s for 98 kommuner.');
  if (failed.length || lighthouseShort || apiSlow || buildSlow || citizenRefused || crashFailed || fuzzFailed || deliveryBroken) process.exitCode = 1;
}

await main();
