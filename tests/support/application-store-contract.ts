/**
 * The behaviour every ApplicationStore backend must have, as one vitest
 * suite: `describeApplicationStore('sqlite', backend)` in sqlite.test.ts, and
 * the same call in postgres.test.ts against a real PostgreSQL server.
 */
import { describe, expect, it } from 'vitest';
import { validateApplication, type Application } from '../../src/domain/application.ts';
import { isValidReference } from '../../src/domain/reference.ts';
import type { DeliveryJob } from '../../src/server/delivery/types.ts';
import type { ApplicationStore, AuditActor, AuditEntry, AuditStamp, DeliveryUpdate, Idempotency, NewApplication, OutboxPlan } from '../../src/server/store/types.ts';

export interface StoreBackend {
  /** Opens the store on this backend's database; a second call is a restart of the program. */
  open(options?: { newReference?: () => string; outbox?: OutboxPlan }): Promise<ApplicationStore>;
  /** Removes the database. */
  destroy(): Promise<void>;
}

const NOW = new Date('2026-11-24T09:00:00Z');

export function sampleApplication(kommune = 'bronderslev', description = 'Jeg har brug for hjælp til min post.'): Application {
  const result = validateApplication(
    {
      kommune,
      applicant: { name: 'Sofie Jensen', birthDate: '2001-04-12', phone: '12345678' },
      description,
      contact: { preferred: 'phone' },
      consentToObtainInformation: true,
    },
    NOW,
  );
  if (!result.ok) throw new Error(`sample application is invalid: ${JSON.stringify(result.issues)}`);
  return result.application;
}

const newApplication = (kommune = 'bronderslev', unitId = 'ungecentret', description?: string, receivedAt = NOW): NewApplication => ({
  kommune,
  unitId,
  receivedAt,
  application: sampleApplication(kommune, description),
});

const DAY = 24 * 60 * 60 * 1000;
const daysBefore = (days: number) => new Date(NOW.getTime() - days * DAY);
const descriptions = (applications: { application: Application }[]) => applications.map((a) => a.application.description);

/** What the sample application holds that is personal: none of it may reach the audit trail. */
export const SAMPLE_PERSONAL_DATA = ['Sofie Jensen', '2001-04-12', '12345678', 'Jeg har brug for hjælp til min post.'];

const ANNA: AuditActor = { user: 'anna', sudoUser: null };
const stamp = (at = NOW, details?: AuditStamp['details']): AuditStamp => ({ at, actor: ANNA, ...(details ? { details } : {}) });
const actions = (entries: AuditEntry[]) => entries.map((e) => `${e.action} ${e.outcome}`);

const idempotency = (key: string, fingerprint = 'body-1'): Idempotency => ({
  key,
  fingerprint,
  answer: (receipt) => ({ status: 201, body: JSON.stringify({ reference: receipt.reference }) }),
});

export function describeApplicationStore(name: string, makeBackend: () => Promise<StoreBackend>): void {
  const withStore = (test: (store: ApplicationStore, backend: StoreBackend) => Promise<void>) => async () => {
    const backend = await makeBackend();
    const store = await backend.open();
    try {
      await test(store, backend);
    } finally {
      await store.close();
      await backend.destroy();
    }
  };

  describe(`ApplicationStore (${name})`, () => {
    it(
      'a saved application has a checkable reference and a receipt with its kommune, unit and time',
      withStore(async (store) => {
        const saved = await store.save(newApplication());
        expect(saved.kind).toBe('created');
        if (saved.kind !== 'created') return;
        expect(isValidReference(saved.receipt.reference)).toBe(true);
        expect(await store.findReceipt(saved.receipt.reference)).toEqual({
          reference: saved.receipt.reference,
          kommune: 'bronderslev',
          unitId: 'ungecentret',
          receivedAt: NOW.toISOString(),
        });
      }),
    );

    it(
      'a whole store passes its integrity check (SQLite: quick_check ok; PostgreSQL: it answers, nothing more to check)',
      withStore(async (store) => {
        await store.save(newApplication());
        expect((await store.checkIntegrity()).kind).toBe(name === 'postgres' ? 'not-checked' : 'ok');
      }),
    );

    it(
      'an unknown reference has no receipt',
      withStore(async (store) => {
        expect(await store.findReceipt('2222-2222')).toBeNull();
      }),
    );

    it(
      'finds one whole application by its reference (the case team\'s pdf), and none for an unknown reference',
      withStore(async (store) => {
        await store.save(newApplication('varde', 'social-og-handicap', 'en anden'));
        const saved = await store.save(newApplication('bronderslev', 'ungecentret', 'Jeg får hjælp af min søster.'));
        if (saved.kind !== 'created') throw new Error('not created');
        expect(await store.findApplication(saved.receipt.reference)).toEqual({
          ...saved.receipt,
          application: sampleApplication('bronderslev', 'Jeg får hjælp af min søster.'),
          exportedAt: null,
        });
        expect(await store.findApplication('2222-2222')).toBeNull();
      }),
    );

    it(
      'keeps the application as it was sent, listed per kommune and unit',
      withStore(async (store) => {
        await store.save(newApplication('bronderslev', 'ungecentret', 'første'));
        await store.save(newApplication('bronderslev', 'visitationen', 'anden'));
        await store.save(newApplication('varde', 'social-og-handicap', 'tredje'));
        const all = await store.list({ kommune: 'bronderslev' });
        expect(all.map((a) => a.application.description)).toEqual(['første', 'anden']);
        expect(all[0]!.application).toEqual(sampleApplication('bronderslev', 'første'));
        expect((await store.list({ kommune: 'bronderslev', unitId: 'visitationen' })).map((a) => a.unitId)).toEqual(['visitationen']);
      }),
    );

    it(
      'is still there after the program restarts',
      withStore(async (store, backend) => {
        const saved = await store.save(newApplication());
        await store.close();
        const reopened = await backend.open();
        try {
          expect(saved.kind === 'created' && (await reopened.findReceipt(saved.receipt.reference))).toBeTruthy();
        } finally {
          await reopened.close();
        }
      }),
    );

    it(
      'the same idempotency key again (a double click, a retry) returns the first answer and stores nothing new',
      withStore(async (store) => {
        const first = await store.save(newApplication(), idempotency('key-1'));
        const again = await store.save(newApplication(), idempotency('key-1'));
        expect(first.kind).toBe('created');
        expect(again).toEqual({ kind: 'replayed', answer: first.kind === 'created' ? first.answer : null });
        expect(await store.list({ kommune: 'bronderslev' })).toHaveLength(1);
      }),
    );

    it(
      'two requests with the same key at the same moment store one application',
      withStore(async (store) => {
        const results = await Promise.all([1, 2, 3].map(() => store.save(newApplication(), idempotency('key-2'))));
        expect(results.map((r) => r.kind).sort()).toEqual(['created', 'replayed', 'replayed']);
        expect(await store.list({ kommune: 'bronderslev' })).toHaveLength(1);
      }),
    );

    it(
      'a key used before for another body is refused and nothing is stored',
      withStore(async (store) => {
        await store.save(newApplication(), idempotency('key-3', 'body-1'));
        expect(await store.save(newApplication(), idempotency('key-3', 'body-2'))).toEqual({ kind: 'key-reused' });
        expect(await store.list({ kommune: 'bronderslev' })).toHaveLength(1);
      }),
    );

    it('a reference that is already taken is drawn again', async () => {
      const backend = await makeBackend();
      const references = ['2222-222Z', '2222-222Z', '3333-333M'].map((r) => r);
      const store = await backend.open({ newReference: () => references.shift() ?? '4444-4444' });
      try {
        const first = await store.save(newApplication());
        const second = await store.save(newApplication());
        expect([first, second].map((r) => (r.kind === 'created' ? r.receipt.reference : r.kind))).toEqual(['2222-222Z', '3333-333M']);
      } finally {
        await store.close();
        await backend.destroy();
      }
    });

    it(
      'is ready at once: the schema is in place when it opens',
      withStore(async (store) => {
        await expect(store.ready()).resolves.toBeUndefined();
      }),
    );

    it(
      'lists by kommune, unit, time received (from inclusive, before exclusive) and whether exported',
      withStore(async (store) => {
        await store.save(newApplication('bronderslev', 'ungecentret', 'for 10 dage siden', daysBefore(10)));
        await store.save(newApplication('bronderslev', 'visitationen', 'for 5 dage siden', daysBefore(5)));
        await store.save(newApplication('varde', 'social-og-handicap', 'i dag', NOW));
        expect(descriptions(await store.list({}))).toEqual(['for 10 dage siden', 'for 5 dage siden', 'i dag']);
        expect(descriptions(await store.list({ kommune: 'varde' }))).toEqual(['i dag']);
        expect(descriptions(await store.list({ unitId: 'visitationen' }))).toEqual(['for 5 dage siden']);
        expect(descriptions(await store.list({ receivedFrom: daysBefore(5), receivedBefore: NOW }))).toEqual(['for 5 dage siden']);
        expect(descriptions(await store.list({ exported: true }))).toEqual([]);
        expect((await store.list({ exported: false })).map((a) => a.exportedAt)).toEqual([null, null, null]);
      }),
    );

    it(
      'an export hands over the applications, then marks them exported; the next "only new" export is empty',
      withStore(async (store) => {
        await store.save(newApplication('bronderslev', 'ungecentret', 'første'));
        await store.save(newApplication('varde', 'social-og-handicap', 'anden'));
        const delivered: string[] = [];
        const exported = await store.exportApplications({ kommune: 'bronderslev', exported: false }, NOW, async (applications) => {
          delivered.push(...descriptions(applications));
          // While delivering, nothing is marked yet.
          expect(applications.map((a) => a.exportedAt)).toEqual([null]);
        });
        expect(delivered).toEqual(['første']);
        expect(descriptions(exported)).toEqual(['første']);
        expect((await store.list({ kommune: 'bronderslev' })).map((a) => a.exportedAt)).toEqual([NOW.toISOString()]);
        expect(descriptions(await store.list({ kommune: 'varde', exported: false }))).toEqual(['anden']);
        expect(await store.exportApplications({ kommune: 'bronderslev', exported: false }, NOW, async () => {})).toEqual([]);
      }),
    );

    it(
      'a citizen can apply while an export is being written; the new application is not marked by that export',
      withStore(async (store) => {
        await store.save(newApplication('varde', 'social-og-handicap', 'før'));
        const during = await store.exportApplications({}, NOW, async () => {
          const saved = await store.save(newApplication('varde', 'social-og-handicap', 'under eksporten'));
          expect(saved.kind).toBe('created');
        });
        expect(descriptions(during)).toEqual(['før']);
        expect(descriptions(await store.list({ exported: false }))).toEqual(['under eksporten']);
      }),
    );

    it(
      'exporting again keeps the time of the first export',
      withStore(async (store) => {
        await store.save(newApplication());
        await store.exportApplications({}, daysBefore(1), async () => {});
        const again = await store.exportApplications({}, NOW, async () => {});
        expect(again.map((a) => a.exportedAt)).toEqual([daysBefore(1).toISOString()]);
        expect((await store.list({})).map((a) => a.exportedAt)).toEqual([daysBefore(1).toISOString()]);
      }),
    );

    it(
      'two exports at the same moment each hand over every application once, and each application ends with one export time',
      withStore(async (store) => {
        const all = ['a', 'b', 'c', 'd', 'e'];
        for (const d of all) await store.save(newApplication('varde', 'social-og-handicap', d));
        const delivered: string[][] = [];
        // No pause in the delivery: the two exports interleave at every await of the store, and what is
        // asserted below holds whichever runs when (SQLite reads synchronously; PostgreSQL makes one wait on the lock).
        const record = async (applications: { application: Application }[]) => {
          delivered.push(descriptions(applications));
        };
        const [first, second] = await Promise.all([daysBefore(1), NOW].map((at) => store.exportApplications({}, at, record)));
        // Complete: every application, once each, in order, and what was returned is what was delivered.
        expect(descriptions(first!)).toEqual(all);
        expect(descriptions(second!)).toEqual(all);
        expect(delivered).toEqual([all, all]);
        // Consistent: one of the two exports marked them all; the first time marked is kept.
        const after = await store.list({});
        const times = new Set(after.map((a) => a.exportedAt));
        expect(times.size).toBe(1);
        const [time] = times;
        expect([daysBefore(1).toISOString(), NOW.toISOString()]).toContain(time);
        // Each export saw an application either as not exported yet, or as exported at that time.
        for (const a of [...first!, ...second!]) expect([null, time]).toContain(a.exportedAt);
      }),
    );

    it(
      'two "only new" exports at the same moment hand over every new application between them, and none is left unmarked',
      withStore(async (store) => {
        const all = ['a', 'b', 'c'];
        for (const d of all) await store.save(newApplication('varde', 'social-og-handicap', d));
        // As above: the exports interleave at the store's awaits; the assertions hold for any order.
        const onlyNew = () => store.exportApplications({ exported: false }, NOW, async () => {});
        const [first, second] = await Promise.all([onlyNew(), onlyNew()]);
        for (const one of [first!, second!]) {
          // Each export is whole: all new applications, or (if it waited for the other) none.
          expect([[], all]).toContainEqual(descriptions(one));
        }
        expect(new Set([...descriptions(first!), ...descriptions(second!)])).toEqual(new Set(all));
        expect(await store.list({ exported: false })).toEqual([]);
      }),
    );

    it(
      'an export whose file cannot be written marks nothing, and the caller gets the writing error',
      withStore(async (store) => {
        await store.save(newApplication());
        const diskFull = new Error('ENOSPC: no space left on device');
        await expect(store.exportApplications({}, NOW, async () => { throw diskFull; })).rejects.toBe(diskFull);
        expect((await store.list({ exported: false }))).toHaveLength(1);
      }),
    );

    it(
      'purge deletes exported applications older than the limit with their idempotency keys, and keeps the rest',
      withStore(async (store) => {
        await store.save(newApplication('bronderslev', 'ungecentret', 'gammel, eksporteret', daysBefore(40)), idempotency('old-key'));
        await store.save(newApplication('bronderslev', 'ungecentret', 'ny, eksporteret', daysBefore(10)));
        await store.exportApplications({}, daysBefore(5), async () => {});
        await store.save(newApplication('bronderslev', 'ungecentret', 'gammel, ikke eksporteret', daysBefore(45)));
        const result = await store.purge({ receivedBefore: daysBefore(30), includeNotExported: false });
        expect(result).toEqual({ applications: 1, idempotencyKeys: 1, keptNotExported: 1, undeliveredJobs: 0, auditEntries: 0 });
        expect(descriptions(await store.list({}))).toEqual(['gammel, ikke eksporteret', 'ny, eksporteret']);
        // The key went with its application: the same key now stores a new one.
        expect((await store.save(newApplication(), idempotency('old-key'))).kind).toBe('created');
      }),
    );

    it(
      'purge of applications never exported happens only when asked for, and only in the kommune named',
      withStore(async (store) => {
        await store.save(newApplication('bronderslev', 'ungecentret', 'brønderslev', daysBefore(40)));
        await store.save(newApplication('varde', 'social-og-handicap', 'varde', daysBefore(40)));
        expect(await store.purge({ receivedBefore: daysBefore(30), kommune: 'varde', includeNotExported: true })).toEqual({
          applications: 1,
          idempotencyKeys: 0,
          keptNotExported: 0,
          undeliveredJobs: 0,
          auditEntries: 0,
        });
        expect(descriptions(await store.list({}))).toEqual(['brønderslev']);
      }),
    );

    it(
      'an answer that cannot be made leaves nothing stored (one transaction)',
      withStore(async (store) => {
        const failing: Idempotency = { key: 'key-4', fingerprint: 'x', answer: () => { throw new Error('boom'); } };
        await expect(store.save(newApplication(), failing)).rejects.toThrow();
        expect(await store.list({ kommune: 'bronderslev' })).toHaveLength(0);
        expect((await store.save(newApplication(), idempotency('key-4', 'x'))).kind).toBe('created');
      }),
    );
    const MINUTE = 60 * 1000;
    const at = (minutes: number) => new Date(NOW.getTime() + minutes * MINUTE);

    it(
      "keeps the no-JavaScript form's draft under its id until it expires, replaced by a newer one, gone when deleted",
      withStore(async (store, backend) => {
        await store.saveFormDraft('draft-a', { kommune: 'varde', data: '{"values":{"name":"Sofie"}}' }, { now: NOW, expiresAt: at(120) });
        await store.saveFormDraft('draft-b', { kommune: 'bronderslev', data: '{"values":{}}' }, { now: NOW, expiresAt: at(120) });
        expect(await store.readFormDraft('draft-a', at(1))).toEqual({ kommune: 'varde', data: '{"values":{"name":"Sofie"}}' });
        await store.saveFormDraft('draft-a', { kommune: 'varde', data: '{"values":{"name":"Sofie Jensen"}}' }, { now: at(5), expiresAt: at(125) });
        expect((await store.readFormDraft('draft-a', at(6)))?.data).toBe('{"values":{"name":"Sofie Jensen"}}');
        // Kept on disk: a restart of the program still finds it.
        await store.close();
        const again = await backend.open();
        try {
          expect((await again.readFormDraft('draft-a', at(6)))?.kommune).toBe('varde');
          await again.deleteFormDraft('draft-a');
          await again.deleteFormDraft('no-such-draft');
          expect(await again.readFormDraft('draft-a', at(6))).toBeNull();
          expect(await again.readFormDraft('draft-b', at(6))).not.toBeNull();
        } finally {
          await again.close();
        }
      }),
    );

    it(
      'an expired draft is never read, and goes when any draft is saved or expired drafts are purged',
      withStore(async (store) => {
        await store.saveFormDraft('old', { kommune: 'varde', data: '{}' }, { now: NOW, expiresAt: at(10) });
        await store.saveFormDraft('older', { kommune: 'varde', data: '{}' }, { now: NOW, expiresAt: at(5) });
        await store.saveFormDraft('fresh', { kommune: 'varde', data: '{}' }, { now: NOW, expiresAt: at(60) });
        expect(await store.readFormDraft('old', at(10))).toBeNull();
        expect(await store.readFormDraft('old', at(9))).not.toBeNull();
        // Saving another at minute 6 deletes the one that expired at minute 5, not the one that expires at 10.
        await store.saveFormDraft('new', { kommune: 'varde', data: '{}' }, { now: at(6), expiresAt: at(66) });
        expect(await store.deleteExpiredFormDrafts(at(6))).toBe(0);
        expect(await store.deleteExpiredFormDrafts(at(10))).toBe(1);
        expect(await store.readFormDraft('fresh', at(10))).not.toBeNull();
        expect(await store.readFormDraft('new', at(10))).not.toBeNull();
      }),
    );

    describe('the audit trail', () => {
      const references = async (store: ApplicationStore, kommune?: string) =>
        (await store.list(kommune ? { kommune } : {})).map((a) => a.reference);

      it(
        'an export leaves exactly one entry, naming the references it handed over: begun before the file is written, done with the marking',
        withStore(async (store) => {
          await store.save(newApplication('varde', 'social-og-handicap'));
          await store.save(newApplication('varde', 'social-og-handicap'));
          await store.save(newApplication('bronderslev', 'ungecentret'));
          const varde = await references(store, 'varde');
          const seenWhileWriting: AuditEntry[][] = [];
          await store.exportApplications({ kommune: 'varde' }, NOW, async () => void seenWhileWriting.push(await store.listAudit({})), stamp(NOW, {
            choices: { kommune: 'varde' },
            output: 'file',
            format: 'csv',
          }));
          const expected = { at: NOW.toISOString(), actor: ANNA, action: 'eksport', details: { references: varde, choices: { kommune: 'varde' }, output: 'file', format: 'csv' } };
          expect(seenWhileWriting).toEqual([[{ id: expect.any(Number), outcome: 'begun', ...expected }]]);
          const entries = await store.listAudit({});
          expect(entries).toEqual([{ id: seenWhileWriting[0]![0]!.id, outcome: 'done', ...expected }]);
          for (const personal of SAMPLE_PERSONAL_DATA) expect(JSON.stringify(entries)).not.toContain(personal);
          // Without a stamp (the server, the tests), nothing is recorded.
          await store.exportApplications({}, NOW, async () => {});
          expect(await store.listAudit({})).toHaveLength(1);
        }),
      );

      it(
        'an export whose file cannot be written is in the trail with what was read, failed with the error’s code, and nothing is marked',
        withStore(async (store) => {
          await store.save(newApplication());
          const diskFull = Object.assign(new Error('ENOSPC: no space left on device, write /home/anna/sofie-jensen.csv'), { code: 'ENOSPC' });
          await expect(store.exportApplications({}, NOW, async () => { throw diskFull; }, stamp())).rejects.toBe(diskFull);
          const [entry, ...more] = await store.listAudit({});
          expect(more).toEqual([]);
          expect(entry).toMatchObject({ action: 'eksport', outcome: 'failed', details: { references: await references(store), reason: 'ENOSPC' } });
          // The message (which names a file, here after the citizen) is not kept.
          expect(JSON.stringify(entry)).not.toContain('sofie');
          expect(await store.list({ exported: false })).toHaveLength(1);
        }),
      );

      it(
        'a purge leaves one entry with its counts and choices, no references of what it deleted; the trail outlives the application',
        withStore(async (store) => {
          await store.save(newApplication('varde', 'social-og-handicap', 'gammel', daysBefore(40)));
          const [old] = await references(store);
          await store.exportApplications({}, daysBefore(35), async () => {}, stamp(daysBefore(35)));
          const result = await store.purge(
            { receivedBefore: daysBefore(30), includeNotExported: false, auditBefore: daysBefore(1826) },
            stamp(NOW, { choices: { olderThanDays: 30, includeNotExported: false, auditOlderThanDays: 1826 }, counts: { formDrafts: 2 } }),
          );
          expect(result.applications).toBe(1);
          expect(await store.list({})).toEqual([]);
          const [purge, exported] = await store.listAudit({});
          expect(purge).toMatchObject({
            at: NOW.toISOString(),
            action: 'slet-gamle',
            outcome: 'done',
            details: {
              choices: { olderThanDays: 30, includeNotExported: false, auditOlderThanDays: 1826 },
              counts: { formDrafts: 2, applications: 1, idempotencyKeys: 0, keptNotExported: 0, undeliveredJobs: 0, auditEntries: 0 },
            },
          });
          expect(purge!.details.references).toBeUndefined();
          // Who exported the deleted application, and when, is still there.
          expect(exported).toMatchObject({ action: 'eksport', at: daysBefore(35).toISOString(), details: { references: [old] } });
          expect((await store.listAudit({ reference: old! })).map((e) => e.action)).toEqual(['eksport']);
        }),
      );

      it(
        'entries older than the audit period go with the next purge, which records its own run; younger ones stay, across a restart',
        withStore(async (store, backend) => {
          const entry = (days: number) => ({ at: daysBefore(days), actor: ANNA, action: 'pdf' as const, details: { references: [`${days}`] } });
          await store.recordAudit(entry(1827), 'done');
          await store.recordAudit(entry(1826), 'done');
          await store.recordAudit(entry(1825), 'done');
          const result = await store.purge({ receivedBefore: daysBefore(30), includeNotExported: false, auditBefore: daysBefore(1826) }, stamp());
          expect(result.auditEntries).toBe(1);
          await store.close();
          const again = await backend.open();
          try {
            const left = await again.listAudit({});
            expect(left.map((e) => [e.action, e.details.references ?? e.details.counts?.auditEntries])).toEqual([
              ['slet-gamle', 1],
              ['pdf', ['1825']],
              ['pdf', ['1826']],
            ]);
          } finally {
            await again.close();
          }
        }),
      );

      it(
        'lists newest first, by time (from inclusive, before exclusive), by action and by the application it names',
        withStore(async (store) => {
          const record = (days: number, action: 'pdf' | 'oversigt' | 'backup', refs?: string[]) =>
            store.recordAudit({ at: daysBefore(days), actor: { user: 'stoette', sudoUser: 'bo' }, action, details: refs ? { references: refs } : {} }, 'done');
          await record(10, 'oversigt', ['2222-222Z', '3333-333M']);
          await record(5, 'pdf', ['2222-222Z']);
          await record(5, 'backup');
          await record(1, 'pdf', ['3333-333M']);
          const all = await store.listAudit({});
          expect(actions(all)).toEqual(['pdf done', 'backup done', 'pdf done', 'oversigt done']);
          expect(all[0]!.actor).toEqual({ user: 'stoette', sudoUser: 'bo' });
          expect((await store.listAudit({ from: daysBefore(5), before: daysBefore(1) })).map((e) => e.action)).toEqual(['backup', 'pdf']);
          expect((await store.listAudit({ action: 'pdf' })).map((e) => e.details.references)).toEqual([['3333-333M'], ['2222-222Z']]);
          expect((await store.listAudit({ reference: '2222-222Z' })).map((e) => e.action)).toEqual(['pdf', 'oversigt']);
          expect(await store.listAudit({ reference: '4444-4444' })).toEqual([]);
          expect(await store.listAudit({ action: 'ny-noegle' })).toEqual([]);
        }),
      );

      it(
        'an entry begun gets its outcome once: a finished entry is never changed',
        withStore(async (store) => {
          const id = await store.recordAudit({ at: NOW, actor: ANNA, action: 'pdf', details: { references: ['2222-222Z'] } });
          expect(actions(await store.listAudit({}))).toEqual(['pdf begun']);
          await store.finishAudit(id, 'failed', 'ENOENT');
          await store.finishAudit(id, 'done');
          expect(await store.listAudit({})).toMatchObject([{ outcome: 'failed', details: { references: ['2222-222Z'], reason: 'ENOENT' } }]);
        }),
      );
    });

    describe('the outbox', () => {
      /**
       * Bronderslev's youth unit goes to its own case system and is also announced by e-mail; its adult unit to
       * two systems that each carry the application; every other unit to one webhook.
       */
      const plan: OutboxPlan = (kommune, unitId) =>
        kommune === 'bronderslev' && unitId === 'ungecentret'
          ? [
              { id: 'sbsys', carriesApplication: true },
              { id: 'e-mail', carriesApplication: false },
            ]
          : kommune === 'bronderslev' && unitId === 'visitationen'
            ? [
                { id: 'sbsys', carriesApplication: true },
                { id: 'arkiv', carriesApplication: true },
              ]
            : [{ id: 'webhook', carriesApplication: true }];
      const withOutbox = (test: (store: ApplicationStore, backend: StoreBackend) => Promise<void>) => async () => {
        const backend = await makeBackend();
        const store = await backend.open({ outbox: plan });
        try {
          await test(store, backend);
        } finally {
          await store.close();
          await backend.destroy();
        }
      };
      /** Works every due job (by `now`) with `result`; returns the jobs handed over. */
      const workAll = async (store: ApplicationStore, now: Date, result: (job: DeliveryJob) => DeliveryUpdate) => {
        const jobs: DeliveryJob[] = [];
        while (await store.workDelivery(now, new Set(), async (job) => (jobs.push(job), result(job)))) {
          if (jobs.length > 50) throw new Error('the same jobs came back again and again');
        }
        return jobs;
      };
      const delivered = (): DeliveryUpdate => ({ state: 'delivered', at: NOW });

      it(
        'stores one pending job per destination of the kommune and unit with the application, due at once',
        withOutbox(async (store) => {
          const saved = await store.save(newApplication('bronderslev', 'ungecentret', 'ung'));
          await store.save(newApplication('varde', 'social-og-handicap', 'voksen'));
          if (saved.kind !== 'created') throw new Error('not created');
          const jobs = await store.listDeliveries({});
          expect(jobs.map((j) => [j.destination, j.kommune, j.unitId, j.state, j.attempts]).sort()).toEqual([
            ['e-mail', 'bronderslev', 'ungecentret', 'pending', 0],
            ['sbsys', 'bronderslev', 'ungecentret', 'pending', 0],
            ['webhook', 'varde', 'social-og-handicap', 'pending', 0],
          ]);
          for (const job of jobs) {
            expect(job.id).toMatch(/^msg_[A-Za-z0-9_-]{22}$/);
            expect(job.nextAttemptAt).toBe(NOW.toISOString());
          }
          expect(new Set(jobs.map((j) => j.id)).size).toBe(3);
          expect((await store.listDeliveries({ reference: saved.receipt.reference })).map((j) => j.destination).sort()).toEqual(['e-mail', 'sbsys']);
        }),
      );

      it(
        'a store without destinations stores no jobs and has none to work',
        withStore(async (store) => {
          await store.save(newApplication());
          expect(await store.listDeliveries({})).toEqual([]);
          expect(await store.workDelivery(NOW, new Set(), async () => delivered())).toBe(false);
        }),
      );

      it(
        'hands the worker the whole stored application with a job id that is the same on every attempt',
        withOutbox(async (store) => {
          await store.save(newApplication('varde', 'social-og-handicap', 'hele ansøgningen'), idempotency('k-1'));
          await store.save(newApplication('varde', 'social-og-handicap', 'hele ansøgningen'), idempotency('k-1'));
          const first = await workAll(store, NOW, () => ({ state: 'pending', nextAttemptAt: new Date(NOW.getTime() + 5000), error: 'HTTP 500' }));
          expect(first).toHaveLength(1);
          const [job] = first;
          expect(job!.application.application.description).toBe('hele ansøgningen');
          expect(job!.application.kommune).toBe('varde');
          expect(job!.createdAt).toBe(NOW.toISOString());
          expect(job!.attempts).toBe(0);
          // Not due again before its time; then the same id, one attempt made.
          expect(await workAll(store, new Date(NOW.getTime() + 4999), delivered)).toEqual([]);
          const second = await workAll(store, new Date(NOW.getTime() + 5000), delivered);
          expect(second.map((j) => [j.id, j.attempts])).toEqual([[job!.id, 1]]);
          const [record] = await store.listDeliveries({});
          expect(record).toMatchObject({ state: 'delivered', attempts: 2, nextAttemptAt: null, endedAt: NOW.toISOString() });
          expect(await workAll(store, new Date(NOW.getTime() + DAY), delivered)).toEqual([]);
        }),
      );

      it(
        'a job being worked is not handed out again, and one whose work throws stays pending and due',
        withOutbox(async (store) => {
          await store.save(newApplication('varde', 'social-og-handicap'));
          let second: boolean | null = null;
          await expect(
            store.workDelivery(NOW, new Set(), async () => {
              second = await store.workDelivery(NOW, new Set(), async () => delivered());
              throw new Error('the process fell over');
            }),
          ).rejects.toThrow();
          expect(second).toBe(false);
          const [record] = await store.listDeliveries({});
          expect(record).toMatchObject({ state: 'pending', attempts: 0 });
          const busy = new Set([record!.id]);
          expect(await store.workDelivery(NOW, busy, async () => delivered())).toBe(false);
          expect(await workAll(store, NOW, delivered)).toHaveLength(1);
        }),
      );

      it(
        'workers asking at the same moment each get another job, never the same one',
        withOutbox(async (store) => {
          await store.save(newApplication('varde', 'social-og-handicap', 'a'));
          await store.save(newApplication('varde', 'social-og-handicap', 'b'));
          const taken: string[] = [];
          let release!: () => void;
          const held = new Promise<void>((resolve) => (release = resolve));
          const ask = () =>
            store.workDelivery(NOW, new Set(), async (job) => {
              taken.push(job.id);
              await held;
              return delivered();
            });
          const asks = [ask(), ask(), ask(), ask()];
          // Two jobs, four workers: two get one each (held until released), two get none.
          await expect.poll(() => taken.length, { timeout: 4_500 }).toBe(2);
          release();
          expect((await Promise.all(asks)).filter(Boolean)).toHaveLength(2);
          expect(new Set(taken).size).toBe(2);
          expect((await store.listDeliveries({})).map((j) => [j.state, j.attempts])).toEqual([
            ['delivered', 1],
            ['delivered', 1],
          ]);
        }),
      );

      it(
        'counts per destination, the oldest waiting job and the newest error; failed jobs can be queued again, one application or all',
        withOutbox(async (store) => {
          const a = await store.save(newApplication('varde', 'social-og-handicap', 'a'));
          await store.save(newApplication('varde', 'social-og-handicap', 'b'));
          await store.save(newApplication('bronderslev', 'ungecentret', 'c'));
          if (a.kind !== 'created') throw new Error('not created');
          const later = new Date(NOW.getTime() + 60_000);
          await workAll(store, later, (job) =>
            job.destination === 'webhook'
              ? { state: 'failed', at: later, error: `HTTP 503 (${job.application.application.description})` }
              : job.destination === 'sbsys'
                ? { state: 'pending', nextAttemptAt: new Date(later.getTime() + 10_000), error: 'ECONNREFUSED' }
                : { state: 'delivered', at: later },
          );
          expect(await store.deliverySummary()).toEqual([
            { destination: 'e-mail', pending: 0, delivered: 1, failed: 0, oldestPendingSince: null, lastError: null },
            { destination: 'sbsys', pending: 1, delivered: 0, failed: 0, oldestPendingSince: NOW.toISOString(), lastError: { reference: expect.any(String), error: 'ECONNREFUSED', at: later.toISOString() } },
            { destination: 'webhook', pending: 0, delivered: 0, failed: 2, oldestPendingSince: null, lastError: { reference: expect.any(String), error: expect.stringMatching(/^HTTP 503/), at: later.toISOString() } },
          ]);
          expect((await store.listDeliveries({ state: 'failed' })).map((j) => j.endedAt)).toEqual([later.toISOString(), later.toISOString()]);
          const again = new Date(NOW.getTime() + 3 * DAY);
          expect(await store.retryDeliveries({ reference: a.receipt.reference }, again)).toBe(1);
          const [requeued] = await store.listDeliveries({ reference: a.receipt.reference });
          // A fresh start: no attempts, no error (the summary's newest error is of the new attempts).
          expect(requeued).toMatchObject({ state: 'pending', attempts: 0, queuedAt: again.toISOString(), nextAttemptAt: again.toISOString(), lastError: null, endedAt: null });
          expect(await store.retryDeliveries({ reference: a.receipt.reference }, again)).toBe(0);
          expect(await store.retryDeliveries({ allFailed: true }, again, stamp(again, { choices: { allFailed: true } }))).toBe(1);
          expect(await store.listDeliveries({ state: 'failed' })).toEqual([]);
          // Queued again by the case team: in the trail with the application whose job it was, in the same transaction.
          const [retried, ...none] = await store.listAudit({});
          expect(none).toEqual([]);
          expect(retried).toMatchObject({ action: 'levering-igen', outcome: 'done', details: { choices: { allFailed: true }, counts: { deliveries: 1 } } });
          expect(retried!.details.references).toHaveLength(1);
          expect(retried!.details.references).not.toContain(a.receipt.reference);
          const worked = await workAll(store, again, delivered);
          // The two queued again, counted from now; and the sbsys job that was waiting for its retry.
          expect(worked.map((j) => [j.destination, j.queuedAt]).sort()).toEqual([
            ['sbsys', NOW.toISOString()],
            ['webhook', again.toISOString()],
            ['webhook', again.toISOString()],
          ]);
        }),
      );

      it(
        'purge keeps an old application the kommune does not have: not exported, and not delivered to a destination that carries it',
        withOutbox(async (store) => {
          const old = daysBefore(40);
          await store.save(newApplication('varde', 'social-og-handicap', 'leveret', old));
          await store.save(newApplication('varde', 'social-og-handicap', 'venter', old));
          // Only the e-mail (which does not carry the application) is delivered here.
          await store.save(newApplication('bronderslev', 'ungecentret', 'kun e-mail', old));
          await workAll(store, NOW, (job) =>
            job.application.application.description === 'leveret' || job.destination === 'e-mail'
              ? { state: 'delivered', at: NOW }
              : { state: 'failed', at: NOW, error: 'HTTP 500' },
          );
          const result = await store.purge({ receivedBefore: daysBefore(30), includeNotExported: false });
          expect(result).toEqual({ applications: 1, idempotencyKeys: 0, keptNotExported: 2, undeliveredJobs: 0, auditEntries: 0 });
          expect(descriptions(await store.list({})).sort()).toEqual(['kun e-mail', 'venter']);
          // Its delivery jobs went with the application.
          expect((await store.listDeliveries({})).map((j) => j.destination).sort()).toEqual(['e-mail', 'sbsys', 'webhook']);
        }),
      );

      it(
        'purge keeps an application until every destination that carries it has it, and a forced purge counts the jobs it drops',
        withOutbox(async (store) => {
          const old = daysBefore(40);
          await store.save(newApplication('bronderslev', 'visitationen', 'et system har den', old));
          await store.save(newApplication('bronderslev', 'visitationen', 'begge har den', old));
          await workAll(store, NOW, (job) =>
            job.application.application.description === 'begge har den' || job.destination === 'sbsys'
              ? { state: 'delivered', at: NOW }
              : { state: 'pending', nextAttemptAt: new Date(NOW.getTime() + DAY), error: 'HTTP 503' },
          );
          expect(await store.purge({ receivedBefore: daysBefore(30), includeNotExported: false })).toEqual({
            applications: 1,
            idempotencyKeys: 0,
            keptNotExported: 1,
            undeliveredJobs: 0,
            auditEntries: 0,
          });
          expect(descriptions(await store.list({}))).toEqual(['et system har den']);
          // Asked to delete what the kommune does not have: it goes, and the waiting job is counted, not silent.
          expect(await store.purge({ receivedBefore: daysBefore(30), includeNotExported: true })).toMatchObject({ applications: 1, undeliveredJobs: 1 });
          expect(await store.listDeliveries({})).toEqual([]);
        }),
      );

      it(
        'jobs survive a restart of the program, still pending and due',
        withOutbox(async (store, backend) => {
          await store.save(newApplication('varde', 'social-og-handicap'));
          await store.close();
          const again = await backend.open({ outbox: plan });
          try {
            expect(await workAll(again, NOW, delivered)).toHaveLength(1);
          } finally {
            await again.close();
          }
        }),
      );
    });
  });
}
