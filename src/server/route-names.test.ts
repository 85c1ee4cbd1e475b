import { describe, expect, it } from 'vitest';
import { applicationsApiPath, applyPath, checkAnswersPath, contactPath, healthPath, questionnaireResultPath, readinessPath, receiptPath, vcardPath } from '../domain/paths.ts';
import { routeName } from './route-names.ts';

describe('routeName', () => {
  it('names the routes an operator follows, in both languages, whatever the kommune', () => {
    for (const lang of ['da', 'en'] as const) {
      expect(routeName(applyPath(lang, 'bronderslev'))).toBe('apply_form');
      expect(routeName(`${checkAnswersPath(lang, 'frederikssund')}?svar=abc`)).toBe('check_answers');
      expect(routeName(receiptPath(lang, 'varde', '7KQM-X3PP'))).toBe('receipt');
      expect(routeName(questionnaireResultPath(lang, 'en-ny-kommune'))).toBe('questionnaire_result');
    }
    expect(routeName(applicationsApiPath)).toBe('api_applications');
    expect(routeName(`${applicationsApiPath}/?x=1`)).toBe('api_applications');
    expect(routeName('/api/andet')).toBe('api_other');
    expect(routeName(healthPath)).toBe('healthz');
    expect(routeName(`${readinessPath}?full=1`)).toBe('readyz');
  });

  it('puts files in one name and every other path, known or not, in another: never the URL itself', () => {
    expect(routeName('/_astro/index.B1a2.js')).toBe('asset');
    expect(routeName('/pagefind/pagefind.js')).toBe('asset');
    expect(routeName(vcardPath('varde', 'social-og-handicap'))).toBe('asset');
    expect(routeName('/sitemap.xml')).toBe('asset');
    expect(routeName(contactPath('da', 'varde'))).toBe('page');
    expect(routeName('/')).toBe('page');
    expect(routeName('/en/')).toBe('page');
    expect(routeName('/wp-admin/setup-config.php/../../etc/passwd')).toBe('page');
    expect(routeName('/varde/ansoeg/tjek/ekstra/')).toBe('page');
    expect(routeName('/VARDE/ansoeg/')).toBe('page');
  });
});
