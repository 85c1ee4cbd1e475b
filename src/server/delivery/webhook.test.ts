/**
 * The webhook destination against a real local receiver that checks every
 * signature with the `standardwebhooks` package: the body and its document,
 * the same id on every attempt, and each kind of failure as a retry.
 */
import { createHmac } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { validateApplication } from '../../domain/application.ts';
import { readKommuner } from '../../lib/content-files.ts';
import type { StoredApplication } from '../store/types.ts';
import { startWebhookReceiver, type Answer, type WebhookReceiver } from '../../../tests/support/webhook-receiver.ts';
import type { DeliveryJob } from './types.ts';
import { describeUrl, webhookDestination } from './webhook.ts';

const kommuner = readKommuner();
const kommune = (slug: string) => kommuner[slug];
const RECEIVED = new Date('2026-11-24T09:05:00Z');

function storedApplication(): StoredApplication {
  const valid = validateApplication(
    {
      kommune: 'bronderslev',
      applicant: { name: 'Søren Ærø Ågård', birthDate: '2001-04-12', cpr: '120401-4234', phone: '12345678' },
      description: 'Jeg får ikke åbnet min post.',
      contact: { preferred: 'phone' },
      consentToObtainInformation: true,
    },
    RECEIVED,
  );
  if (!valid.ok) throw new Error(JSON.stringify(valid.issues));
  return { reference: '7KQM-X3PP', kommune: 'bronderslev', unitId: 'ungecentret', receivedAt: RECEIVED.toISOString(), application: valid.application, exportedAt: null };
}

const job = (attempts = 0): DeliveryJob => ({
  id: 'msg_Qm9uZGVyc2xldi10ZXN0LTE',
  destination: 'sbsys',
  attempts,
  createdAt: RECEIVED.toISOString(),
  queuedAt: RECEIVED.toISOString(),
  application: storedApplication(),
});

let receiver: WebhookReceiver | null = null;
afterEach(async () => {
  await receiver?.close();
  receiver = null;
});

const withReceiver = async (answers: Answer[]) => {
  let n = 0;
  receiver = await startWebhookReceiver(() => answers[Math.min(n++, answers.length - 1)]!);
  return receiver;
};

describe('the webhook destination', () => {
  it('posts the stored application and its PDF, signed so the receiver’s standardwebhooks check passes', async () => {
    const r = await withReceiver(['ok']);
    const destination = webhookDestination({ id: 'sbsys', url: r.url, secret: r.secret, kommune });
    expect(await destination.deliver(job())).toEqual({ kind: 'delivered' });
    expect(r.requests).toHaveLength(1);
    const [request] = r.requests;
    expect(request!.verified).toBe(true);
    expect(request!.id).toBe('msg_Qm9uZGVyc2xldi10ZXN0LTE');
    const body = request!.body!;
    expect(body.type).toBe('application.received');
    expect(body.timestamp).toBe(RECEIVED.toISOString());
    expect(body.data).toMatchObject({
      reference: '7KQM-X3PP',
      kommune: 'bronderslev',
      unit: { id: 'ungecentret', name: kommuner.bronderslev!.units.find((u) => u.id === 'ungecentret')!.name },
      receivedAt: RECEIVED.toISOString(),
      application: storedApplication().application,
    });
    expect(body.data.document).toMatchObject({ filename: 'ansoegning-7KQM-X3PP.pdf', contentType: 'application/pdf' });
    expect(Buffer.from(body.data.document.base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    expect(destination.carriesApplication).toBe(true);
  });

  it('the signature is the Standard Webhooks one, checked by hand too: v1, base64 HMAC-SHA256 of id.timestamp.body with the secret’s bytes', async () => {
    const secretBytes = Buffer.alloc(32, 9);
    const secret = `whsec_${secretBytes.toString('base64')}`;
    const sentAt = new Date('2026-11-24T09:05:07.900Z');
    let seen: { headers: Record<string, string | string[] | undefined>; body: string } | null = null;
    const { createServer } = await import('node:http');
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        seen = { headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
        res.writeHead(200).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/`;
      expect(await webhookDestination({ id: 'sbsys', url, secret, kommune, now: () => sentAt }).deliver(job())).toEqual({ kind: 'delivered' });
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
    const { headers, body } = seen!;
    expect(headers['webhook-id']).toBe('msg_Qm9uZGVyc2xldi10ZXN0LTE');
    expect(headers['webhook-timestamp']).toBe('1795511107');
    const expected = createHmac('sha256', secretBytes).update(`msg_Qm9uZGVyc2xldi10ZXN0LTE.1795511107.${body}`).digest('base64');
    expect(headers['webhook-signature']).toBe(`v1,${expected}`);
    expect(headers['content-type']).toBe('application/json');
  });

  it('a receiver with another secret refuses the signature, and the delivery is tried again', async () => {
    receiver = await startWebhookReceiver(() => 'ok');
    const other = `whsec_${Buffer.alloc(32, 1).toString('base64')}`;
    const destination = webhookDestination({ id: 'sbsys', url: receiver.url, secret: other, kommune });
    expect(await destination.deliver(job())).toEqual({ kind: 'retry-later', error: 'HTTP 401' });
    expect(receiver.requests[0]!.verified).toBe(false);
  });

  it('an error answer, an answer too late and a dropped connection are each tried again, with the same id and body', async () => {
    const r = await withReceiver([500, 'hang', 'close', 'ok']);
    const destination = webhookDestination({ id: 'sbsys', url: r.url, secret: r.secret, kommune });
    // A short timeout only where the receiver hangs, so a busy machine cannot make a quick answer late.
    const impatient = webhookDestination({ id: 'sbsys', url: r.url, secret: r.secret, kommune, timeoutMs: 300 });
    expect(await destination.deliver(job(0))).toEqual({ kind: 'retry-later', error: 'HTTP 500' });
    expect(await impatient.deliver(job(1))).toEqual({ kind: 'retry-later', error: 'intet svar inden for 0.3 s' });
    const dropped = await destination.deliver(job(2));
    expect(dropped.kind).toBe('retry-later');
    expect(dropped.kind === 'retry-later' && dropped.error).toMatch(/^[A-Z_]+$/);
    expect(await destination.deliver(job(3))).toEqual({ kind: 'delivered' });
    expect(r.requests.map((q) => q.id)).toEqual(Array(4).fill('msg_Qm9uZGVyc2xldi10ZXN0LTE'));
    expect(r.requests.every((q) => q.verified)).toBe(true);
    expect(new Set(r.requests.map((q) => JSON.stringify(q.body))).size).toBe(1);
  });

  it('a redirect is not followed (the body holds personal data) and a closed port is tried again', async () => {
    const r = await withReceiver([308]);
    const destination = webhookDestination({ id: 'sbsys', url: r.url, secret: r.secret, kommune });
    expect(await destination.deliver(job())).toEqual({ kind: 'retry-later', error: 'HTTP 308' });
    const url = r.url;
    await r.close();
    receiver = null;
    expect(await webhookDestination({ id: 'sbsys', url, secret: r.secret, kommune }).deliver(job())).toEqual({ kind: 'retry-later', error: 'ECONNREFUSED' });
  });

  it('says where it delivers without a query (a token) or a secret', () => {
    expect(describeUrl('https://sag.example.dk/ind?token=hemmelig')).toBe('https://sag.example.dk/ind');
    const destination = webhookDestination({ id: 'sbsys', url: 'https://sag.example.dk/ind?token=x', secret: `whsec_${Buffer.alloc(32).toString('base64')}`, kommune });
    expect(destination.describe).toBe('webhook https://sag.example.dk/ind');
  });
});
