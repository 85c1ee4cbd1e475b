/**
 * Every URL of the site, built in one place. Danish is the default language
 * and has no prefix (`/bronderslev/kontakt/`); English pages sit under `/en`
 * (`/en/bronderslev/kontakt/`). The Danish path of a page is also the one the
 * layout takes to write the language alternates.
 *
 * Pure (no i18next, no Astro) so the islands can use it too without loading
 * the UI strings. The page files in src/pages/ are the routes these paths
 * reach; tests/server/findability.test.ts (every kommune's pages built, the
 * sitemap) and tests/e2e/pages.spec.ts (every built page answers) prove they agree.
 */

/** The site's languages as the paths write them (the same values as i18n's `Locale`). */
export type PathLang = 'da' | 'en';

/** `/bronderslev/` in Danish, `/en/bronderslev/` in English: any site path in a language. */
export function localized(lang: PathLang, path: string): string {
  const clean = path.startsWith('/') ? path : `/${path}`;
  return lang === 'da' ? clean : `/${lang}${clean}`;
}

/** The page's path without the `/en` prefix (the same page in Danish). */
export function withoutLang(pathname: string): string {
  return pathname.replace(/^\/en(?=\/|$)/, '') || '/';
}

/** The front page: `/`. */
export const homePath = (lang: PathLang) => localized(lang, '/');

/** A kommune's page (its quality standard): `/bronderslev/`. */
export const kommunePath = (lang: PathLang, slug: string) => localized(lang, `/${slug}/`);

/** A kommune's contact page: `/bronderslev/kontakt/`. */
export const contactPath = (lang: PathLang, slug: string) => localized(lang, `/${slug}/kontakt/`);

/** "Kan jeg få støtte?": `/bronderslev/kan-jeg-faa-stoette/`. */
export const questionnairePath = (lang: PathLang, slug: string) => localized(lang, `/${slug}/kan-jeg-faa-stoette/`);

/** Where the questionnaire's no-JavaScript form posts: `/bronderslev/kan-jeg-faa-stoette/resultat/`. */
export const questionnaireResultPath = (lang: PathLang, slug: string) =>
  localized(lang, `/${slug}/kan-jeg-faa-stoette/resultat/`);

/** The application form: `/bronderslev/ansoeg/`. */
export const applyPath = (lang: PathLang, slug: string) => localized(lang, `/${slug}/ansoeg/`);

/** "Tjek dine svar" of the form without JavaScript (the island has it as its last step): `/bronderslev/ansoeg/tjek/`. */
export const checkAnswersPath = (lang: PathLang, slug: string) => localized(lang, `/${slug}/ansoeg/tjek/`);

/** The receipt's query for one application: `?reference=…`. */
export const referenceQuery = (reference: string) => `?reference=${encodeURIComponent(reference)}`;

/** The receipt, `/bronderslev/ansoeg/kvittering/`, with `?reference=…` when a reference is given. */
export function receiptPath(lang: PathLang, slug: string, reference?: string): string {
  const path = localized(lang, `/${slug}/ansoeg/kvittering/`);
  return reference === undefined ? path : `${path}${referenceQuery(reference)}`;
}

/** The API that stores applications (POST, JSON or the no-JavaScript form): `/api/ansoegninger`. */
export const applicationsApiPath = '/api/ansoegninger';

/** The operator's checks, served before the site (src/server/main.ts): the process answers. No trailing slash. */
export const healthPath = '/healthz';

/** The operator's checks: the server can take applications (store, its check, the delivery backlog). No trailing slash. */
export const readinessPath = '/readyz';

/** The kommuner side by side: `/sammenlign/`. */
export const comparePath = (lang: PathLang) => localized(lang, '/sammenlign/');

/** The site search: `/soeg/`. */
export const searchPath = (lang: PathLang) => localized(lang, '/soeg/');

export type StatementKind = 'accessibility' | 'privacy';

/** The accessibility statement (`/tilgaengelighed/`) or the privacy statement (`/privatliv/`). */
export const statementPath = (lang: PathLang, kind: StatementKind) =>
  localized(lang, kind === 'accessibility' ? '/tilgaengelighed/' : '/privatliv/');

/** A unit's contact card beside the (Danish) contact page: `/bronderslev/kontakt/ungecentret.vcf`. */
export const vcardPath = (slug: string, unitId: string) => `/${slug}/kontakt/${unitId}.vcf`;
