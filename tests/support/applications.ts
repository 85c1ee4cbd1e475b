/**
 * Helpers for the application tests (Playwright and the server-level vitest
 * suite): a valid body, a client address of the test's own (the servers
 * under test trust X-Forwarded-For from loopback, see playwright.config.ts
 * and server.ts), and
 * the store a test server writes to, to count what was stored.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openSqliteStore } from '../../src/server/store/sqlite.ts';
import type { StoredApplication } from '../../src/server/store/types.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
export const DATA_DIR = join(root, process.env.E2E_DATA_DIR ?? 'data/e2e');

/** A documentation address (RFC 5737) for one test file or test: its own rate-limit bucket. */
export function clientAddress(): string {
  const n = Number.parseInt(randomUUID().slice(0, 6), 16);
  return `198.51.${(n >> 8) % 256}.${n % 256}`;
}

/** A marker to find the test's own application among all others in the store. */
export const marker = () => `e2e-${randomUUID()}`;

/** A birth date that makes someone `age` today, whatever today is (1 January, `age` years ago). */
export function birthDateForAge(age: number): { day: string; month: string; year: string; iso: string } {
  const year = String(new Date().getFullYear() - age);
  return { day: '1', month: '1', year, iso: `${year}-01-01` };
}

export function validBody(kommune = 'bronderslev', description = marker(), age = 25): Record<string, unknown> {
  return {
    kommune,
    applicant: { name: 'Test Testesen', birthDate: birthDateForAge(age).iso, phone: '12345678' },
    receivesEarlyRetirementPension: false,
    needs: ['socialt-liv'],
    description,
    contact: { preferred: 'phone' },
    wantsBisidder: false,
    consentToObtainInformation: true,
  };
}

/** The applications a test server stored with this description (by default the Playwright server's, in DATA_DIR). */
export async function storedWith(kommune: string, description: string, dataDir = DATA_DIR): Promise<StoredApplication[]> {
  const store = openSqliteStore({ file: join(dataDir, 'applications.sqlite') });
  try {
    return (await store.list({ kommune })).filter((a) => a.application.description === description);
  } finally {
    await store.close();
  }
}
