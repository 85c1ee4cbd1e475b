/**
 * The store the running server (and the case team's command) uses, chosen
 * by the environment (read and checked in src/lib/config.ts):
 *
 *   DATABASE_URL=postgres://…        →  PostgreSQL (several server processes on one database)
 *   otherwise DATA_DIR (`./data`)    →  SQLite in `$DATA_DIR/applications.sqlite`
 *   DATA_ENCRYPTION_KEY (and _OLD_KEYS) →  content sealed at rest, either backend (./sealed.ts)
 *
 * The server's store is opened on first use. If it cannot be opened, the
 * caller gets a StoreUnavailableError (the endpoint answers 503) and the next
 * request tries again, so a disk mounted late or a database that starts after
 * the server heals without a restart.
 *
 * A store found damaged, or whose file is missing or empty where a database
 * existed, is refused (./refusal.ts): `applicationStore()` throws
 * StoreDamagedError until a later check finds it whole.
 */
import { recordMetric } from '../metric-events.ts';
import { config, loadConfig, type StoreSetting } from '../../lib/config.ts';
import { openPostgresStore } from './postgres.ts';
import { openSqliteStore } from './sqlite.ts';
import { outboxPlan } from '../../lib/delivery-config.ts';
import { storeRefusal } from './refusal.ts';
import { keyIdOf } from './sealed.ts';
import { StoreDamagedError, type ApplicationStore, type KeyUse, type OutboxPlan } from './types.ts';

export { StoreDamagedError, StoreUnavailableError, type ApplicationStore, type IntegrityReport, type Receipt } from './types.ts';
export { SealedDataError } from './sealed.ts';

export type StoreConfig = StoreSetting;

/**
 * The store an environment names (tests and the bench start servers with
 * environments of their own). A DATABASE_URL that is not a PostgreSQL URL, or
 * a pool size that is not a whole number, throws a ConfigError: a mistake to
 * report, not a reason to fall back to SQLite quietly.
 */
export function storeConfig(env: Record<string, string | undefined>): StoreConfig {
  return loadConfig(env).store;
}

/**
 * The start's line about encryption at rest (Danish, for the server's log): the key id written with and
 * how many old keys are read, or that applications are stored unencrypted and how to change that. Never a key.
 */
export function describeEncryption(config: StoreConfig): string {
  const encryption = config.encryption;
  if (!encryption) {
    return (
      'Kryptering: ansøgninger og kladder gemmes UKRYPTERET i databasen. Sæt DATA_ENCRYPTION_KEY til en nøgle ' +
      '(lav den med "openssl rand -base64 32"), genstart, og kør "npm run ansoegninger -- ny-noegle" (README: "Keys").'
    );
  }
  const old = encryption.oldKeys.length;
  return (
    `Kryptering: ansøgninger og kladder gemmes krypteret (AES-256-GCM) med nøglen ${keyIdOf(encryption.key)}` +
    (old ? `; ${old} ${old === 1 ? 'tidligere nøgle' : 'tidligere nøgler'} (${encryption.oldKeys.map(keyIdOf).join(', ')}) kan læses.` : '.')
  );
}

/**
 * The start's lines about the rows themselves (`keyUse`): rows under a key this process is not given (they
 * cannot be read: the key was removed too early), and, with a key set, rows still stored plain or under an
 * old key (`ny-noegle` seals them). None when all is as it should be. Counts and key ids only.
 */
export function keyUseWarnings(uses: readonly KeyUse[], config: StoreConfig): string[] {
  const current = config.encryption ? keyIdOf(config.encryption.key) : null;
  const lines: string[] = [];
  const what = (table: KeyUse['table'], rows: number) =>
    table === 'applications' ? `${rows} ${rows === 1 ? 'ansøgning' : 'ansøgninger'}` : `${rows} ${rows === 1 ? 'kladde' : 'kladder'}`;
  for (const use of uses) {
    if (use.keyId !== null && !use.known) {
      lines.push(
        `Kryptering: ${what(use.table, use.rows)} er krypteret med nøglen ${use.keyId}, som ikke er givet, og kan ikke læses. ` +
          'Giv nøglen i DATA_ENCRYPTION_OLD_KEYS (eller DATA_ENCRYPTION_KEY), og genstart (README: "Keys").',
      );
    }
  }
  const waiting = current ? uses.filter((use) => use.keyId !== current && (use.keyId === null || use.known)) : [];
  if (waiting.length) {
    lines.push(
      `Kryptering: ${waiting.map((use) => `${what(use.table, use.rows)} ${use.keyId === null ? 'ukrypteret' : `under nøglen ${use.keyId}`}`).join(', ')}; ` +
        'kør "npm run ansoegninger -- ny-noegle" for at kryptere dem med den nye nøgle.',
    );
  }
  return lines;
}

/** Where the store is, for logs and messages: never the password. */
export function describeStore(config: StoreConfig): string {
  if (config.kind === 'sqlite') return `SQLite i ${config.file}`;
  try {
    const url = new URL(config.connectionString);
    return `PostgreSQL på ${url.host}${url.pathname}`;
  } catch {
    return 'PostgreSQL';
  }
}

export interface OpenOptions {
  /** The destinations of an application: its delivery jobs are stored with it. None without. */
  outbox?: OutboxPlan;
  /** PostgreSQL connections, instead of the configured pool size (the delivery worker's own store). */
  poolSize?: number;
  /** SQLite: told the size of each group of saves committed together (the metrics). */
  onGroupCommit?: (saves: number) => void;
}

/** A new store for this configuration (the caller closes it). */
export function openStore(config: StoreConfig, options: OpenOptions = {}): ApplicationStore {
  const encryption = config.encryption ?? null;
  return config.kind === 'sqlite'
    ? openSqliteStore({ file: config.file, outbox: options.outbox, encryption, groupCommit: config.groupCommit, onGroupCommit: options.onGroupCommit })
    : openPostgresStore({ connectionString: config.connectionString, pool: { max: options.poolSize ?? config.poolSize }, outbox: options.outbox, encryption });
}

/**
 * The server's store lives on `globalThis` under a registered symbol: the
 * built site (the Astro routes) and the production server (its fast path for
 * the API, src/server/applications/fast-path.ts) each have a copy of this
 * module, and must share one store (one SQLite connection, one group commit).
 */
const STORE = Symbol.for('stoetteportalen.applicationStore');
const slot = globalThis as { [STORE]?: ApplicationStore };

/** The server's store: stores each application with a delivery job per destination set up (DELIVERY_*). */
export function applicationStore(): ApplicationStore {
  const refusal = storeRefusal();
  if (refusal) throw new StoreDamagedError(refusal.damage, refusal.message);
  const settings = config();
  return (slot[STORE] ??= openStore(settings.store, {
    outbox: outboxPlan(settings.delivery),
    onGroupCommit: (saves) => recordMetric({ kind: 'store-group', saves }),
  }));
}
