/**
 * The webhook destination: the case system's seam (docs/delivery.md). Each
 * attempt is an HTTP(S) `POST` of JSON following the Standard Webhooks
 * specification, signed with the maintained `standardwebhooks` package:
 *
 *   webhook-id          the delivery's id, the same on every attempt (a receiver drops repeats)
 *   webhook-timestamp   this attempt's time, Unix seconds
 *   webhook-signature   v1,<base64 HMAC-SHA256 of "id.timestamp.body"> with the destination's whsec_ secret
 *
 * The body (`webhookBody`) is the same on every attempt: `{ type:
 * "application.received", timestamp, data: { reference, kommune, unit: { id,
 * name }, receivedAt, application, document: { filename, contentType, base64 } } }`,
 * the document being the tagged PDF the staff command writes. A 2xx answer
 * within the timeout (10 s) is delivered; any other answer, a redirect (not
 * followed: the body holds personal data), a timeout or a broken connection
 * is tried again later.
 */
import { Webhook } from 'standardwebhooks';
import type { PdfKommune } from '../applications/application-pdf.ts';
import { inlineDocuments, type DocumentMaker } from './documents.ts';
import { noAnswerWithin, type Destination, type DeliveryJob, type DeliveryResult } from './types.ts';

export const WEBHOOK_TIMEOUT_MS = 10_000;

export interface WebhookOptions {
  id: string;
  url: string;
  /** `whsec_` and base64: the secret the receiver checks signatures with. */
  secret: string;
  /** A kommune's content (name, units, routing, help list) by slug, for the unit's name and the document. */
  kommune: (slug: string) => PdfKommune | undefined;
  /** The whole attempt, answer included (default 10 s). */
  timeoutMs?: number;
  /** The clock of the signature's timestamp (tests). */
  now?: () => Date;
  /** Where the PDF is made (the server: a worker thread); default in place. */
  documents?: DocumentMaker;
}

/** The JSON body of a delivery: the same bytes on every attempt (the document is dated by the job). */
export async function webhookBody(job: DeliveryJob, kommune: PdfKommune, documents: DocumentMaker = inlineDocuments): Promise<string> {
  const stored = job.application;
  const unit = kommune.units.find((u) => u.id === stored.unitId);
  const document = await documents.make(stored, kommune, new Date(job.createdAt));
  return JSON.stringify({
    type: 'application.received',
    timestamp: job.createdAt,
    data: {
      reference: stored.reference,
      kommune: stored.kommune,
      unit: { id: stored.unitId, name: unit?.name ?? stored.unitId },
      receivedAt: stored.receivedAt,
      application: stored.application,
      document: { filename: `ansoegning-${stored.reference}.pdf`, contentType: 'application/pdf', base64: document.toString('base64') },
    },
  });
}

/** A short reason for a failed request: never the URL's query, the body or the answer's content. */
export function requestError(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) return noAnswerWithin(timeoutMs);
  const cause = error instanceof Error ? (error.cause as { code?: string; name?: string; message?: string } | undefined) : undefined;
  // A code where there is one (ECONNREFUSED); else the cause's own short words ("bad port"), never more.
  const words = cause?.message && cause.message.length <= 40 && !cause.message.includes('/') ? cause.message : undefined;
  return cause?.code ?? words ?? cause?.name ?? (error instanceof Error ? error.name : 'ukendt fejl');
}

/** Where a webhook goes, for logs: scheme, host and path, never a query (it may hold a token). */
export function describeUrl(url: string): string {
  const u = new URL(url);
  return `${u.protocol}//${u.host}${u.pathname}`;
}

export function webhookDestination(options: WebhookOptions): Destination {
  const signer = new Webhook(options.secret);
  const timeoutMs = options.timeoutMs ?? WEBHOOK_TIMEOUT_MS;
  const now = options.now ?? (() => new Date());
  return {
    id: options.id,
    carriesApplication: true,
    describe: `webhook ${describeUrl(options.url)}`,
    async deliver(job: DeliveryJob): Promise<DeliveryResult> {
      const kommune = options.kommune(job.application.kommune);
      if (!kommune) return { kind: 'retry-later', error: `kommunen ${job.application.kommune} findes ikke i indholdet` };
      let body: string;
      try {
        body = await webhookBody(job, kommune, options.documents);
      } catch (error) {
        return { kind: 'retry-later', error: `dokumentet kunne ikke laves (${error instanceof Error ? error.name : 'fejl'})` };
      }
      const sentAt = now();
      const signal = AbortSignal.timeout(timeoutMs);
      try {
        const response = await fetch(options.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'user-agent': 'Stoetteportalen-levering',
            'webhook-id': job.id,
            'webhook-timestamp': String(Math.floor(sentAt.getTime() / 1000)),
            'webhook-signature': signer.sign(job.id, sentAt, body),
          },
          body,
          redirect: 'manual',
          signal,
        });
        // The answer's body is not read (nothing in it counts), only closed.
        await response.body?.cancel().catch(() => {});
        if (response.status >= 200 && response.status < 300) return { kind: 'delivered' };
        return { kind: 'retry-later', error: `HTTP ${response.status}` };
      } catch (error) {
        return { kind: 'retry-later', error: requestError(error, timeoutMs) };
      }
    },
  };
}
