import { describe, expect, it } from 'vitest';
import { rehypeUnitPhoneLinks } from './rehype-unit-phone-links.ts';

const text = (value: string) => ({ type: 'text', value });
const el = (tagName: string, children: unknown[], properties: Record<string, unknown> = {}) => ({ type: 'element', tagName, properties, children });
const file = (units: unknown) => ({ data: { astro: { frontmatter: { units } } } });
const run = (tree: ReturnType<typeof el>, f: unknown) => {
  rehypeUnitPhoneLinks()(tree as never, f as never);
  return tree;
};

describe('the units’ phone numbers in the body of a standard', () => {
  const units = [{ phone: '70 22 22 10' }, { phone: '47351164' }, { phone: null }];

  it('become tel: links, however the sentence groups the digits', () => {
    const tree = run(el('root', [el('p', [text('Ring på 70 22 22 10 eller 47 35 11 64.')])]), file(units));
    expect(tree.children[0]).toEqual(
      el('p', [
        text('Ring på '),
        el('a', [text('70 22 22 10')], { href: 'tel:+4570222210' }),
        text(' eller '),
        el('a', [text('47 35 11 64')], { href: 'tel:+4547351164' }),
        text('.'),
      ]),
    );
  });

  it('other digits, text already in a link and files without units are left alone', () => {
    const body = () => el('root', [el('p', [text('Sag 12 34 56 78. '), el('a', [text('70 22 22 10')], { href: '/kontakt/' })])]);
    expect(run(body(), file(units))).toEqual(body());
    expect(run(el('root', [el('p', [text('70 22 22 10')])]), file(undefined))).toEqual(el('root', [el('p', [text('70 22 22 10')])]));
    expect(run(el('root', [el('p', [text('70 22 22 10')])]), undefined)).toEqual(el('root', [el('p', [text('70 22 22 10')])]));
  });
});
