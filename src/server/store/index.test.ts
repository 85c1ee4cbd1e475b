import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { describeEncryption, describeStore, keyUseWarnings, storeConfig } from './index.ts';
import { keyIdOf } from './sealed.ts';
import { ConfigError } from '../../lib/config.ts';

describe('choosing the store from the environment', () => {
  it('SQLite in $DATA_DIR by default', () => {
    expect(storeConfig({})).toEqual({ kind: 'sqlite', file: 'data/applications.sqlite', groupCommit: true, encryption: null });
    expect(storeConfig({ DATA_DIR: '/srv/stoette' })).toEqual({ kind: 'sqlite', file: '/srv/stoette/applications.sqlite', groupCommit: true, encryption: null });
  });

  it('PostgreSQL when DATABASE_URL is set, with a pool of 10 unless DATABASE_POOL_SIZE says otherwise', () => {
    const url = 'postgres://stoette:hemmeligt@db.internal:5432/stoette';
    expect(storeConfig({ DATABASE_URL: url, DATA_DIR: '/ignored' })).toEqual({ kind: 'postgres', connectionString: url, poolSize: 10, encryption: null });
    expect(storeConfig({ DATABASE_URL: url, DATABASE_POOL_SIZE: '25' })).toMatchObject({ poolSize: 25 });
  });

  it('a DATABASE_URL that is not PostgreSQL, or a pool size that is not a number, is refused (never a quiet fall-back)', () => {
    expect(() => storeConfig({ DATABASE_URL: 'mysql://db/stoette' })).toThrow(ConfigError);
    expect(() => storeConfig({ DATABASE_URL: 'postgres://db/stoette', DATABASE_POOL_SIZE: 'ti' })).toThrow(ConfigError);
    expect(() => storeConfig({ DATABASE_URL: 'postgres://db/stoette', DATABASE_POOL_SIZE: '0' })).toThrow(ConfigError);
  });

  it('says where the store is without the password', () => {
    expect(describeStore(storeConfig({ DATABASE_URL: 'postgresql://stoette:hemmeligt@db.internal:5432/stoette' }))).toBe(
      'PostgreSQL på db.internal:5432/stoette',
    );
    expect(describeStore(storeConfig({ DATA_DIR: 'data' }))).toBe('SQLite i data/applications.sqlite');
  });
});

describe('what the start says about encryption at rest', () => {
  const key = Buffer.alloc(32, 5);
  const old = Buffer.alloc(32, 6);
  const [id, oldId] = [keyIdOf(key), keyIdOf(old)];
  const encrypted = storeConfig({ DATA_ENCRYPTION_KEY: key.toString('base64'), DATA_ENCRYPTION_OLD_KEYS: old.toString('base64') });

  it('without a key: one line, that applications are stored unencrypted and how to turn encryption on', () => {
    expect(describeEncryption(storeConfig({}))).toBe(
      'Kryptering: ansøgninger og kladder gemmes UKRYPTERET i databasen. Sæt DATA_ENCRYPTION_KEY til en nøgle (lav den med "openssl rand -base64 32"), genstart, og kør "npm run ansoegninger -- ny-noegle" (README: "Keys").',
    );
  });

  it('with keys: the id written with and the old ones read, never a key', () => {
    const line = describeEncryption(encrypted);
    expect(line).toBe(`Kryptering: ansøgninger og kladder gemmes krypteret (AES-256-GCM) med nøglen ${id}; 1 tidligere nøgle (${oldId}) kan læses.`);
    for (const k of [key, old]) expect(line).not.toContain(k.toString('base64'));
    // The id is the key's SHA-256, first 8 bytes in hex, as the README shows how to compute it.
    expect(id).toBe(createHash('sha256').update(key).digest('hex').slice(0, 16));
  });

  it('names rows under a key not given, and rows still waiting for ny-noegle; nothing when all is under the current key', () => {
    const stranger = 'abcdef0123456789';
    expect(
      keyUseWarnings(
        [
          { table: 'applications', keyId: null, rows: 3, known: true },
          { table: 'applications', keyId: oldId, rows: 1, known: true },
          { table: 'applications', keyId: stranger, rows: 2, known: false },
          { table: 'form_drafts', keyId: id, rows: 4, known: true },
        ],
        encrypted,
      ),
    ).toEqual([
      `Kryptering: 2 ansøgninger er krypteret med nøglen ${stranger}, som ikke er givet, og kan ikke læses. Giv nøglen i DATA_ENCRYPTION_OLD_KEYS (eller DATA_ENCRYPTION_KEY), og genstart (README: "Keys").`,
      `Kryptering: 3 ansøgninger ukrypteret, 1 ansøgning under nøglen ${oldId}; kør "npm run ansoegninger -- ny-noegle" for at kryptere dem med den nye nøgle.`,
    ]);
    expect(keyUseWarnings([{ table: 'applications', keyId: id, rows: 9, known: true }], encrypted)).toEqual([]);
    // Without a key, plain rows are as they should be.
    expect(keyUseWarnings([{ table: 'applications', keyId: null, rows: 9, known: true }], storeConfig({}))).toEqual([]);
  });
});
