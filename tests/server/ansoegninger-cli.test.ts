/**
 * `npm run ansoegninger` as the case team runs it: a process with an exit
 * code, a Danish message and never a stack trace, on SQLite (DATA_DIR) and
 * on PostgreSQL (DATABASE_URL). Each test starts the command as a process of
 * its own, so it runs with the other started-process tests (`npm run
 * test:server`), not with the in-process unit tests; the command's parts are
 * unit-tested in src/cli/ansoegninger/.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, truncateSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { SAMPLE_PERSONAL_DATA, sampleApplication } from '../support/application-store-contract.ts';
import { describePostgres } from '../support/describe-postgres.ts';
import { createTestSchema } from '../support/postgres.ts';
import { damageTablePages } from '../support/damaged-sqlite.ts';
import { openPostgresStore } from '../../src/server/store/postgres.ts';
import { openSqliteStore } from '../../src/server/store/sqlite.ts';
import type { ApplicationStore } from '../../src/server/store/types.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

function cli(args: string[], env: Record<string, string | undefined>) {
  const result = spawnSync(process.execPath, ['src/cli/ansoegninger.ts', ...args], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: undefined, RETENTION_DAYS: undefined, AUDIT_RETENTION_DAYS: undefined, SUDO_USER: undefined, ...env },
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const noStackTrace = (text: string) => expect(text).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);

async function saveOne(store: ApplicationStore, description: string, { close = true } = {}): Promise<string> {
  const result = await store.save({ kommune: 'varde', unitId: 'social-og-handicap', receivedAt: new Date(), application: sampleApplication('varde', description) });
  if (close) await store.close();
  if (result.kind !== 'created') throw new Error('not created');
  return result.receipt.reference;
}

const dir = mkdtempSync(join(tmpdir(), 'stoette-cli-process-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the command as a process', () => {
  it('a mistyped command gets a Danish message, the way to help and exit code 2', () => {
    const { code, stdout, stderr } = cli(['eksporter'], { DATA_DIR: dir });
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      'Kommandoen "eksporter" findes ikke. Brug oversigt, eksport, pdf, slet-gamle, levering, tjek, backup, revisionsspor eller ny-noegle.\n' +
        'Skriv "npm run ansoegninger -- hjaelp" for at se kommandoerne.\n',
    );
  });

  it('hjaelp prints the commands with examples and needs no database, nor a right setting', () => {
    const { code, stdout } = cli(['hjaelp'], { DATA_DIR: join(dir, 'ingen'), RETENTION_DAYS: 'en måned' });
    expect(code).toBe(0);
    expect(stdout).toContain('npm run ansoegninger -- eksport --kommune bronderslev --kun-nye --fil ansoegninger.csv');
  });

  it('a DATA_DIR without applications is named, instead of quietly making an empty database', () => {
    const { code, stderr } = cli(['oversigt'], { DATA_DIR: join(dir, 'forkert') });
    expect(code).toBe(1);
    expect(stderr).toContain(`Der er ingen ansøgninger i ${join(dir, 'forkert', 'applications.sqlite')}: filen findes ikke.`);
  });

  it('a DATABASE_URL that is not PostgreSQL is a setup error, not a fall-back to SQLite', () => {
    const { code, stderr } = cli(['oversigt'], { DATABASE_URL: 'mysql://db/x' });
    expect(code).toBe(2);
    expect(stderr).toBe('Forkert opsætning: DATABASE_URL skal begynde med postgres:// eller postgresql://\n');
  });

  it('a RETENTION_DAYS the purge would refuse is a setup error (for every command but the help, above)', () => {
    const { code, stderr } = cli(['slet-gamle'], { DATA_DIR: dir, RETENTION_DAYS: 'en måned' });
    expect(code).toBe(2);
    expect(stderr).toBe('Forkert opsætning: RETENTION_DAYS skal være et helt antal dage, 1 eller flere, fx 30 (fik "en måned")\n');
  });

  it('a PostgreSQL that cannot be reached is a message and exit code 1, never a stack trace, and the password is not shown', () => {
    const { code, stderr } = cli(['oversigt'], { DATABASE_URL: 'postgres://sagsbehandler:hemmeligt@127.0.0.1:9/stoette' });
    expect(code).toBe(1);
    expect(stderr).toBe('Kan ikke nå ansøgningerne (PostgreSQL på 127.0.0.1:9/stoette). Prøv igen om lidt, eller kontakt driften.\n');
    noStackTrace(stderr);
  });

  it('on SQLite (DATA_DIR): exports to a CSV file for Excel and lists it as exported', async () => {
    const data = join(dir, 'data');
    const reference = await saveOne(openSqliteStore({ file: join(data, 'applications.sqlite') }), 'fra sqlite');
    const file = join(dir, 'varde.csv');
    // A relative file name is relative to where the case worker typed the command (npm's INIT_CWD).
    const exported = cli(['eksport', '--kommune', 'varde', '--fil', 'varde.csv'], { DATA_DIR: data, INIT_CWD: dir });
    expect(exported.code).toBe(0);
    expect(exported.stderr).toBe(`1 ansøgning eksporteret til ${file} og markeret som eksporteret.\n`);
    expect(readFileSync(file, 'utf8')).toMatch(/^\uFEFFReference;[^]*fra sqlite/);
    const listed = cli(['oversigt', '--kun-nye'], { DATA_DIR: data });
    expect(listed.stdout).toBe('Ingen ansøgninger passer til valgene.\n');
    expect(cli(['oversigt'], { DATA_DIR: data }).stdout).toContain(reference);
  });

  it('on SQLite: an export is in the audit trail with the machine’s user (and sudo’s), and revisionsspor shows it without personal data', async () => {
    const data = join(dir, 'data-revisionsspor');
    const reference = await saveOne(openSqliteStore({ file: join(data, 'applications.sqlite') }), 'til revisionssporet');
    const user = userInfo().username;
    expect(cli(['revisionsspor'], { DATA_DIR: data }).stdout).toBe('Ingen handlinger i revisionssporet passer til valgene.\n');
    expect(cli(['eksport', '--fil', 'spor.csv'], { DATA_DIR: data, INIT_CWD: dir }).code).toBe(0);
    expect(cli(['eksport', '--kun-nye', '--format', 'jsonl'], { DATA_DIR: data, SUDO_USER: 'anna' }).code).toBe(0);
    const trail = cli(['revisionsspor'], { DATA_DIR: data });
    expect(trail.code).toBe(0);
    expect(trail.stderr).toBe('');
    const blocks = trail.stdout.split('\n\n');
    expect(blocks[0]).toMatch(/^Revisionsspor: 2 handlinger, nyeste først\./);
    expect(blocks[1]).toMatch(new RegExp(`^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d  eksport  anna \\(med sudo som ${user}\\)  gennemført\\n  Ingen ansøgninger\\n`));
    expect(blocks[2]).toMatch(new RegExp(`^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d  eksport  ${user}  gennemført\\n  Ansøgning: ${reference}\\n  Skrevet til: en fil \\(navnet gemmes ikke\\), CSV\\n$`));
    for (const personal of [...SAMPLE_PERSONAL_DATA, 'til revisionssporet', 'spor.csv']) expect(trail.stdout).not.toContain(personal);
    // The English name, and one application's story.
    expect(cli(['audit', '--reference', reference], { DATA_DIR: data }).stdout).toMatch(/^Revisionsspor: 1 handling,/);
  });

  it('on SQLite: pdf writes one application as a PDF beside the case worker, and a mistyped reference is exit code 2', async () => {
    const data = join(dir, 'data-pdf');
    const reference = await saveOne(openSqliteStore({ file: join(data, 'applications.sqlite') }), 'til sagen');
    const written = cli(['pdf', reference, '--fil', 'ansoegning.pdf'], { DATA_DIR: data, INIT_CWD: dir });
    expect(written.code).toBe(0);
    expect(written.stderr).toBe(`Ansøgningen ${reference} er skrevet til ${join(dir, 'ansoegning.pdf')}.\n`);
    expect(statSync(join(dir, 'ansoegning.pdf')).mode & 0o777).toBe(0o600);
    const again = cli(['pdf', reference, '--fil', 'ansoegning.pdf'], { DATA_DIR: data, INIT_CWD: dir });
    expect(again.code).toBe(1);
    const mistyped = cli(['pdf', 'ABCD-EFGH', '--fil', 'b.pdf'], { DATA_DIR: data, INIT_CWD: dir });
    expect(mistyped.code).toBe(2);
    expect(mistyped.stderr).toMatch(/^"ABCD-EFGH" er ikke en reference\./);
    noStackTrace(mistyped.stderr);
  });

  it('on SQLite: levering shows a failed delivery with exit code 1 for a monitor, and --igen alle-fejlede queues it again', async () => {
    const data = join(dir, 'data-levering');
    const store = openSqliteStore({ file: join(data, 'applications.sqlite'), outbox: () => [{ id: 'webhook', carriesApplication: true }] });
    const reference = await saveOne(store, 'levering fejler', { close: false });
    const now = new Date();
    await store.workDelivery(now, new Set(), async () => ({ state: 'failed', at: now, error: 'HTTP 500' }));
    await store.close();
    const shown = cli(['levering'], { DATA_DIR: data });
    expect(shown.code).toBe(1);
    expect(shown.stdout).toMatch(/^webhook +0 +0 +1$/m);
    expect(shown.stdout).toContain(`, ${reference}: HTTP 500`);
    for (const personal of ['Sofie Jensen', '2001-04-12', '12345678', 'levering fejler']) expect(shown.stdout).not.toContain(personal);
    const queued = cli(['levering', '--igen', 'alle-fejlede'], { DATA_DIR: data });
    expect(queued.code).toBe(0);
    expect(queued.stdout).toBe('1 fejlet levering er sat i kø igen. Serveren prøver om lidt; se, hvordan det går, med levering.\n');
    expect(cli(['delivery'], { DATA_DIR: data }).code).toBe(0);
    const mistyped = cli(['levering', '--igen', 'ABCD-EFGH'], { DATA_DIR: data });
    expect(mistyped.code).toBe(2);
    expect(mistyped.stderr).toMatch(/^"ABCD-EFGH" er ikke en reference\./);
  });
});

/**
 * The command with its stdout a pipe whose reader has gone (`… | head` once head has its lines): the read end
 * is closed as soon as the process exists, before it writes, and the output is more than a pipe holds, so the
 * write meets the closed pipe (EPIPE) whenever it comes.
 */
function cliIntoClosedPipe(args: string[], env: Record<string, string | undefined>) {
  return new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, ['src/cli/ansoegninger.ts', ...args], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: undefined, RETENTION_DAYS: undefined, AUDIT_RETENTION_DAYS: undefined, SUDO_USER: undefined, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.once('spawn', () => child.stdout.destroy());
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stderr }));
  });
}

describe('what a citizen wrote never reaches the terminal as a control character', () => {
  const data = join(dir, 'data-tegn');
  const name = 'Sofie\u001b[2J\u0007 Jen\u202esen\u0085';
  const description = 'Første linje\r\nanden\u2028tredje\u001b]0;titel\u0007 😀';

  it('oversigt, eksport (CSV) and eksport as JSON Lines show them as escapes; JSON Lines read back to the same text', async () => {
    const store = openSqliteStore({ file: join(data, 'applications.sqlite') });
    const application = sampleApplication('varde', description);
    application.applicant.name = name;
    await store.save({ kommune: 'varde', unitId: 'social-og-handicap', receivedAt: new Date(), application });
    await store.close();
    const terminalUnsafe = /[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]/;

    const listed = cli(['oversigt', '--med-personoplysninger'], { DATA_DIR: data });
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain('Sofie\\u001b[2J\\u0007 Jen\\u202esen\\u0085');
    expect(listed.stdout.replaceAll('\n', '')).not.toMatch(terminalUnsafe);

    const csv = cli(['eksport'], { DATA_DIR: data });
    expect(csv.code).toBe(0);
    expect(csv.stdout).toContain('Sofie\\u001b[2J\\u0007 Jen\\u202esen\\u0085');
    expect(csv.stdout).toContain('"Første linje\r\nanden\u2028tredje\\u001b]0;titel\\u0007 😀"');
    expect(csv.stdout.replaceAll('\r\n', '').replaceAll('\u2028', '')).not.toMatch(terminalUnsafe);

    const jsonl = cli(['eksport', '--format', 'jsonl'], { DATA_DIR: data });
    expect(jsonl.code).toBe(0);
    expect(jsonl.stdout).toContain('"name":"Sofie\\u001b[2J\\u0007 Jen\\u202esen\\u0085"');
    expect(jsonl.stdout).toContain('anden\\u2028tredje');
    expect(jsonl.stdout.slice(0, -1)).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e]/);
    expect(JSON.parse(jsonl.stdout).application).toMatchObject({ applicant: { name }, description });
  });
});

describe('a reader that stops reading (oversigt | head)', () => {
  const data = join(dir, 'data-pipe');

  it('oversigt ends quietly with exit code 0; eksport marks nothing and says so', async () => {
    const store = openSqliteStore({ file: join(data, 'applications.sqlite') });
    // Ten applications with long names: the overview is well over what a pipe holds (64 KB).
    for (let i = 0; i < 10; i++) {
      const application = sampleApplication('varde', `rør ${i}`);
      application.applicant.name = `${'Navn '.repeat(2000)}${i}`;
      await store.save({ kommune: 'varde', unitId: 'social-og-handicap', receivedAt: new Date(), application });
    }
    await store.close();

    const listed = await cliIntoClosedPipe(['oversigt', '--med-personoplysninger'], { DATA_DIR: data });
    expect(listed).toEqual({ code: 0, stderr: '' });

    const exported = await cliIntoClosedPipe(['eksport', '--format', 'jsonl'], { DATA_DIR: data });
    expect(exported).toEqual({ code: 1, stderr: 'Modtageren holdt op med at læse, før hele eksporten var skrevet. Intet er markeret som eksporteret.\n' });
    expect(cli(['oversigt', '--kun-nye'], { DATA_DIR: data }).stdout).toContain('10 ansøgninger i alt, 10 ikke eksporteret.');
  });
});

describe('tjek and backup as processes (the operator’s)', () => {
  it('tjek: exit code 0 on a whole file, 1 on damaged pages and on a file emptied where a database was', async () => {
    const data = join(dir, 'data-tjek');
    const store = openSqliteStore({ file: join(data, 'applications.sqlite') });
    for (let i = 0; i < 60; i++) await saveOne(store, `nr. ${i} ${'x'.repeat(400)}`, { close: false });
    await store.close();
    const whole = cli(['tjek'], { DATA_DIR: data });
    expect(whole).toMatchObject({ code: 0, stderr: '' });
    expect(whole.stdout).toBe(`Tjek af lageret (SQLite i ${join(data, 'applications.sqlite')}):\n  Lageret kan åbnes: ok\n  Databasefilen er hel (PRAGMA quick_check): ok\n`);

    damageTablePages(join(data, 'applications.sqlite'));
    const damaged = cli(['check'], { DATA_DIR: data });
    expect(damaged.code).toBe(1);
    expect(damaged.stdout).toContain('Databasefilen er hel (PRAGMA quick_check): beskadiget\n');
    expect(damaged.stdout).toContain('Stop serveren, og læg den seneste backup tilbage');
    noStackTrace(damaged.stdout + damaged.stderr);
    // The other commands say so too, instead of failing half-way.
    const listed = cli(['oversigt'], { DATA_DIR: data });
    expect(listed.code).toBe(1);
    expect(listed.stderr).toMatch(/^Lageret kan ikke bruges \(SQLite i .*\): databasefilen .* er beskadiget \(SQLite: at hente ansøgninger mislykkedes: database disk image is malformed\)\. Stop serveren, og læg den seneste backup tilbage/);

    truncateSync(join(data, 'applications.sqlite'), 0);
    const emptied = cli(['tjek'], { DATA_DIR: data });
    expect(emptied.code).toBe(1);
    expect(emptied.stdout).toContain('er tom (0 byte), men mappen har haft en database (applications.sqlite.marker findes)');
    const listedEmpty = cli(['oversigt'], { DATA_DIR: data });
    expect(listedEmpty.code).toBe(1);
    expect(listedEmpty.stderr).toMatch(/^Lageret kan ikke bruges \(SQLite i .*\): databasefilen .* er tom \(0 byte\)/);
    expect(statSync(join(data, 'applications.sqlite')).size).toBe(0);
  });

  it('backup: a new owner-only copy beside the case worker, never over an existing file', async () => {
    const data = join(dir, 'data-backup');
    const reference = await saveOne(openSqliteStore({ file: join(data, 'applications.sqlite') }), 'til backup');
    const made = cli(['backup', '--fil', 'kopi.sqlite'], { DATA_DIR: data, INIT_CWD: dir });
    expect(made).toMatchObject({ code: 0, stdout: '', stderr: `Databasen er kopieret til ${join(dir, 'kopi.sqlite')} (kun læsbar for dig) og tjekket: ok.\n` });
    expect(statSync(join(dir, 'kopi.sqlite')).mode & 0o777).toBe(0o600);
    const copy = openSqliteStore({ file: join(dir, 'kopi.sqlite') });
    expect((await copy.list({})).map((a) => a.reference)).toEqual([reference]);
    await copy.close();
    const again = cli(['backup', '--fil', 'kopi.sqlite'], { DATA_DIR: data, INIT_CWD: dir });
    expect(again.code).toBe(1);
    expect(again.stderr).toBe(`Filen ${join(dir, 'kopi.sqlite')} findes allerede. Vælg et andet navn; den gamle fil bliver ikke overskrevet.\n`);
    const missingFile = cli(['backup'], { DATA_DIR: data });
    expect(missingFile.code).toBe(2);
  });
});

describePostgres('the command on PostgreSQL (DATABASE_URL)', () => {
  it('exports as JSON Lines on stdout and deletes with slet-gamle', async () => {
    const schema = await createTestSchema();
    try {
      const reference = await saveOne(openPostgresStore({ connectionString: schema.url }), 'fra postgres');
      // One connection set: the export still records its entry on a second one while its rows are locked.
      const exported = cli(['eksport', '--format', 'jsonl'], { DATABASE_URL: schema.url, DATABASE_POOL_SIZE: '1' });
      expect(exported.code).toBe(0);
      expect(JSON.parse(exported.stdout)).toMatchObject({ reference, application: { description: 'fra postgres' } });
      const purged = cli(['slet-gamle', '--dage', '1'], { DATABASE_URL: schema.url });
      expect(purged.stdout).toBe('0 ansøgninger ældre end 1 dag er slettet (og 0 nøgler mod dobbelt indsendelse).\n');
      const trail = cli(['revisionsspor'], { DATABASE_URL: schema.url }).stdout;
      expect(trail).toMatch(new RegExp(`^Revisionsspor: 2 handlinger[^]*  slet-gamle  ${userInfo().username}  gennemført[^]*  eksport  ${userInfo().username}  gennemført\\n  Ansøgning: ${reference}\\n`));
    } finally {
      await schema.drop();
    }
  });

  it('tjek: the database answers, exit code 0; backup says to use pg_dump, exit code 1', async () => {
    const schema = await createTestSchema();
    try {
      const checked = cli(['tjek'], { DATABASE_URL: schema.url });
      expect(checked.code).toBe(0);
      expect(checked.stdout).toMatch(/^Tjek af lageret \(PostgreSQL på 127\.0\.0\.1:\d+\/\w+\):\n  Lageret kan åbnes: ok\n  Databasen svarer på en forespørgsel: ok/);
      const backup = cli(['backup', '--fil', join(dir, 'pg.dump')], { DATABASE_URL: schema.url });
      expect(backup.code).toBe(1);
      expect(backup.stderr).toMatch(/^Med PostgreSQL tager du backup med pg_dump/);
      expect(existsSync(join(dir, 'pg.dump'))).toBe(false);
    } finally {
      await schema.drop();
    }
  });
});
