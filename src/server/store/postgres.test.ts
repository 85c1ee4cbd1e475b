import { describe, expect, it } from 'vitest';
import { describeApplicationStore, sampleApplication } from '../../../tests/support/application-store-contract.ts';
import { describePostgres } from '../../../tests/support/describe-postgres.ts';
import { createTestSchema } from '../../../tests/support/postgres.ts';
import { newReference } from './new-reference.ts';
import { MIGRATIONS, openPostgresStore, type PostgresOptions } from './postgres.ts';
import { StoreUnavailableError, type Idempotency, type SaveResult } from './types.ts';

const NOW = new Date('2026-11-24T09:00:00Z');
const newApplication = (description: string) => ({
  kommune: 'varde',
  unitId: 'social-og-handicap',
  receivedAt: NOW,
  application: sampleApplication('varde', description),
});

const open = (url: string, options: Partial<PostgresOptions> = {}) => openPostgresStore({ connectionString: url, log: () => {}, ...options });

describe('PostgreSQL that cannot be reached', () => {
  it('makes every call unavailable (the endpoint answers 503), never a crash', async () => {
    // Port 9 (discard) has nothing listening on loopback.
    const store = open('postgres://nobody@127.0.0.1:9/none', { pool: { connectionTimeoutMillis: 1000 } });
    try {
      await expect(store.ready()).rejects.toThrow(StoreUnavailableError);
      await expect(store.save(newApplication('x'))).rejects.toThrow(StoreUnavailableError);
      await expect(store.findReceipt('2222-222Z')).rejects.toThrow(StoreUnavailableError);
      await expect(store.list({})).rejects.toThrow(StoreUnavailableError);
    } finally {
      await store.close();
    }
  });
});

describePostgres('the PostgreSQL store', () => {
  describeApplicationStore('postgres', async () => {
    const schema = await createTestSchema();
    const idColumn = (table: string) => (table === 'applications' ? 'reference' : 'id');
    return {
      open: async (options) => open(schema.url, options),
      destroy: schema.drop,
      // Every row of every table, as the database gives it to anyone who can read it (a dump holds the same).
      rawBytes: async () => {
        const tables = await schema.query<{ name: string }>('SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema()');
        const rows = await Promise.all(tables.map((t) => schema.query<{ row: string }>(`SELECT t::text AS row FROM ${t.name} t`)));
        return Buffer.from(rows.flat().map((r) => r.row).join('\n'), 'utf8');
      },
      rawRow: async (table, rowId) => {
        const [row] = await schema.query<{ data: string; key_id: string | null }>(`SELECT data, key_id FROM ${table} WHERE ${idColumn(table)} = $1`, [rowId]);
        return row ? { data: row.data, keyId: row.key_id } : null;
      },
      setRawRow: async (table, rowId, row) => {
        await schema.query(`UPDATE ${table} SET data = $1, key_id = $2 WHERE ${idColumn(table)} = $3`, [row.data, row.keyId, rowId]);
      },
    };
  });

  describe('the PostgreSQL schema', () => {
    it('several processes starting at the same moment migrate it once, one after the other', async () => {
      const schema = await createTestSchema();
      const stores = Array.from({ length: 6 }, () => open(schema.url, { pool: { max: 1 } }));
      try {
        await Promise.all(stores.map((s) => s.ready()));
        const versions = await schema.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
        expect(versions.map((v) => v.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
      } finally {
        await Promise.all(stores.map((s) => s.close()));
        await schema.drop();
      }
    });

    it('a schema that is not there yet makes the store unavailable, and it heals once the schema exists', async () => {
      const schema = await createTestSchema({ create: false });
      const store = open(schema.url);
      try {
        await expect(store.save(newApplication('før'))).rejects.toThrow(StoreUnavailableError);
        await schema.query(`CREATE SCHEMA ${schema.schema}`);
        expect((await store.save(newApplication('efter'))).kind).toBe('created');
      } finally {
        await store.close();
        await schema.drop();
      }
    });

    it('a database from before encryption at rest keeps its applications character for character (json becomes text) and reads them', async () => {
      const schema = await createTestSchema();
      try {
        for (const [i, migration] of MIGRATIONS.slice(0, 5).entries()) {
          await schema.query(migration);
          await schema.query('CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
          await schema.query('INSERT INTO schema_migrations (version) VALUES ($1)', [i + 1]);
        }
        const stored = JSON.stringify(sampleApplication('varde', 'fra før krypteringen'));
        await schema.query('INSERT INTO applications (reference, kommune, unit_id, received_at, data) VALUES ($1, $2, $3, $4, $5)', [
          '2222-222Z', 'varde', 'social-og-handicap', NOW, stored,
        ]);
        const store = open(schema.url, { encryption: { key: Buffer.alloc(32, 9), oldKeys: [] } });
        try {
          expect((await store.findApplication('2222-222Z'))?.application).toEqual(sampleApplication('varde', 'fra før krypteringen'));
          const [row] = await schema.query<{ data: string; key_id: string | null; type: string }>(
            "SELECT data, key_id, pg_typeof(data)::text AS type FROM applications WHERE reference = '2222-222Z'",
          );
          expect(row).toEqual({ data: stored, key_id: null, type: 'text' });
        } finally {
          await store.close();
        }
      } finally {
        await schema.drop();
      }
    });

    it('a database from a newer version of the program is not touched', async () => {
      const schema = await createTestSchema();
      const first = open(schema.url);
      await first.ready();
      await first.close();
      await schema.query('INSERT INTO schema_migrations (version) VALUES (99)');
      const store = open(schema.url);
      try {
        await expect(store.ready()).rejects.toThrow(StoreUnavailableError);
      } finally {
        await store.close();
        await schema.drop();
      }
    });

    it('a delivery whose connection the database ends meanwhile fails that call, not the process, and the job stays due', async () => {
      const schema = await createTestSchema();
      const lines: string[] = [];
      const store = open(schema.url, { outbox: () => [{ id: 'webhook', carriesApplication: true }], log: (line) => lines.push(line) });
      try {
        await store.save(newApplication('afbrudt'));
        const worked = store.workDelivery(NOW, new Set(), async () => {
          // The session holding the job (its row lock on this schema's deliveries) is ended, as a restart would.
          await schema.query(
            `SELECT pg_terminate_backend(l.pid) FROM pg_locks l JOIN pg_class c ON c.oid = l.relation
             JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relname = 'deliveries' AND l.mode = 'RowShareLock'`,
            [schema.schema],
          );
          return { state: 'delivered', at: NOW };
        });
        await expect(worked).rejects.toThrow(StoreUnavailableError);
        expect(lines.join('\n')).toContain('forbindelsen blev afbrudt under en transaktion (57P01)');
        // The job is free and due at once, nothing recorded (a receiver that had it drops the repeat).
        expect((await store.listDeliveries({})).map((j) => [j.state, j.attempts])).toEqual([['pending', 0]]);
        expect(await store.workDelivery(NOW, new Set(), async () => ({ state: 'delivered', at: NOW }))).toBe(true);
      } finally {
        await store.close();
        await schema.drop();
      }
    });

    it('a database that breaks after opening makes each call unavailable, not a crash', async () => {
      const schema = await createTestSchema();
      const store = open(schema.url);
      try {
        await store.ready();
        await schema.query('DROP TABLE idempotency_keys; DROP TABLE deliveries; DROP TABLE applications;');
        await expect(store.findReceipt('2222-222Z')).rejects.toThrow(StoreUnavailableError);
        await expect(store.save(newApplication('x'))).rejects.toThrow(StoreUnavailableError);
      } finally {
        await store.close();
        await schema.drop();
      }
    });
  });

  describe('two server processes on one database', () => {
    it('saving at the same moment with colliding references and shared idempotency keys: no reference twice, no retry stored twice', async () => {
      const schema = await createTestSchema();
      const WAVES = 20;
      const PER_PROCESS = 4;
      // Each process draws this wave's shared references first, in the same order as the other
      // process, then fresh ones. At most PER_PROCESS collisions per save: below REFERENCE_ATTEMPTS.
      const processes = [0, 1].map(() => {
        const queue: string[] = [];
        const counted = { draws: 0 };
        const store = open(schema.url, {
          pool: { max: PER_PROCESS },
          newReference: () => {
            counted.draws++;
            return queue.shift() ?? newReference();
          },
        });
        return { queue, store, get draws() { return counted.draws; } };
      });
      const keyed = (key: string): Idempotency => ({
        key,
        fingerprint: 'same-body',
        answer: (receipt) => ({ status: 201, body: JSON.stringify({ reference: receipt.reference }) }),
      });
      const results: { key: string | null; result: SaveResult }[] = [];
      try {
        await Promise.all(processes.map((p) => p.store.ready()));
        for (let wave = 0; wave < WAVES; wave++) {
          const shared = Array.from({ length: PER_PROCESS }, () => newReference());
          for (const p of processes) p.queue.splice(0, p.queue.length, ...shared);
          await Promise.all(
            processes.flatMap((p, n) =>
              Array.from({ length: PER_PROCESS }, async (_, i) => {
                // Saves 0 and 1 are the same request sent to both processes (a retry through the load balancer).
                const key = i < 2 ? `wave-${wave}-${i}` : null;
                const description = key ?? `wave-${wave}-process-${n}-${i}`;
                const result = await p.store.save(newApplication(description), key ? keyed(key) : undefined);
                results.push({ key, result });
              }),
            ),
          );
        }

        const created = results.flatMap(({ result }) => (result.kind === 'created' ? [result.receipt.reference] : []));
        const stored = await schema.query<{ reference: string; description: string }>(
          "SELECT reference, data::json->>'description' AS description FROM applications",
        );
        // Every save was answered, once per request: a created application or the replay of one.
        expect(results).toHaveLength(WAVES * PER_PROCESS * 2);
        expect(results.filter((r) => r.result.kind === 'replayed')).toHaveLength(WAVES * 2);
        expect(stored).toHaveLength(WAVES * (PER_PROCESS * 2 - 2));
        // No reference handed out twice, and every 201 is the one stored.
        expect(new Set(created).size).toBe(created.length);
        expect(stored.map((r) => r.reference).sort()).toEqual([...created].sort());
        // Each shared key: one application, and both requests got its answer.
        const keys = await schema.query<{ key: string; reference: string }>('SELECT key, reference FROM idempotency_keys');
        expect(keys).toHaveLength(WAVES * 2);
        const byDescription = new Map(stored.map((r) => [r.description, r.reference]));
        for (const { key, reference } of keys) {
          expect(byDescription.get(key)).toBe(reference);
          const answers = results.filter((r) => r.key === key).map(({ result }) =>
            result.kind === 'created' ? result.answer?.body : result.kind === 'replayed' ? result.answer.body : result.kind,
          );
          expect(answers).toEqual([JSON.stringify({ reference }), JSON.stringify({ reference })]);
        }
        // The references did collide (the test is not passing by luck of no collision).
        const draws = processes.reduce((n, p) => n + p.draws, 0);
        expect(draws).toBeGreaterThan(stored.length + WAVES);
      } finally {
        await Promise.all(processes.map((p) => p.store.close()));
        await schema.drop();
      }
    });
  });
});
