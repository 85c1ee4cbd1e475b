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
