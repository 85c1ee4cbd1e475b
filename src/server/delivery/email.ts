/**
 * Delivery by e-mail: tells the kommune's case team that an application has
 * arrived, over SMTP (nodemailer). Plain text in Danish: the reference, the
 * kommune, the unit, when it came (Danish time) and how to fetch it. Nothing
 * about the person: no name, CPR number, address, phone, e-mail, description
 * or needs, not even in a header.
 *
 * With `attachDocument` the application itself goes along as the PDF that
 * `npm run ansoegninger -- pdf` writes (`applicationPdf`, made by `documents`); that is personal
 * data, so it is only allowed over a connection that is encrypted from the
 * first byte (`smtps://`, implicit TLS) or that refuses to go on without
 * STARTTLS (`smtp://…?requireTLS=true`), with the server's certificate
 * checked. `attachmentAllowed` is that rule for the settings check;
 * `emailDestination` throws on it as well.
 *
 * The SMTP address is nodemailer's URL form (`smtps://user:pass@host:465`),
 * read and checked by src/lib/smtp-url.ts (only a few query settings).
 *
 * Repeats: delivery is at-least-once, so the same job may be mailed twice
 * (the server accepted it but the answer was lost). Every attempt of a job
 * carries the same `Message-ID` (from the job's id) and the job's id in
 * `X-Stoetteportalen-Delivery`, so a repeat is recognisable.
 *
 * Results:
 * - accepted by the server for at least one recipient: `delivered` (when some
 *   recipients were refused, `warn` gets a line; sending again would mail
 *   the ones that already have it);
 * - a connection error, a timeout, a TLS failure, any SMTP error answer, 4xx
 *   or 5xx: `retry-later`. Also a permanent 5xx (a refused recipient, bad
 *   credentials, a message too large): what mends those is a change of the
 *   settings or of the mail server, after which the jobs still waiting go
 *   through by themselves; a `failed` job would need `levering --igen`. The
 *   worker gives up after 72 hours, and `levering` shows the error meanwhile;
 * - `failed` only when this process cannot write the message at all: the
 *   document is wanted and the kommune is not in the content, or the PDF
 *   cannot be made. Trying again gives the same result.
 * The error is a short reason ("SMTP 451 (RCPT TO)", "SMTP ECONNREFUSED",
 * "SMTP DEPTH_ZERO_SELF_SIGNED_CERT", "intet svar inden for 10 s"): never
 * nodemailer's message or the server's answer, which can hold addresses, and
 * never the SMTP address (it holds the password).
 *
 * One connection per send, not a pool: applications come a few an hour, so a
 * pool would mostly keep idle connections that the mail server drops anyway;
 * a fresh connection per message also means a timeout (an AbortSignal over
 * the whole send) never leaves a half-used connection behind for the next
 * message, and sends in parallel never wait for each other's connection.
 */
import { getSystemErrorName } from 'node:util';
import nodemailer from 'nodemailer';
import { danishClock, formatClock } from '../../domain/danish-clock.ts';
import { normalizeReference } from '../../domain/reference.ts';
import { fillTemplate } from '../../lib/template.ts';
import { attachmentAllowed, readSmtpUrl } from '../../lib/smtp-url.ts';
import type { PdfKommune } from '../applications/application-pdf.ts';
import { inlineDocuments, type DocumentMaker } from './documents.ts';
import { noAnswerWithin, type DeliveryJob, type DeliveryResult, type Destination } from './types.ts';

export interface EmailDestinationOptions {
  /** The destination's id, as the jobs carry it. */
  id: string;
  /**
   * The SMTP server, in nodemailer's URL form: `smtps://user:pass@smtp.kommune.dk:465` (TLS from the
   * start) or `smtp://user:pass@smtp.kommune.dk:587` (STARTTLS when offered; `?requireTLS=true`: only
   * with STARTTLS). A password's special characters are percent-encoded. Settings: SMTP_URL_SETTINGS.
   */
  smtpUrl: string;
  /** The sender address, e.g. `noreply@kommune.dk` (the settings take a plain address). */
  from: string;
  /** The case team's addresses. */
  to: string[];
  /** Attach the application as PDF. Only over TLS (`attachmentAllowed`); throws otherwise. */
  attachDocument: boolean;
  /**
   * How the case team fetches the application, as a text shown under "Sådan henter du ansøgningen:"
   * (`{{reference}}` is replaced by the reference), e.g. "Du finder den i SBSYS-indbakken.".
   * Default: the staff command (EMAIL_WORDS.defaultFetchHint).
   */
  fetchHint?: string;
  /** The kommune's content by slug (name, units, and for the PDF the routing and help list). */
  kommune: (slug: string) => PdfKommune | undefined;
  /** Time for the whole send (connecting, TLS, greeting, every answer), in milliseconds. Default 10 000. */
  timeoutMs?: number;
  /**
   * The certificate authorities to trust instead of Node's built-in list: a kommune's own CA, or
   * the tests' self-signed certificate. The server's certificate is always checked.
   */
  ca?: string | Buffer | (string | Buffer)[];
  /** A line for the server's log when a message went through but some recipients refused it. Default: console.warn. */
  warn?: (line: string) => void;
  /** Where the attached PDF is made (the server: a worker thread); default in place. */
  documents?: DocumentMaker;
}

const DEFAULT_TIMEOUT_MS = 10_000;

/** The message's own words. */
export const EMAIL_WORDS = {
  subject: (reference: string) => `Ny ansøgning om socialpædagogisk støtte: ${reference}`,
  intro: 'Der er kommet en ny ansøgning om socialpædagogisk støtte (serviceloven § 85) gennem Støtteportalen.',
  reference: 'Reference',
  kommune: 'Kommune',
  unit: 'Enhed',
  receivedAt: 'Modtaget',
  received: (date: string, time: string) => `${date} kl. ${time} (dansk tid)`,
  fetchHeading: 'Sådan henter du ansøgningen:',
  fetchAlsoHeading: 'Du kan også hente den sådan:',
  defaultFetchHint:
    'Hent den som PDF med kommandoen:\n  npm run ansoegninger -- pdf {{reference}} --fil {{reference}}.pdf\n' +
    'Eller hent alle nye ansøgninger på én gang:\n  npm run ansoegninger -- eksport --kun-nye',
  attached: (filename: string) => `Ansøgningen er vedhæftet som PDF-fil (${filename}). Den indeholder personoplysninger.`,
  noPersonalData: 'Der står ingen personoplysninger i denne e-mail.',
  automatic: 'Denne e-mail er sendt automatisk. Svar ikke på den.',
} as const;

const MONTHS = ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'];

/** "3. december 2026 kl. 14.05 (dansk tid)": the moment on the clock in Denmark. */
function danishMoment(moment: Date): string {
  const { date, time } = danishClock(moment);
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return EMAIL_WORDS.received(`${day}. ${MONTHS[month - 1]} ${year}`, formatClock(time, 'da'));
}

/** `<msg_…@stoetteportalen>`: the same for every attempt of a job. */
function messageIdOf(jobId: string): string {
  return `<${jobId.replace(/[^A-Za-z0-9._-]/g, '-')}@stoetteportalen>`;
}


/** A short reason for a failed send: the codes nodemailer gives, never its message or the server's answer. */
function sendError(error: unknown, timeoutMs: number): string {
  const e = (error ?? {}) as { name?: unknown; code?: unknown; originalCode?: unknown; responseCode?: unknown; command?: unknown; errno?: unknown };
  if (e.name === 'AbortError' || e.code === 'EABORT' || e.code === 'ETIMEDOUT') return noAnswerWithin(timeoutMs);
  // The command is nodemailer's own word for the step ("RCPT TO", "AUTH PLAIN", "DATA"), never its arguments.
  const command = typeof e.command === 'string' && /^[A-Z][A-Z ]{0,19}$/.test(e.command) && e.command !== 'CONN' ? ` (${e.command})` : '';
  if (typeof e.responseCode === 'number' && Number.isInteger(e.responseCode)) return `SMTP ${e.responseCode}${command}`;
  // The socket's or TLS's own code under nodemailer's ESOCKET: ECONNREFUSED, DEPTH_ZERO_SELF_SIGNED_CERT, ERR_TLS_CERT_ALTNAME_INVALID.
  if (typeof e.originalCode === 'string' && /^[A-Z][A-Z0-9_]{1,60}$/.test(e.originalCode)) return `SMTP ${e.originalCode}`;
  if (typeof e.errno === 'number') {
    try {
      return `SMTP ${getSystemErrorName(e.errno)}`;
    } catch {
      // Not a system error number: the code below says what it can.
    }
  }
  if (typeof e.code === 'string' && /^E[A-Z0-9_]{1,30}$/.test(e.code)) return `SMTP ${e.code}${command}`;
  return 'SMTP-fejl';
}

export function emailDestination(options: EmailDestinationOptions): Destination {
  const { id, from, to, attachDocument, kommune: kommuneOf } = options;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const warn = options.warn ?? ((line: string) => console.warn(line));
  const smtp = readSmtpUrl(options.smtpUrl);
  if (!smtp.ok) throw new Error(`e-mail destination ${id}: the SMTP URL ${smtp.problem}`);
  if (attachDocument && !attachmentAllowed(options.smtpUrl)) {
    throw new Error(`e-mail destination ${id}: the application may only be attached over TLS (smtps://, or smtp:// with requireTLS=true) with the certificate checked`);
  }
  if (to.length === 0) throw new Error(`e-mail destination ${id}: no recipients`);
  if (!from.trim()) throw new Error(`e-mail destination ${id}: no sender`);
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) throw new Error(`e-mail destination ${id}: timeoutMs must be a positive number`);

  const transporter = nodemailer.createTransport({
    ...smtp.transport,
    ...(options.ca !== undefined ? { tls: { ...smtp.transport.tls, ca: options.ca } } : {}),
    pool: false,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
    dnsTimeout: timeoutMs,
    // After QUIT, do not wait for the server to hang up: the send is over.
    socketCloseTimeout: 0,
    logger: false,
    debug: false,
  });
  const fetchHint = options.fetchHint ?? EMAIL_WORDS.defaultFetchHint;
  const inFlight = new Set<Promise<DeliveryResult>>();
  let closed = false;

  async function attempt(job: DeliveryJob): Promise<DeliveryResult> {
    const stored = job.application;
    const reference = normalizeReference(stored.reference) ?? stored.reference;
    const kommune = kommuneOf(stored.kommune);
    let attachment: { filename: string; content: Buffer; contentType: string } | null = null;
    if (attachDocument) {
      if (!kommune) return { kind: 'failed', error: `kommunen ${stored.kommune} findes ikke i indholdet` };
      try {
        // The job's time as the document's: every attempt attaches the same file.
        attachment = { filename: `${reference}.pdf`, content: await (options.documents ?? inlineDocuments).make(stored, kommune, new Date(job.createdAt)), contentType: 'application/pdf' };
      } catch {
        // The document's thread may have crashed: tried again like any failed attempt.
        return { kind: 'retry-later', error: 'dokumentet kunne ikke laves' };
      }
    }
    const unitName = kommune?.units.find((u) => u.id === stored.unitId)?.name ?? stored.unitId;
    const hint = fillTemplate(fetchHint, { reference });
    const text = [
      EMAIL_WORDS.intro,
      '',
      `${EMAIL_WORDS.reference}: ${reference}`,
      `${EMAIL_WORDS.kommune}: ${kommune?.name ?? stored.kommune}`,
      `${EMAIL_WORDS.unit}: ${unitName}`,
      `${EMAIL_WORDS.receivedAt}: ${danishMoment(new Date(stored.receivedAt))}`,
      '',
      ...(attachment
        ? [EMAIL_WORDS.attached(attachment.filename), '', EMAIL_WORDS.fetchAlsoHeading, hint]
        : [EMAIL_WORDS.fetchHeading, hint, '', EMAIL_WORDS.noPersonalData]),
      '',
      EMAIL_WORDS.automatic,
      '',
    ].join('\n');

    try {
      const info = await transporter.sendMail({
        from,
        to,
        subject: EMAIL_WORDS.subject(reference),
        text,
        messageId: messageIdOf(job.id),
        headers: { 'X-Stoetteportalen-Delivery': job.id, 'Auto-Submitted': 'auto-generated' },
        ...(attachment ? { attachments: [attachment] } : {}),
        signal: AbortSignal.timeout(timeoutMs),
      });
      if (info.rejected.length > 0) {
        const codes = [...new Set((info.rejectedErrors ?? []).map((e) => sendError(e, timeoutMs)))].join(', ');
        warn(`E-mail ${id}: ${reference} er afleveret, men serveren afviste ${info.rejected.length} af ${to.length} modtagere (${codes || 'SMTP-fejl'}).`);
      }
      return { kind: 'delivered' };
    } catch (error) {
      return { kind: 'retry-later', error: sendError(error, timeoutMs) };
    }
  }

  return {
    id,
    carriesApplication: attachDocument,
    describe: `e-mail til ${to.join(', ')} via ${smtp.where}, ${attachDocument ? 'med ansøgningen som PDF' : 'kun besked om en ny ansøgning'}`,
    async deliver(job) {
      if (closed) return { kind: 'retry-later', error: 'e-mailforbindelsen er lukket (serveren stopper)' };
      const run = attempt(job).catch((): DeliveryResult => ({ kind: 'retry-later', error: 'uventet fejl' }));
      inFlight.add(run);
      try {
        return await run;
      } finally {
        inFlight.delete(run);
      }
    },
    /** Lets a send under way finish (each ends within the timeout), then closes the transport. */
    async close() {
      closed = true;
      await Promise.allSettled([...inFlight]);
      transporter.close();
    },
  };
}
