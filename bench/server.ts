/** A server for a benchmark: tests/support/server.ts with a throwaway data directory of its own. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer as start } from '../tests/support/server.ts';

export interface BenchServer {
  base: string;
  stop(): Promise<void>;
}

export async function startServer(env: Record<string, string> = {}, script?: string): Promise<BenchServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'stoette-bench-data-'));
  const server = await start({ DATA_DIR: dataDir, ...env }, script);
  return {
    base: server.url,
    stop: async () => {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
