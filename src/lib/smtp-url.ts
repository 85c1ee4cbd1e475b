/**
 * An SMTP server's address in nodemailer's URL form (`smtps://user:pass@host:465`),
 * read and checked: for the settings check (src/lib/config.ts,
 * src/lib/delivery-config.ts) and the e-mail destination
 * (src/server/delivery/email.ts), which connects with what is read here.
 *
 * Only a few query settings are accepted (SMTP_URL_SETTINGS): nodemailer reads
 * any query key as a transport option, and some (`sendmail`, `service`,
 * `pool`, `logger`) would change what kind of transport it builds or what it
 * logs. A misspelt setting (`requireTls`) is refused rather than ignored.
 */
import { parseConnectionUrl } from 'nodemailer/lib/shared';

/** The query settings an SMTP URL may have (nodemailer's names), and the values each accepts. */
export const SMTP_URL_SETTINGS: Record<string, 'boolean' | 'text'> = {
  /** Only go on with STARTTLS (smtp://). */
  requireTLS: 'boolean',
  /** The name the client gives in EHLO. */
  name: 'text',
  /** The name to check the server's certificate against, when it is not the host's. */
  'tls.servername': 'text',
  /** `false`: do not check the server's certificate (never with the document). */
  'tls.rejectUnauthorized': 'boolean',
};

/** What the settings check needs to know about an SMTP URL, or what is wrong with it. */
export type SmtpUrl =
  | {
      ok: true;
      /** TLS from the first byte (smtps://). */
      secure: boolean;
      /** STARTTLS or nothing (smtp://…?requireTLS=true). */
      requireTLS: boolean;
      /** The server's certificate is checked (no `tls.rejectUnauthorized=false`). */
      checksCertificate: boolean;
      /** `smtps://smtp.kommune.dk:465`: no user, no password, no settings. */
      where: string;
      /** nodemailer's options from the URL, only the accepted settings. */
      transport: {
        host: string;
        port?: number;
        secure: boolean;
        auth?: { user: string; pass: string };
        requireTLS?: boolean;
        name?: string;
        tls?: { servername?: string; rejectUnauthorized?: boolean };
      };
    }
  | { ok: false; problem: string };

/** Reads an SMTP URL. The problems are Danish, for the settings check, and never repeat the URL (it holds the password). */
export function readSmtpUrl(smtpUrl: string): SmtpUrl {
  const example = 'fx smtps://bruger:adgangskode@smtp.kommune.dk:465';
  let url: URL;
  try {
    url = new URL(smtpUrl);
  } catch {
    return { ok: false, problem: `er ikke en gyldig adresse, ${example}` };
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') {
    return { ok: false, problem: `skal begynde med smtps:// eller smtp://, ${example}` };
  }
  if (!url.hostname) return { ok: false, problem: `mangler serverens navn, ${example}` };
  for (const [key, value] of url.searchParams) {
    const kind = SMTP_URL_SETTINGS[key];
    if (!kind) {
      return { ok: false, problem: `har en indstilling, vi ikke kender: "${key}" (vi kender ${Object.keys(SMTP_URL_SETTINGS).join(', ')})` };
    }
    if (kind === 'boolean' && value !== 'true' && value !== 'false') {
      return { ok: false, problem: `"${key}" skal være true eller false` };
    }
    if (url.searchParams.getAll(key).length > 1) return { ok: false, problem: `har "${key}" mere end én gang` };
  }
  // nodemailer's own reading of the URL (the host, the port, the decoded user and password), so what is
  // checked here is what it connects with; only the accepted settings are taken from it.
  const parsed = parseConnectionUrl(smtpUrl);
  const secure = parsed.secure === true;
  const requireTLS = parsed.requireTLS === true;
  const rejectUnauthorized = parsed.tls?.rejectUnauthorized;
  const servername = parsed.tls?.servername;
  if (typeof parsed.host !== 'string') return { ok: false, problem: `mangler serverens navn, ${example}` };
  const tls = {
    ...(typeof servername === 'string' ? { servername } : {}),
    ...(typeof rejectUnauthorized === 'boolean' ? { rejectUnauthorized } : {}),
  };
  return {
    ok: true,
    secure,
    requireTLS,
    checksCertificate: rejectUnauthorized !== false,
    where: `${url.protocol}//${url.host}`,
    transport: {
      host: parsed.host,
      ...(typeof parsed.port === 'number' ? { port: parsed.port } : {}),
      secure,
      ...(parsed.auth ? { auth: parsed.auth } : {}),
      ...(requireTLS ? { requireTLS } : {}),
      ...(typeof parsed.name === 'string' ? { name: parsed.name } : {}),
      ...(Object.keys(tls).length ? { tls } : {}),
    },
  };
}

/** What is wrong with an SMTP URL, in Danish for the settings check ("DELIVERY_SMTP_URL <problem>"), or `null`. */
export function smtpUrlProblem(smtpUrl: string): string | null {
  const read = readSmtpUrl(smtpUrl);
  return read.ok ? null : read.problem;
}

/**
 * Whether the application may go along as an attachment over this SMTP URL: a usable URL whose
 * connection is TLS before anything is sent (smtps://, or smtp:// with requireTLS=true), with
 * the server's certificate checked.
 */
export function attachmentAllowed(smtpUrl: string): boolean {
  const read = readSmtpUrl(smtpUrl);
  return read.ok && (read.secure || read.requireTLS) && read.checksCertificate;
}

