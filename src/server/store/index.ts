/**
 * The store the running server (and the case team's command) uses, chosen
 * by the environment:
 *
 *   DATABASE_URL=postgres://…        →  PostgreSQL (several server processes on one database)
 *   otherwise DATA_DIR (`./data`)    →  SQLite in `$DATA_DIR/applications.sqlite`
 *
 * The server's store is opened on first use. If it cannot be opened, the
 * caller gets a StoreUnavailableError (the endpoint answers 503) and the next
 * request tries again, so a disk mounted late or a database that starts after
 * the server heals without a restart.
 */
import { join } from 'node:path';
import { DEFAULT_POOL_LIMITS, openPostgresStore } from './postgres.ts';
import { openSqliteStore } from './sqlite.ts';
import { StoreUnavailableError, type ApplicationStore } from './types.ts';

export { StoreUnavailableError, type ApplicationStore, type Receipt } from './types.ts';

export type StoreConfig =
  | { kind: 'sqlite'; file: string }
  | { kind: 'postgres'; connectionString: string; poolSize: number };

export function dataDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.DATA_DIR || 'data';
}

/**
 * The configuration from the environment. A DATABASE_URL that is not a
 * PostgreSQL URL, or a pool size that is not a whole number, is a mistake to
 * report, not a reason to fall back to SQLite quietly.
 */
export function storeConfig(env: NodeJS.ProcessEnv = process.env): StoreConfig {
  const url = env.DATABASE_URL?.trim();
  if (!url) return { kind: 'sqlite', file: join(dataDir(env), 'applications.sqlite') };
  if (!/^postgres(ql)?:\/\//.test(url)) {
    throw new StoreUnavailableError('DATABASE_URL skal begynde med postgres:// eller postgresql://');
  }
  const size = env.DATABASE_POOL_SIZE?.trim();
  if (size && !/^[1-9]\d{0,3}$/.test(size)) throw new StoreUnavailableError('DATABASE_POOL_SIZE skal være et helt tal fra 1');
  return { kind: 'postgres', connectionString: url, poolSize: size ? Number(size) : DEFAULT_POOL_LIMITS.max };
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

/** A new store for this configuration (the caller closes it). */
export function openStore(config: StoreConfig): ApplicationStore {
  return config.kind === 'sqlite'
    ? openSqliteStore({ file: config.file })
    : openPostgresStore({ connectionString: config.connectionString, pool: { max: config.poolSize } });
}

let store: ApplicationStore | null = null;

export function applicationStore(): ApplicationStore {
  store ??= openStore(storeConfig());
  return store;
}
