import { getsHeadingId, headingIdsOf } from '../domain/slug.ts';
import type { HastNode } from './hast.ts';

function textOf(node: HastNode): string {
  if (node.type === 'text') return node.value ?? '';
  return (node.children ?? []).map(textOf).join('');
}

/**
 * Gives h2–h4 ids with Danish transliteration ("Hvad koster det?" →
 * "hvad-koster-det", "Hvor får jeg …" → "hvor-faar-jeg-…") by `headingIdsOf`,
 * the rule the content checks use too. Content data links to these ids
 * (`section` fields), and Astro keeps ids that are already set.
 */
export function rehypeDanishHeadingIds() {
  return (tree: HastNode) => {
    const headings: HastNode[] = [];
    const visit = (node: HastNode) => {
      const level = node.type === 'element' ? /^h([1-6])$/.exec(node.tagName ?? '')?.[1] : undefined;
      if (level && getsHeadingId(Number(level)) && !node.properties?.id) headings.push(node);
      node.children?.forEach(visit);
    };
    visit(tree);
    const ids = headingIdsOf(headings.map(textOf));
    headings.forEach((node, i) => {
      (node.properties ??= {}).id = ids[i];
    });
  };
}
