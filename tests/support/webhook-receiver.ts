/**
 * A case system's webhook receiver for the tests and the bench: a real local
 * HTTP server that checks every request's signature with the maintained
 * `standardwebhooks` package (what a receiver in production does, README
 * "Delivery to the case system") and keeps what arrived.
 *
 * `behaviour` decides each answer: `ok` (204), a status, `hang` (never
 * answers; the sender's timeout ends it) or `close` (drops the connection).
 * `waitFor` resolves when the requests received so far satisfy a condition:
 * tests wait on what arrived, never on time.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { Webhook } from 'standardwebhooks';

export type Answer = 'ok' | 'hang' | 'close' | number;

export interface ReceivedRequest {
  /** `webhook-id`. */
  id: string;
  /** Whether the signature checked out (with the receiver's secret, within the library's tolerance). */
  verified: boolean;
  /** The parsed body when verified. */
  body: WebhookBody | null;
  /** What this request was answered. */
  answer: Answer;
  /** When it arrived (performance.now()). */
  at: number;
}

export interface WebhookBody {
  type: string;
  timestamp: string;
  data: {
    reference: string;
    kommune: string;
    unit: { id: string; name: string };
    receivedAt: string;
    application: Record<string, unknown> & { description: string; applicant: { name: string } };
    document: { filename: string; contentType: string; base64: string };
  };
}

export interface WebhookReceiver {
  url: string;
  secret: string;
  requests: ReceivedRequest[];
  /** The references delivered: verified and answered 2xx. */
  delivered(): Set<string>;
  /** Resolves when `condition` holds for the requests so far (checked on each arrival); rejects after `timeoutMs`. */
  waitFor(condition: (requests: ReceivedRequest[]) => boolean, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export const TEST_WEBHOOK_SECRET = `whsec_${Buffer.from('stoetteportalen-test-secret-32-bytes!').toString('base64')}`;

export async function startWebhookReceiver(
  behaviour: (request: { id: string; attempt: number; verified: boolean }) => Answer = () => 'ok',
  secret = TEST_WEBHOOK_SECRET,
): Promise<WebhookReceiver> {
  const verifier = new Webhook(secret);
  const requests: ReceivedRequest[] = [];
  const waiters = new Set<() => void>();
  const sockets = new Set<Socket>();
  const hanging = new Set<ServerResponse>();
  const attempts = new Map<string, number>();

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const id = String(req.headers['webhook-id'] ?? '');
      let body: WebhookBody | null = null;
      try {
        body = verifier.verify(raw, {
          'webhook-id': id,
          'webhook-timestamp': String(req.headers['webhook-timestamp'] ?? ''),
          'webhook-signature': String(req.headers['webhook-signature'] ?? ''),
        }) as WebhookBody;
      } catch {
        body = null;
      }
      const attempt = (attempts.get(id) ?? 0) + 1;
      attempts.set(id, attempt);
      const answer = body ? behaviour({ id, attempt, verified: true }) : 401;
      requests.push({ id, verified: body !== null, body, answer, at: performance.now() });
      for (const wake of waiters) wake();
      if (answer === 'hang') hanging.add(res);
      else if (answer === 'close') req.socket.destroy();
      else if (answer === 'ok') res.writeHead(204).end();
      else res.writeHead(answer).end();
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/ansoegninger`,
    secret,
    requests,
    delivered: () => new Set(requests.filter((r) => r.verified && r.answer === 'ok' && r.body).map((r) => r.body!.data.reference)),
    waitFor: (condition, timeoutMs = 60_000) =>
      new Promise<void>((resolve, reject) => {
        if (condition(requests)) return resolve();
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`the receiver did not get what was expected within ${timeoutMs / 1000} s (${requests.length} requests)`));
        }, timeoutMs);
        const check = () => {
          if (!condition(requests)) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve();
        };
        waiters.add(check);
      }),
    close: async () => {
      for (const res of hanging) res.destroy();
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
