/**
 * Delivery through the running server (the built site on its own data): an
 * application sent to the API arrives at a local case-system receiver within
 * seconds, signed (checked with `standardwebhooks`), exactly as stored, with
 * its tagged PDF; the case team's address gets a notice by e-mail (a real
 * local SMTP server) with no personal data; a wrong delivery setting stops the
 * start with a message naming it; without one the server says how
 * applications are fetched.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.ts';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.ts';
import { validBody } from '../support/applications.ts';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  cleanups.length = 0;
});

async function server(env: Record<string, string>): Promise<TestServer> {
  const s = await startTestServer(env);
  cleanups.push(() => s.stop());
  return s;
}

async function receiver(): Promise<WebhookReceiver> {
  const r = await startWebhookReceiver();
  cleanups.push(() => r.close());
  return r;
}

const apply = (s: TestServer, body: Record<string, unknown>) =>
  s.request('/api/ansoegninger', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

/** A real SMTP server on loopback that keeps the messages it is given. */
async function smtpServer() {
  const received: Buffer[] = [];
  const waiters = new Set<() => void>();
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push(Buffer.concat(chunks));
        for (const wake of waiters) wake();
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => new Promise<void>((resolve) => smtp.close(() => resolve())));
  const port = (smtp.server.address() as { port: number }).port;
  const first = () => new Promise<Buffer>((resolve) => (received[0] ? resolve(received[0]) : waiters.add(() => resolve(received[0]!))));
  return { url: `smtp://127.0.0.1:${port}`, first };
}

describe('delivery from the running server', () => {
  it('an application sent to the API arrives at the case system’s webhook, signed, as stored, with its tagged PDF', async () => {
    const r = await receiver();
    const s = await server({ DELIVERY_WEBHOOK_URL: r.url, DELIVERY_WEBHOOK_SECRET: r.secret });
    expect(s.output()).toMatch(/Levering: webhook: webhook http:\/\/127\.0\.0\.1:\d+\/ansoegninger — alle kommuner/);
    const body = validBody('bronderslev');
    const answer = await apply(s, body);
    expect(answer.status).toBe(201);
    const { reference } = (await answer.json()) as { reference: string };

    await r.waitFor(() => r.delivered().has(reference));
    const request = r.requests.find((q) => q.body?.data.reference === reference)!;
    expect(request.verified).toBe(true);
    const [stored] = await s.storedWith('bronderslev', String(body.description));
    expect(request.body!.data.application).toEqual(stored!.application);
    expect(request.body!.data).toMatchObject({ kommune: 'bronderslev', unit: { id: stored!.unitId }, receivedAt: stored!.receivedAt });

    const dir = mkdtempSync(join(tmpdir(), 'stoette-delivered-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const file = join(dir, request.body!.data.document.filename);
    writeFileSync(file, Buffer.from(request.body!.data.document.base64, 'base64'));
    const info = spawnSync('pdfinfo', [file], { encoding: 'utf8' }).stdout;
    expect(info).toMatch(/^Tagged:\s+yes$/m);
    expect(info).toMatch(/^Title:\s+.*\S/m);
    expect(spawnSync('pdftotext', [file, '-'], { encoding: 'utf8' }).stdout).toContain(reference);

    // The server logs the delivery with the reference, and nothing of the person.
    await expect.poll(() => s.output(), { timeout: 25_000 }).toMatch(new RegExp(`levering: ${reference} til webhook, forsøg 1: leveret`));
    expect(s.output()).not.toContain(String((body.applicant as { name: string }).name));
  });

  it('tells the case team’s address that an application has arrived, without personal data', async () => {
    const smtp = await smtpServer();
    const s = await server({ DELIVERY_SMTP_URL: smtp.url, DELIVERY_EMAIL_FROM: 'portal@example.dk', DELIVERY_EMAIL_TO: 'sagsteam@example.dk' });
    const body = validBody('varde');
    const answer = await apply(s, body);
    expect(answer.status).toBe(201);
    const { reference } = (await answer.json()) as { reference: string };
    const raw = await smtp.first();
    const mail = await simpleParser(raw);
    expect(mail.subject).toContain(reference);
    expect(mail.text).toContain('Varde');
    expect(mail.attachments).toEqual([]);
    const applicant = body.applicant as { name: string; phone?: string; email?: string };
    for (const personal of [applicant.name, String(body.description), applicant.phone, applicant.email].filter(Boolean)) {
      expect(raw.toString('utf8')).not.toContain(personal);
    }
  });

  it('a store that cannot be opened does not stop the server: the worker says so once and keeps trying', async () => {
    const r = await receiver();
    // A data directory that cannot be made (under a file).
    const dir = mkdtempSync(join(tmpdir(), 'stoette-nostore-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    writeFileSync(join(dir, 'file'), '');
    const s = await server({ DATA_DIR: join(dir, 'file', 'data'), DELIVERY_WEBHOOK_URL: r.url, DELIVERY_WEBHOOK_SECRET: r.secret });
    await expect.poll(() => s.output(), { timeout: 25_000 }).toContain('levering: lageret svarer ikke');
    expect((await apply(s, validBody('varde'))).status).toBe(503);
    expect(s.output().match(/levering: lageret svarer ikke/g)).toHaveLength(1);
  });

  it('without a destination the server says that applications are fetched with the export command', async () => {
    const s = await server({});
    expect(s.output()).toContain('Levering: ingen destination er sat op');
    expect(s.output()).toContain('npm run ansoegninger -- eksport');
  });

  it('a wrong delivery setting stops the start with a message naming the field', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'stoette-config-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const file = join(dir, 'levering.json');
    writeFileSync(file, JSON.stringify({ destinations: [{ id: 'sbsys', type: 'webhook', url: 'https://sag.example.dk/', secret: 'hemmelig' }] }));
    await expect(startTestServer({ DELIVERY_CONFIG: file })).rejects.toThrow(/DELIVERY_CONFIG \(.*levering\.json\): destinations\.0\.secret skal være en Standard Webhooks-nøgle/);
    await expect(startTestServer({ DELIVERY_WEBHOOK_URL: 'https://sag.example.dk/' })).rejects.toThrow(/DELIVERY_WEBHOOK_URL kræver også DELIVERY_WEBHOOK_SECRET/);
    const secret = `whsec_${Buffer.alloc(32, 3).toString('base64')}`;
    writeFileSync(file, JSON.stringify({ destinations: [{ id: 'sbsys', type: 'webhook', url: 'https://sag.example.dk/', secret, kommune: 'aarhus' }] }));
    await expect(startTestServer({ DELIVERY_CONFIG: file })).rejects.toThrow(/destinationen "sbsys" nævner kommunen "aarhus", som portalen ikke har/);
  });
});
