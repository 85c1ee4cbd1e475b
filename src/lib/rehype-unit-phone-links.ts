import { telHref } from '../domain/phone-numbers.ts';
import { phoneSegments, unitPhones } from '../domain/phone-numbers-in-text.ts';
import type { HastNode } from './hast.ts';


interface VFileLike {
  data?: { astro?: { frontmatter?: { units?: unknown } } };
}

/** The units' phone numbers from a content file's frontmatter; none when it has no units (not a kommune). */
function phonesOf(file: VFileLike | undefined): string[] {
  const units = file?.data?.astro?.frontmatter?.units;
  if (!Array.isArray(units)) return [];
  return unitPhones(units.filter((u): u is { phone: string | null } => typeof u?.phone === 'string' || u?.phone === null));
}

/**
 * In the body of a kommune's standard, makes each of its units' phone numbers
 * (as the frontmatter gives them) a `tel:` link, as "Kort fortalt" and the
 * fact texts do (PhoneText.astro): one tap to call on a phone, and a number
 * that never breaks across lines at 320 px (site.scss). Only the units' own
 * numbers (phoneSegments); other digits stay text. Text already in a link is
 * left alone.
 */
export function rehypeUnitPhoneLinks() {
  return (tree: HastNode, file?: VFileLike) => {
    const phones = phonesOf(file);
    if (!phones.length) return;
    const visit = (node: HastNode) => {
      if (!node.children || (node.type === 'element' && node.tagName === 'a')) return;
      node.children = node.children.flatMap((child): HastNode[] => {
        if (child.type !== 'text') {
          visit(child);
          return [child];
        }
        return phoneSegments(child.value ?? '', phones).map((s) =>
          s.phone
            ? { type: 'element', tagName: 'a', properties: { href: telHref(s.phone) }, children: [{ type: 'text', value: s.text }] }
            : { type: 'text', value: s.text },
        );
      });
    };
    visit(tree);
  };
}
