import { describe, expect, it } from 'vitest';
import { retentionDays, siteContactEmail } from './site-config.ts';

describe('the site contact address for accessibility reports', () => {
  it('is the operator’s SITE_CONTACT_EMAIL', () => {
    expect(siteContactEmail({ SITE_CONTACT_EMAIL: ' tilgaengelighed@kommune.dk ' })).toBe('tilgaengelighed@kommune.dk');
  });

  it('is absent when the operator has not given one: the page then says so, never a made-up address', () => {
    expect(siteContactEmail({})).toBeNull();
    expect(siteContactEmail({ SITE_CONTACT_EMAIL: '' })).toBeNull();
  });

  it('stops the build with a clear message when it is not an e-mail address', () => {
    expect(() => siteContactEmail({ SITE_CONTACT_EMAIL: 'kommunen' })).toThrow(/SITE_CONTACT_EMAIL skal være en e-mailadresse/);
    expect(() => siteContactEmail({ SITE_CONTACT_EMAIL: 'a@b.dk"><script>' })).toThrow();
  });
});

describe('the retention period the privacy notice states', () => {
  it('is the purge’s default when the operator has not set RETENTION_DAYS', () => {
    expect(retentionDays({})).toBe(30);
    expect(retentionDays({ RETENTION_DAYS: ' ' })).toBe(30);
  });

  it('is RETENTION_DAYS when the operator builds with it', () => {
    expect(retentionDays({ RETENTION_DAYS: '60' })).toBe(60);
  });

  it('stops the build when RETENTION_DAYS is a value the purge would refuse', () => {
    expect(() => retentionDays({ RETENTION_DAYS: '30 dage' })).toThrow(/RETENTION_DAYS skal være et helt antal dage/);
    expect(() => retentionDays({ RETENTION_DAYS: '0' })).toThrow();
  });
});
