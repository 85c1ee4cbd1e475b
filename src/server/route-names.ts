/**
 * The route a request is counted under in the metrics
 * (`stoetteportalen_http_responses_total{route}`): a small fixed set of names,
 * never the URL itself, so a crawler or an attacker trying a million
 * addresses cannot make a million time series. Every unknown path is a
 * `page` (its 404 is counted by status).
 */
import { applicationsApiPath, applyPath, checkAnswersPath, healthPath, questionnaireResultPath, readinessPath, receiptPath, withoutLang } from '../domain/paths.ts';

export const ROUTE_NAMES = [
  'healthz',
  'readyz',
  'api_applications',
  'api_other',
  'apply_form',
  'check_answers',
  'receipt',
  'questionnaire_result',
  'asset',
  'page',
] as const;
export type RouteName = (typeof ROUTE_NAMES)[number];

const SLUG = 'SLUG';
/** A kommune page's path, from its builder in paths.ts, with any slug in the kommune's place. */
const kommuneRoute = (build: (lang: 'da', slug: string) => string) =>
  new RegExp(`^${build('da', SLUG).replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(SLUG, '[a-z0-9]+(?:-[a-z0-9]+)*')}$`);

const KOMMUNE_ROUTES: [RegExp, RouteName][] = [
  [kommuneRoute(applyPath), 'apply_form'],
  [kommuneRoute(checkAnswersPath), 'check_answers'],
  [kommuneRoute((lang, slug) => receiptPath(lang, slug)), 'receipt'],
  [kommuneRoute(questionnaireResultPath), 'questionnaire_result'],
];

/** The route name of a request's target (`req.url`: path and query). */
export function routeName(target: string): RouteName {
  const path = target.split(/[?#]/, 1)[0]!;
  if (path === healthPath) return 'healthz';
  if (path === readinessPath) return 'readyz';
  if (path === applicationsApiPath || path === `${applicationsApiPath}/`) return 'api_applications';
  if (path.startsWith('/api/')) return 'api_other';
  // Built files (Astro's scripts and styles, the search index) and any path ending in a file name (.vcf, .xml, .txt, .ico).
  if (path.startsWith('/_astro/') || path.startsWith('/pagefind/') || /\/[^/]*\.[A-Za-z0-9]+$/.test(path)) return 'asset';
  const page = withoutLang(path);
  for (const [pattern, name] of KOMMUNE_ROUTES) if (pattern.test(page)) return name;
  return 'page';
}
