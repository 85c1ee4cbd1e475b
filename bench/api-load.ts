/**
 * The API under load, on loopback, bounded in time:
 *
 * 1. Throughput: valid applications to `POST /api/ansoegninger` on the real
 *    production server (its fast path for JSON posts, with group commit),
 *    the same server with SQLITE_GROUP_COMMIT=off (one transaction and fsync
 *    per application), and a bare node:http server doing the same validation
 *    and SQLite insert, one fsync per application (bench/bare-server.ts).
 *    All three run at once and take turns, round after round, so a busy
 *    moment on the machine falls on each alike; each figure is the median of
 *    its rounds (requests/s, p50, p99), the ratios are of those medians. The
 *    real server runs with the rate limit lifted (one load generator is one
 *    client) and the bare one has none.
 * 2. Flood: the real server with its normal per-client limit; one client
 *    floods it while a second client (another loopback address, 127.0.0.2)
 *    sends applications at a citizen's pace. Every one of the second
 *    client's applications must get 201.
 */
import autocannon from 'autocannon';
import { request } from 'node:http';
import { startServer, type BenchServer } from './server.ts';

export interface LoadResult {
  requestsPerSecond: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  requests: number;
  created: number;
  otherStatuses: Record<string, number>;
  errors: number;
}

export interface Ratio {
  requestsPerSecond: number;
  latencyP50: number;
  latencyP99: number;
}

export interface ApiLoad {
  seconds: number;
  rounds: number;
  connections: number;
  /** The production server: fast path, group commit (the default). */
  endpoint: LoadResult;
  /** The production server with SQLITE_GROUP_COMMIT=off. */
  endpointWithoutGroupCommit: LoadResult;
  bare: LoadResult;
  /** endpoint ÷ bare: throughput share, and latency multiples. */
  ratio: Ratio;
  /** endpoint without group commit ÷ bare. */
  ratioWithoutGroupCommit: Ratio;
}

export interface Flood {
  seconds: number;
  flood: { requests: number; created: number; limited: number; other: number };
  citizen: { sent: number; created: number; statuses: Record<string, number>; latencyP50Ms: number; latencyMaxMs: number };
}

/** A valid application from a 25-year-old in Brønderslev (the API contract). */
export function applicationBody(): string {
  const year = new Date().getFullYear() - 25;
  return JSON.stringify({
    kommune: 'bronderslev',
    applicant: { name: 'Bench Testesen', birthDate: `${year}-01-01`, phone: '12345678' },
    receivesEarlyRetirementPension: false,
    needs: ['socialt-liv'],
    description: 'Benchmark: jeg har brug for hjælp til at komme ud blandt andre.',
    contact: { preferred: 'phone' },
    wantsBisidder: false,
    consentToObtainInformation: true,
  });
}

async function load(base: string, seconds: number, connections: number): Promise<LoadResult> {
  const result = await autocannon({
    url: `${base}/api/ansoegninger`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: applicationBody(),
    connections,
    duration: seconds,
  });
  const statuses = result.statusCodeStats as Record<string, { count: number }>;
  const otherStatuses = Object.fromEntries(Object.entries(statuses).filter(([code]) => code !== '201').map(([code, s]) => [code, s.count]));
  return {
    requestsPerSecond: Math.round(result.requests.average),
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    requests: result.requests.total,
    created: statuses['201']?.count ?? 0,
    otherStatuses,
    errors: result.errors + result.timeouts,
  };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** The rounds of one server as one result: medians of the rates and latencies, totals of the counts. */
function combine(rounds: LoadResult[]): LoadResult {
  const otherStatuses: Record<string, number> = {};
  for (const r of rounds) for (const [code, n] of Object.entries(r.otherStatuses)) otherStatuses[code] = (otherStatuses[code] ?? 0) + n;
  return {
    requestsPerSecond: Math.round(median(rounds.map((r) => r.requestsPerSecond))),
    latencyP50Ms: median(rounds.map((r) => r.latencyP50Ms)),
    latencyP99Ms: median(rounds.map((r) => r.latencyP99Ms)),
    requests: rounds.reduce((n, r) => n + r.requests, 0),
    created: rounds.reduce((n, r) => n + r.created, 0),
    otherStatuses,
    errors: rounds.reduce((n, r) => n + r.errors, 0),
  };
}

const r2 = (a: number, b: number) => Math.round((a / b) * 100) / 100;
const ratioOf = (a: LoadResult, b: LoadResult): Ratio => ({
  requestsPerSecond: r2(a.requestsPerSecond, b.requestsPerSecond),
  latencyP50: r2(a.latencyP50Ms, b.latencyP50Ms),
  latencyP99: r2(a.latencyP99Ms, b.latencyP99Ms),
});

export async function apiLoad(seconds = 5, rounds = 3, connections = 10): Promise<ApiLoad> {
  const servers: BenchServer[] = [];
  try {
    const lifted = { RATE_LIMIT: '1000000000/1', HOST: '127.0.0.1' };
    const named = [
      { name: 'endpoint', server: await startServer(lifted) },
      { name: 'endpointWithoutGroupCommit', server: await startServer({ ...lifted, SQLITE_GROUP_COMMIT: 'off' }) },
      { name: 'bare', server: await startServer({}, 'bench/bare-server.ts') },
    ] as const;
    servers.push(...named.map((n) => n.server));
    for (const { server } of named) await load(server.base, 2, connections); // warm-up, not counted
    const results: Record<(typeof named)[number]['name'], LoadResult[]> = { endpoint: [], endpointWithoutGroupCommit: [], bare: [] };
    for (let round = 0; round < rounds; round++) {
      for (const { name, server } of named) results[name].push(await load(server.base, seconds, connections));
    }
    const endpoint = combine(results.endpoint);
    const endpointWithoutGroupCommit = combine(results.endpointWithoutGroupCommit);
    const bare = combine(results.bare);
    return {
      seconds,
      rounds,
      connections,
      endpoint,
      endpointWithoutGroupCommit,
      bare,
      ratio: ratioOf(endpoint, bare),
      ratioWithoutGroupCommit: ratioOf(endpointWithoutGroupCommit, bare),
    };
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
  }
}

/** One POST from a given local address; resolves with the status and the time it took. */
function postFrom(base: string, localAddress: string, body: string): Promise<{ status: number; ms: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(
      `${base}/api/ansoegninger`,
      { method: 'POST', localAddress, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
      (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - started }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

export async function flood(seconds = 8, connections = 20, citizenEveryMs = 500): Promise<Flood> {
  // The normal limit (RATE_LIMIT unset): the server sees the two clients by their own addresses.
  const server = await startServer({ HOST: '127.0.0.1' });
  try {
    const body = applicationBody();
    const citizen: { status: number; ms: number }[] = [];
    let flooding = true;
    const citizenDone = (async () => {
      while (flooding) {
        citizen.push(await postFrom(server.base, '127.0.0.2', body));
        await new Promise((r) => setTimeout(r, citizenEveryMs));
      }
    })();
    const result = await autocannon({
      url: `${server.base}/api/ansoegninger`,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      connections,
      duration: seconds,
    });
    flooding = false;
    await citizenDone;
    const statuses = result.statusCodeStats as Record<string, { count: number }>;
    const count = (code: string) => statuses[code]?.count ?? 0;
    const sorted = citizen.map((c) => c.ms).sort((a, b) => a - b);
    const tally: Record<string, number> = {};
    for (const c of citizen) tally[c.status] = (tally[c.status] ?? 0) + 1;
    return {
      seconds,
      flood: { requests: result.requests.total, created: count('201'), limited: count('429'), other: result.requests.total - count('201') - count('429') },
      citizen: {
        sent: citizen.length,
        created: tally['201'] ?? 0,
        statuses: tally,
        latencyP50Ms: Math.round(sorted[Math.floor(sorted.length / 2)] ?? 0),
        latencyMaxMs: Math.round(sorted.at(-1) ?? 0),
      },
    };
  } finally {
    await server.stop();
  }
}
