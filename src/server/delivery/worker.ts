/**
 * The delivery worker: runs in every server process (src/server/main.ts) on a
 * store of its own, and works the outbox. A few slots each take one due job
 * at a time (`store.workDelivery`, which holds it so no other worker takes
 * it), hand it to its destination, and record the result:
 *
 * - delivered: done;
 * - retry-later: due again after the backoff (src/domain/delivery-schedule.ts:
 *   5–10 s, doubling to at most an hour), or given up ("failed") once it has
 *   failed for 72 hours since it was queued;
 * - failed: given up at once (the destination says no retry can help).
 *
 * A job whose destination is no longer set up is retried the same way, so it
 * ends as failed and shows in `npm run ansoegninger -- levering`, never
 * silently; so is a job whose application the store cannot open (sealed
 * under a key this process is not given: its error names the key id). A destination that does not settle within DELIVERY_DEADLINE_MS
 * (its own timeout failed) counts as an attempt with no answer, so a slot is
 * never held for good (and on PostgreSQL the job's transaction ends well
 * inside the database's 60-second idle limit). Each result is one log line
 * with the reference, destination, attempt and the short error, written once
 * the store has recorded it: nothing personal. When no job is due a slot
 * waits `pollMs`; `wake()` ends the wait (the server calls it when it has just
 * stored an application, so a delivery starts within the second).
 */
import { afterFailure } from '../../domain/delivery-schedule.ts';
import type { ApplicationStore, DeliveryUpdate } from '../store/types.ts';
import { noAnswerWithin, type DeliveryResult, type Destination, type DueJob } from './types.ts';

export interface WorkerOptions {
  store: Pick<ApplicationStore, 'workDelivery'>;
  destinations: ReadonlyMap<string, Destination>;
  log: (line: string) => void;
  /** Where a job given up is reported (an operator alerts on it); default `log`. */
  alert?: (line: string) => void;
  /** Told each attempt's outcome (the metrics count them per destination): delivered, tried again later, or given up. */
  onAttempt?: (destination: string, outcome: AttemptOutcome) => void;
  /** Jobs worked at once by this process. */
  concurrency?: number;
  /** The wait when no job is due. */
  pollMs?: number;
  now?: () => Date;
  random?: () => number;
  /** The longest an attempt may take, whatever the destination does. */
  deadlineMs?: number;
}

export type AttemptOutcome = 'delivered' | 'retry' | 'failed';

export interface DeliveryWorker {
  /** Ends the slots' waits: look for due jobs now. */
  wake(): void;
  /** Stops taking jobs and resolves when the jobs being worked are recorded. */
  stop(): Promise<void>;
}

export const DEFAULT_CONCURRENCY = 4;
export const DEFAULT_POLL_MS = 1000;
/** Above every destination's own timeout (10 s), below PostgreSQL's idle-in-transaction limit (60 s). */
export const DELIVERY_DEADLINE_MS = 30_000;

interface Note {
  line: string;
  alert: boolean;
}

/** `deliver`, or an attempt with no answer when it has not settled by the deadline. */
async function withDeadline(deliver: Promise<DeliveryResult>, ms: number): Promise<DeliveryResult> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<DeliveryResult>((resolve) => {
    timer = setTimeout(() => resolve({ kind: 'retry-later', error: noAnswerWithin(ms) }), ms);
  });
  try {
    return await Promise.race([deliver, late]);
  } finally {
    clearTimeout(timer);
  }
}

const seconds = (ms: number) => (ms < 60_000 ? `${Math.round(ms / 1000)} s` : ms < 3_600_000 ? `${Math.round(ms / 60_000)} min` : `${Math.round(ms / 3_600_000)} t`);

export function startDeliveryWorker(options: WorkerOptions): DeliveryWorker {
  const now = options.now ?? (() => new Date());
  const random = options.random ?? Math.random;
  const pollMs = options.pollMs ?? DEFAULT_POLL_MS;
  const { log, destinations } = options;
  const alert = options.alert ?? log;
  const onAttempt = options.onAttempt ?? (() => {});
  let running = true;
  const sleepers = new Set<() => void>();
  const wake = () => {
    for (const resume of sleepers) resume();
    sleepers.clear();
  };
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        sleepers.delete(done);
        resolve();
      }, ms);
      const done = () => {
        clearTimeout(timer);
        resolve();
      };
      sleepers.add(done);
    });

  const deadlineMs = options.deadlineMs ?? DELIVERY_DEADLINE_MS;

  /** One attempt: the destination's result, as the update the store records; what to log goes to `notes`. */
  const attempt = async (job: DueJob, notes: Note[]): Promise<DeliveryUpdate> => {
    const log = (line: string) => notes.push({ line, alert: false });
    const alert = (line: string) => notes.push({ line, alert: true });
    const destination = destinations.get(job.destination);
    let result: DeliveryResult;
    try {
      result =
        job.application === null
          ? // The store cannot open the application (a key not given): an attempt that failed, tried again with backoff.
            { kind: 'retry-later', error: job.unreadable }
          : destination
            ? await withDeadline(destination.deliver(job), deadlineMs)
            : { kind: 'retry-later', error: `destinationen "${job.destination}" er ikke sat op` };
    } catch (error) {
      // A destination must not throw; if one does, it is a failed attempt like any other.
      result = { kind: 'retry-later', error: `uventet fejl (${error instanceof Error ? error.name : 'ukendt'})` };
    }
    const at = now();
    const reference = job.application === null ? job.reference : job.application.reference;
    const what = `${reference} til ${job.destination}, forsøg ${job.attempts + 1}`;
    if (result.kind === 'delivered') {
      log(`levering: ${what}: leveret`);
      onAttempt(job.destination, 'delivered');
      return { state: 'delivered', at };
    }
    const next = afterFailure({
      attemptsMade: job.attempts + 1,
      queuedAt: new Date(job.queuedAt),
      now: at,
      permanent: result.kind === 'failed',
      random,
    });
    if (next.state === 'pending') {
      log(`levering: ${what}: mislykkedes (${result.error}); prøver igen om ${seconds(next.nextAttemptAt.getTime() - at.getTime())}`);
      onAttempt(job.destination, 'retry');
      return { state: 'pending', nextAttemptAt: next.nextAttemptAt, error: result.error };
    }
    alert(
      `levering FEJLET: ${what}: ${result.error}; opgivet${result.kind === 'failed' ? '' : ' efter 72 timer'}. ` +
        'Se "npm run ansoegninger -- levering", og sæt den i kø igen med "levering --igen".',
    );
    onAttempt(job.destination, 'failed');
    return { state: 'failed', at, error: result.error };
  };

  let storeTrouble = false;
  const slot = async () => {
    while (running) {
      let worked = false;
      const notes: Note[] = [];
      try {
        worked = await options.store.workDelivery(now(), new Set(), (job) => attempt(job, notes));
        for (const note of notes) (note.alert ? alert : log)(note.line);
        if (storeTrouble) log('levering: lageret svarer igen');
        storeTrouble = false;
      } catch (error) {
        // Worked but not recorded: the job is due again later (at-least-once); what happened is still told.
        for (const note of notes) log(`${note.line} (men udfaldet kunne ikke gemmes; forsøget gentages)`);
        // The store is down (a 503 for citizens too): one line, then quiet until it answers again.
        if (!storeTrouble) log(`levering: lageret svarer ikke (${error instanceof Error ? error.message : String(error)}); prøver igen`);
        storeTrouble = true;
      }
      if (!worked && running) await sleep(storeTrouble ? pollMs * 5 : pollMs);
    }
  };
  const slots = Array.from({ length: options.concurrency ?? DEFAULT_CONCURRENCY }, slot);

  return {
    wake,
    stop: async () => {
      running = false;
      wake();
      await Promise.all(slots);
    },
  };
}
