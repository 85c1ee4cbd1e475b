/**
 * The store the running server uses, chosen by the environment:
 *
 *   DATA_DIR (default `./data`)  →  SQLite in `$DATA_DIR/applications.sqlite`
 *
 * (`DATABASE_URL=postgres://…` will choose PostgreSQL when postgres.ts exists.)
 * Opened on first use. If it cannot be opened, the caller gets a
 * StoreUnavailableError (the endpoint answers 503) and the next request tries
 * again, so a disk mounted late heals without a restart.
 */
import { join } from 'node:path';
import { openSqliteStore } from './sqlite.ts';
import type { ApplicationStore } from './types.ts';

export { StoreUnavailableError, type ApplicationStore, type Receipt } from './types.ts';

let store: ApplicationStore | null = null;

export function dataDir(): string {
  return process.env.DATA_DIR || 'data';
}

export function applicationStore(): ApplicationStore {
  store ??= openSqliteStore({ file: join(dataDir(), 'applications.sqlite') });
  return store;
}
