/**
 * Watches the server's store for the operator (src/server/main.ts): at start
 * and every INTEGRITY_CHECK_INTERVAL_MS it opens the store (on a connection
 * of its own), brings the schema up to date and runs the store's integrity
 * check (`PRAGMA quick_check` on SQLite; PostgreSQL: a query answers); on
 * demand it says whether the server is ready (`GET /readyz`).
 *
 * A store found damaged, or whose database file is missing or empty where a
 * database existed (src/server/store/sqlite.ts), is refused for the whole
 * process (src/server/store/refusal.ts): applications get 503 with
 * Retry-After, never a 201, and `/readyz` fails, until a later check finds it
 * whole. Each change of state is ONE log line (damage on stderr, for an
 * alert), never a line per request.
 *
 * Ready means: the store answers a query (the delivery summary), its check
 * passed (SQLite; PostgreSQL's is `unchecked`), and no delivery job has waited
 * longer than MAX_PENDING_SECONDS since it was queued.
 */
import { storeRefusal, setStoreRefusal } from './store/refusal.ts';
import { StoreDamagedError, type ApplicationStore, type DeliverySummary, type IntegrityReport } from './store/types.ts';

/**
 * How long a delivery job may wait before the server is not ready: 15
 * minutes. A working receiver takes a job within seconds, and a few failed
 * attempts back off to about 10 minutes in all (src/domain/delivery-schedule.ts:
 * 5–10 s, doubling); a job older than this means the receiver has been down
 * for a while, or the worker is stuck, and someone should look.
 */
export const MAX_PENDING_SECONDS = 15 * 60;

/** How often the store's integrity check runs after the one at start: every 10 minutes. */
export const INTEGRITY_CHECK_INTERVAL_MS = 10 * 60 * 1000;

/** `ok`; `unavailable` (cannot be reached: heals by itself); `damaged` (its check failed); `missing` (its file is gone or empty). */
export type StoreState = 'ok' | 'unavailable' | 'damaged' | 'missing';
export type IntegrityState = 'ok' | 'damaged' | 'unchecked';

/** `GET /readyz`'s body: nothing personal, only states and counts. */
export interface Readiness {
  status: 'ok' | 'unavailable';
  store: StoreState;
  integrity: IntegrityState;
  /** Jobs waiting, and how long the oldest has waited since it was queued; `null` when the store cannot say. */
  delivery: { pending: number | null; oldestPendingSeconds: number | null };
}

export interface Inspection {
  readiness: Readiness;
  /** Per destination, for the metrics' gauges; empty when the store cannot say. */
  summary: DeliverySummary[];
}

export interface MonitorOptions {
  /** A new store (the caller's settings); the monitor closes it. */
  open: () => ApplicationStore;
  /** Where the store is, for the log ("SQLite i data/applications.sqlite"); never a password. */
  where: string;
  log: (line: string) => void;
  /** Damage and a lost store (stderr: an operator alerts on it). */
  alert: (line: string) => void;
  now?: () => Date;
  intervalMs?: number;
  maxPendingSeconds?: number;
}

export interface StoreMonitor {
  /** The check at start (logs one line: ready, damaged, missing or not reachable yet), then every interval. */
  start(): Promise<void>;
  /** Ready or not, and why; the delivery summary with it. */
  inspect(): Promise<Inspection>;
  stop(): Promise<void>;
}

const HINT = 'Stop serveren, og læg den seneste backup tilbage (README: "Health, metrics, backup and restore").';

/** The readiness that a state, its check and the delivery summary give (pure, for its test). */
export function readinessOf(store: StoreState, integrity: IntegrityState, summary: DeliverySummary[] | null, now: Date, maxPendingSeconds = MAX_PENDING_SECONDS): Readiness {
  let delivery: Readiness['delivery'] = { pending: null, oldestPendingSeconds: null };
  if (summary) {
    const oldest = summary
      .map((s) => s.oldestPendingSince)
      .filter((since): since is string => since !== null)
      .map((since) => Math.max(0, Math.floor((now.getTime() - Date.parse(since)) / 1000)));
    delivery = { pending: summary.reduce((n, s) => n + s.pending, 0), oldestPendingSeconds: oldest.length ? Math.max(...oldest) : null };
  }
  const backlogOk = delivery.oldestPendingSeconds === null || delivery.oldestPendingSeconds <= maxPendingSeconds;
  const ok = store === 'ok' && integrity !== 'damaged' && summary !== null && backlogOk;
  return { status: ok ? 'ok' : 'unavailable', store, integrity, delivery };
}

const integrityState = (report: IntegrityReport): IntegrityState => (report.kind === 'not-checked' ? 'unchecked' : report.kind);

const reason = (error: unknown): string => {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? `: ${(error.cause as { code?: string }).code ?? error.cause.message}` : '';
  return `${error.message}${cause}`;
};

export function createStoreMonitor(options: MonitorOptions): StoreMonitor {
  const now = options.now ?? (() => new Date());
  const { where, log, alert } = options;
  let store: ApplicationStore | null = null;
  let state: StoreState | null = null;
  let integrity: IntegrityState = 'unchecked';
  let checking: Promise<void> | null = null;
  let timer: NodeJS.Timeout | null = null;

  const drop = async () => {
    const old = store;
    store = null;
    await old?.close().catch(() => {});
  };

  /** The one line for a change of state (nothing on no change), and the process-wide refusal with it. */
  const settle = (next: StoreState, detail: string) => {
    const before = state;
    state = next;
    if (next === 'damaged' || next === 'missing') setStoreRefusal({ damage: next, message: detail });
    else if (storeRefusal()) setStoreRefusal(null);
    if (next === before) return;
    switch (next) {
      case 'ok':
        log(before === null ? `Lageret er klar: ${where}` : `Lageret er klar igen: ${where}`);
        return;
      case 'damaged':
        alert(`Lageret er BESKADIGET (${where}): ${detail}. Ansøgninger får svaret 503, og /readyz svarer 503. ${HINT}`);
        return;
      case 'missing':
        alert(`Lageret kan ikke bruges (${where}): ${detail}. Serveren laver ikke en ny, tom database. Ansøgninger får svaret 503, og /readyz svarer 503. ${HINT}`);
        return;
      case 'unavailable':
        if (before === null) log(`Lageret kan ikke bruges endnu (${where}): ${detail}. Ansøgninger får svaret 503, indtil det virker.`);
        else alert(`Lageret svarer ikke (${where}): ${detail}. Ansøgninger får svaret 503, indtil det virker.`);
        return;
    }
  };

  /**
   * Open afresh, migrate, run the integrity check; one at a time. A fresh connection each time: its
   * check reads the pages from the file, not from an old connection's cache, and a database file
   * deleted or emptied under the running server is found (the requests' store may still hold the old one open).
   */
  const check = () =>
    (checking ??= (async () => {
      try {
        await drop();
        store = options.open();
        await store.ready();
        const report = await store.checkIntegrity();
        integrity = integrityState(report);
        if (report.kind === 'damaged') {
          await drop();
          settle('damaged', `PRAGMA quick_check fandt fejl (${report.problems.slice(0, 3).join('; ')})`);
        } else {
          settle('ok', '');
        }
      } catch (error) {
        await drop();
        integrity = error instanceof StoreDamagedError && error.damage === 'damaged' ? 'damaged' : 'unchecked';
        if (error instanceof StoreDamagedError) settle(error.damage, error.message);
        else settle('unavailable', reason(error));
      } finally {
        checking = null;
      }
    })());

  return {
    start: async () => {
      await check();
      timer = setInterval(() => void check(), options.intervalMs ?? INTEGRITY_CHECK_INTERVAL_MS);
      timer.unref();
    },
    inspect: async () => {
      // A store that could not be opened is tried again (cheap); a damaged one waits for the next scheduled check.
      if (state !== 'ok' && state !== 'damaged') await check();
      let summary: DeliverySummary[] | null = null;
      if (state === 'ok' && store) {
        try {
          summary = await store.deliverySummary();
        } catch (error) {
          await drop();
          integrity = 'unchecked';
          settle('unavailable', reason(error));
        }
      }
      const readiness = readinessOf(state ?? 'unavailable', integrity, summary, now(), options.maxPendingSeconds);
      return { readiness, summary: summary ?? [] };
    },
    stop: async () => {
      if (timer) clearInterval(timer);
      await checking;
      await drop();
    },
  };
}
