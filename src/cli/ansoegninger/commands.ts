/**
 * What the case team's commands do, against any ApplicationStore. The entry
 * point (src/cli/ansoegninger.ts) opens the store from the environment and
 * passes in where output goes; tests pass a store and collect the output.
 *
 * Export: the store reads, hands the applications to us and marks them
 * exported only after we have written them, in one transaction — a file
 * that cannot be written leaves nothing marked. A file is written to a
 * temporary name, flushed to disk, then linked to its name, which fails if
 * the name exists: an earlier export is never overwritten, and a half-written
 * file never carries the name. The file is readable by its owner only (it
 * holds personal data).
 *
 * PDF: one application as a tagged, accessible document for the case
 * (src/server/applications/application-pdf.ts), written the same way as an
 * export's file: new, owner-only, never over another.
 *
 * Purge: only applications the kommune has (exported, or delivered to a
 * destination that hands over the application itself), unless asked for: an
 * application must not vanish before the kommune has it. Those kept are
 * counted and named in the output.
 *
 * Output to a reader that stops reading (`oversigt | head`: a closed pipe)
 * ends the command quietly, with the exit code it would have had; an export
 * to it is not marked (`eksport | head` has not handed everything over).
 *
 * Delivery (`levering`): what the outbox holds, per destination, every failed
 * job or one application's jobs, and `--igen` to queue failed jobs again. It
 * exits 1 while a job it shows has failed, so that a monitor running it
 * notices: a failed delivery must never go unseen.
 *
 * Check (`tjek`): opens the store and runs its integrity check (SQLite:
 * `PRAGMA quick_check`), one line per check, exit 1 when something is wrong.
 * It opens the store itself (`runCheck`), since a store that cannot be opened
 * is one of its answers.
 *
 * Backup (`backup --fil`): SQLite's online backup to a new owner-only file,
 * checked (`backupDatabase` in src/server/store/sqlite.ts); PostgreSQL: the
 * command says to use pg_dump.
 *
 * The audit trail (README: "Audit trail"): every command that shows personal
 * data, hands it out or changes applications records who (`actor`), when,
 * what and which applications (references only) in the store. Where it hands
 * data out (`oversigt --med-personoplysninger`, `eksport`, `pdf`, `backup`)
 * the entry is recorded before anything is written, and if it cannot be
 * recorded nothing is written; its outcome is set afterwards, in the marking's
 * transaction for an export. Where it changes applications (`slet-gamle`,
 * `levering --igen`) the store records it in the change's transaction. An
 * overview without personal data, `levering`, `tjek` and `revisionsspor`
 * itself show none and are not recorded.
 *
 * New key (`ny-noegle`, `runRekey`): seals every application and form draft
 * under DATA_ENCRYPTION_KEY — those under an old key (DATA_ENCRYPTION_OLD_KEYS)
 * and those stored plain — in batches of `REKEY_BATCH` rows, each its own
 * short transaction, so citizens' saves never wait long; then clears the old
 * copies SQLite keeps (its WAL), and counts the rows under each key before and
 * after. Exit 1 while a row is left under another key: the old key must stay.
 *
 * A row the store cannot open (a key not given, a changed row) is a Danish
 * message naming the key id, exit 1, never garbage and never a stack trace.
 */
import { randomUUID } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, linkSync, openSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { applicationPdf, type PdfKommune } from '../../server/applications/application-pdf.ts';
import { BackupTargetExists, backupDatabase } from '../../server/store/sqlite.ts';
import { auditReason } from '../../server/store/audit.ts';
import {
  StoreDamagedError,
  StoreUnavailableError,
  type ApplicationFilter,
  type ApplicationStore,
  type AuditAction,
  type AuditActor,
  type AuditChoices,
  type AuditDetails,
  type AuditStamp,
  type KeyUse,
  type ResealSkip,
  type SealedTable,
  type StoredApplication,
} from '../../server/store/types.ts';
import { markerOf } from '../../server/store/sqlite.ts';
import { SealedDataError } from '../../server/store/sealed.ts';
import type { StoreSetting } from '../../lib/config.ts';
import type { Command, KommuneCatalog } from './args.ts';
import { auditReport } from './audit-report.ts';
import { applicationReport, failedReport, summaryReport } from './delivery-report.ts';
import { listReport, toCsv, toJsonLines } from './format.ts';
import { AUDIT, BACKUP, CHECK, DELIVERY, FAILURES, REKEY, REPORT, help } from './text.ts';

/** What the commands ask of the store. */
export type CommandStore = Pick<
  ApplicationStore,
  | 'list'
  | 'exportApplications'
  | 'purge'
  | 'deleteExpiredFormDrafts'
  | 'findApplication'
  | 'listDeliveries'
  | 'deliverySummary'
  | 'retryDeliveries'
  | 'recordAudit'
  | 'finishAudit'
  | 'listAudit'
  | 'keyUse'
  | 'resealBatch'
  | 'clearOldCopies'
>;

export interface CommandContext {
  store: CommandStore;
  /** Where the store is, for messages ("SQLite i data/applications.sqlite"). */
  where: string;
  catalog: KommuneCatalog;
  /** A kommune's content (units, routing, help list) by slug, for the PDF; `undefined` for one with no content file. */
  kommuneContent: (slug: string) => PdfKommune | undefined;
  now: Date;
  /** Who runs the command (./actor.ts), for the audit trail. */
  actor: AuditActor;
  /**
   * The command's output (stdout); resolves when it has been handed on, rejects with `OutputClosed` when
   * the reader has stopped reading (`oversigt | head`).
   */
  out: (text: string) => Promise<void>;
  /** Messages to the case worker (stderr), so that an export on stdout stays clean. */
  err: (text: string) => void;
  /** The id of DATA_ENCRYPTION_KEY (./src/server/store/sealed.ts `keyIdOf`); `null` or left out: no key set. */
  encryptionKeyId?: string | null;
}

/**
 * Exit codes: 0 done, 1 could not be done (store, file) — or, for `levering`,
 * a delivery it shows has failed —, 2 the command line was wrong (args.ts).
 */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

const DAY_MS = 24 * 60 * 60 * 1000;

class FileExists extends Error {
  /** The code the audit trail records (auditReason). */
  readonly code = 'EEXIST';
}

/** The reader of the output has stopped reading (a closed pipe, EPIPE): `oversigt | head` once head has its lines. */
export class OutputClosed extends Error {
  readonly code = 'EPIPE';
}

/**
 * Output for a person or a monitor: a reader that stops early (`| head`) has had what it wanted, so the
 * command ends as it would have, quietly. (An export is another matter: `runExport`.)
 */
async function show(ctx: CommandContext, text: string): Promise<void> {
  try {
    await ctx.out(text);
  } catch (error) {
    if (!(error instanceof OutputClosed)) throw error;
  }
}

/** Writes a new file atomically, owner-only; refuses to replace one that exists. */
export function writeNewFile(path: string, text: string | Uint8Array): void {
  if (existsSync(path)) throw new FileExists(path);
  const temporary = join(dirname(path), `.${basename(path)}.${randomUUID()}.tmp`);
  const fd = openSync(temporary, 'wx', 0o600);
  try {
    try {
      // writeFileSync on a descriptor writes all of it (writeSync may write only a part).
      writeFileSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    linkSync(temporary, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new FileExists(path);
    throw error;
  } finally {
    // Always: a half-written temporary file holds personal data too.
    unlinkSync(temporary);
  }
}

/** What the audit trail needs of a command's context. */
type AuditContext = { store: Pick<ApplicationStore, 'recordAudit' | 'finishAudit'>; now: Date; actor: AuditActor; err: (text: string) => void };

/** Who and when, for a store method that records its own entry in its transaction (`eksport`, `slet-gamle`, `levering --igen`). */
export const auditStamp = (ctx: Pick<AuditContext, 'now' | 'actor'>, details?: AuditDetails): AuditStamp => ({
  at: ctx.now,
  actor: ctx.actor,
  ...(details ? { details } : {}),
});

/** An application filter as the trail keeps it: ids, ISO times and a flag, only those given. */
export function filterChoices(filter: ApplicationFilter): AuditChoices {
  const choices: AuditChoices = {
    kommune: filter.kommune,
    unitId: filter.unitId,
    receivedFrom: filter.receivedFrom?.toISOString(),
    receivedBefore: filter.receivedBefore?.toISOString(),
    exported: filter.exported,
  };
  return Object.fromEntries(Object.entries(choices).filter(([, v]) => v !== undefined)) as AuditChoices;
}

/**
 * Runs `work`, which hands personal data out of the store (to the screen, a file), with its entry in the audit
 * trail: recorded before `work` starts — if it cannot be, the store's error ends the command and nothing is
 * handed out — and its outcome after (`failed` with the error's code when `work` throws, which is rethrown).
 */
export async function recorded<T>(ctx: AuditContext, action: AuditAction, details: AuditDetails, work: () => T | Promise<T>): Promise<T> {
  const id = await ctx.store.recordAudit({ at: ctx.now, actor: ctx.actor, action, details });
  const finish = (outcome: 'done' | 'failed', reason?: string) => ctx.store.finishAudit(id, outcome, reason).catch(() => ctx.err(AUDIT.notFinished));
  let result: T;
  try {
    result = await work();
  } catch (error) {
    await finish('failed', auditReason(error));
    throw error;
  }
  await finish('done');
  return result;
}

const reasonOf = (error: unknown) => (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));

/** The overview; with names and birth dates, recorded in the trail before it is written. */
async function runList(command: Extract<Command, { kind: 'list' }>, ctx: CommandContext): Promise<number> {
  const applications = await ctx.store.list(command.filter);
  const report = listReport(applications, { withPersonalData: command.withPersonalData });
  if (!command.withPersonalData) {
    // References, times, kommune and unit: no personal data on the screen, so no entry.
    await show(ctx, report);
    return EXIT.ok;
  }
  const details: AuditDetails = { references: applications.map((a) => a.reference), choices: filterChoices(command.filter), output: 'stdout' };
  try {
    await recorded(ctx, 'oversigt', details, () => ctx.out(report));
  } catch (error) {
    // A reader that stopped reading (`| head`): ends quietly, as any overview; the trail says it failed (EPIPE).
    if (!(error instanceof OutputClosed)) throw error;
  }
  return EXIT.ok;
}

async function runExport(command: Extract<Command, { kind: 'export' }>, ctx: CommandContext): Promise<number> {
  const { file } = command;
  if (file && existsSync(file)) {
    ctx.err(FAILURES.fileExists(file));
    return EXIT.failed;
  }
  const render = (applications: StoredApplication[]) =>
    command.format === 'csv' ? toCsv(applications, ctx.catalog) : toJsonLines(applications, ctx.catalog);
  let exported: StoredApplication[];
  // The store records it (the references it read) before `deliver` writes, and its outcome with the marking.
  const audit = auditStamp(ctx, { choices: filterChoices(command.filter), output: file ? 'file' : 'stdout', format: command.format });
  try {
    exported = await ctx.store.exportApplications(
      command.filter,
      ctx.now,
      async (applications) => {
        if (file) writeNewFile(file, render(applications));
        else await ctx.out(render(applications));
      },
      audit,
    );
  } catch (error) {
    if (error instanceof StoreUnavailableError) throw error;
    if (error instanceof FileExists) ctx.err(FAILURES.fileExists(file!));
    // Stopped reading halfway (`eksport | head`): not everything was handed over, so nothing is marked.
    else if (error instanceof OutputClosed) ctx.err(FAILURES.outputClosed);
    else ctx.err(file ? FAILURES.fileNotWritten(file, reasonOf(error)) : FAILURES.outputNotWritten(reasonOf(error)));
    return EXIT.failed;
  }
  ctx.err(REPORT.exported(exported.length, file));
  const before = exported.filter((a) => a.exportedAt !== null).length;
  if (before > 0) ctx.err(REPORT.exportedAgain(before));
  return EXIT.ok;
}

async function runPdf(command: Extract<Command, { kind: 'pdf' }>, ctx: CommandContext): Promise<number> {
  const { reference, file } = command;
  if (existsSync(file)) {
    ctx.err(FAILURES.fileExists(file));
    return EXIT.failed;
  }
  const stored = await ctx.store.findApplication(reference);
  if (!stored) {
    ctx.err(FAILURES.unknownReference(reference));
    return EXIT.failed;
  }
  const kommune = ctx.kommuneContent(stored.kommune);
  if (!kommune) {
    ctx.err(FAILURES.noKommuneContent(stored.kommune));
    return EXIT.failed;
  }
  try {
    await recorded(ctx, 'pdf', { references: [reference], output: 'file', format: 'pdf' }, () => writeNewFile(file, applicationPdf(stored, kommune, ctx.now)));
  } catch (error) {
    if (error instanceof StoreUnavailableError) throw error;
    ctx.err(error instanceof FileExists ? FAILURES.fileExists(file) : FAILURES.pdfNotWritten(file, reasonOf(error)));
    return EXIT.failed;
  }
  ctx.err(REPORT.pdf(reference, file));
  return EXIT.ok;
}

async function runPurge(command: Extract<Command, { kind: 'purge' }>, ctx: CommandContext): Promise<number> {
  // The no-JavaScript form's expired drafts go too (the server deletes them when it saves another; a quiet site may not).
  const drafts = await ctx.store.deleteExpiredFormDrafts(ctx.now);
  const choices: AuditChoices = {
    olderThanDays: command.days,
    ...(command.kommune === undefined ? {} : { kommune: command.kommune }),
    includeNotExported: command.includeNotExported,
    auditOlderThanDays: command.auditDays,
  };
  // The trail keeps its own, longer period; the purge records its run (counts, no references) in its transaction.
  const result = await ctx.store.purge(
    {
      receivedBefore: new Date(ctx.now.getTime() - command.days * DAY_MS),
      kommune: command.kommune,
      includeNotExported: command.includeNotExported,
      auditBefore: new Date(ctx.now.getTime() - command.auditDays * DAY_MS),
    },
    auditStamp(ctx, { choices, counts: { formDrafts: drafts } }),
  );
  const lines = [REPORT.purged(result.applications, command.days, result.idempotencyKeys)];
  if (result.keptNotExported > 0) lines.push(REPORT.keptNotExported(result.keptNotExported));
  if (result.undeliveredJobs > 0) lines.push(REPORT.undeliveredJobs(result.undeliveredJobs));
  if (drafts > 0) lines.push(REPORT.expiredDrafts(drafts));
  if (result.auditEntries > 0) lines.push(AUDIT.purged(result.auditEntries, command.auditDays));
  await show(ctx, `${lines.join('\n')}\n`);
  return EXIT.ok;
}

async function runDelivery(command: Extract<Command, { kind: 'delivery' }>, ctx: CommandContext): Promise<number> {
  const { view } = command;
  switch (view.kind) {
    case 'summary': {
      const summary = await ctx.store.deliverySummary();
      await show(ctx, summaryReport(summary, ctx.now));
      return summary.some((s) => s.failed > 0) ? EXIT.failed : EXIT.ok;
    }
    case 'failed': {
      const failed = await ctx.store.listDeliveries({ state: 'failed' });
      await show(ctx, failedReport(failed));
      return failed.length > 0 ? EXIT.failed : EXIT.ok;
    }
    case 'application': {
      const jobs = await ctx.store.listDeliveries({ reference: view.reference });
      if (jobs.length > 0) {
        await show(ctx, applicationReport(jobs));
        return jobs.some((d) => d.state === 'failed') ? EXIT.failed : EXIT.ok;
      }
      if (!(await ctx.store.findApplication(view.reference))) {
        ctx.err(FAILURES.unknownReference(view.reference));
        return EXIT.failed;
      }
      await show(ctx, `${DELIVERY.applicationNone(view.reference)}\n`);
      return EXIT.ok;
    }
  }
}

async function runRetry(command: Extract<Command, { kind: 'retry' }>, ctx: CommandContext): Promise<number> {
  const { which } = command;
  // Sent to the kommune again: the store records which applications, in the same transaction.
  const queued = await ctx.store.retryDeliveries(which, ctx.now, auditStamp(ctx, { choices: 'allFailed' in which ? { allFailed: true } : {} }));
  if (queued > 0) {
    await show(ctx, `${DELIVERY.retried(queued)}\n`);
    return EXIT.ok;
  }
  // Every failed job at once, and there were none: nothing is wrong (a nightly job may run it).
  if (!('reference' in which)) {
    await show(ctx, `${DELIVERY.retriedNone}\n`);
    return EXIT.ok;
  }
  const known = (await ctx.store.listDeliveries({ reference: which.reference })).length > 0 || (await ctx.store.findApplication(which.reference)) !== null;
  ctx.err(known ? FAILURES.retryNothingFailed(which.reference) : FAILURES.unknownReference(which.reference));
  return EXIT.failed;
}

/** Rows per batch of `ny-noegle`: one short transaction each (SQLite holds its write lock for one batch, a few milliseconds). */
export const REKEY_BATCH = 200;

const SEALED_TABLES: readonly SealedTable[] = ['applications', 'form_drafts'];

function keyUseLines(uses: readonly KeyUse[], currentKeyId: string): string[] {
  if (!uses.length) return [REKEY.none];
  return uses.map((use) =>
    REKEY.use(use.table, use.rows, use.keyId, use.keyId === null ? 'plain' : use.keyId === currentKeyId ? 'current' : use.known ? 'old' : 'unknown'),
  );
}

/** The rows a rotation left, as lines: per key not given, and those that do not open. */
function skippedLines(skipped: readonly ResealSkip[]): string[] {
  const lines: string[] = [];
  const byKey = new Map<string | null, ResealSkip[]>();
  for (const skip of skipped.filter((s) => s.problem !== 'broken')) byKey.set(skip.keyId, [...(byKey.get(skip.keyId) ?? []), skip]);
  for (const [keyId, skips] of byKey) {
    lines.push(REKEY.unknownKey(keyId, skips.flatMap((s) => (s.reference ? [s.reference] : [])), skips.filter((s) => !s.reference).length));
  }
  const broken = skipped.filter((s) => s.problem === 'broken');
  if (broken.length) lines.push(REKEY.broken(broken.flatMap((s) => (s.reference ? [s.reference] : [])), broken.filter((s) => !s.reference).length));
  return lines;
}

/**
 * `ny-noegle`: every application and form draft sealed under the current key (see the header). Its own
 * function, so that what wraps the staff commands (an audit of who did what) can wrap it too.
 */
export async function runRekey(ctx: CommandContext): Promise<number> {
  const keyId = ctx.encryptionKeyId ?? null;
  if (!keyId) {
    ctx.err(REKEY.noKey);
    return EXIT.failed;
  }
  await show(ctx, `${[REKEY.heading(keyId), REKEY.before, ...keyUseLines(await ctx.store.keyUse(), keyId)].join('\n')}\n`);
  const skipped: ResealSkip[] = [];
  // Every row's personal content is read and written again: in the audit trail, begun before, its outcome after.
  await recorded(ctx, 'ny-noegle', {}, async () => {
    for (const table of SEALED_TABLES) {
      let resealed = 0;
      let after: string | null = null;
      do {
        const batch = await ctx.store.resealBatch(table, after, REKEY_BATCH);
        resealed += batch.resealed;
        skipped.push(...batch.skipped);
        after = batch.next;
      } while (after !== null);
      await show(ctx, `${REKEY.resealed(table, resealed)}\n`);
    }
  });

  const copies = await ctx.store.clearOldCopies();
  const uses = await ctx.store.keyUse();
  const lines = [
    copies.kind === 'cleared' ? REKEY.copiesCleared : copies.kind === 'busy' ? REKEY.copiesBusy : REKEY.copiesPostgres,
    REKEY.after,
    ...keyUseLines(uses, keyId),
  ];
  // Done only when every row is under the new key (rows added meanwhile by a server without it count too).
  const done = uses.every((use) => use.keyId === keyId);
  if (done) lines.push(REKEY.done(keyId));
  await show(ctx, `${lines.join('\n')}\n`);
  if (!done) {
    for (const line of skippedLines(skipped)) ctx.err(line);
    ctx.err(REKEY.notDone);
  }
  return done && copies.kind !== 'busy' ? EXIT.ok : EXIT.failed;
}

/** What `tjek` and `backup` need: they open the store (or its file) themselves. */
export interface StoreCommandContext {
  store: StoreSetting;
  /** Opens the store as every other command does (src/server/store/index.ts). */
  open: () => ApplicationStore;
  where: string;
  now: Date;
  /** Who runs it, for the audit trail (a backup is a copy of every application). */
  actor: AuditActor;
  out: (text: string) => Promise<void>;
  err: (text: string) => void;
}

const reasonOfStore = (error: unknown): string => {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? `: ${(error.cause as { code?: string }).code ?? error.cause.message}` : '';
  return `${error.message}${cause}`;
};

/** `tjek`: can the store be opened, is its data whole; exit 1 when not. */
export async function runCheck(ctx: StoreCommandContext): Promise<number> {
  const lines = [CHECK.heading(ctx.where)];
  const integrityLine = ctx.store.kind === 'sqlite' ? CHECK.sqlite : null;
  let store: ApplicationStore;
  try {
    store = ctx.open();
    await store.ready();
  } catch (error) {
    if (!(error instanceof StoreUnavailableError)) throw error;
    if (error instanceof StoreDamagedError && error.damage === 'damaged') {
      lines.push(CHECK.opens(CHECK.ok), CHECK.sqlite(CHECK.damaged), CHECK.problem(error.message), CHECK.restore);
    } else {
      lines.push(CHECK.opens(error instanceof StoreDamagedError ? CHECK.missing(error.message) : CHECK.unavailable(reasonOfStore(error))));
      if (integrityLine) lines.push(integrityLine(CHECK.notChecked));
      if (error instanceof StoreDamagedError) lines.push(CHECK.restore);
    }
    await ctx.out(`${lines.join('\n')}\n`);
    return EXIT.failed;
  }
  try {
    lines.push(CHECK.opens(CHECK.ok));
    const report = await store.checkIntegrity();
    if (report.kind === 'not-checked') lines.push(CHECK.postgres);
    else if (report.kind === 'ok') lines.push(CHECK.sqlite(CHECK.ok));
    else lines.push(CHECK.sqlite(CHECK.damaged), ...report.problems.map(CHECK.problem), CHECK.restore);
    await ctx.out(`${lines.join('\n')}\n`);
    return report.kind === 'damaged' ? EXIT.failed : EXIT.ok;
  } catch (error) {
    if (!(error instanceof StoreUnavailableError)) throw error;
    lines.push(CHECK.sqlite(CHECK.unavailable(reasonOfStore(error))));
    await ctx.out(`${lines.join('\n')}\n`);
    return EXIT.failed;
  } finally {
    await store.close();
  }
}

/** The copy was made, but is damaged: recorded as failed with this code. */
class DamagedCopy extends Error {
  readonly code = 'damaged';
}

/**
 * `backup --fil`: SQLite's online backup to a new owner-only file; PostgreSQL: use pg_dump. The copy holds
 * every application, so it is in the audit trail (recorded in the store before the copy is made).
 */
export async function runBackup(command: Extract<Command, { kind: 'backup' }>, ctx: StoreCommandContext): Promise<number> {
  if (ctx.store.kind === 'postgres') {
    ctx.err(BACKUP.postgres);
    return EXIT.failed;
  }
  const { file } = command;
  const source = ctx.store.file;
  // Opening the store to record the backup would make a database where there is none.
  if (!existsSync(source) && !existsSync(markerOf(source))) {
    ctx.err(FAILURES.noDatabase(source));
    return EXIT.failed;
  }
  if (existsSync(file)) {
    ctx.err(FAILURES.fileExists(file));
    return EXIT.failed;
  }
  let store: ApplicationStore;
  try {
    store = ctx.open();
  } catch (error) {
    if (!(error instanceof StoreUnavailableError)) throw error;
    ctx.err(error instanceof StoreDamagedError ? FAILURES.storeDamaged(ctx.where, error.message) : FAILURES.storeUnavailable(ctx.where));
    return EXIT.failed;
  }
  try {
    await recorded({ ...ctx, store }, 'backup', { output: 'file', format: 'sqlite' }, async () => {
      // Made, and on the disk, but damaged: the trail says it failed.
      if ((await backupDatabase(source, file)).kind === 'damaged') throw new DamagedCopy();
    });
    ctx.err(BACKUP.done(file));
    return EXIT.ok;
  } catch (error) {
    if (error instanceof DamagedCopy) ctx.err(BACKUP.damaged(file));
    else if (error instanceof BackupTargetExists) ctx.err(FAILURES.fileExists(file));
    else if (error instanceof StoreDamagedError) ctx.err(FAILURES.storeDamaged(ctx.where, error.message));
    else if (error instanceof StoreUnavailableError) ctx.err(FAILURES.storeUnavailable(ctx.where));
    else if ((error as NodeJS.ErrnoException).code === 'ENOENT' && !existsSync(source)) ctx.err(FAILURES.noDatabase(source));
    else ctx.err(BACKUP.notWritten(file, reasonOf(error)));
    return EXIT.failed;
  } finally {
    await store.close();
  }
}

/** Runs a command; returns the exit code. A store that cannot be reached is a message, never a stack trace. */
export async function runCommand(command: Command, ctx: CommandContext): Promise<number> {
  try {
    switch (command.kind) {
      case 'help':
        await show(ctx, help(Object.keys(ctx.catalog)));
        return EXIT.ok;
      case 'list':
        return await runList(command, ctx);
      case 'export':
        return await runExport(command, ctx);
      case 'purge':
        return await runPurge(command, ctx);
      case 'pdf':
        return await runPdf(command, ctx);
      case 'delivery':
        return await runDelivery(command, ctx);
      case 'retry':
        return await runRetry(command, ctx);
      case 'audit':
        await show(ctx, auditReport(await ctx.store.listAudit(command.filter)));
        return EXIT.ok;
      case 'rekey':
        return await runRekey(ctx);
      case 'check':
      case 'backup':
        throw new Error(`${command.kind} opens the store itself: runCheck, runBackup`);
    }
  } catch (error) {
    if (!(error instanceof StoreUnavailableError)) throw error;
    ctx.err(
      error instanceof SealedDataError
        ? FAILURES.sealed(error.message, error.problem)
        : error instanceof StoreDamagedError
          ? FAILURES.storeDamaged(ctx.where, error.message)
          : FAILURES.storeUnavailable(ctx.where),
    );
    return EXIT.failed;
  }
}
