/**
 * Settings the operator gives at build time through the environment (the
 * pages are static, so a change needs a new build). README: "Another host or
 * port".
 *
 * SITE_CONTACT_EMAIL: where people report accessibility problems, shown in the
 * accessibility statement. Unset, the statement says that no address has been
 * given and sends people to their kommune instead: an address is never made up.
 */
export function siteContactEmail(env: Record<string, string | undefined> = process.env): string | null {
  const value = env.SITE_CONTACT_EMAIL?.trim();
  if (!value) return null;
  if (!/^[^\s@<>"]+@[^\s@<>"]+\.[a-z]{2,}$/i.test(value)) {
    throw new Error(`SITE_CONTACT_EMAIL skal være en e-mailadresse, fx tilgaengelighed@kommune.dk (fik "${value}")`);
  }
  return value;
}
