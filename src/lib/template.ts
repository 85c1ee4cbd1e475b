/** Fills `{{name}}` slots in a translated template: i18next's syntax, without i18next (which must not ship to the browser). */
export const fill = (template: string, values: Record<string, string | number>): string =>
  template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(values[key] ?? ''));
