import { danishSlug } from '../domain/slug.ts';
import type { HastNode } from './hast.ts';


function textOf(node: HastNode): string {
  if (node.type === 'text') return node.value ?? '';
  return (node.children ?? []).map(textOf).join('');
}

/**
 * Gives h2–h4 ids with Danish transliteration ("Hvad koster det?" →
 * "hvad-koster-det", "Hvor får jeg …" → "hvor-faar-jeg-…"). Content data links
 * to these ids (`section` fields), and Astro keeps ids that are already set.
 */
export function rehypeDanishHeadingIds() {
  return (tree: HastNode) => {
    const seen = new Map<string, number>();
    const visit = (node: HastNode) => {
      if (node.type === 'element' && /^h[2-4]$/.test(node.tagName ?? '')) {
        node.properties ??= {};
        if (!node.properties.id) {
          const base = danishSlug(textOf(node));
          const n = seen.get(base) ?? 0;
          seen.set(base, n + 1);
          node.properties.id = n ? `${base}-${n}` : base;
        }
      }
      node.children?.forEach(visit);
    };
    visit(tree);
  };
}
