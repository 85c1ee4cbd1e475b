import { describe, expect, it } from 'vitest';
import { describeStore, storeConfig } from './index.ts';
import { ConfigError } from '../../lib/config.ts';

describe('choosing the store from the environment', () => {
  it('SQLite in $DATA_DIR by default', () => {
    expect(storeConfig({})).toEqual({ kind: 'sqlite', file: 'data/applications.sqlite', encryption: null });
    expect(storeConfig({ DATA_DIR: '/srv/stoette' })).toEqual({ kind: 'sqlite', file: '/srv/stoette/applications.sqlite', encryption: null });
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
