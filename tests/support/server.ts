/**
 * Starts one of our servers as its own process for a test or a benchmark:
 * the production server (src/server/main.ts, which needs a build) by default,
 * or another script that prints the same "kører på http://…/" line. It binds a
 * free port (PORT=0). `kill()` is SIGKILL, for the crash tests; `stop()` is a
 * clean SIGTERM.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

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
