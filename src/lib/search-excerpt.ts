/**
 * Pagefind's result excerpts are HTML: the page's text, escaped, with the
 * matching words in <mark>. The search island renders them as text nodes and
 * <mark> elements built one by one, never through innerHTML, so nothing in an
 * excerpt can become markup. This turns an excerpt into those pieces.
 */
export interface ExcerptSegment {
  text: string;
  /** A word that matched the query. */
  mark: boolean;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Decodes the entities an escaped text can hold (named, decimal and hex). */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

export function excerptSegments(excerpt: string): ExcerptSegment[] {
  return excerpt
    .split(/(<mark>.*?<\/mark>)/g)
    .filter((part) => part !== '')
    .map((part) => {
      const marked = /^<mark>(.*)<\/mark>$/.exec(part);
      // Any other tag is dropped: an excerpt is text.
      const text = decodeEntities((marked ? marked[1]! : part).replace(/<[^>]*>/g, ''));
      return { text, mark: Boolean(marked) };
    })
    .filter((s) => s.text !== '');
}
