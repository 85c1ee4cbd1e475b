/**
 * The application's PDF for a delivery, made off the server's main thread.
 *
 * Making the document takes some 50 ms of CPU (pdfkit, synchronous). Made in
 * the server's own thread, every delivery would hold up the citizens' requests
 * that thread serves (measured: a burst's time to 201 went from 12 ms to
 * nearly 400 ms). So the server makes it in one worker thread
 * (`threadedDocuments`, document-thread.ts), started on first use and again
 * after a crash; tests and the staff command may make it in place
 * (`inlineDocuments`).
 */
import { Worker } from 'node:worker_threads';
import { applicationPdf, type PdfKommune } from '../applications/application-pdf.ts';
import type { StoredApplication } from '../store/types.ts';

export interface DocumentMaker {
  /** The tagged PDF of a stored application, dated `createdAt` (the same bytes for the same input). */
  make(stored: StoredApplication, kommune: PdfKommune, createdAt: Date): Promise<Buffer>;
  close(): Promise<void>;
}

export const inlineDocuments: DocumentMaker = {
  make: async (stored, kommune, createdAt) => applicationPdf(stored, kommune, createdAt),
  close: async () => {},
};

interface Reply {
  id: number;
  pdf?: Uint8Array;
  error?: string;
}

export function threadedDocuments(): DocumentMaker {
  let worker: Worker | null = null;
  let next = 0;
  const waiting = new Map<number, { resolve: (pdf: Buffer) => void; reject: (error: Error) => void }>();
  const failAll = (error: Error) => {
    for (const { reject } of waiting.values()) reject(error);
    waiting.clear();
  };
  const start = (): Worker => {
    const thread = new Worker(new URL('./document-thread.ts', import.meta.url));
    // The thread never keeps the process alive; a pending document holds it through its promise's caller.
    thread.unref();
    thread.on('message', (reply: Reply) => {
      const entry = waiting.get(reply.id);
      if (!entry) return;
      waiting.delete(reply.id);
      if (reply.pdf) entry.resolve(Buffer.from(reply.pdf.buffer, reply.pdf.byteOffset, reply.pdf.byteLength));
      else entry.reject(new Error(reply.error ?? 'document failed'));
    });
    const lost = (error: Error) => {
      if (worker === thread) worker = null; // the next document starts a new thread
      failAll(error);
    };
    thread.on('error', lost);
    thread.on('exit', (code) => lost(new Error(`the document thread exited (${code})`)));
    return thread;
  };
  return {
    make: (stored, kommune, createdAt) =>
      new Promise<Buffer>((resolve, reject) => {
        worker ??= start();
        const id = next++;
        waiting.set(id, { resolve, reject });
        worker.postMessage({ id, stored, kommune, createdAt: createdAt.toISOString() });
      }),
    close: async () => {
      const thread = worker;
      worker = null;
      failAll(new Error('the document thread was closed'));
      await thread?.terminate();
    },
  };
}
