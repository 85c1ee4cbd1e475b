/**
 * Heading ids and URL slugs the way Danish public sites write them:
 * æ → ae, ø → oe, å → aa ("Kan jeg få støtte?" → "kan-jeg-faa-stoette"),
 * so links survive copy-paste, e-mail and screen readers spelling them out.
 */
export function danishSlug(text: string): string {
  return text
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'oe')
    .replace(/å/g, 'aa')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/§/g, 'paragraf')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** The heading levels that get an id (h2–h4): the sections the content data's `section` fields link to. */
export const ID_HEADING_LEVELS = { min: 2, max: 4 } as const;

/** Whether a heading of this level (2 for h2) gets an id. */
export function getsHeadingId(level: number): boolean {
  return level >= ID_HEADING_LEVELS.min && level <= ID_HEADING_LEVELS.max;
}

/**
 * The ids of one page's headings, given their texts in document order: the
 * Danish slug of each, and on a repeat the slug with "-1", "-2" … (the first
 * keeps the plain slug). The one rule the site's rehype plugin renders with
 * and the content checks read a body with, so the ids they find agree.
 */
export function headingIdsOf(texts: Iterable<string>): string[] {
  const seen = new Map<string, number>();
  return [...texts].map((text) => {
    const base = danishSlug(text);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return n ? `${base}-${n}` : base;
  });
}
