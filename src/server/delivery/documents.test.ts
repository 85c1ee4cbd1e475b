/**
 * The delivery's PDF made in a worker thread: the same bytes as made in place,
 * and a thread that dies is started again for the next document.
 */
import { describe, expect, it } from 'vitest';
import { validateApplication } from '../../domain/application.ts';
import { readKommuner } from '../../lib/content-files.ts';
import type { StoredApplication } from '../store/types.ts';
import { inlineDocuments, threadedDocuments } from './documents.ts';

const kommune = readKommuner().varde!;
const RECEIVED = new Date('2026-11-24T09:05:00Z');

function stored(): StoredApplication {
  const valid = validateApplication(
    { kommune: 'varde', applicant: { name: 'Søren Ærø', birthDate: '1980-04-12', phone: '12345678' }, description: 'Posten hober sig op.', contact: { preferred: 'phone' }, consentToObtainInformation: true },
    RECEIVED,
  );
  if (!valid.ok) throw new Error(JSON.stringify(valid.issues));
  return { reference: '7KQM-X3PP', kommune: 'varde', unitId: 'social-og-handicap', receivedAt: RECEIVED.toISOString(), application: valid.application, exportedAt: null };
}

describe('documents made in a worker thread', () => {
  it('are the same bytes as made in place', async () => {
    const documents = threadedDocuments();
    try {
      const [threaded, inline] = await Promise.all([documents.make(stored(), kommune, RECEIVED), inlineDocuments.make(stored(), kommune, RECEIVED)]);
      expect(threaded.subarray(0, 5).toString()).toBe('%PDF-');
      expect(threaded.equals(inline)).toBe(true);
    } finally {
      await documents.close();
    }
  });

  it('a closed thread fails what waited for it, and the next document starts a new one', async () => {
    const documents = threadedDocuments();
    try {
      const waiting = documents.make(stored(), kommune, RECEIVED).then(
        () => null,
        (error: Error) => error.message,
      );
      await documents.close();
      expect(await waiting).toBe('the document thread was closed');
      expect((await documents.make(stored(), kommune, RECEIVED)).subarray(0, 5).toString()).toBe('%PDF-');
    } finally {
      await documents.close();
    }
  });
});
