/**
 * Every setting the operator gives through the environment, read and checked
 * in one place (README: "Environment variables"). A value that is set but
 * wrong stops the build, the server's start or the case team's command with a
 * Danish message naming the variable and what is wrong; it is never replaced
 * by the default without a word. Unset (or blank), a variable has its default.
 *
 * Read at build time (the pages are static, so a change needs a new build):
 * SITE_URL, SITE_CONTACT_EMAIL, RETENTION_DAYS and AUDIT_RETENTION_DAYS (the privacy notice), PORT and
 * HOST (astro.config.mjs). Read when the server starts: PORT, HOST, DATA_DIR,
 * DATABASE_URL, DATABASE_POOL_SIZE, SQLITE_GROUP_COMMIT, DATA_ENCRYPTION_KEY,
 * DATA_ENCRYPTION_OLD_KEYS, TRUSTED_PROXIES, RATE_LIMIT,
 * RECEIPT_RATE_LIMIT, METRICS_PORT, METRICS_HOST, and the
 * delivery's DELIVERY_WEBHOOK_URL, DELIVERY_WEBHOOK_SECRET, DELIVERY_SMTP_URL,
 * DELIVERY_EMAIL_FROM, DELIVERY_EMAIL_TO, DELIVERY_CONFIG (a JSON file, read
 * and checked then too: src/lib/delivery-config.ts). Read by
 * `npm run ansoegninger`: DATA_DIR, DATABASE_URL, DATABASE_POOL_SIZE,
 * DATA_ENCRYPTION_KEY, DATA_ENCRYPTION_OLD_KEYS, RETENTION_DAYS, AUDIT_RETENTION_DAYS.
 *
 * Modules take the values they need as parameters; only entry points (the
 * server, the command, the pages — built, and "Tjek dine svar" on the server —,
 * the API route and the bench's bare server) call `config()`.
 *
 * Not settings of the site, so not here: variables of the tests and the bench,
 * each read where it is used (README: "Environment variables"). CHROMIUM_PATH
 * (tests/e2e/playwright.config.ts, bench/lighthouse.ts), E2E_PORT
 * (tests/e2e/playwright.config.ts), E2E_DATA_DIR (the same, and
 * tests/support/applications.ts), TEST_DATABASE_URL (tests/support/postgres.ts),
 * CI (tests/e2e/playwright.config.ts, tests/support/describe-postgres.ts),
 * FUZZ_RUNS (tests/server/proof-fuzz.test.ts); SITE_CONTACT_EMAIL is read
 * again by tests/e2e/statements.spec.ts to expect what the build wrote. npm's
 * INIT_CWD (where `npm run ansoegninger` was typed) is read by
 * src/cli/ansoegninger.ts to place the export file, and sudo's SUDO_USER (who
 * ran it through sudo) by the same file for the audit trail: both set by the
 * tool that starts the command, not by the operator.
 */
import { join } from 'node:path';
import proxyaddr from 'proxy-addr';
import { z } from 'zod';
import { DEFAULT_AUDIT_RETENTION_DAYS, DEFAULT_RETENTION_DAYS, parseRetentionDays } from '../domain/retention.ts';
import { emailAddress, readDeliveryFile, smtpUrl, webhookSecret, webhookUrl, type DeliverySetting, type DestinationSetting } from './delivery-config.ts';

/** PostgreSQL connections per server process when DATABASE_POOL_SIZE is unset. */
export const DEFAULT_POOL_SIZE = 10;

export interface RateLimitSetting {
  capacity: number;
  windowSeconds: number;
}

/**
 * DATA_ENCRYPTION_KEY and DATA_ENCRYPTION_OLD_KEYS: the keys applications and
 * form drafts are sealed with at rest (src/server/store/sealed.ts). Secrets:
 * never logged, never repeated in a message.
 */
export interface EncryptionSetting {
  /** The key every row is written with (32 bytes). */
  key: Buffer;
  /** Earlier keys: rows written under them are read, never written with (each 32 bytes). */
  oldKeys: Buffer[];
}

export type StoreSetting = (
  | { kind: 'sqlite'; file: string; /** SQLITE_GROUP_COMMIT: saves waiting together share one transaction (on unless set off). */ groupCommit?: boolean }
  | { kind: 'postgres'; connectionString: string; poolSize: number }
) & {
  /** How stored personal content is encrypted; `null` (or left out): stored unencrypted (DATA_ENCRYPTION_KEY unset). */
  encryption?: EncryptionSetting | null;
};

export interface Config {
  /** PORT: the port the server listens on (0 picks a free one). */
  port: number;
  /** HOST: the address the server listens on. */
  host: string;
  /** SITE_URL: the site's absolute address, without a trailing slash. */
  siteUrl: string;
  /** SITE_CONTACT_EMAIL: where to report accessibility problems; `null` when none is given. */
  siteContactEmail: string | null;
  /** RETENTION_DAYS: how long an exported application is kept. */
  retentionDays: number;
  /** AUDIT_RETENTION_DAYS: how long the audit trail of staff actions is kept. */
  auditRetentionDays: number;
  /** DATA_DIR: where the SQLite file lives. */
  dataDir: string;
  /** DATABASE_URL and DATABASE_POOL_SIZE, or DATA_DIR: where applications are stored. */
  store: StoreSetting;
  /**
   * TRUSTED_PROXIES: the proxies whose X-Forwarded-For is believed — addresses, CIDR ranges and
   * proxy-addr's names (`loopback`, `linklocal`, `uniquelocal`), as written; empty: none
   * (src/server/client-address.ts).
   */
  trustedProxies: string[];
  /** RATE_LIMIT: applications (and "Tjek dine svar" posts) per client address. */
  rateLimit: RateLimitSetting;
  /** RECEIPT_RATE_LIMIT: receipt lookups per client address. */
  receiptRateLimit: RateLimitSetting;
  /** DELIVERY_*: where applications are delivered; no destinations: fetched with the export command. */
  delivery: DeliverySetting;
  /** METRICS_PORT and METRICS_HOST: where Prometheus scrapes the metrics; `null` (METRICS_PORT unset): no metrics listener. */
  metrics: MetricsSetting | null;
}

export interface MetricsSetting {
  port: number;
  host: string;
}

/** Every variable, with its default as the operator would write it (`null`: unset by default). */
export const DEFAULTS = {
  PORT: '4321',
  HOST: 'localhost',
  SITE_URL: null,
  SITE_CONTACT_EMAIL: null,
  RETENTION_DAYS: String(DEFAULT_RETENTION_DAYS),
  AUDIT_RETENTION_DAYS: String(DEFAULT_AUDIT_RETENTION_DAYS),
  DATA_DIR: 'data',
  DATABASE_URL: null,
  DATABASE_POOL_SIZE: String(DEFAULT_POOL_SIZE),
  SQLITE_GROUP_COMMIT: 'on',
  DATA_ENCRYPTION_KEY: null,
  DATA_ENCRYPTION_OLD_KEYS: null,
  TRUSTED_PROXIES: null,
  RATE_LIMIT: '30/600',
  RECEIPT_RATE_LIMIT: '60/600',
  DELIVERY_WEBHOOK_URL: null,
  DELIVERY_WEBHOOK_SECRET: null,
  DELIVERY_SMTP_URL: null,
  DELIVERY_EMAIL_FROM: null,
  DELIVERY_EMAIL_TO: null,
  DELIVERY_CONFIG: null,
  METRICS_PORT: null,
  METRICS_HOST: '127.0.0.1',
} as const satisfies Record<string, string | null>;

export type VariableName = keyof typeof DEFAULTS;
export const VARIABLES = Object.keys(DEFAULTS) as VariableName[];

/** Variables whose value is never repeated in a message (a URL with a password). */
const SECRET: ReadonlySet<VariableName> = new Set([
  'DATABASE_URL',
  'DATA_ENCRYPTION_KEY',
  'DATA_ENCRYPTION_OLD_KEYS',
  'DELIVERY_WEBHOOK_URL',
  'DELIVERY_WEBHOOK_SECRET',
  'DELIVERY_SMTP_URL',
]);

const wholeNumber = (min: number, max: number, message: string) =>
  z
    .string()
    .regex(/^\d{1,6}$/, message)
    .transform(Number)
    .refine((n) => n >= min && n <= max, message);

/** A rate as written, `30/600`: 30 per 600 seconds. */
function rateOf(value: string): RateLimitSetting {
  const [capacity, windowSeconds] = value.split('/').map(Number) as [number, number];
  return { capacity, windowSeconds };
}

const rate = (what: string, example: string) =>
  z
    .string()
    .regex(/^[1-9]\d{0,9}\/[1-9]\d{0,9}$/, `skal være antal ${what} pr. antal sekunder, fx ${example}`)
    .transform(rateOf);

/** A period in whole days, as the purge reads it (src/domain/retention.ts). */
const days = (example: string) =>
  z.string().transform((value, ctx) => {
    const parsed = parseRetentionDays(value);
    if (parsed === null) ctx.issues.push({ code: 'custom', input: value, message: `skal være et helt antal dage, 1 eller flere, ${example}` });
    return parsed ?? z.NEVER;
  });

const PROXIES_EXAMPLE = 'fx 10.0.0.0/8, 127.0.0.1 eller loopback';

/**
 * TRUSTED_PROXIES: addresses and networks, separated by commas. The old form,
 * a number of proxies, believed X-Forwarded-For from any peer (a client could
 * name itself): `0` (none) still means none, any other number stops the start
 * and says what to write instead.
 */
const trustedProxies = z.string().transform((value, ctx) => {
  if (value === '0') return [];
  if (/^\d+$/.test(value)) {
    ctx.issues.push({
      code: 'custom',
      input: value,
      message: `skal nu være proxyernes adresser eller net, ikke deres antal: skriv de adresser, som proxyen eller load balanceren kommer fra, ${PROXIES_EXAMPLE}`,
    });
    return z.NEVER;
  }
  const entries = value.split(',').map((entry) => entry.trim());
  for (const entry of entries) {
    try {
      if (!entry) throw new TypeError('empty');
      proxyaddr.compile(entry);
    } catch {
      ctx.issues.push({
        code: 'custom',
        input: value,
        message: `skal være IP-adresser eller net adskilt af komma, ${PROXIES_EXAMPLE}; "${entry}" er ingen af delene`,
      });
      return z.NEVER;
    }
  }
  return entries;
});

/** 32 bytes in base64 (as `openssl rand -base64 32` writes them; base64url too), or `null`. */
function keyBytes(text: string): Buffer | null {
  if (!/^[A-Za-z0-9+/]{43}=?$/.test(text) && !/^[A-Za-z0-9_-]{43}=?$/.test(text)) return null;
  const bytes = Buffer.from(text, text.includes('-') || text.includes('_') ? 'base64url' : 'base64');
  return bytes.length === 32 ? bytes : null;
}

const KEY_FORM = '32 tilfældige byte skrevet i base64 (44 tegn), som "openssl rand -base64 32" laver dem';

/** DATA_ENCRYPTION_KEY: one key. Its value is a secret: no message repeats it. */
const encryptionKey = z.string().transform((value, ctx) => {
  const key = keyBytes(value);
  if (!key) ctx.issues.push({ code: 'custom', input: '', message: `skal være en nøgle: ${KEY_FORM}` });
  return key ?? z.NEVER;
});

/** DATA_ENCRYPTION_OLD_KEYS: earlier keys separated by commas; a wrong one is named by its place, never by its value. */
const oldEncryptionKeys = z.string().transform((value, ctx) => {
  const keys: Buffer[] = [];
  for (const [index, part] of value.split(',').map((p) => p.trim()).entries()) {
    const key = keyBytes(part);
    if (!key) {
      ctx.issues.push({ code: 'custom', input: '', message: `skal være tidligere nøgler adskilt af komma, hver ${KEY_FORM}; nummer ${index + 1} er ikke en nøgle` });
      return z.NEVER;
    }
    keys.push(key);
  }
  return keys;
});

const schema = z.object({
  PORT: wholeNumber(0, 65535, 'skal være et portnummer, et helt tal fra 0 til 65535, fx 8080').optional(),
  HOST: z.string().regex(/^[^\s/]+$/, 'skal være et værtsnavn eller en IP-adresse, fx 0.0.0.0').optional(),
  SITE_URL: z
    .string()
    .refine((value) => URL.canParse(value) && /^https?:$/.test(new URL(value).protocol), 'skal være en hel adresse med http:// eller https://, fx https://stoette.example.dk')
    .transform((value) => value.replace(/\/+$/, ''))
    .optional(),
  SITE_CONTACT_EMAIL: z
    .string()
    .regex(/^[^\s@<>"]+@[^\s@<>"]+\.[a-z]{2,}$/i, 'skal være en e-mailadresse, fx tilgaengelighed@kommune.dk')
    .optional(),
  // The purge's own rule (`--dage` is checked by the same function).
  RETENTION_DAYS: days(`fx ${DEFAULT_RETENTION_DAYS}`).optional(),
  AUDIT_RETENTION_DAYS: days(`fx ${DEFAULT_AUDIT_RETENTION_DAYS} (5 år)`).optional(),
  DATA_DIR: z.string().optional(),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'skal begynde med postgres:// eller postgresql://').optional(),
  DATABASE_POOL_SIZE: wholeNumber(1, 9999, 'skal være et helt tal fra 1').optional(),
  SQLITE_GROUP_COMMIT: z.enum(['on', 'off'], 'skal være on eller off').optional(),
  DATA_ENCRYPTION_KEY: encryptionKey.optional(),
  DATA_ENCRYPTION_OLD_KEYS: oldEncryptionKeys.optional(),
  TRUSTED_PROXIES: trustedProxies.optional(),
  RATE_LIMIT: rate('ansøgninger', '30/600').optional(),
  RECEIPT_RATE_LIMIT: rate('opslag', '60/600').optional(),
  DELIVERY_WEBHOOK_URL: webhookUrl.optional(),
  DELIVERY_WEBHOOK_SECRET: webhookSecret.optional(),
  DELIVERY_SMTP_URL: smtpUrl.optional(),
  DELIVERY_EMAIL_FROM: emailAddress.optional(),
  DELIVERY_EMAIL_TO: z
    .string()
    .transform((value) => value.split(',').map((a) => a.trim()).filter(Boolean))
    .pipe(z.array(emailAddress).min(1))
    .optional(),
  DELIVERY_CONFIG: z.string().optional(),
  METRICS_PORT: wholeNumber(0, 65535, 'skal være et portnummer, et helt tal fra 0 til 65535, fx 9464').optional(),
  METRICS_HOST: z.string().regex(/^[^\s/]+$/, 'skal være et værtsnavn eller en IP-adresse, fx 127.0.0.1').optional(),
});

/** Variables that only work together: each set one names the others it needs. */
const TOGETHER: VariableName[][] = [
  ['DELIVERY_WEBHOOK_URL', 'DELIVERY_WEBHOOK_SECRET'],
  ['DELIVERY_SMTP_URL', 'DELIVERY_EMAIL_FROM', 'DELIVERY_EMAIL_TO'],
];

/** One or more variables with a wrong value; the message names each on a line of its own. */
export class ConfigError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(problems.join('\n'));
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

/** The settings in `env`; throws a ConfigError naming every variable with a wrong value. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  // Blank is unset; surrounding spaces are a typing slip, not part of the value.
  const given = Object.fromEntries(VARIABLES.map((name) => [name, env[name]?.trim() || undefined]));
  const result = schema.safeParse(given);
  if (!result.success) {
    const seen = new Set<string>();
    const problems = result.error.issues.flatMap((issue) => {
      const name = String(issue.path[0]) as VariableName;
      if (seen.has(name)) return [];
      seen.add(name);
      return [`${name} ${issue.message}${SECRET.has(name) ? '' : ` (fik "${given[name]}")`}`];
    });
    throw new ConfigError(problems);
  }
  const v = result.data;
  const problems: string[] = [];
  for (const group of TOGETHER) {
    const set = group.filter((name) => given[name] !== undefined);
    if (set.length && set.length < group.length) {
      const missing = group.filter((name) => given[name] === undefined);
      problems.push(`${set.join(' og ')} kræver også ${missing.join(' og ')}`);
    }
  }
  const destinations: DestinationSetting[] = [];
  if (v.DELIVERY_WEBHOOK_URL && v.DELIVERY_WEBHOOK_SECRET) {
    destinations.push({ type: 'webhook', id: 'webhook', url: v.DELIVERY_WEBHOOK_URL, secret: v.DELIVERY_WEBHOOK_SECRET, kommune: null, units: null });
  }
  if (v.DELIVERY_SMTP_URL && v.DELIVERY_EMAIL_FROM && v.DELIVERY_EMAIL_TO) {
    destinations.push({
      type: 'email',
      id: 'e-mail',
      smtpUrl: v.DELIVERY_SMTP_URL,
      from: v.DELIVERY_EMAIL_FROM,
      to: v.DELIVERY_EMAIL_TO,
      attachDocument: false,
      fetchHint: null,
      kommune: null,
      units: null,
    });
  }
  if (v.DATA_ENCRYPTION_OLD_KEYS && !v.DATA_ENCRYPTION_KEY) {
    problems.push('DATA_ENCRYPTION_OLD_KEYS kræver også DATA_ENCRYPTION_KEY: den nøgle, der skrives med nu (README: "Keys")');
  }
  if (v.METRICS_PORT !== undefined && v.METRICS_PORT !== 0 && v.METRICS_PORT === (v.PORT ?? Number(DEFAULTS.PORT))) {
    problems.push(`METRICS_PORT skal være en anden port end PORT (${v.METRICS_PORT}): målingerne har deres egen port`);
  }
  if (v.DELIVERY_CONFIG) {
    const file = readDeliveryFile(v.DELIVERY_CONFIG);
    if (file.ok) destinations.push(...file.destinations);
    else problems.push(...file.problems.map((problem) => `DELIVERY_CONFIG (${v.DELIVERY_CONFIG}): ${problem}`));
  }
  if (problems.length) throw new ConfigError(problems);
  const port = v.PORT ?? Number(DEFAULTS.PORT);
  const dataDir = v.DATA_DIR ?? DEFAULTS.DATA_DIR;
  return {
    port,
    host: v.HOST ?? DEFAULTS.HOST,
    siteUrl: v.SITE_URL ?? `http://localhost:${port}`,
    siteContactEmail: v.SITE_CONTACT_EMAIL ?? null,
    retentionDays: v.RETENTION_DAYS ?? DEFAULT_RETENTION_DAYS,
    auditRetentionDays: v.AUDIT_RETENTION_DAYS ?? DEFAULT_AUDIT_RETENTION_DAYS,
    dataDir,
    store: {
      ...(v.DATABASE_URL
        ? { kind: 'postgres' as const, connectionString: v.DATABASE_URL, poolSize: v.DATABASE_POOL_SIZE ?? DEFAULT_POOL_SIZE }
        : { kind: 'sqlite' as const, file: join(dataDir, 'applications.sqlite'), groupCommit: v.SQLITE_GROUP_COMMIT !== 'off' }),
      encryption: v.DATA_ENCRYPTION_KEY
        ? {
            key: v.DATA_ENCRYPTION_KEY,
            // The current key among the old ones (left there during a rotation) is the current key, once.
            oldKeys: (v.DATA_ENCRYPTION_OLD_KEYS ?? []).filter(
              (old, i, all) => !old.equals(v.DATA_ENCRYPTION_KEY!) && all.findIndex((other) => other.equals(old)) === i,
            ),
          }
        : null,
    },
    trustedProxies: v.TRUSTED_PROXIES ?? [],
    rateLimit: v.RATE_LIMIT ?? rateOf(DEFAULTS.RATE_LIMIT),
    receiptRateLimit: v.RECEIPT_RATE_LIMIT ?? rateOf(DEFAULTS.RECEIPT_RATE_LIMIT),
    delivery: { destinations },
    metrics: v.METRICS_PORT === undefined ? null : { port: v.METRICS_PORT, host: v.METRICS_HOST ?? DEFAULTS.METRICS_HOST },
  };
}

/**
 * Where this process keeps its settings once read. The server's own code and
 * Astro's built bundle each have a copy of this module; a registered symbol on
 * `globalThis` makes them share one reading, so the settings the server
 * checked at start (DELIVERY_CONFIG's file included) are the ones the
 * endpoint uses, and a file changed or made unreadable later changes nothing
 * until a restart.
 */
const LOADED = Symbol.for('stoetteportalen.config');

/** The settings of this process's environment, read once. */
export function config(): Config {
  const shared = globalThis as { [LOADED]?: Config };
  shared[LOADED] ??= loadConfig(process.env);
  return shared[LOADED];
}
