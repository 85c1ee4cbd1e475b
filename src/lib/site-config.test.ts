import { describe, expect, it } from 'vitest';
import { siteContactEmail } from './site-config.ts';

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
