/**
 * The e-mail destination against a real SMTP server (smtp-server on
 * 127.0.0.1), the messages read back as a mail program reads them
 * (mailparser): what the case team is told, that nothing about the person is
 * in it, the PDF only over TLS, and every failure a result within the timeout.
 */
import { readFileSync } from 'node:fs';
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer, type SMTPServerOptions, type SMTPServerSession } from 'smtp-server';
import { afterEach, describe, expect, it } from 'vitest';
import { kommune } from '../../../tests/support/kommuner.ts';
import { validateApplication } from '../../domain/application.ts';
import type { StoredApplication } from '../store/types.ts';
import { emailDestination, type EmailDestinationOptions } from './email.ts';
import { attachmentAllowed, smtpUrlProblem } from '../../lib/smtp-url.ts';
import type { DeliveryJob } from './types.ts';

const tlsFile = (name: string) => readFileSync(new URL(`../../../tests/support/tls/${name}`, import.meta.url));
/**
 * A self-signed certificate for localhost and 127.0.0.1 (valid until 2126), trusted through the `ca` option,
 * for tests only: `openssl req -x509 -newkey rsa:2048 -nodes -days 36500 -subj /CN=localhost
 * -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" -keyout localhost-key.pem -out localhost-cert.pem`.
 */
const KEY = tlsFile('localhost-key.pem');
const CERT = tlsFile('localhost-cert.pem');

const RECEIVED = new Date('2026-12-03T13:05:00Z'); // 14.05 in Denmark (winter time)

/** Everything personal in the sample application: none of it may be in a message. */
const PERSONAL = {
  name: 'Sofie Kristensen',
  cpr: '120401-4234',
  street: 'Bakkevej 17',
  postalCode: '9700',
  phone: '23 45 67 89',
  email: 'sofie.k@eksempel.dk',
  description: 'Jeg får ikke åbnet min post, og økonomien skrider.',
  helpReceived: 'Min søster hjælper med indkøb.',
  helper: 'Birgit Kristensen',
  helperPhone: '87654321',
  bestTimes: 'Formiddag efter klokken ti',
};

function storedApplication(): StoredApplication {
  const valid = validateApplication(
    {
      kommune: 'bronderslev',
      applicant: {
        name: PERSONAL.name,
        birthDate: '2001-04-12',
        cpr: PERSONAL.cpr,
        address: { street: PERSONAL.street, postalCode: PERSONAL.postalCode, city: 'Brønderslev' },
        phone: PERSONAL.phone,
        email: PERSONAL.email,
      },
      onBehalf: { name: PERSONAL.helper, relation: 'mor', phone: PERSONAL.helperPhone, applicantConsents: true },
      needs: ['praktiske-opgaver-i-hjemmet', 'socialt-liv'],
      description: PERSONAL.description,
      helpReceived: PERSONAL.helpReceived,
      contact: { preferred: 'phone', bestTimes: PERSONAL.bestTimes },
      consentToObtainInformation: true,
    },
    RECEIVED,
  );
  if (!valid.ok) throw new Error(JSON.stringify(valid.issues));
  return { reference: '7KQM-X3PP', kommune: 'bronderslev', unitId: 'ungecentret', receivedAt: RECEIVED.toISOString(), application: valid.application, exportedAt: null };
}

const job = (id = 'msg_2Kx9fQ7rT0bWm4Yz'): DeliveryJob => ({
  id,
  destination: 'sagsteam',
  attempts: 0,
  createdAt: RECEIVED.toISOString(),
  queuedAt: RECEIVED.toISOString(),
  application: storedApplication(),
});

/** Whatever was closed at the end of a test. */
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

interface Received {
  raw: Buffer;
  secure: boolean;
  recipients: string[];
}

/** A real SMTP server on 127.0.0.1 that keeps what it is sent. */
async function smtpServer(options: Partial<SMTPServerOptions> = {}): Promise<{ port: number; received: Received[]; logins: string[] }> {
  const received: Received[] = [];
  const logins: string[] = [];
  const server = new SMTPServer({
    authOptional: true,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onAuth(auth, _session, callback) {
      logins.push(`${auth.username}:${auth.password}`);
      callback(null, { user: auth.username });
    },
    onData(stream, session: SMTPServerSession, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push({ raw: Buffer.concat(chunks), secure: session.secure, recipients: session.envelope.rcptTo.map((r) => r.address) });
        callback();
      });
    },
    ...options,
  });
  // A client that gives up (a certificate it does not trust, a timeout) is an error on the server's side: expected here.
  server.on('error', () => {});
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return { port: (server.server.address() as AddressInfo).port, received, logins };
}

function destination(options: Partial<EmailDestinationOptions> & Pick<EmailDestinationOptions, 'smtpUrl'>) {
  const made = emailDestination({
    id: 'sagsteam',
    from: 'Støtteportalen <noreply@bronderslev.dk>',
    to: ['visitation@bronderslev.dk'],
    attachDocument: false,
    kommune: (slug) => (slug === 'bronderslev' ? kommune(slug) : undefined),
    ...options,
  });
  cleanups.push(() => made.close?.());
  return made;
}

/** Everything a mail program shows of a message: the headers, the subject, the text parts. */
const shown = (mail: ParsedMail) => [...mail.headerLines.map((h) => h.line), mail.subject ?? '', mail.text ?? '', typeof mail.html === 'string' ? mail.html : ''].join('\n');

function expectNothingPersonal(...texts: string[]) {
  const all = texts.join('\n');
  for (const [what, value] of Object.entries(PERSONAL)) {
    expect(all, what).not.toContain(value);
  }
  // The CPR number without its hyphen, the phone numbers without spaces.
  expect(all).not.toContain(PERSONAL.cpr.replace('-', ''));
  expect(all).not.toContain(PERSONAL.phone.replace(/ /g, ''));
  expect(all).not.toContain('Kristensen');
}

describe('emailDestination: the message', () => {
  it('tells the case team the reference, kommune, unit, Danish time and how to fetch it, and nothing about the person', async () => {
    const server = await smtpServer();
    const email = destination({ smtpUrl: `smtp://127.0.0.1:${server.port}` });
    expect(email.carriesApplication).toBe(false);
    expect(await email.deliver(job())).toEqual({ kind: 'delivered' });

    expect(server.received).toHaveLength(1);
    const { raw, recipients } = server.received[0]!;
    expect(recipients).toEqual(['visitation@bronderslev.dk']);
    const mail = await simpleParser(raw);
    expect(mail.subject).toBe('Ny ansøgning om socialpædagogisk støtte: 7KQM-X3PP');
    const text = mail.text ?? '';
    expect(text).toContain('Reference: 7KQM-X3PP');
    expect(text).toContain('Kommune: Brønderslev Kommune');
    expect(text).toContain(`Enhed: ${kommune('bronderslev').units.find((u) => u.id === 'ungecentret')!.name}`);
    expect(text).toContain('Modtaget: 3. december 2026 kl. 14.05 (dansk tid)');
    expect(text).toContain('npm run ansoegninger -- pdf 7KQM-X3PP --fil 7KQM-X3PP.pdf');
    expect(text).toContain('npm run ansoegninger -- eksport --kun-nye');
    expect(mail.attachments).toEqual([]);

    expectNothingPersonal(raw.toString('latin1'), raw.toString('utf8'), shown(mail));
  });

  it('says where to fetch it when the kommune has its own place', async () => {
    const server = await smtpServer();
    const email = destination({ smtpUrl: `smtp://127.0.0.1:${server.port}`, fetchHint: 'Du finder {{reference}} i SBSYS-indbakken.' });
    expect(await email.deliver(job())).toEqual({ kind: 'delivered' });
    const text = (await simpleParser(server.received[0]!.raw)).text ?? '';
    expect(text).toContain('Du finder 7KQM-X3PP i SBSYS-indbakken.');
    expect(text).not.toContain('npm run');
  });

  it('gives every attempt of a job the same Message-ID and the job id in a header, and logs in with the URL’s user', async () => {
    const server = await smtpServer();
    const email = destination({ smtpUrl: `smtp://sagsteam:hemmelig%40kode@127.0.0.1:${server.port}` });
    expect(await email.deliver(job('msg_first'))).toEqual({ kind: 'delivered' });
    expect(await email.deliver(job('msg_first'))).toEqual({ kind: 'delivered' });
    expect(await email.deliver(job('msg_second'))).toEqual({ kind: 'delivered' });
    const mails = await Promise.all(server.received.map((r) => simpleParser(r.raw)));
    expect(mails.map((m) => m.messageId)).toEqual(['<msg_first@stoetteportalen>', '<msg_first@stoetteportalen>', '<msg_second@stoetteportalen>']);
    expect(mails.map((m) => m.headers.get('x-stoetteportalen-delivery'))).toEqual(['msg_first', 'msg_first', 'msg_second']);
    expect(server.logins[0]).toBe('sagsteam:hemmelig@kode');
    expect(email.describe).not.toContain('hemmelig');
  });

  it('still tells of an application whose kommune is no longer in the content, by its slug and unit id', async () => {
    const server = await smtpServer();
    const email = destination({ smtpUrl: `smtp://127.0.0.1:${server.port}`, kommune: () => undefined });
    expect(await email.deliver(job())).toEqual({ kind: 'delivered' });
    const text = (await simpleParser(server.received[0]!.raw)).text ?? '';
    expect(text).toContain('Kommune: bronderslev');
    expect(text).toContain('Enhed: ungecentret');
  });

  it('counts a message some recipients refused as delivered (sending again would repeat it to the others), with a line for the log', async () => {
    const server = await smtpServer({
      onRcptTo(address, _session, callback) {
        if (address.address.startsWith('lukket')) return callback(Object.assign(new Error(`No mailbox ${address.address}`), { responseCode: 550 }));
        callback();
      },
    });
    const warnings: string[] = [];
    const email = destination({ smtpUrl: `smtp://127.0.0.1:${server.port}`, to: ['visitation@bronderslev.dk', 'lukket@bronderslev.dk'], warn: (line) => warnings.push(line) });
    expect(await email.deliver(job())).toEqual({ kind: 'delivered' });
    expect(server.received.map((r) => r.recipients)).toEqual([['visitation@bronderslev.dk']]);
    expect(warnings).toEqual(['E-mail sagsteam: 7KQM-X3PP er afleveret, men serveren afviste 1 af 2 modtagere (SMTP 550 (RCPT TO)).']);
  });
});

describe('emailDestination: the application as PDF, only over TLS', () => {
  it('attaches one PDF over smtps://', async () => {
    const server = await smtpServer({ secure: true, key: KEY, cert: CERT });
    const email = destination({ smtpUrl: `smtps://127.0.0.1:${server.port}`, attachDocument: true, ca: CERT });
    expect(email.carriesApplication).toBe(true);
    expect(await email.deliver(job())).toEqual({ kind: 'delivered' });

    const { raw, secure } = server.received[0]!;
    expect(secure).toBe(true);
    const mail = await simpleParser(raw);
    expect(mail.attachments).toHaveLength(1);
    const [pdf] = mail.attachments;
    expect(pdf!.filename).toBe('7KQM-X3PP.pdf');
    expect(pdf!.contentType).toBe('application/pdf');
    expect(pdf!.content.subarray(0, 4).toString('latin1')).toBe('%PDF');
    expect(mail.text).toContain('vedhæftet som PDF-fil (7KQM-X3PP.pdf)');
    // The document holds the person's data; the message around it does not.
    expectNothingPersonal(shown(mail));
  });

  it('attaches it over smtp:// with requireTLS after STARTTLS', async () => {
    const server = await smtpServer({ disabledCommands: [], key: KEY, cert: CERT });
    const email = destination({ smtpUrl: `smtp://127.0.0.1:${server.port}?requireTLS=true`, attachDocument: true, ca: CERT });
    expect(await email.deliver(job())).toEqual({ kind: 'delivered' });
    expect(server.received[0]!.secure).toBe(true);
    expect((await simpleParser(server.received[0]!.raw)).attachments).toHaveLength(1);
  });

  it('sends nothing when a requireTLS server does not offer STARTTLS', async () => {
    const server = await smtpServer();
    const email = destination({ smtpUrl: `smtp://127.0.0.1:${server.port}?requireTLS=true`, attachDocument: true, ca: CERT });
    expect(await email.deliver(job())).toEqual({ kind: 'retry-later', error: 'SMTP 500 (STARTTLS)' });
    expect(server.received).toEqual([]);
  });

  it('sends nothing to a server whose certificate it does not trust', async () => {
    const server = await smtpServer({ secure: true, key: KEY, cert: CERT });
    const email = destination({ smtpUrl: `smtps://127.0.0.1:${server.port}`, attachDocument: true });
    expect(await email.deliver(job())).toEqual({ kind: 'retry-later', error: 'SMTP DEPTH_ZERO_SELF_SIGNED_CERT' });
    expect(server.received).toEqual([]);
  });

  it('sends nothing to a server whose certificate is for another name', async () => {
    const server = await smtpServer({ secure: true, key: KEY, cert: CERT });
    const email = destination({ smtpUrl: `smtps://127.0.0.1:${server.port}?tls.servername=mail.bronderslev.dk`, attachDocument: true, ca: CERT });
    expect(await email.deliver(job())).toEqual({ kind: 'retry-later', error: 'SMTP ERR_TLS_CERT_ALTNAME_INVALID' });
    expect(server.received).toEqual([]);
  });

  it('gives up on the document (failed) when the kommune is not in the content: no retry can make it', async () => {
    const server = await smtpServer({ secure: true, key: KEY, cert: CERT });
    const email = destination({ smtpUrl: `smtps://127.0.0.1:${server.port}`, attachDocument: true, ca: CERT, kommune: () => undefined });
    expect(await email.deliver(job())).toEqual({ kind: 'failed', error: 'kommunen bronderslev findes ikke i indholdet' });
    expect(server.received).toEqual([]);
  });

  it('refuses to be made with the document over a connection that may be plain text', () => {
    const make = (smtpUrl: string) => () => destination({ smtpUrl, attachDocument: true });
    expect(make('smtp://mail.bronderslev.dk:587')).toThrow(/only be attached over TLS/);
    expect(make('smtp://mail.bronderslev.dk:587?requireTLS=false')).toThrow(/only be attached over TLS/);
    expect(make('smtps://mail.bronderslev.dk:465?tls.rejectUnauthorized=false')).toThrow(/only be attached over TLS/);
    expect(make('smtps://mail.bronderslev.dk:465')).not.toThrow();
  });
});

describe('emailDestination: failures are results', () => {
  const SECRET = 'hemmelig-kode';

  it('a temporary refusal (451) is retry-later with the code, no address, no password, nothing personal', async () => {
    const server = await smtpServer({
      onRcptTo(address, _session, callback) {
        callback(Object.assign(new Error(`Try again later, ${address.address}`), { responseCode: 451 }));
      },
    });
    const email = destination({ smtpUrl: `smtp://sagsteam:${SECRET}@127.0.0.1:${server.port}` });
    const result = await email.deliver(job());
    expect(result).toEqual({ kind: 'retry-later', error: 'SMTP 451 (RCPT TO)' });
    expect(server.received).toEqual([]);
  });

  it('a permanent refusal (550) is retry-later too: a change of the settings or the mailbox mends it', async () => {
    const server = await smtpServer({
      onRcptTo(_address, _session, callback) {
        callback(Object.assign(new Error('No such mailbox'), { responseCode: 550 }));
      },
    });
    const email = destination({ smtpUrl: `smtp://127.0.0.1:${server.port}` });
    expect(await email.deliver(job())).toEqual({ kind: 'retry-later', error: 'SMTP 550 (RCPT TO)' });
  });

  it('a refused login is retry-later with the code, never the password', async () => {
    const server = await smtpServer({
      onAuth(_auth, _session, callback) {
        callback(Object.assign(new Error('Bad password'), { responseCode: 535 }));
      },
    });
    const email = destination({ smtpUrl: `smtp://sagsteam:${SECRET}@127.0.0.1:${server.port}` });
    const result = await email.deliver(job());
    expect(result.kind).toBe('retry-later');
    expect(result).toMatchObject({ error: expect.stringMatching(/^SMTP 535/) });
    expect(JSON.stringify(result)).not.toContain(SECRET);
  });

  it('a closed port is retry-later: SMTP ECONNREFUSED', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const email = destination({ smtpUrl: `smtp://127.0.0.1:${port}` });
    expect(await email.deliver(job())).toEqual({ kind: 'retry-later', error: 'SMTP ECONNREFUSED' });
  });

  it('a server that never answers is retry-later within the timeout, and the connection is closed', async () => {
    const sockets: Socket[] = [];
    const silent: Server = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise<void>((resolve) => silent.close(() => resolve())));
    const { port } = silent.address() as AddressInfo;
    const email = destination({ smtpUrl: `smtp://127.0.0.1:${port}`, timeoutMs: 300 });

    const started = performance.now();
    expect(await email.deliver(job())).toEqual({ kind: 'retry-later', error: 'intet svar inden for 0.3 s' });
    expect(performance.now() - started).toBeLessThan(3000);
    expect(sockets).toHaveLength(1);
    await new Promise<void>((resolve) => (sockets[0]!.closed ? resolve() : sockets[0]!.once('close', () => resolve())));
  });

  it('after close, a delivery is retry-later', async () => {
    const server = await smtpServer();
    const email = destination({ smtpUrl: `smtp://127.0.0.1:${server.port}` });
    await email.close?.();
    expect(await email.deliver(job())).toEqual({ kind: 'retry-later', error: 'e-mailforbindelsen er lukket (serveren stopper)' });
    expect(server.received).toEqual([]);
  });

  it('close waits for a send under way', async () => {
    const server = await smtpServer();
    const email = destination({ smtpUrl: `smtp://127.0.0.1:${server.port}` });
    const sending = email.deliver(job());
    await email.close?.();
    expect(server.received).toHaveLength(1);
    expect(await sending).toEqual({ kind: 'delivered' });
  });
});

describe('attachmentAllowed and smtpUrlProblem: the settings check', () => {
  it('allows the document over smtps:// or smtp:// with requireTLS=true, with the certificate checked', () => {
    expect(attachmentAllowed('smtps://bruger:kode@smtp.kommune.dk:465')).toBe(true);
    expect(attachmentAllowed('smtps://smtp.kommune.dk')).toBe(true);
    expect(attachmentAllowed('smtp://bruger:kode@smtp.kommune.dk:587?requireTLS=true')).toBe(true);
    expect(attachmentAllowed('smtps://smtp.kommune.dk:465?tls.rejectUnauthorized=true&tls.servername=mail.kommune.dk')).toBe(true);
  });

  it('refuses it where the message may travel in plain text or to an unchecked server', () => {
    expect(attachmentAllowed('smtp://bruger:kode@smtp.kommune.dk:587')).toBe(false);
    expect(attachmentAllowed('smtp://smtp.kommune.dk:587?requireTLS=false')).toBe(false);
    expect(attachmentAllowed('smtp://smtp.kommune.dk:465?secure=true')).toBe(false);
    expect(attachmentAllowed('smtps://smtp.kommune.dk:465?tls.rejectUnauthorized=false')).toBe(false);
    expect(attachmentAllowed('smtp://smtp.kommune.dk:587?requireTLS=true&tls.rejectUnauthorized=false')).toBe(false);
    // A misspelt setting is not quietly ignored.
    expect(attachmentAllowed('smtp://smtp.kommune.dk:587?requireTls=true')).toBe(false);
    expect(attachmentAllowed('smtp://smtp.kommune.dk:587?requireTLS=1')).toBe(false);
    expect(attachmentAllowed('https://smtp.kommune.dk')).toBe(false);
    expect(attachmentAllowed('ikke en adresse')).toBe(false);
  });

  it('names what is wrong with a URL in Danish, without repeating it (it holds the password)', () => {
    expect(smtpUrlProblem('smtps://bruger:kode@smtp.kommune.dk:465')).toBeNull();
    expect(smtpUrlProblem('smtp://smtp.kommune.dk?requireTLS=true&name=portal.kommune.dk')).toBeNull();
    expect(smtpUrlProblem('ikke en adresse')).toMatch(/^er ikke en gyldig adresse/);
    expect(smtpUrlProblem('http://bruger:kode@smtp.kommune.dk')).toMatch(/^skal begynde med smtps:\/\/ eller smtp:\/\//);
    expect(smtpUrlProblem('smtp://bruger:kode@smtp.kommune.dk?sendmail=true')).toMatch(/"sendmail"/);
    expect(smtpUrlProblem('smtp://bruger:kode@smtp.kommune.dk?requireTLS=ja')).toBe('"requireTLS" skal være true eller false');
    for (const url of ['http://bruger:Pa55word@smtp.kommune.dk', 'smtp://bruger:Pa55word@smtp.kommune.dk?pool=true', 'smtp://bruger:Pa55word@smtp.kommune.dk?name=a&name=b']) {
      expect(smtpUrlProblem(url)).not.toBeNull();
      expect(smtpUrlProblem(url)).not.toContain('Pa55word');
    }
  });
});
