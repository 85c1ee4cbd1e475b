/**
 * The two stores' schemas agree: after all migrations, SQLite and PostgreSQL
 * have the same tables, columns (of the same kind, nullability and key), the
 * same foreign keys and the same indexes. A migration added to one store and
 * forgotten in the other fails here. Needs PostgreSQL (TEST_DATABASE_URL).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { describePostgres } from '../../../tests/support/describe-postgres.ts';
import { createTestSchema, type TestSchema } from '../../../tests/support/postgres.ts';
import { MIGRATIONS as POSTGRES_MIGRATIONS, openPostgresStore } from './postgres.ts';
import { MIGRATIONS as SQLITE_MIGRATIONS, openDatabase } from './sqlite.ts';

/** A store's schema, in terms both databases share. */
interface Schema {
  /** `table.column`: kind, `not null`, `primary key`. */
  columns: Record<string, string>;
  /** `table.column → table.column on delete …` */
  foreignKeys: string[];
  /** `index name: table (columns)`, the indexes the migrations create (not the primary keys'). */
  indexes: string[];
}

/**
 * Differences that are by design, each with its reason. PostgreSQL has no
 * rowid, so `seq` gives the order applications were stored in (SQLite's rowid
 * does that there); its migration bookkeeping is a table, SQLite's is `PRAGMA user_version`.
 */
const POSTGRES_ONLY_COLUMNS = ['applications.seq'];
const BOOKKEEPING_TABLES = ['schema_migrations'];
/**
 * Tables only PostgreSQL has: `rate_limits` is the rate limits' count shared by several processes
 * (postgres-rate-limit.ts); SQLite serves one process, which counts in memory (its migration 5 is empty).
 */
const POSTGRES_ONLY_TABLES = ['rate_limits'];

/**
 * The kind a column's type stands for: both store times as ISO text / timestamptz, an audit entry's details as
 * JSON text / json, and a flag as SQLite's integer 0/1 / boolean. An application's `data` is text in both (since
 * migration 6: plain JSON, or sealed at rest); PostgreSQL's json before that counts the same.
 */
function kind(table: string, column: string, type: string): string {
  const t = type.toLowerCase();
  if (/^(integer|bigint|int|int4|int8)$/.test(t)) return column === 'carries_application' ? 'flag' : 'integer';
  if (t === 'bool' || t === 'boolean') return 'flag';
  if (t === 'timestamptz' || t === 'timestamp with time zone' || (t === 'text' && /_at$/.test(column))) return 'time';
  if (t === 'json' || (t === 'text' && `${table}.${column}`.match(/^(applications\.data|audit_log\.details)$/))) return 'json';
  if (t === 'text') return 'text';
  return `unknown type ${type}`;
}

function sqliteSchema(): Schema {
  const dir = mkdtempSync(join(tmpdir(), 'stoette-parity-'));
  const db = openDatabase(join(dir, 'applications.sqlite'));
  try {
    const all = <T>(sql: string) => db.prepare(sql).all() as T[];
    const tables = all<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").map((t) => t.name);
    const schema: Schema = { columns: {}, foreignKeys: [], indexes: [] };
    for (const table of tables) {
      for (const c of all<{ name: string; type: string; notnull: number; pk: number }>(`PRAGMA table_info(${table})`)) {
        // SQLite lets a primary key column hold NULL unless it says NOT NULL; a STRICT table's TEXT key
        // never gets one from the store. Counted as not null, as PostgreSQL's primary keys are.
        schema.columns[`${table}.${c.name}`] = [kind(table, c.name, c.type), c.notnull || c.pk ? 'not null' : 'null', c.pk ? 'primary key' : ''].join(' ').trim();
      }
      for (const f of all<{ table: string; from: string; to: string; on_delete: string }>(`PRAGMA foreign_key_list(${table})`)) {
        schema.foreignKeys.push(`${table}.${f.from} → ${f.table}.${f.to} on delete ${f.on_delete.toLowerCase()}`);
      }
      for (const i of all<{ name: string; origin: string; unique: number }>(`PRAGMA index_list(${table})`)) {
        if (i.origin === 'pk') continue;
        const columns = all<{ name: string }>(`PRAGMA index_info(${i.name})`).map((c) => c.name);
        schema.indexes.push(`${i.name}: ${table} (${columns.join(', ')})${i.unique ? ' unique' : ''}`);
      }
    }
    return { columns: schema.columns, foreignKeys: schema.foreignKeys.sort(), indexes: schema.indexes.sort() };
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function postgresSchema(schema: TestSchema): Promise<Schema> {
  const columns = await schema.query<{ table: string; column: string; type: string; nullable: string; pk: boolean }>(
    `SELECT c.table_name AS table, c.column_name AS column, c.udt_name AS type, c.is_nullable AS nullable,
            EXISTS (SELECT 1 FROM information_schema.table_constraints tc
                    JOIN information_schema.key_column_usage k USING (constraint_schema, constraint_name)
                    WHERE tc.constraint_type = 'PRIMARY KEY' AND tc.table_schema = c.table_schema
                      AND k.table_name = c.table_name AND k.column_name = c.column_name) AS pk
     FROM information_schema.columns c WHERE c.table_schema = current_schema() ORDER BY c.table_name, c.ordinal_position`,
  );
  const foreignKeys = await schema.query<{ fk: string }>(
    `SELECT src.relname || '.' || a.attname || ' → ' || dst.relname || '.' || b.attname || ' on delete ' ||
            CASE con.confdeltype WHEN 'c' THEN 'cascade' WHEN 'a' THEN 'no action' WHEN 'r' THEN 'restrict' WHEN 'n' THEN 'set null' ELSE 'set default' END AS fk
     FROM pg_constraint con
     JOIN pg_class src ON src.oid = con.conrelid JOIN pg_class dst ON dst.oid = con.confrelid
     JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = con.conkey[1]
     JOIN pg_attribute b ON b.attrelid = con.confrelid AND b.attnum = con.confkey[1]
     WHERE con.contype = 'f' AND con.connamespace = current_schema()::regnamespace`,
  );
  const indexes = await schema.query<{ index: string }>(
    `SELECT i.relname || ': ' || t.relname || ' (' || string_agg(a.attname, ', ' ORDER BY k.ord) || ')' || CASE WHEN ix.indisunique THEN ' unique' ELSE '' END AS index
     FROM pg_index ix
     JOIN pg_class i ON i.oid = ix.indexrelid JOIN pg_class t ON t.oid = ix.indrelid
     CROSS JOIN LATERAL unnest(ix.indkey) WITH ORDINALITY AS k(attnum, ord)
     JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
     WHERE t.relnamespace = current_schema()::regnamespace AND NOT ix.indisprimary
     GROUP BY i.relname, t.relname, ix.indisunique`,
  );
  const ownTable = (index: string) => POSTGRES_ONLY_TABLES.some((table) => index.includes(`: ${table} (`));
  const result: Schema = { columns: {}, foreignKeys: foreignKeys.map((f) => f.fk).sort(), indexes: indexes.map((i) => i.index).filter((i) => !ownTable(i)).sort() };
  for (const c of columns) {
    if (BOOKKEEPING_TABLES.includes(c.table) || POSTGRES_ONLY_TABLES.includes(c.table) || POSTGRES_ONLY_COLUMNS.includes(`${c.table}.${c.column}`)) continue;
    result.columns[`${c.table}.${c.column}`] = [kind(c.table, c.column, c.type), c.nullable === 'NO' ? 'not null' : 'null', c.pk ? 'primary key' : ''].join(' ').trim();
  }
  return result;
}

describePostgres('the two stores’ schemas after their migrations', () => {
  it('have as many migrations, one version each', () => {
    expect(POSTGRES_MIGRATIONS).toHaveLength(SQLITE_MIGRATIONS.length);
  });

  it('end with the same tables, columns, foreign keys and indexes', async () => {
    const schema = await createTestSchema();
    const store = openPostgresStore({ connectionString: schema.url, log: () => {} });
    try {
      await store.ready();
      const postgres = await postgresSchema(schema);
      const sqlite = sqliteSchema();
      expect(postgres).toEqual(sqlite);
      // Not blind: the schema has what the store needs.
      expect(sqlite.columns['applications.exported_at']).toBe('time null');
      expect(sqlite.indexes).toContain('applications_by_time: applications (received_at)');
      expect(sqlite.foreignKeys).toEqual([
        'deliveries.reference → applications.reference on delete cascade',
        'idempotency_keys.reference → applications.reference on delete cascade',
      ]);
      expect(sqlite.columns['deliveries.carries_application']).toBe('flag not null');
      expect(sqlite.columns['audit_log.details']).toBe('json not null');
      expect(sqlite.columns['audit_log.occurred_at']).toBe('time not null');
      expect(sqlite.indexes).toContain('audit_log_by_time: audit_log (occurred_at)');
      // Encryption at rest (migration 6): the key id beside the sealed content, NULL for a plain row.
      expect(sqlite.columns['applications.key_id']).toBe('text null');
      expect(sqlite.columns['form_drafts.key_id']).toBe('text null');
      expect(postgres.columns['applications.data']).toBe('json not null');
      // The PostgreSQL-only table is there, as rate-limiter-flexible inserts into it (key, points, expire in that order).
      const own = await schema.query<{ column: string; type: string }>(
        "SELECT column_name AS column, udt_name AS type FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'rate_limits' ORDER BY ordinal_position",
      );
      expect(own).toEqual([
        { column: 'key', type: 'text' },
        { column: 'points', type: 'int4' },
        { column: 'expire', type: 'int8' },
      ]);
    } finally {
      await store.close();
      await schema.drop();
    }
  });
});
