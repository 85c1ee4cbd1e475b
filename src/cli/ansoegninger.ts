/**
 * `npm run ansoegninger -- <kommando>`: the kommune case team's command for
 * the applications — overview, export, one application as a PDF, deleting old ones, their
 * delivery to the kommune's system, the audit trail of who did which of these, and for the
 * operator a check of the store, a backup and a new encryption key (`ny-noegle`). Run
 * `npm run ansoegninger -- hjaelp` for the commands; README.md, "The case
 * team's command", for examples; src/cli/ansoegninger/ for how it works.
 *
 * Uses the same store as the server: PostgreSQL when DATABASE_URL is set,
 * otherwise SQLite in $DATA_DIR; the same DATA_ENCRYPTION_KEY (and old keys) to read
 * applications sealed at rest. Every failure is a Danish message and an
 * exit code (1: could not be done, or `levering` shows a failed delivery; 2: wrong command line), never a stack trace.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { ConfigError, loadConfig, type Config } from '../lib/config.ts';
import { describeStore, openStore, StoreDamagedError, StoreUnavailableError, type ApplicationStore } from '../server/store/index.ts';
import { keyIdOf } from '../server/store/sealed.ts';
import { markerOf } from '../server/store/sqlite.ts';
import { commandActor } from './ansoegninger/actor.ts';
import { parseArguments } from './ansoegninger/args.ts';
import { EXIT, OutputClosed, runBackup, runCheck, runCommand } from './ansoegninger/commands.ts';
import { loadKommuneCatalog, loadKommuner } from './ansoegninger/kommuner.ts';
import { FAILURES, help } from './ansoegninger/text.ts';

const HINT = 'Skriv "npm run ansoegninger -- hjaelp" for at se kommandoerne.';

// A closed pipe (`… | head`) is reported through the write's callback; without a listener it would crash.
process.stdout.on('error', () => {});
let outputClosed = false;
/** Writes to stdout; a reader that has stopped reading (EPIPE) is `OutputClosed`, and nothing more is written. */
const out = (text: string) =>
  new Promise<void>((resolve, reject) => {
    if (outputClosed) return reject(new OutputClosed());
    process.stdout.write(text, (error) => {
      if (!error) return resolve();
      outputClosed ||= (error as NodeJS.ErrnoException).code === 'EPIPE';
      reject(outputClosed ? new OutputClosed() : error);
    });
  });
const err = (text: string) => console.error(text);

async function main(): Promise<number> {
  const kommuner = loadKommuner();
  const catalog = loadKommuneCatalog(kommuner);
  // A wrong setting is reported after a wrong command line, and never stands in the way of the help.
  let settings: Config | null = null;
  let configProblem = '';
  try {
    // The delivery settings are the server's (DELIVERY_CONFIG may be a file only the server's user can read).
    settings = loadConfig(Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('DELIVERY_'))));
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    configProblem = error.message;
  }
  const parsed = parseArguments(process.argv.slice(2), catalog, { retentionDays: settings?.retentionDays, auditRetentionDays: settings?.auditRetentionDays });
  if (!parsed.ok) {
    err(`${parsed.message}\n${HINT}`);
    return EXIT.usage;
  }
  const { command } = parsed;
  // npm runs scripts in the project's folder; a relative --fil means the folder the case worker typed it in.
  if ((command.kind === 'export' || command.kind === 'pdf' || command.kind === 'backup') && command.file) command.file = resolve(process.env.INIT_CWD || process.cwd(), command.file);
  if (command.kind === 'help') {
    await out(help(Object.keys(catalog))).catch((error: unknown) => {
      if (!(error instanceof OutputClosed)) throw error;
    });
    return EXIT.ok;
  }

  if (!settings) {
    err(FAILURES.configuration(configProblem));
    return EXIT.usage;
  }
  const config = settings.store;
  const where = describeStore(config);
  // Who runs it, for the audit trail: the process's user, and SUDO_USER (set by sudo) when there is one.
  const actor = commandActor(process.env);
  const now = new Date();
  // An export records its entry on a connection of its own while its rows stay locked (PostgreSQL): two at least.
  const open = () => openStore(config, config.kind === 'postgres' ? { poolSize: Math.max(2, config.poolSize) } : {});
  // Opening a SQLite file that is not there would create an empty one and report "no applications".
  // (Where the marker says a database was here, opening refuses and says so: StoreDamagedError.)
  if (config.kind === 'sqlite' && !existsSync(config.file) && !existsSync(markerOf(config.file))) {
    err(FAILURES.noDatabase(config.file));
    return EXIT.failed;
  }
  if (command.kind === 'check' || command.kind === 'backup') {
    const context = { store: config, open, where, now, actor, out, err };
    return command.kind === 'check' ? runCheck(context) : runBackup(command, context);
  }
  let store: ApplicationStore;
  try {
    store = open();
  } catch (error) {
    if (!(error instanceof StoreUnavailableError)) throw error;
    err(error instanceof StoreDamagedError ? FAILURES.storeDamaged(where, error.message) : FAILURES.storeUnavailable(where));
    return EXIT.failed;
  }
  try {
    const kommuneContent = (slug: string) => (Object.hasOwn(kommuner, slug) ? kommuner[slug] : undefined);
    const encryptionKeyId = config.encryption ? keyIdOf(config.encryption.key) : null;
    return await runCommand(command, { store, where, catalog, kommuneContent, now, actor, out, err, encryptionKeyId });
  } finally {
    await store.close();
  }
}

try {
  process.exitCode = await main();
} catch (error) {
  err(FAILURES.unexpected(error instanceof Error ? error.message : String(error)));
  process.exitCode = EXIT.failed;
}
