/**
 * Encryption at rest, shared by both SQL backends (sqlite.ts, postgres.ts):
 * the personal content of a row — an application's JSON, a form draft's
 * answers — is sealed before it reaches the database and opened when it is
 * read. The SQL stays in each backend; this module only turns text into
 * stored text and back.
 *
 * - AES-256-GCM from node:crypto, a fresh random 12-byte IV for every write,
 *   the 16-byte tag checked on every read: a changed byte is refused, never
 *   returned.
 * - The stored text is a versioned envelope,
 *   `v1:<key id>:<iv base64>:<tag base64>:<ciphertext base64>`. The key id is
 *   the first 8 bytes of the key's SHA-256, in hex (16 characters): an
 *   operator can compute it (`echo "$KEY" | base64 -d | sha256sum | cut -c1-16`)
 *   and nothing about the key can be learnt from it. The backends keep it in a
 *   `key_id` column too (migration 6), so a rotation finds the rows still under
 *   an old key, and `ny-noegle` counts rows per key.
 * - Additional authenticated data: the envelope's version and key id, the
 *   table and the row's id (an application's reference, a draft's id). A
 *   ciphertext copied into another row, or another table, does not open.
 * - A row is either plain or sealed: text that does not start with `v<n>:` is
 *   the plain JSON stored before a key was set (JSON starts with `{`), read as
 *   it is, and sealed by `ny-noegle`. Plain rows are accepted only because
 *   they came before the key; someone who can write the database could also
 *   put one there (encryption at rest keeps a stolen file or backup unreadable;
 *   it does not make the database tamper-proof against its own writers).
 * - Keys: one current key (every write), any number of old keys (read only);
 *   src/lib/config.ts reads them from DATA_ENCRYPTION_KEY and
 *   DATA_ENCRYPTION_OLD_KEYS. A row under a key that is not given, or one
 *   that does not open, throws SealedDataError (a StoreUnavailableError: the
 *   site answers 503, the staff command names the key id), never garbage.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import type { EncryptionSetting } from '../../lib/config.ts';
import { StoreUnavailableError, type KeyUse, type ResealSkip, type SealedTable } from './types.ts';

export type { SealedTable };

const VERSION = 'v1';
const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const SEALED = /^v\d+:/;
const KEY_ID = /^[0-9a-f]{16}$/;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** A key's id: the first 8 bytes of its SHA-256, in hex. */
export const keyIdOf = (key: Uint8Array): string => createHash('sha256').update(key).digest('hex').slice(0, 16);

/** Whether stored text is sealed (an envelope), not plain JSON. */
export const isSealed = (stored: string): boolean => SEALED.test(stored);

/** The key id an envelope names, or `null` for plain text (or an envelope too broken to name one). */
export function keyIdOfStored(stored: string): string | null {
  if (!isSealed(stored)) return null;
  const id = stored.split(':')[1] ?? '';
  return KEY_ID.test(id) ? id : null;
}

export type SealProblem =
  /** Sealed under a key that is not given (removed too early, or another installation's). */
  | 'unknown-key'
  /** Sealed, and no key is given at all (DATA_ENCRYPTION_KEY unset). */
  | 'no-key'
  /** The envelope does not open with its key: changed, cut, or moved from another row. */
  | 'broken';

/**
 * A sealed row this store cannot open. Its message is Danish and names what
 * is needed; it never holds the row's content, nor a draft's id (which is the
 * citizen's cookie and key), only an application's reference.
 */
export class SealedDataError extends StoreUnavailableError {
  readonly problem: SealProblem;
  /** The key id the row names (`null` when the envelope is too broken to name one). */
  readonly keyId: string | null;
  readonly table: SealedTable;
  /** The application's reference; `null` for a form draft. */
  readonly reference: string | null;
  constructor(problem: SealProblem, table: SealedTable, reference: string | null, keyId: string | null) {
    const what = table === 'applications' ? `ansøgningen ${reference}` : 'en kladde fra ansøgningsskemaet';
    const key = keyId ? `nøglen ${keyId}` : 'en ukendt nøgle';
    super(
      problem === 'broken'
        ? `${what} kan ikke dekrypteres med ${key}: den krypterede tekst er ændret, afkortet eller flyttet fra en anden række`
        : problem === 'no-key'
          ? `${what} er krypteret med ${key}, men der er ingen nøgle sat (DATA_ENCRYPTION_KEY)`
          : `${what} er krypteret med ${key}, som ikke er givet (DATA_ENCRYPTION_KEY eller DATA_ENCRYPTION_OLD_KEYS)`,
    );
    this.name = 'SealedDataError';
    this.problem = problem;
    this.keyId = keyId;
    this.table = table;
    this.reference = table === 'applications' ? reference : null;
  }
}

/** What to write into a row: the stored text and the key id it is sealed under (`null`: plain). */
export interface Stored {
  data: string;
  keyId: string | null;
}

export interface Sealer {
  /** The key new rows are sealed with, by id; `null`: no key, rows are stored plain. */
  readonly currentKeyId: string | null;
  /** Whether rows under this key id can be opened. */
  knows(keyId: string): boolean;
  /** The text to store for `plaintext` in row `rowId` of `table`: sealed under the current key, or plain without one. */
  seal(table: SealedTable, rowId: string, plaintext: string): Stored;
  /** The plaintext of stored text (plain text as it is); throws SealedDataError when it cannot be opened. */
  open(table: SealedTable, rowId: string, stored: string): string;
}

const aad = (keyId: string, table: SealedTable, rowId: string) => Buffer.from(`${VERSION}:${keyId}:${table}:${rowId}`, 'utf8');

/** The sealer for these keys; `null` (no DATA_ENCRYPTION_KEY): writes plain, reads plain rows, refuses sealed ones. */
export function createSealer(setting: EncryptionSetting | null | undefined): Sealer {
  const keys = new Map<string, Buffer>();
  const current = setting ? { id: keyIdOf(setting.key), key: setting.key } : null;
  for (const key of setting ? [setting.key, ...setting.oldKeys] : []) {
    if (key.length !== 32) throw new Error('an encryption key must be 32 bytes');
    keys.set(keyIdOf(key), key);
  }
  return {
    currentKeyId: current?.id ?? null,
    knows: (keyId) => keys.has(keyId),
    seal(table, rowId, plaintext) {
      if (!current) return { data: plaintext, keyId: null };
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv(ALGORITHM, current.key, iv, { authTagLength: TAG_BYTES });
      cipher.setAAD(aad(current.id, table, rowId));
      const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      const tag = cipher.getAuthTag();
      return { data: [VERSION, current.id, iv.toString('base64'), tag.toString('base64'), ciphertext.toString('base64')].join(':'), keyId: current.id };
    },
    open(table, rowId, stored) {
      if (!isSealed(stored)) return stored;
      const reference = table === 'applications' ? rowId : null;
      const parts = stored.split(':');
      const [version, keyId, iv, tag, ciphertext] = parts;
      const named = keyId && KEY_ID.test(keyId) ? keyId : null;
      const broken = () => new SealedDataError('broken', table, reference, named);
      if (parts.length !== 5 || version !== VERSION || !named || ![iv, tag, ciphertext].every((p) => BASE64.test(p!))) throw broken();
      const key = keys.get(named);
      if (!key) throw new SealedDataError(current ? 'unknown-key' : 'no-key', table, reference, named);
      const ivBytes = Buffer.from(iv!, 'base64');
      const tagBytes = Buffer.from(tag!, 'base64');
      if (ivBytes.length !== IV_BYTES || tagBytes.length !== TAG_BYTES) throw broken();
      try {
        const decipher = createDecipheriv(ALGORITHM, key, ivBytes, { authTagLength: TAG_BYTES });
        decipher.setAAD(aad(named, table, rowId));
        decipher.setAuthTag(tagBytes);
        const plain = Buffer.concat([decipher.update(Buffer.from(ciphertext!, 'base64')), decipher.final()]);
        return new TextDecoder('utf-8', { fatal: true }).decode(plain);
      } catch {
        // The tag did not match (a changed byte, another row's ciphertext): nothing of it is returned.
        throw broken();
      }
    },
  };
}

/** One row of a rotation: its id and stored text as read, and what to write instead. */
export interface ResealUpdate {
  rowId: string;
  /** The stored text read: the row is written only if it still holds it (a draft saved meanwhile is left to its writer). */
  old: string;
  data: string;
  keyId: string;
}

/**
 * A rotation's batch (`resealBatch` in both backends): each row read is opened
 * (plain as it is) and sealed again under the current key; a row that cannot
 * be opened is skipped and named. `next` is where the following batch starts.
 */
export function planReseal(
  sealer: Sealer,
  table: SealedTable,
  rows: readonly Record<string, unknown>[],
  limit: number,
): { updates: ResealUpdate[]; skipped: ResealSkip[]; next: string | null } {
  const updates: ResealUpdate[] = [];
  const skipped: ResealSkip[] = [];
  for (const row of rows) {
    const rowId = String(row.row_id);
    const old = String(row.data);
    try {
      const sealed = sealer.seal(table, rowId, sealer.open(table, rowId, old));
      updates.push({ rowId, old, data: sealed.data, keyId: sealed.keyId! });
    } catch (error) {
      if (!(error instanceof SealedDataError)) throw error;
      skipped.push({ problem: error.problem, keyId: error.keyId ?? keyIdOfStored(old), reference: error.reference });
    }
  }
  const next = rows.length < limit ? null : String(rows[rows.length - 1]!.row_id);
  return { updates, skipped, next };
}

/** Key use in one order on both backends: by table, plain rows first, then by key id. */
export function byTableAndKey(uses: KeyUse[]): KeyUse[] {
  const order = (keyId: string | null) => keyId ?? '';
  return uses.sort((a, b) => (a.table === b.table ? (order(a.keyId) < order(b.keyId) ? -1 : order(a.keyId) > order(b.keyId) ? 1 : 0) : a.table < b.table ? -1 : 1));
}
