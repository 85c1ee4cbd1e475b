/**
 * Crash durability: "an acknowledged application is never lost".
 *
 * Each round starts the production server on the same data directory (or
 * database), sends applications from several concurrent clients, and
 * SIGKILLs the server at a random moment — after a random number of
 * applications acknowledged in that round, while others are in flight; counted,
 * not timed, so a busy machine gets the same load — no shutdown, no flush. The next
 * round starts it again, and first retries, with the same Idempotency-Key,
 * every request that got no answer before the kill (what a careful client
 * does). At the end every reference that was answered 201 must be stored
 * exactly once, complete, and no application may be stored twice.
 */
import { startServer } from '../server.ts';
import type { StoredApplication } from '../../../src/server/store/types.ts';

export interface CrashOptions {
  rounds: number;
  /** Concurrent clients per round. */
  clients: number;
  /** The kill comes once a random number in [min, max] of the round's applications are acknowledged. */
  killAfterAcks: [number, number];
  /** Server environment: DATA_DIR (SQLite) or DATABASE_URL (PostgreSQL), plus anything else. */
  env: Record<string, string>;
  /** Reads every stored application after the last round (the store the server used). */
  readStore: () => Promise<StoredApplication[]>;
  /**
   * After the rounds, with the server started once more on what the kills
   * left: waits for what must follow by itself (the deliveries), given every
   * acknowledged reference. Without it the last start happens only for retries.
   */
  settle?: (acknowledged: string[]) => Promise<void>;
  random?: () => number;
}

export interface CrashReport {
  rounds: number;
  sent: number;
  acknowledged: number;
  /** Requests cut off by a kill and retried in the next round. */
  retried: number;
  /** References answered 201 but not in the store. Must be empty. */
  lost: string[];
  /** References stored more than once, or one application (by its marker) stored under two references. Must be empty. */
  duplicated: string[];
  /** Acknowledged applications whose stored content differs from what was sent. Must be empty. */
  incomplete: string[];
  /** Every reference answered 201. */
  references: string[];
}

interface Attempt {
  marker: string;
  body: string;
}

function bodyFor(marker: string): string {
  const year = new Date().getFullYear() - 40;
  return JSON.stringify({
    kommune: 'varde',
    applicant: { name: `Crash ${marker}`, birthDate: `${year}-03-15`, phone: '12345678', email: 'crash@example.org' },
    needs: ['socialt-liv', 'sundhed'],
    description: marker,
    contact: { preferred: 'phone', bestTimes: 'formiddag' },
    wantsBisidder: true,
    consentToObtainInformation: true,
  });
}

async function post(url: string, attempt: Attempt): Promise<{ status: number; reference?: string } | null> {
  try {
    const response = await fetch(`${url}/api/ansoegninger`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': attempt.marker },
      body: attempt.body,
      signal: AbortSignal.timeout(10_000),
    });
    const body = (await response.json()) as { reference?: string };
    return { status: response.status, reference: body.reference };
  } catch {
    return null; // cut off by the kill: no answer
  }
}

export async function crashRounds(options: CrashOptions): Promise<CrashReport> {
  const random = options.random ?? Math.random;
  const acknowledged = new Map<string, string>(); // marker → reference
  let pending: Attempt[] = [];
  let sent = 0;
  let retried = 0;
  let next = 0;

  for (let round = 0; round < options.rounds; round++) {
    const server = await startServer({ RATE_LIMIT: '1000000/1', ...options.env });
    // What the last kill cut off: the same request again, with the same key.
    for (const attempt of pending) {
      const answer = await post(server.url, attempt);
      retried++;
      if (answer?.status !== 201 || !answer.reference) throw new Error(`a retry after restart got ${answer?.status ?? 'no answer'}:\n${server.output()}`);
      acknowledged.set(attempt.marker, answer.reference);
    }
    pending = [];
    let running = true;
    const [min, max] = options.killAfterAcks;
    const killAt = min + Math.floor(random() * (max - min + 1));
    let roundAcks = 0;
    let reached!: () => void;
    const enough = new Promise<void>((resolve) => (reached = resolve));
    const clients = Array.from({ length: options.clients }, async () => {
      while (running) {
        const marker = `crash-${round}-${next++}-${Math.floor(random() * 1e9)}`;
        const attempt = { marker, body: bodyFor(marker) };
        sent++;
        const answer = await post(server.url, attempt);
        if (answer === null) {
          pending.push(attempt);
          return;
        }
        if (answer.status !== 201 || !answer.reference) throw new Error(`an application got ${answer.status}`);
        acknowledged.set(marker, answer.reference);
        if (++roundAcks >= killAt) reached();
      }
    });
    try {
      // A client that fails ends the wait too, so its error is reported instead of a hang.
      await Promise.race([enough, Promise.all(clients)]);
    } finally {
      await server.kill();
      running = false;
    }
    await Promise.all(clients);
  }
  // A last start: the server must come up on what the kills left, finish the retries, and settle.
  if (pending.length || options.settle) {
    const server = await startServer({ RATE_LIMIT: '1000000/1', ...options.env });
    try {
      for (const attempt of pending) {
        const answer = await post(server.url, attempt);
        retried++;
        if (answer?.status === 201 && answer.reference) acknowledged.set(attempt.marker, answer.reference);
      }
      await options.settle?.([...acknowledged.values()]);
    } finally {
      await server.stop();
    }
  }

  const stored = await options.readStore();
  const byReference = new Map<string, StoredApplication[]>();
  const byMarker = new Map<string, StoredApplication[]>();
  for (const a of stored) {
    byReference.set(a.reference, [...(byReference.get(a.reference) ?? []), a]);
    byMarker.set(a.application.description, [...(byMarker.get(a.application.description) ?? []), a]);
  }
  const lost: string[] = [];
  const incomplete: string[] = [];
  for (const [marker, reference] of acknowledged) {
    const found = byReference.get(reference);
    if (!found?.length) {
      lost.push(reference);
      continue;
    }
    const a = found[0]!.application;
    const complete =
      a.description === marker &&
      a.applicant.name === `Crash ${marker}` &&
      a.applicant.email === 'crash@example.org' &&
      a.needs?.join(',') === 'socialt-liv,sundhed' &&
      a.contact?.bestTimes === 'formiddag' &&
      a.wantsBisidder === true;
    if (!complete) incomplete.push(reference);
  }
  const duplicated = [
    ...[...byReference].filter(([, list]) => list.length > 1).map(([reference]) => reference),
    ...[...byMarker].filter(([, list]) => list.length > 1).map(([marker]) => marker),
  ];
  return { rounds: options.rounds, sent, acknowledged: acknowledged.size, retried, lost, duplicated, incomplete, references: [...acknowledged.values()] };
}
