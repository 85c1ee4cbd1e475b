import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sampleApplication } from '../../../tests/support/application-store-contract.ts';
import { openSqliteStore } from '../store/sqlite.ts';
import { StoreUnavailableError, type ApplicationStore } from '../store/types.ts';
import { createRateLimiter } from '../rate-limit.ts';
import { createReference } from '../../domain/reference.ts';
import { lookUpReceipt, receiptForPage } from './receipt.ts';

const dir = mkdtempSync(join(tmpdir(), 'stoette-receipt-'));
const store = openSqliteStore({ file: join(dir, 'applications.sqlite') });
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const saved = async () => {
  const result = await store.save({ kommune: 'bronderslev', unitId: 'ungecentret', receivedAt: new Date(), application: sampleApplication() });
  if (result.kind !== 'created') throw new Error('not created');
  return result.receipt;
};

describe('the receipt page looks up its reference', () => {
  it('finds a stored application, also when the reference is typed in lower case without the hyphen', async () => {
    const receipt = await saved();
    expect(await lookUpReceipt(() => store, 'bronderslev', receipt.reference)).toEqual({ kind: 'found', receipt });
    expect(await lookUpReceipt(() => store, 'bronderslev', receipt.reference.replace('-', '').toLowerCase())).toEqual({ kind: 'found', receipt });
  });

  it('a reference from another kommune is not shown under this one', async () => {
    const receipt = await saved();
    expect(await lookUpReceipt(() => store, 'varde', receipt.reference)).toEqual({ kind: 'not-found' });
  });

  it('a missing, malformed or unknown reference is "not found"', async () => {
    for (const ref of [null, '', '<script>', 'AAAA-AAAA', '2222-222Z']) {
      expect(await lookUpReceipt(() => store, 'bronderslev', ref)).toEqual({ kind: 'not-found' });
    }
  });

  it('a store that fails is "unavailable", not an error', async () => {
    const failing = (): ApplicationStore => {
      throw new StoreUnavailableError('nede');
    };
    const receipt = await saved();
    expect(await lookUpReceipt(failing, 'bronderslev', receipt.reference)).toEqual({ kind: 'unavailable' });
  });
});

describe('the receipt page’s answer', () => {
  const page = (reference: string) => new URL(`http://localhost/bronderslev/ansoeg/kvittering/?reference=${reference}`);

  it('a found receipt is never cached; an unknown one is 404 and a failing store 503', async () => {
    const receipt = await saved();
    const found = { headers: new Headers() } as { status?: number; headers: Headers };
    expect(await receiptForPage(() => store, 'bronderslev', page(receipt.reference), found)).toEqual({ kind: 'found', receipt });
    expect([found.status, found.headers.get('cache-control')]).toEqual([undefined, 'no-store']);

    const missing = { headers: new Headers() } as { status?: number; headers: Headers };
    await receiptForPage(() => store, 'bronderslev', page('2222-222Z'), missing);
    expect([missing.status, missing.headers.get('cache-control')]).toEqual([404, 'no-store']);

    const down = { headers: new Headers() } as { status?: number; headers: Headers };
    const failing = (): ApplicationStore => {
      throw new StoreUnavailableError('nede');
    };
    await receiptForPage(failing, 'bronderslev', page(receipt.reference), down);
    expect([down.status, down.headers.get('cache-control')]).toEqual([503, 'no-store']);
  });
});

describe('receipt lookups are limited per client', () => {
  const page = (reference: string) => new URL(`http://localhost/bronderslev/ansoeg/kvittering/?reference=${reference}`);
  const answer = () => ({ headers: new Headers() }) as { status?: number; headers: Headers };

  it('past the limit, "too many" (429, Retry-After, never cached) without asking the store, even for a reference that exists; another client is not affected', async () => {
    const receipt = await saved();
    const limiter = createRateLimiter({ capacity: 3, windowSeconds: 600 });
    let asked = 0;
    const counting = () => {
      asked++;
      return store;
    };
    const client = { limiter, client: '198.51.100.7' };
    // Well-formed and unknown, malformed, and found.
    for (const reference of [createReference(() => 5), 'AAAA-AAAA', receipt.reference]) {
      expect((await receiptForPage(counting, 'bronderslev', page(reference), answer(), client)).kind).not.toBe('too-many');
    }
    expect(asked).toBe(2); // the malformed reference needs no store, but counts
    const refused = answer();
    expect(await receiptForPage(counting, 'bronderslev', page(receipt.reference), refused, client)).toEqual({ kind: 'too-many', retryAfterSeconds: 200 });
    expect([refused.status, refused.headers.get('retry-after'), refused.headers.get('cache-control')]).toEqual([429, '200', 'no-store']);
    expect(asked).toBe(2);
    expect(await lookUpReceipt(counting, 'bronderslev', receipt.reference, { limiter, client: '198.51.100.8' })).toEqual({ kind: 'found', receipt });
  });

  it('a page without a reference looks nothing up and does not count', async () => {
    const limiter = createRateLimiter({ capacity: 1, windowSeconds: 600 });
    const client = { limiter, client: '198.51.100.9' };
    for (let i = 0; i < 3; i++) expect(await lookUpReceipt(() => store, 'bronderslev', null, client)).toEqual({ kind: 'not-found' });
    expect(limiter.take('198.51.100.9').allowed).toBe(true);
  });
});
