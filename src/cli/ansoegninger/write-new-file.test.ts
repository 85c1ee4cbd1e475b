/**
 * An export whose file cannot be written to the end (a full disk) leaves no
 * file behind, neither under its name nor half-written under a temporary one,
 * and marks nothing exported. The disk is "full" here because `writeFileSync`
 * writes half of the text and then fails as a full disk does (ENOSPC).
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { sampleApplication } from '../../../tests/support/application-store-contract.ts';
import { openSqliteStore } from '../../server/store/sqlite.ts';
import type { ApplicationStore } from '../../server/store/types.ts';
import { parseArguments } from './args.ts';
import { EXIT, runCommand, writeNewFile } from './commands.ts';
import { loadKommuneCatalog, loadKommuner } from './kommuner.ts';

const disk = vi.hoisted(() => ({ full: false, written: [] as string[] }));
vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs')>();
  return {
    ...real,
    writeFileSync: (file: fs.PathOrFileDescriptor, data: string | NodeJS.ArrayBufferView, options?: fs.WriteFileOptions) => {
      if (!disk.full || typeof file !== 'number') return real.writeFileSync(file, data, options);
      const bytes = typeof data === 'string' ? Buffer.from(data) : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
      real.writeSync(file, bytes, 0, Math.floor(bytes.length / 2));
      // What was written so far is on the disk, under the temporary name.
      disk.written.push(...real.readdirSync(dirOf()));
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', errno: -28, syscall: 'write' });
    },
  };
});

let dir: string;
const dirOf = () => dir;
let store: ApplicationStore;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'stoette-full-disk-'));
  store = openSqliteStore({ file: join(dir, 'data', 'applications.sqlite') });
  disk.full = false;
  disk.written = [];
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const files = () => readdirSync(dir).filter((f) => f !== 'data');

it('writeNewFile removes what it wrote when the write fails halfway, and the name is never made', () => {
  disk.full = true;
  const file = join(dir, 'eksport.csv');
  expect(() => writeNewFile(file, 'x'.repeat(10_000))).toThrow(/ENOSPC/);
  // The half-written text was there, under a temporary name ...
  expect(disk.written.filter((f) => f !== 'data')).toEqual([expect.stringMatching(/^\.eksport\.csv\..+\.tmp$/)]);
  // ... and is gone.
  expect(files()).toEqual([]);
});

it('eksport --fil on a full disk says so, leaves no file and marks nothing exported', async () => {
  const kommuner = loadKommuner();
  const catalog = loadKommuneCatalog(kommuner);
  await store.save({ kommune: 'varde', unitId: 'social-og-handicap', receivedAt: new Date(), application: sampleApplication('varde', 'fuld disk') });
  disk.full = true;
  const file = join(dir, 'varde.csv');
  const parsed = parseArguments(['eksport', '--fil', file], catalog);
  if (!parsed.ok) throw new Error(parsed.message);
  let err = '';
  const code = await runCommand(parsed.command, {
    store,
    where: 'SQLite',
    catalog,
    kommuneContent: (slug) => kommuner[slug],
    now: new Date(),
    actor: { user: 'anna', sudoUser: null },
    out: async () => {},
    err: (text) => void (err += `${text}\n`),
  });
  expect(code).toBe(EXIT.failed);
  expect(err).toBe(`Kan ikke skrive filen ${file} (ENOSPC). Intet er markeret som eksporteret.\n`);
  expect(disk.written.filter((f) => f !== 'data')).toHaveLength(1);
  expect(files()).toEqual([]);
  expect((await store.list({ exported: false })).map((a) => a.application.description)).toEqual(['fuld disk']);
  // What was read is in the audit trail, as an export that failed on a full disk.
  expect(await store.listAudit({})).toMatchObject([{ action: 'eksport', outcome: 'failed', details: { reason: 'ENOSPC', output: 'file', format: 'csv' } }]);
});
