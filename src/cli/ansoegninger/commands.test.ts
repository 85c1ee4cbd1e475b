/**
 * The case team's commands against real stores: SQLite always, PostgreSQL
 * when TEST_DATABASE_URL is set (skipped visibly otherwise, required in CI).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, readdirSync, truncateSync, writeFileSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SAMPLE_PERSONAL_DATA, sampleApplication } from '../../../tests/support/application-store-contract.ts';
import { describePostgres } from '../../../tests/support/describe-postgres.ts';
import { createTestSchema } from '../../../tests/support/postgres.ts';
import { damageTablePages } from '../../../tests/support/damaged-sqlite.ts';
import type { EncryptionSetting, StoreSetting } from '../../lib/config.ts';
import { keyIdOf } from '../../server/store/sealed.ts';
import { openPostgresStore } from '../../server/store/postgres.ts';
import { openSqliteStore } from '../../server/store/sqlite.ts';
import { StoreUnavailableError, type ApplicationStore, type AuditActor, type DeliveryUpdate, type OutboxPlan } from '../../server/store/types.ts';
import { parseArguments, type CommandSettings } from './args.ts';
import { EXIT, OutputClosed, runBackup, runCheck, runCommand, type CommandStore } from './commands.ts';
import { loadKommuneCatalog, loadKommuner } from './kommuner.ts';

const kommuner = loadKommuner();
const catalog = loadKommuneCatalog(kommuner);
const kommuneContent = (slug: string) => kommuner[slug];
const NOW = new Date('2026-12-15T09:00:00Z');
const DAY = 24 * 60 * 60 * 1000;
/** The case worker at the keyboard: the machine's user `anna`, no sudo. */
const ANNA = { user: 'anna', sudoUser: null };

interface Backend {
  /** The store; with an outbox plan, each saved application gets its delivery jobs. */
  open(outbox?: OutboxPlan): Promise<ApplicationStore>;
  destroy(): Promise<void>;
  /** Takes the audit trail's table away behind the store's back: no entry can be recorded. */
  breakAuditTrail(): Promise<void>;
}

function describeCommands(name: string, makeBackend: () => Promise<Backend>): void {
  describe(`npm run ansoegninger (${name})`, () => {
    let backend: Backend;
    let store: ApplicationStore;
    let dir: string;
    let out: string;
    let err: string;
    /** The reader of stdout has stopped reading (`| head`): every write is refused as a closed pipe is. */
    let outputClosed: boolean;

    beforeEach(async () => {
      backend = await makeBackend();
      store = await backend.open();
      dir = mkdtempSync(join(tmpdir(), 'stoette-cli-'));
      out = '';
      err = '';
      outputClosed = false;
    });
    afterEach(async () => {
      await store.close();
      await backend.destroy();
      rmSync(dir, { recursive: true, force: true });
    });

    const run = async (line: string, settings: CommandSettings = {}, actor: AuditActor = ANNA) => {
      const parsed = parseArguments(line.split(' ').filter(Boolean), catalog, settings);
      if (!parsed.ok) throw new Error(parsed.message);
      return runCommand(parsed.command, {
        store,
        where: name,
        catalog,
        kommuneContent,
        now: NOW,
        actor,
        out: async (text) => {
          if (outputClosed) throw new OutputClosed();
          out += text;
        },
        err: (text) => void (err += `${text}\n`),
      });
    };
    const save = async (kommune: string, unitId: string, description: string, receivedAt: Date) => {
      const result = await store.save({ kommune, unitId, receivedAt, application: sampleApplication(kommune, description) });
      if (result.kind !== 'created') throw new Error('not created');
      return result.receipt.reference;
    };
    const notExported = async () => (await store.list({ exported: false })).map((a) => a.application.description);

    it('the overview lists references and counts, without names or birth dates', async () => {
      const reference = await save('varde', 'social-og-handicap', 'varde', NOW);
      expect(await run('oversigt --kommune varde')).toBe(EXIT.ok);
      expect(out).toContain('1 ansøgning i alt, 1 ikke eksporteret.');
      expect(out).toContain(reference);
      expect(out).toContain('varde / social-og-handicap: 1 ansøgning');
      expect(out).not.toContain('Sofie Jensen');
      expect(out).not.toContain('2001-04-12');
    });

    it('a case worker exports November for Brønderslev to a CSV file: Danish days, the file is theirs only, and marked', async () => {
      await save('bronderslev', 'ungecentret', 'sidst i oktober', new Date('2026-10-31T22:59:00Z')); // 23:59 on 31 October
      await save('bronderslev', 'ungecentret', 'først i november', new Date('2026-10-31T23:00:00Z')); // 00:00 on 1 November
      await save('bronderslev', 'visitationen', 'sidst i november', new Date('2026-11-30T22:59:00Z')); // 23:59 on 30 November
      await save('bronderslev', 'ungecentret', 'først i december', new Date('2026-11-30T23:00:00Z'));
      await save('varde', 'social-og-handicap', 'varde i november', new Date('2026-11-15T10:00:00Z'));
      const file = join(dir, 'november.csv');
      expect(await run(`eksport --kommune bronderslev --fra 2026-11-01 --til 2026-11-30 --fil ${file}`)).toBe(EXIT.ok);
      const csv = readFileSync(file, 'utf8');
      expect(csv.startsWith('\uFEFFReference;')).toBe(true);
      expect(csv).toContain('først i november');
      expect(csv).toContain('sidst i november');
      expect(csv).not.toMatch(/oktober|december|varde i/);
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(readdirSync(dir)).toEqual(['november.csv']); // no temporary file left
      expect(err).toBe(`2 ansøgninger eksporteret til ${file} og markeret som eksporteret.\n`);
      expect(await notExported()).toEqual(['sidst i oktober', 'varde i november', 'først i december']);
    });

    it('"only new" exports what the kommune does not have yet; exporting again says how many were exported before', async () => {
      await save('varde', 'social-og-handicap', 'første', NOW);
      await run(`eksport --kun-nye --fil ${join(dir, 'a.csv')}`);
      await save('varde', 'social-og-handicap', 'anden', NOW);
      await run(`eksport --kun-nye --format jsonl --fil ${join(dir, 'b.jsonl')}`);
      const lines = readFileSync(join(dir, 'b.jsonl'), 'utf8').trim().split('\n');
      expect(lines.map((l) => JSON.parse(l).application.description)).toEqual(['anden']);
      err = '';
      await run(`eksport --fil ${join(dir, 'c.csv')}`);
      expect(err).toBe(`2 ansøgninger eksporteret til ${join(dir, 'c.csv')} og markeret som eksporteret.\nHeraf var 2 eksporteret før.\n`);
    });

    it('JSON Lines on stdout, for a system to read; the messages go to stderr', async () => {
      await save('aabenraa', 'visitation-og-understoettelse', 'aabenraa', NOW);
      expect(await run('eksport --format jsonl')).toBe(EXIT.ok);
      const [line] = out.trim().split('\n');
      expect(JSON.parse(line!)).toMatchObject({ kommune: 'aabenraa', previouslyExportedAt: null, application: sampleApplication('aabenraa', 'aabenraa') });
      expect(err).toContain('1 ansøgning eksporteret og markeret som eksporteret.');
    });

    it('a reader that stops reading (oversigt | head) ends the command quietly, with the exit code it would have had', async () => {
      await save('varde', 'social-og-handicap', 'varde', NOW);
      outputClosed = true;
      expect(await run('oversigt --med-personoplysninger')).toBe(EXIT.ok);
      expect(await run('hjaelp')).toBe(EXIT.ok);
      expect(await run('levering')).toBe(EXIT.ok);
      expect(err).toBe('');
      // Some of the names may have reached the reader: the trail has the overview, failed on the closed pipe.
      expect(await store.listAudit({})).toMatchObject([{ action: 'oversigt', outcome: 'failed', details: { reason: 'EPIPE' } }]);
    });

    it('an export to a reader that stops reading (eksport | head) marks nothing, and says so', async () => {
      await save('varde', 'social-og-handicap', 'varde', NOW);
      outputClosed = true;
      expect(await run('eksport --format jsonl')).toBe(EXIT.failed);
      expect(err).toBe('Modtageren holdt op med at læse, før hele eksporten var skrevet. Intet er markeret som eksporteret.\n');
      expect(await notExported()).toEqual(['varde']);
    });

    it('an export to a file that exists is refused and marks nothing: an earlier export is never overwritten', async () => {
      await save('varde', 'social-og-handicap', 'varde', NOW);
      const file = join(dir, 'findes.csv');
      await run(`eksport --fil ${file}`);
      await store.save({ kommune: 'varde', unitId: 'social-og-handicap', receivedAt: NOW, application: sampleApplication('varde', 'ny') });
      err = '';
      expect(await run(`eksport --kun-nye --fil ${file}`)).toBe(EXIT.failed);
      expect(err).toBe(`Filen ${file} findes allerede. Vælg et andet navn; den gamle fil bliver ikke overskrevet.\n`);
      expect(await notExported()).toEqual(['ny']);
    });

    it('an export that cannot be written (no such folder) says so and marks nothing', async () => {
      await save('varde', 'social-og-handicap', 'varde', NOW);
      const file = join(dir, 'mangler', 'ud.csv');
      expect(await run(`eksport --fil ${file}`)).toBe(EXIT.failed);
      expect(err).toBe(`Kan ikke skrive filen ${file} (ENOENT). Intet er markeret som eksporteret.\n`);
      expect(await notExported()).toEqual(['varde']);
    });

    it('slet-gamle deletes exported applications older than 30 days and keeps, and names, old ones never exported', async () => {
      await save('varde', 'social-og-handicap', 'gammel, eksporteret', new Date(NOW.getTime() - 45 * DAY));
      await save('varde', 'social-og-handicap', 'ny, eksporteret', new Date(NOW.getTime() - 29 * DAY));
      await run(`eksport --fil ${join(dir, 'ud.csv')}`);
      await save('varde', 'social-og-handicap', 'gammel, aldrig eksporteret', new Date(NOW.getTime() - 40 * DAY));
      out = '';
      expect(await run('slet-gamle')).toBe(EXIT.ok);
      expect(out).toBe(
        '1 ansøgning ældre end 30 dage er slettet (og 0 nøgler mod dobbelt indsendelse).\n' +
          '1 ansøgning ældre end opbevaringstiden er IKKE slettet, fordi den ikke er eksporteret eller leveret endnu. ' +
          'Eksportér dem først, eller slet dem med --ogsaa-ikke-eksporterede.\n',
      );
      expect((await store.list({})).map((a) => a.application.description)).toEqual(['gammel, aldrig eksporteret', 'ny, eksporteret']);
    });

    it('slet-gamle with RETENTION_DAYS, or --dage, and --ogsaa-ikke-eksporterede deletes those never exported too', async () => {
      await save('varde', 'social-og-handicap', '10 dage', new Date(NOW.getTime() - 10 * DAY));
      await save('varde', 'social-og-handicap', '3 dage', new Date(NOW.getTime() - 3 * DAY));
      expect(await run('slet-gamle --ogsaa-ikke-eksporterede', { retentionDays: 7 })).toBe(EXIT.ok);
      expect(out).toBe('1 ansøgning ældre end 7 dage er slettet (og 0 nøgler mod dobbelt indsendelse).\n');
      out = '';
      await run('slet-gamle --dage 2 --ogsaa-ikke-eksporterede');
      expect(out).toBe('1 ansøgning ældre end 2 dage er slettet (og 0 nøgler mod dobbelt indsendelse).\n');
      expect(await store.list({})).toEqual([]);
    });

    it('pdf writes one application as a PDF file, readable by its owner only; the reference may be typed in small letters', async () => {
      await save('varde', 'social-og-handicap', 'en anden ansøgning', NOW);
      const reference = await save('varde', 'social-og-handicap', 'Jeg har svært ved at åbne min post.', NOW);
      const file = join(dir, 'ansoegning.pdf');
      expect(await run(`pdf ${reference.toLowerCase()} --fil ${file}`)).toBe(EXIT.ok);
      expect(err).toBe(`Ansøgningen ${reference} er skrevet til ${file}.\n`);
      const pdf = readFileSync(file);
      expect(pdf.subarray(0, 8).toString('latin1')).toBe('%PDF-1.7');
      expect(pdf.subarray(-6).toString('latin1')).toMatch(/%%EOF\s*$/);
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(readdirSync(dir)).toEqual(['ansoegning.pdf']); // no temporary file left
      expect(out).toBe('');
      expect(await notExported()).toHaveLength(2); // a PDF is not an export
    });

    it('pdf never overwrites a file, and says so', async () => {
      const reference = await save('varde', 'social-og-handicap', 'varde', NOW);
      const file = join(dir, 'findes.pdf');
      writeFileSync(file, 'en anden fil');
      expect(await run(`pdf ${reference} --fil ${file}`)).toBe(EXIT.failed);
      expect(err).toBe(`Filen ${file} findes allerede. Vælg et andet navn; den gamle fil bliver ikke overskrevet.\n`);
      expect(readFileSync(file, 'utf8')).toBe('en anden fil');
    });

    it('pdf of a reference that is not there (never, or deleted) is a clear message, exit code 1 and no file', async () => {
      const file = join(dir, 'ingen.pdf');
      expect(await run(`pdf 2222-2222 --fil ${file}`)).toBe(EXIT.failed);
      expect(err).toBe(
        'Der er ingen ansøgning med referencen 2222-2222. Tjek referencen; en ansøgning kan også være slettet efter opbevaringstiden (slet-gamle).\n',
      );
      expect(readdirSync(dir)).toEqual([]);
    });

    it('pdf to a folder that is not there says so and leaves no file behind', async () => {
      const reference = await save('varde', 'social-og-handicap', 'varde', NOW);
      const file = join(dir, 'mangler', 'a.pdf');
      expect(await run(`pdf ${reference} --fil ${file}`)).toBe(EXIT.failed);
      expect(err).toBe(`Kan ikke skrive filen ${file} (ENOENT).\n`);
      expect(readdirSync(dir)).toEqual([]);
    });

    describe('the audit trail (revisionsspor)', () => {
      const trail = async (line = 'revisionsspor') => {
        out = '';
        expect(await run(line)).toBe(EXIT.ok);
        return out;
      };

      it('every action that shows, hands out or deletes applications is in the trail, newest first, with the user and the references; nothing personal', async () => {
        const old = await save('varde', 'social-og-handicap', 'gammel', new Date(NOW.getTime() - 40 * DAY));
        const young = await save('varde', 'social-og-handicap', 'ny', NOW);
        await run('oversigt');
        // No names, no birth dates: not an access to personal data, so not in the trail.
        expect(await trail()).toBe('Ingen handlinger i revisionssporet passer til valgene.\n');
        await run('oversigt --med-personoplysninger --kommune varde');
        await run(`eksport --kun-nye --fil ${join(dir, 'ud.csv')}`);
        await run(`pdf ${young} --fil ${join(dir, 'ny.pdf')}`, {}, { user: 'stoette', sudoUser: 'bo' });
        await run('slet-gamle');
        const said = await trail();
        expect(said).toBe(
          [
            'Revisionsspor: 4 handlinger, nyeste først. Hver linje: tidspunkt (dansk tid), handling, bruger og udfald; under den, hvad handlingen rørte.',
            '',
            '2026-12-15 10:00  slet-gamle  anna  gennemført',
            '  Valg: ældre end 30 dage, revisionsspor ældre end 1826 dage',
            '  Antal: 1 ansøgning slettet',
            '',
            '2026-12-15 10:00  pdf  bo (med sudo som stoette)  gennemført',
            `  Ansøgning: ${young}`,
            '  Skrevet til: en fil (navnet gemmes ikke), PDF',
            '',
            '2026-12-15 10:00  eksport  anna  gennemført',
            `  Ansøgninger (2): ${old}, ${young}`,
            '  Skrevet til: en fil (navnet gemmes ikke), CSV',
            '  Valg: kun nye',
            '',
            '2026-12-15 10:00  oversigt  anna  gennemført',
            `  Ansøgninger (2): ${old}, ${young}`,
            '  Skrevet til: skærmen eller et program (stdout)',
            '  Valg: kommune varde',
            '',
          ].join('\n'),
        );
        for (const personal of [...SAMPLE_PERSONAL_DATA, 'gammel', 'ny.pdf', 'ud.csv', dir]) expect(said).not.toContain(personal);
        // The application is gone; who saw it, exported it and when, is not.
        expect(await store.findApplication(old)).toBeNull();
        expect(await trail(`revisionsspor --reference ${old.toLowerCase()}`)).toMatch(/^Revisionsspor: 2 handlinger[^]*  eksport  anna[^]*  oversigt  anna/);
        expect(await trail('revisionsspor --handling pdf')).toMatch(/^Revisionsspor: 1 handling,[^]*  pdf  bo /);
        expect(await trail('revisionsspor --fra 2026-12-16')).toBe('Ingen handlinger i revisionssporet passer til valgene.\n');
        expect(await trail('revisionsspor --fra 2026-12-15 --til 2026-12-15')).toMatch(/^Revisionsspor: 4 handlinger/);
      });

      it('an export whose file cannot be written is in the trail as failed, with what was read', async () => {
        const reference = await save('varde', 'social-og-handicap', 'varde', NOW);
        expect(await run(`eksport --fil ${join(dir, 'mangler', 'ud.csv')}`)).toBe(EXIT.failed);
        expect(await trail()).toContain(['2026-12-15 10:00  eksport  anna  mislykkedes', `  Ansøgning: ${reference}`, '  Skrevet til: en fil (navnet gemmes ikke), CSV', '  Fejl: mappen findes ikke (ENOENT)'].join('\n'));
        // A file that exists is refused before anything is read: nothing to record.
        writeFileSync(join(dir, 'findes.csv'), '');
        expect(await run(`eksport --fil ${join(dir, 'findes.csv')}`)).toBe(EXIT.failed);
        expect(await store.listAudit({})).toHaveLength(1);
      });

      it('no trail, no data: when the entry cannot be recorded, nothing is shown, written or marked', async () => {
        const reference = await save('varde', 'social-og-handicap', 'varde', NOW);
        await backend.breakAuditTrail();
        const unreachable = `Kan ikke nå ansøgningerne (${name}). Prøv igen om lidt, eller kontakt driften.\n`;
        for (const line of ['oversigt --med-personoplysninger', 'eksport', `eksport --fil ${join(dir, 'ud.csv')}`, `pdf ${reference} --fil ${join(dir, 'a.pdf')}`]) {
          err = '';
          expect(await run(line), line).toBe(EXIT.failed);
          expect(err, line).toBe(unreachable);
        }
        expect(out).toBe('');
        expect(readdirSync(dir)).toEqual([]);
        expect(await notExported()).toEqual(['varde']);
        // What shows nothing personal still works.
        expect(await run('oversigt')).toBe(EXIT.ok);
        expect(out).toContain(reference);
      });

      it('slet-gamle deletes entries older than AUDIT_RETENTION_DAYS (5 years by default), says so, and records its own run', async () => {
        const entry = (days: number) => ({ at: new Date(NOW.getTime() - days * DAY), actor: ANNA, action: 'pdf' as const, details: { references: ['2222-222Z'] } });
        await store.recordAudit(entry(1827), 'done');
        await store.recordAudit(entry(20), 'done');
        expect(await run('slet-gamle')).toBe(EXIT.ok);
        expect(out).toBe(
          '0 ansøgninger ældre end 30 dage er slettet (og 0 nøgler mod dobbelt indsendelse).\n1 linje i revisionssporet ældre end 1826 dage er slettet.\n',
        );
        out = '';
        expect(await run('slet-gamle', { auditRetentionDays: 10 })).toBe(EXIT.ok);
        expect(out).toContain('1 linje i revisionssporet ældre end 10 dage er slettet.');
        const said = await trail();
        expect(said).toMatch(/^Revisionsspor: 2 handlinger/);
        expect(said).toContain('  Valg: ældre end 30 dage, revisionsspor ældre end 10 dage\n  Antal: 1 linje i revisionssporet slettet\n');
        expect(said).toContain('  Valg: ældre end 30 dage, revisionsspor ældre end 1826 dage\n  Antal: 1 linje i revisionssporet slettet\n');
      });
    });

    describe('levering', () => {
      const HOUR = 60 * 60 * 1000;
      /** Varde's social-og-handicap delivers to a webhook (with the application) and by e-mail (a notice); UngeCentret to nothing. */
      const plan: OutboxPlan = (_kommune, unitId) =>
        unitId === 'ungecentret'
          ? []
          : [
              { id: 'webhook', carriesApplication: true },
              { id: 'e-mail', carriesApplication: false },
            ];
      const withOutbox = async () => {
        await store.close();
        store = await backend.open(plan);
      };
      /** Works every due job once at `now`, the way the worker would, with what `outcome` says for each. */
      const work = async (now: Date, outcome: (destination: string, reference: string) => DeliveryUpdate) => {
        while (await store.workDelivery(now, new Set(), async (job) => outcome(job.destination, job.application === null ? job.reference : job.application.reference)));
      };
      const personal = ['Sofie Jensen', '2001-04-12', '12345678'];

      it('with no delivery jobs at all, it says delivery is not set up or nothing has come since, and points to eksport', async () => {
        await save('varde', 'social-og-handicap', 'varde', NOW);
        expect(await run('levering')).toBe(EXIT.ok);
        expect(out).toBe(
          'Ingen leveringer endnu: levering til kommunens system er ikke sat op, eller der er ikke kommet ansøgninger, siden den blev sat op. ' +
            'Ansøgningerne hentes med eksport.\n',
        );
        expect(err).toBe('');
      });

      it('per destination: pending, delivered, failed, the oldest wait and the newest error; exit 1 while one has failed; nothing personal', async () => {
        await withOutbox();
        const sent = new Date(NOW.getTime() - 5 * HOUR);
        const delivered = await save('varde', 'social-og-handicap', 'leveres', sent);
        const failing = await save('varde', 'social-og-handicap', 'fejler', new Date(sent.getTime() + 60_000));
        const tried = new Date(NOW.getTime() - 2 * HOUR); // 08:00 Danish time
        await work(tried, (destination, reference) =>
          destination === 'e-mail'
            ? { state: 'pending', nextAttemptAt: new Date(NOW.getTime() + HOUR), error: 'ECONNREFUSED' }
            : reference === failing
              ? { state: 'failed', at: tried, error: 'HTTP 500' }
              : { state: 'delivered', at: tried },
        );
        expect(await run('levering')).toBe(EXIT.failed);
        const lines = out.split('\n');
        expect(lines.slice(0, 7)).toEqual([
          'Levering til kommunens system, pr. modtager:',
          '',
          'Modtager  Venter  Leveret  Fejlet  Ældste har ventet',
          'e-mail    2       0        0       5 timer',
          'webhook   0       1        1',
          '',
          'Seneste fejl:',
        ]);
        // Both e-mails were tried at the same moment: either may count as the newest error.
        expect(lines[7]).toMatch(new RegExp(`^  e-mail: 2026-12-15 08:00, (${delivered}|${failing}): ECONNREFUSED$`));
        expect(lines[8]).toBe(`  webhook: 2026-12-15 08:00, ${failing}: HTTP 500`);
        expect(out).toContain('1 levering er fejlet. Se den med levering --fejlede');
        for (const word of [...personal, 'fejler', 'leveres']) expect(out).not.toContain(word);
      });

      it('--fejlede lists every failed job with its reference, kommune, unit, destination, attempts, when and why; --reference one application’s jobs', async () => {
        await withOutbox();
        const ok = await save('varde', 'social-og-handicap', 'leveres', NOW);
        const failing = await save('varde', 'social-og-handicap', 'fejler', NOW);
        const none = await save('bronderslev', 'ungecentret', 'ingen modtager', NOW);
        const tried = new Date(NOW.getTime() + 60_000); // 10:01 Danish time
        await work(tried, (destination, reference) =>
          reference === failing && destination === 'webhook' ? { state: 'failed', at: tried, error: 'HTTP 400' } : { state: 'delivered', at: tried },
        );
        expect(await run('levering --fejlede')).toBe(EXIT.failed);
        expect(out).toBe(
          [
            '1 levering er fejlet:',
            '',
            'Reference  Kommune  Enhed               Modtager  Forsøg  Opgivet           Sidste fejl',
            `${failing}  varde    social-og-handicap  webhook   1       2026-12-15 10:01  HTTP 400`,
            '',
            'Send den igen med levering --igen <reference> eller --igen alle-fejlede, når fejlen er rettet.',
            '',
          ].join('\n'),
        );
        for (const word of [...personal, 'fejler', 'leveres']) expect(out).not.toContain(word);
        out = '';
        expect(await run(`levering --reference ${failing.toLowerCase().replace('-', '')}`)).toBe(EXIT.failed);
        expect(out).toContain(`Leveringer af ansøgningen ${failing} (varde / social-og-handicap):`);
        expect(out).toMatch(/^webhook +fejlet, opgivet 2026-12-15 10:01 +1 +2026-12-15 10:00 +HTTP 400$/m);
        expect(out).toMatch(/^e-mail +leveret 2026-12-15 10:01 +1 +2026-12-15 10:00$/m);
        expect(out).toContain(`Send de fejlede igen med levering --igen ${failing}, når fejlen er rettet.`);
        out = '';
        expect(await run(`levering --reference ${ok}`)).toBe(EXIT.ok);
        expect(out).not.toContain('fejlet');
        out = '';
        expect(await run(`levering --reference ${none}`)).toBe(EXIT.ok);
        expect(out).toBe(
          `Ansøgningen ${none} har ingen leveringer: der var ingen modtager sat op til dens kommune og enhed, da den kom. Den hentes med eksport.\n`,
        );
        expect(await run('levering --reference 2222-2222')).toBe(EXIT.failed);
        expect(err).toContain('Der er ingen ansøgning med referencen 2222-2222.');
      });

      it('--igen queues one application’s failed jobs again, due now; a reference with none failed says so with exit 1', async () => {
        await withOutbox();
        const failing = await save('varde', 'social-og-handicap', 'fejler', NOW);
        const other = await save('varde', 'social-og-handicap', 'fejler også', NOW);
        await work(NOW, () => ({ state: 'failed', at: NOW, error: 'HTTP 503' }));
        expect(await run(`levering --igen ${failing.toLowerCase()}`)).toBe(EXIT.ok);
        expect(out).toBe('2 fejlede leveringer er sat i kø igen. Serveren prøver om lidt; se, hvordan det går, med levering.\n');
        // Sent to the kommune again: in the trail, naming the application.
        expect(await store.listAudit({ reference: failing })).toMatchObject([
          { action: 'levering-igen', outcome: 'done', actor: ANNA, details: { references: [failing], counts: { deliveries: 2 } } },
        ]);
        expect(await store.listAudit({ reference: other })).toEqual([]);
        const again = await store.listDeliveries({ reference: failing });
        expect(again.map((d) => d.state)).toEqual(['pending', 'pending']);
        expect((await store.listDeliveries({ reference: other })).map((d) => d.state)).toEqual(['failed', 'failed']);
        out = '';
        expect(await run(`levering --igen ${failing}`)).toBe(EXIT.failed);
        expect(err).toBe(
          `Ansøgningen ${failing} har ingen fejlede leveringer; intet er sat i kø igen. Se dens leveringer med levering --reference ${failing}.\n`,
        );
        err = '';
        expect(await run('levering --igen 2222-2222')).toBe(EXIT.failed);
        expect(err).toContain('Der er ingen ansøgning med referencen 2222-2222.');
      });

      it('--igen alle-fejlede queues every failed job; with none failed it says so and exits 0 (it may run on a schedule)', async () => {
        await withOutbox();
        await save('varde', 'social-og-handicap', 'en', NOW);
        await save('varde', 'social-og-handicap', 'to', NOW);
        await work(NOW, (destination) => (destination === 'webhook' ? { state: 'failed', at: NOW, error: 'timeout after 10 s' } : { state: 'delivered', at: NOW }));
        expect(await run('levering --igen alle-fejlede')).toBe(EXIT.ok);
        expect(out).toBe('2 fejlede leveringer er sat i kø igen. Serveren prøver om lidt; se, hvordan det går, med levering.\n');
        out = '';
        expect(await run('levering')).toBe(EXIT.ok); // nothing failed now: a monitor is content
        expect(out).toMatch(/^webhook +2 +0 +0 +under 1 min$/m);
        out = '';
        expect(await run('levering --igen alle-fejlede')).toBe(EXIT.ok);
        expect(out).toBe('Ingen leveringer er fejlet; intet er sat i kø igen.\n');
        out = '';
        expect(await run('levering --fejlede')).toBe(EXIT.ok);
        expect(out).toBe('Ingen leveringer er fejlet.\n');
      });

      it('slet-gamle deletes an old application delivered with the application, and keeps one that was only notified, in those words', async () => {
        await withOutbox();
        const old = new Date(NOW.getTime() - 40 * DAY);
        const delivered = await save('varde', 'social-og-handicap', 'leveret', old);
        await save('varde', 'social-og-handicap', 'kun besked', old);
        await work(NOW, (destination, reference) =>
          destination === 'webhook' && reference !== delivered ? { state: 'failed', at: NOW, error: 'HTTP 500' } : { state: 'delivered', at: NOW },
        );
        expect(await run('slet-gamle')).toBe(EXIT.ok);
        expect(out).toBe(
          '1 ansøgning ældre end 30 dage er slettet (og 0 nøgler mod dobbelt indsendelse).\n' +
            '1 ansøgning ældre end opbevaringstiden er IKKE slettet, fordi den ikke er eksporteret eller leveret endnu. ' +
            'Eksportér dem først, eller slet dem med --ogsaa-ikke-eksporterede.\n',
        );
        expect((await store.list({})).map((a) => a.application.description)).toEqual(['kun besked']);
      });
    });

    it("slet-gamle also deletes the no-JavaScript form's expired drafts, and only those", async () => {
      const minutesFromNow = (m: number) => new Date(NOW.getTime() + m * 60_000);
      await store.saveFormDraft('expired-1', { kommune: 'varde', data: '{}' }, { now: minutesFromNow(-200), expiresAt: minutesFromNow(-80) });
      await store.saveFormDraft('expired-2', { kommune: 'varde', data: '{}' }, { now: minutesFromNow(-200), expiresAt: minutesFromNow(-1) });
      await store.saveFormDraft('current', { kommune: 'varde', data: '{}' }, { now: minutesFromNow(-200), expiresAt: minutesFromNow(30) });
      expect(await run('slet-gamle')).toBe(EXIT.ok);
      expect(out).toBe(
        '0 ansøgninger ældre end 30 dage er slettet (og 0 nøgler mod dobbelt indsendelse).\n' +
          '2 udløbne kladder fra ansøgningsskemaet uden JavaScript er slettet (svar, der aldrig blev sendt).\n',
      );
      expect(await store.readFormDraft('current', NOW)).not.toBeNull();
    });
  });
}

describeCommands('SQLite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'stoette-cli-store-'));
  const file = join(dir, 'applications.sqlite');
  return {
    open: async (outbox) => openSqliteStore({ file, outbox }),
    destroy: async () => rmSync(dir, { recursive: true, force: true }),
    breakAuditTrail: async () => {
      const db = new DatabaseSync(file);
      db.exec('DROP TABLE audit_log');
      db.close();
    },
  };
});

describePostgres('the case team’s commands on PostgreSQL', () => {
  describeCommands('PostgreSQL', async () => {
    const schema = await createTestSchema();
    return {
      open: async (outbox) => openPostgresStore({ connectionString: schema.url, outbox }),
      destroy: schema.drop,
      breakAuditTrail: async () => void (await schema.query('DROP TABLE audit_log')),
    };
  });
});

describe('when the store cannot be reached', () => {
  it('the case worker is told so, with the exit code 1, and no stack trace', async () => {
    const unavailable = () => Promise.reject(new StoreUnavailableError('PostgreSQL: at hente ansøgninger mislykkedes'));
    const store: CommandStore = {
      list: unavailable,
      exportApplications: unavailable,
      purge: unavailable,
      deleteExpiredFormDrafts: unavailable,
      findApplication: unavailable,
      listDeliveries: unavailable,
      deliverySummary: unavailable,
      retryDeliveries: unavailable,
      recordAudit: unavailable,
      finishAudit: unavailable,
      listAudit: unavailable,
      keyUse: unavailable,
      resealBatch: unavailable,
      clearOldCopies: unavailable,
    };
    const dir = mkdtempSync(join(tmpdir(), 'stoette-cli-unavailable-'));
    const lines = ['oversigt', 'eksport', 'slet-gamle', `pdf 7KQM-X3PP --fil ${join(dir, 'a.pdf')}`];
    lines.push('levering', 'levering --fejlede', 'levering --reference 7KQM-X3PP', 'levering --igen 7KQM-X3PP', 'levering --igen alle-fejlede', 'ny-noegle');
    lines.push('revisionsspor', 'oversigt --med-personoplysninger');
    for (const line of lines) {
      let err = '';
      const parsed = parseArguments(line.split(' '), catalog);
      if (!parsed.ok) throw new Error(parsed.message);
      const code = await runCommand(parsed.command, {
        store,
        where: 'PostgreSQL på db.example:5432/stoette',
        catalog,
        kommuneContent,
        now: NOW,
        actor: ANNA,
        out: async () => {},
        err: (text) => void (err += text),
        encryptionKeyId: keyIdOf(NEW_KEY),
      });
      expect(code).toBe(EXIT.failed);
      expect(err).toBe('Kan ikke nå ansøgningerne (PostgreSQL på db.example:5432/stoette). Prøv igen om lidt, eller kontakt driften.');
    }
    expect(readdirSync(dir)).toEqual([]);
    rmSync(dir, { recursive: true, force: true });
  });
});

const NEW_KEY = Buffer.alloc(32, 0x6e);
const OLD_KEY = Buffer.alloc(32, 0x6f);
const REMOVED_KEY = Buffer.alloc(32, 0x72);
const [NEW_ID, OLD_ID, REMOVED_ID] = [NEW_KEY, OLD_KEY, REMOVED_KEY].map(keyIdOf) as [string, string, string];

type KeyedOpen = (encryption: EncryptionSetting | null) => ApplicationStore;

/** `ny-noegle`, and every other command on rows sealed under a key not given. */
function describeKeys(name: string, makeBackend: () => Promise<{ open: KeyedOpen; destroy: () => Promise<void> }>): void {
  describe(`ny-noegle and keys not given (${name})`, () => {
    let backend: { open: KeyedOpen; destroy: () => Promise<void> };
    const stores: ApplicationStore[] = [];
    beforeEach(async () => {
      backend = await makeBackend();
    });
    afterEach(async () => {
      for (const store of stores.splice(0)) await store.close();
      await backend.destroy();
    });
    const open = (encryption: EncryptionSetting | null) => {
      const store = backend.open(encryption);
      stores.push(store);
      return store;
    };
    const save = async (store: ApplicationStore, description: string) => {
      const result = await store.save({ kommune: 'varde', unitId: 'social-og-handicap', receivedAt: NOW, application: sampleApplication('varde', description) });
      if (result.kind !== 'created') throw new Error('not created');
      return result.receipt.reference;
    };
    const run = async (line: string, store: ApplicationStore, encryption: EncryptionSetting | null) => {
      const parsed = parseArguments(line.split(' '), catalog);
      if (!parsed.ok) throw new Error(parsed.message);
      const output = { out: '', err: '' };
      const code = await runCommand(parsed.command, {
        store,
        where: name,
        catalog,
        kommuneContent,
        now: NOW,
        actor: ANNA,
        out: async (text) => void (output.out += text),
        err: (text) => void (output.err += `${text}\n`),
        encryptionKeyId: encryption ? keyIdOf(encryption.key) : null,
      });
      return { code, ...output };
    };

    it('seals plain rows and rows under the old key with the new one, counting before and after; then the new key alone reads them', async () => {
      const plain = open(null);
      await save(plain, 'gemt før krypteringen');
      await plain.saveFormDraft('kladde', { kommune: 'varde', data: '{"values":{}}' }, { now: NOW, expiresAt: new Date(NOW.getTime() + DAY) });
      await plain.close();
      const old = open({ key: OLD_KEY, oldKeys: [] });
      await save(old, 'under den gamle nøgle');
      await old.close();
      const rotating = { key: NEW_KEY, oldKeys: [OLD_KEY] };
      const store = open(rotating);
      await save(store, 'under den nye nøgle');

      const { code, out, err } = await run('ny-noegle', store, rotating);
      expect(err).toBe('');
      expect(code).toBe(EXIT.ok);
      const copies = name === 'SQLite'
        ? 'Gamle kopier: SQLite-filens WAL-fil er tømt, og de erstattede rækker er overskrevet med nuller.'
        : 'Gamle kopier: PostgreSQL beholder de gamle udgaver af rækkerne, til VACUUM genbruger pladsen, og WAL-arkiver og backups har dem, så længe de gemmes (README: "Keys").';
      const before = [
        '  Ansøgninger: 1 ukrypteret',
        // Plain first, then by key id.
        ...[`  Ansøgninger: 1 med nøglen ${NEW_ID} (den nye)`, `  Ansøgninger: 1 med nøglen ${OLD_ID} (gammel)`][NEW_ID < OLD_ID ? 'slice' : 'reverse'](),
        '  Kladder: 1 ukrypteret',
      ];
      expect(out.split('\n')).toEqual([
        `Ny nøgle: alle ansøgninger og kladder krypteres med nøglen ${NEW_ID}.`,
        'Før:',
        ...before,
        'Ansøgninger: 2 krypteret med den nye nøgle.',
        'Kladder: 1 krypteret med den nye nøgle.',
        copies,
        'Efter:',
        `  Ansøgninger: 3 med nøglen ${NEW_ID} (den nye)`,
        `  Kladder: 1 med nøglen ${NEW_ID} (den nye)`,
        `Alle ansøgninger og kladder er krypteret med nøglen ${NEW_ID}. Nu kan de gamle nøgler fjernes fra DATA_ENCRYPTION_OLD_KEYS; genstart serveren bagefter.`,
        '',
      ]);
      // Again: nothing left to do, the same answer.
      expect((await run('ny-noegle', store, rotating)).out).toContain('Ansøgninger: 0 krypteret med den nye nøgle.');
      await store.close();

      const onlyNew = { key: NEW_KEY, oldKeys: [] };
      const after = open(onlyNew);
      const list = await run('oversigt --med-personoplysninger', after, onlyNew);
      expect(list.code).toBe(EXIT.ok);
      expect(list.out).toContain('3 ansøgninger i alt');
      expect((await after.list({})).map((a) => a.application.description).sort()).toEqual(['gemt før krypteringen', 'under den gamle nøgle', 'under den nye nøgle']);
    });

    it('a row under a key not given is left, named with its reference and key id, and the old key must stay (exit 1)', async () => {
      const removed = open({ key: REMOVED_KEY, oldKeys: [] });
      const lost = await save(removed, 'under en nøgle, der er væk');
      await removed.close();
      const onlyNew = { key: NEW_KEY, oldKeys: [] };
      const store = open(onlyNew);
      await save(store, 'under den nye nøgle');
      const { code, out, err } = await run('ny-noegle', store, onlyNew);
      expect(code).toBe(EXIT.failed);
      expect(out).toContain(`  Ansøgninger: 1 med nøglen ${REMOVED_ID} (IKKE GIVET)`);
      expect(out).not.toContain('Nu kan de gamle nøgler fjernes');
      expect(err).toBe(
        `1 ansøgning er krypteret med nøglen ${REMOVED_ID}, som ikke er givet, og er IKKE krypteret igen: ${lost}. Giv nøglen i DATA_ENCRYPTION_OLD_KEYS, og kør ny-noegle igen.\n` +
          'Ikke alt er krypteret med den nye nøgle (se ovenfor). Fjern IKKE de gamle nøgler endnu.\n',
      );
    });

    it('oversigt, eksport and pdf on a row under a key not given: a Danish message with the key id, exit 1, nothing exported or written', async () => {
      const removed = open({ key: REMOVED_KEY, oldKeys: [] });
      const lost = await save(removed, 'under en nøgle, der er væk');
      await removed.close();
      const onlyNew = { key: NEW_KEY, oldKeys: [] };
      const store = open(onlyNew);
      const dir = mkdtempSync(join(tmpdir(), 'stoette-cli-keys-'));
      try {
        for (const line of ['oversigt', 'eksport', `eksport --fil ${join(dir, 'a.csv')}`, `pdf ${lost} --fil ${join(dir, 'a.pdf')}`]) {
          const { code, out, err } = await run(line, store, onlyNew);
          expect(code, line).toBe(EXIT.failed);
          expect(out, line).toBe('');
          expect(err, line).toBe(
            `Kan ikke læse ansøgningerne: ansøgningen ${lost} er krypteret med nøglen ${REMOVED_ID}, som ikke er givet (DATA_ENCRYPTION_KEY eller DATA_ENCRYPTION_OLD_KEYS). ` +
              'Giv nøglen i DATA_ENCRYPTION_OLD_KEYS (eller DATA_ENCRYPTION_KEY), og prøv igen. Uden den kan ingen læse de rækker (README: "Keys").\n',
          );
        }
        expect(readdirSync(dir)).toEqual([]);
        // The export marked nothing: with the key given back, the application is still new.
        const withKey = open({ key: NEW_KEY, oldKeys: [REMOVED_KEY] });
        expect((await withKey.list({ exported: false })).map((a) => a.reference)).toEqual([lost]);
        // Without any key the message says so.
        const none = open(null);
        expect((await run('oversigt', none, null)).err).toContain(`er krypteret med nøglen ${REMOVED_ID}, men der er ingen nøgle sat (DATA_ENCRYPTION_KEY)`);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it('without DATA_ENCRYPTION_KEY there is nothing to seal with: it says how to make a key (exit 1)', async () => {
      const store = open(null);
      const { code, out, err } = await run('ny-noegle', store, null);
      expect(code).toBe(EXIT.failed);
      expect(out).toBe('');
      expect(err).toBe(
        'DATA_ENCRYPTION_KEY er ikke sat: der er ingen nøgle at kryptere med. Lav en med "openssl rand -base64 32", giv den til serveren og til denne kommando, og kør ny-noegle igen (README: "Keys").\n',
      );
    });
  });
}

describeKeys('SQLite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'stoette-cli-keys-store-'));
  return {
    open: (encryption) => openSqliteStore({ file: join(dir, 'applications.sqlite'), encryption }),
    destroy: async () => rmSync(dir, { recursive: true, force: true }),
  };
});

describePostgres('ny-noegle on PostgreSQL', () => {
  describeKeys('PostgreSQL', async () => {
    const schema = await createTestSchema();
    return { open: (encryption) => openPostgresStore({ connectionString: schema.url, encryption }), destroy: schema.drop };
  });
});

describe('tjek and backup (the operator’s)', () => {
  const cleanups: (() => unknown)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
    cleanups.length = 0;
  });

  async function sqlite(applications: number) {
    const dir = mkdtempSync(join(tmpdir(), 'stoette-cli-tjek-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const file = join(dir, 'applications.sqlite');
    const store = openSqliteStore({ file });
    for (let i = 0; i < applications; i++) await store.save({ kommune: 'varde', unitId: 'social-og-handicap', receivedAt: NOW, application: sampleApplication('varde', `nr. ${i} ${'x'.repeat(400)}`) });
    await store.close();
    return { dir, file };
  }

  const context = (setting: StoreSetting, where: string) => {
    const said = { out: '', err: '' };
    return {
      said,
      ctx: {
        store: setting,
        open: () => (setting.kind === 'sqlite' ? openSqliteStore({ file: setting.file }) : openPostgresStore({ connectionString: setting.connectionString })),
        where,
        now: NOW,
        actor: ANNA,
        out: async (text: string) => void (said.out += text),
        err: (text: string) => void (said.err += `${text}\n`),
      },
    };
  };

  it('tjek on a whole SQLite file: ok per check, exit code 0', async () => {
    const { file } = await sqlite(1);
    const { said, ctx } = context({ kind: 'sqlite', file }, 'SQLite i data/applications.sqlite');
    expect(await runCheck(ctx)).toBe(EXIT.ok);
    expect(said.out).toBe('Tjek af lageret (SQLite i data/applications.sqlite):\n  Lageret kan åbnes: ok\n  Databasefilen er hel (PRAGMA quick_check): ok\n');
  });

  it('tjek on damaged pages: beskadiget with SQLite’s words and what to do, exit code 1', async () => {
    const { file } = await sqlite(60);
    damageTablePages(file);
    const { said, ctx } = context({ kind: 'sqlite', file }, 'SQLite i x');
    expect(await runCheck(ctx)).toBe(EXIT.failed);
    expect(said.out).toMatch(/^Tjek af lageret \(SQLite i x\):\n  Lageret kan åbnes: ok\n  Databasefilen er hel \(PRAGMA quick_check\): beskadiget\n    .+\nStop serveren, og læg den seneste backup tilbage/);
  });

  it('tjek on a zero-length file where a database was: the store does not open, the file is not checked, exit code 1', async () => {
    const { file } = await sqlite(1);
    truncateSync(file, 0);
    const { said, ctx } = context({ kind: 'sqlite', file }, 'SQLite i x');
    expect(await runCheck(ctx)).toBe(EXIT.failed);
    expect(said.out.split('\n')).toEqual([
      'Tjek af lageret (SQLite i x):',
      `  Lageret kan åbnes: nej, databasefilen ${file} er tom (0 byte), men mappen har haft en database (applications.sqlite.marker findes)`,
      '  Databasefilen er hel (PRAGMA quick_check): ikke tjekket (lageret kan ikke åbnes)',
      'Stop serveren, og læg den seneste backup tilbage (README: "Health, metrics, backup and restore").',
      '',
    ]);
  });

  it('backup writes a checked copy and says where; never over a file; a damaged database gives exit code 1', async () => {
    const { dir, file } = await sqlite(60);
    const target = join(dir, 'kopi.sqlite');
    const first = context({ kind: 'sqlite', file }, 'SQLite i x');
    expect(await runBackup({ kind: 'backup', file: target }, first.ctx)).toBe(EXIT.ok);
    expect(first.said.err).toBe(`Databasen er kopieret til ${target} (kun læsbar for dig) og tjekket: ok.\n`);
    // A copy of every application: in the trail, recorded before the copy was made (so the copy has it, not finished).
    const trailOf = async (path: string) => {
      const store = openSqliteStore({ file: path });
      try {
        return (await store.listAudit({})).map((e) => [e.action, e.outcome, e.actor.user, e.details]);
      } finally {
        await store.close();
      }
    };
    expect(await trailOf(file)).toEqual([['backup', 'done', 'anna', { output: 'file', format: 'sqlite' }]]);
    expect(await trailOf(target)).toEqual([['backup', 'begun', 'anna', { output: 'file', format: 'sqlite' }]]);
    const again = context({ kind: 'sqlite', file }, 'SQLite i x');
    expect(await runBackup({ kind: 'backup', file: target }, again.ctx)).toBe(EXIT.failed);
    expect(again.said.err).toBe(`Filen ${target} findes allerede. Vælg et andet navn; den gamle fil bliver ikke overskrevet.\n`);
    damageTablePages(file);
    const damaged = context({ kind: 'sqlite', file }, 'SQLite i x');
    expect(await runBackup({ kind: 'backup', file: join(dir, 'kopi2.sqlite') }, damaged.ctx)).toBe(EXIT.failed);
    expect(damaged.said.err).toMatch(/^Databasen er kopieret til .*kopi2\.sqlite, men kopien er beskadiget, fordi databasen er det\./);
    // Refused before the store is opened: the file exists, or there is no database. Nothing recorded for those.
    const none = context({ kind: 'sqlite', file: join(dir, 'ingen', 'applications.sqlite') }, 'SQLite i y');
    expect(await runBackup({ kind: 'backup', file: join(dir, 'kopi3.sqlite') }, none.ctx)).toBe(EXIT.failed);
    expect(none.said.err).toMatch(/^Der er ingen ansøgninger i .*applications\.sqlite: filen findes ikke\./);
    expect(existsSync(join(dir, 'ingen'))).toBe(false);
  });

  it('backup on PostgreSQL says to use pg_dump and what to keep', async () => {
    const { said, ctx } = context({ kind: 'postgres', connectionString: 'postgres://db.example/stoette', poolSize: 1 }, 'PostgreSQL på db.example/stoette');
    expect(await runBackup({ kind: 'backup', file: 'x.dump' }, ctx)).toBe(EXIT.failed);
    expect(said.err).toContain('pg_dump --format=custom');
    expect(said.err).toContain('applications, idempotency_keys, form_drafts, deliveries, audit_log og schema_migrations');
  });
});

describePostgres('tjek on PostgreSQL', () => {
  it('says the database answers a query and that PostgreSQL has no quick_check; exit code 0', async () => {
    const schema = await createTestSchema();
    try {
      let out = '';
      const code = await runCheck({
        store: { kind: 'postgres', connectionString: schema.url, poolSize: 1 },
        open: () => openPostgresStore({ connectionString: schema.url }),
        where: 'PostgreSQL på test',
        now: NOW,
        actor: ANNA,
        out: async (text) => void (out += text),
        err: () => {},
      });
      expect(code).toBe(EXIT.ok);
      expect(out).toBe(
        'Tjek af lageret (PostgreSQL på test):\n  Lageret kan åbnes: ok\n  Databasen svarer på en forespørgsel: ok (PostgreSQL holder selv sine sider hele; der er intet quick_check)\n',
      );
    } finally {
      await schema.drop();
    }
  });
});
