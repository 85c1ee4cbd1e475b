/**
 * Fills `{{name}}` slots in a translated string. For code that runs in the
 * browser, where i18next must not go (it would cost ≈ 16 KB gzip): the page
 * translates at build time and passes the templates.
 */
export function fillTemplate(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(values[key] ?? ''));
}
