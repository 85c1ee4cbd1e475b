/**
 * Fills `{{name}}` slots in a translated template. i18next does this in
 * `.astro` files; code that also runs in the browser (islands, and the
 * components they share with the server) uses this instead, so i18next never
 * ships to the browser (DESIGN.md).
 */
export const fill = (template: string, values: Record<string, string | number>): string =>
  template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(values[key] ?? ''));
