import { describe, expect, it } from 'vitest';
import { rehypeDanishHeadingIds } from './rehype-danish-heading-ids.ts';
import { headingIds } from '../domain/kommune-content.ts';
import type { HastNode } from './hast.ts';

const heading = (level: number, text: string, id?: string): HastNode => ({
  type: 'element',
  tagName: `h${level}`,
  properties: id ? { id } : {},
  children: [{ type: 'text', value: text }],
});

describe('the heading-id plugin', () => {
  it('gives the rendered h2–h4 the ids the content checks read from the MDX body', () => {
    const body = ['# Titel', '## Hvem kan få støtte?', '### Eksempel', '#### Eksempel', '##### Ikke med', '## Hvad koster det?'].join('\n\n');
    const tree: HastNode = {
      type: 'root',
      children: [
        heading(1, 'Titel'),
        heading(2, 'Hvem kan få støtte?'),
        { type: 'element', tagName: 'section', children: [heading(3, 'Eksempel'), heading(4, 'Eksempel')] },
        heading(5, 'Ikke med'),
        heading(2, 'Hvad koster det?'),
      ],
    };
    rehypeDanishHeadingIds()(tree);
    const ids: string[] = [];
    const collect = (n: HastNode) => {
      if (typeof n.properties?.id === 'string') ids.push(n.properties.id);
      n.children?.forEach(collect);
    };
    collect(tree);
    expect(ids).toEqual(['hvem-kan-faa-stoette', 'eksempel', 'eksempel-1', 'hvad-koster-det']);
    expect(ids).toEqual(headingIds(body));
  });

  it('keeps an id that is already set', () => {
    const tree: HastNode = { type: 'root', children: [heading(2, 'Hvad koster det?', 'pris'), heading(2, 'Hvad koster det?')] };
    rehypeDanishHeadingIds()(tree);
    expect(tree.children?.map((n) => n.properties?.id)).toEqual(['pris', 'hvad-koster-det']);
  });
});
