/**
 * Settings the operator gives at build time through the environment (the
 * pages are static, so a change needs a new build). README: "Another host or
 * port".
 *
 * SITE_CONTACT_EMAIL: where people report accessibility problems, shown in the
 * accessibility statement. Unset, the statement says that no address has been
 * given and sends people to their kommune instead: an address is never made up.
 */
import { DEFAULT_RETENTION_DAYS, parseRetentionDays } from '../domain/retention.ts';

export function siteContactEmail(env: Record<string, string | undefined> = process.env): string | null {
  const value = env.SITE_CONTACT_EMAIL?.trim();
  if (!value) return null;
  if (!/^[^\s@<>"]+@[^\s@<>"]+\.[a-z]{2,}$/i.test(value)) {
    throw new Error(`SITE_CONTACT_EMAIL skal være en e-mailadresse, fx tilgaengelighed@kommune.dk (fik "${value}")`);
  }
  return value;
}

/**
 * RETENTION_DAYS: how long an exported application is kept, as the privacy
 * notice states it. The purge command reads the same variable when it runs
 * (src/cli/ansoegninger/args.ts); the notice is a static page, so it only
 * knows the value the build saw. Unset, the default the purge also uses.
 * A value the purge would refuse stops the build.
 */
export function retentionDays(env: Record<string, string | undefined> = process.env): number {
  const value = env.RETENTION_DAYS?.trim();
  if (!value) return DEFAULT_RETENTION_DAYS;
  const days = parseRetentionDays(value);
  if (days === null) throw new Error(`RETENTION_DAYS skal være et helt antal dage, 1 eller flere, fx ${DEFAULT_RETENTION_DAYS} (fik "${value}")`);
  return days;
}
