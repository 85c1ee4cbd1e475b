/**
 * Starts one of our servers as its own process for a test or a benchmark:
 * the production server (src/server/main.ts, which needs a build) by default,
 * or another script that prints the same "kører på http://…/" line. It binds a
 * free port (PORT=0). `kill()` is SIGKILL, for the crash tests; `stop()` is a
 * clean SIGTERM.
 *
 * `startTestServer()` is the one way the server-level tests (tests/server/,
 * `npm run test:server`) start the built server: a throwaway data directory,
 * loopback trusted as a proxy (TRUSTED_PROXIES=loopback: the test connects
 * from this machine) so each request can name its own client, and `request()`
 * that gives every request a client address of its own unless told otherwise.
 *
 * `request()` opens a new connection for every request (undici's Agent with
 * `pipelining: 0`), never reusing an idle keep-alive one: a test that blocks
 * its event loop for seconds (a `spawnSync` of the staff command) would
 * otherwise send its next request on a connection the server has closed in
 * the meantime (its keep-alive timeout, 5 s), and fail with "other side
 * closed" before the server ever saw it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { StoredApplication } from '../../src/server/store/types.ts';
import { Agent, fetch as undiciFetch } from 'undici';
import { clientAddress, storedWith } from './applications.ts';

const freshConnections = new Agent({ pipelining: 0 });

const root = fileURLToPath(new URL('../../', import.meta.url));

export interface RunningServer {
  url: string;
  process: ChildProcess;
  /** Output so far (stdout and stderr), for a failing test's message. */
  output: () => string;
  stop: () => Promise<void>;
  kill: () => Promise<void>;
}

export async function startServer(env: Record<string, string> = {}, script = 'src/server/main.ts'): Promise<RunningServer> {
  const child = spawn(process.execPath, [script], {
    cwd: root,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start within 20 s:\n${output}`)), 20_000);
    const onData = () => {
      const m = /kører på (http:\/\/\S+?)\/?\s/.exec(output);
      if (m) {
        clearTimeout(timer);
        child.stdout.off('data', onData);
        resolve(m[1]!);
      }
    };
    child.stdout.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited (${code}):\n${output}`));
    });
  });
  const ended = (signal: NodeJS.Signals) =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill(signal);
    });
  return { url, process: child, output: () => output, stop: () => ended('SIGTERM'), kill: () => ended('SIGKILL') };
}

export interface TestServer extends RunningServer {
  /** The server's own data directory (its SQLite file), removed by `stop()`. */
  dataDir: string;
  /**
   * `fetch` to a path on this server. Redirects are not followed (a test sees
   * the 303 itself), and the request comes from a fresh client address
   * (X-Forwarded-For, believed from loopback) unless the test gives one.
   */
  request: (path: string, init?: RequestInit) => Promise<Response>;
  /** What this server stored with this description (SQLite only). */
  storedWith: (kommune: string, description: string) => Promise<StoredApplication[]>;
}

/**
 * The built production server on a data directory of its own; `env` adds to or overrides (e.g. DATABASE_URL,
 * RATE_LIMIT); `prepare` fills the data directory before the server starts (a database, a damaged one).
 */
export async function startTestServer(env: Record<string, string> = {}, prepare?: (dataDir: string) => Promise<void> | void): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'stoette-server-test-'));
  let server: RunningServer;
  try {
    await prepare?.(dataDir);
    server = await startServer({ DATA_DIR: dataDir, TRUSTED_PROXIES: 'loopback', ...env });
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  const removeDataDir = () => rmSync(dataDir, { recursive: true, force: true });
  return {
    ...server,
    dataDir,
    stop: async () => {
      await server.stop();
      removeDataDir();
    },
    kill: async () => {
      await server.kill();
      removeDataDir();
    },
    request: (path, init = {}) => {
      const headers = new Headers(init.headers);
      if (!headers.has('x-forwarded-for')) headers.set('x-forwarded-for', clientAddress());
      return undiciFetch(new URL(path, server.url), { redirect: 'manual', ...init, headers, dispatcher: freshConnections } as never) as unknown as Promise<Response>;
    },
    storedWith: (kommune, description) => storedWith(kommune, description, dataDir),
  };
}
