/**
 * The worker thread that makes delivery documents (documents.ts): one request
 * at a time, each answered with the PDF's bytes or the error's name (never its
 * message, which could quote the application).
 */
import { parentPort } from 'node:worker_threads';
import { applicationPdf, type PdfKommune } from '../applications/application-pdf.ts';
import type { StoredApplication } from '../store/types.ts';

interface Request {
  id: number;
  stored: StoredApplication;
  kommune: PdfKommune;
  createdAt: string;
}

parentPort!.on('message', ({ id, stored, kommune, createdAt }: Request) => {
  try {
    const pdf = applicationPdf(stored, kommune, new Date(createdAt));
    parentPort!.postMessage({ id, pdf: new Uint8Array(pdf) });
  } catch (error) {
    parentPort!.postMessage({ id, error: error instanceof Error ? error.name : 'Error' });
  }
});
