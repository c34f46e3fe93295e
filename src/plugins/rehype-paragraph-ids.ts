/**
 * Rehype plugin: gives every paragraph and list item of an MDX body a permanent id derived from its
 * own text (see `src/lib/paragraph-id.ts`) and a ¶ link to it, so deep links work without JavaScript.
 *
 * Runs after rehype-slug, so heading ids are already present and are avoided. The ¶ link is a plain
 * `<a href="#id">` marked `data-pagefind-ignore`, so search excerpts and the ids themselves never see it.
 */
import type { Element, ElementContent, Root } from 'hast';
import { PILCROW_CLASS, paragraphElements, paragraphIdsFromHast } from '../lib/paragraph-id.ts';

const LISTS = new Set(['ul', 'ol']);

function pilcrow(id: string): Element {
  return {
    type: 'element',
    tagName: 'a',
    properties: {
      className: [PILCROW_CLASS],
      href: `#${id}`,
      ariaLabel: 'Link to this paragraph',
      dataPagefindIgnore: '',
    },
    children: [{ type: 'text', value: '¶' }],
  };
}

function isElement(node: ElementContent | undefined, names: Set<string> | string): node is Element {
  if (node?.type !== 'element') return false;
  return typeof names === 'string' ? node.tagName === names : names.has(node.tagName);
}

/**
 * Puts the ¶ at the end of the item's own text: before a nested list, and inside the last paragraph
 * of a loose item (a link after a block would sit alone on its own line).
 */
function appendPilcrow(element: Element, link: Element): void {
  const children = element.children;
  const listAt = children.findIndex((child) => isElement(child, LISTS));
  const end = listAt === -1 ? children.length : listAt;
  const last = children.slice(0, end).findLast((child) => child.type !== 'text' || child.value.trim() !== '');
  if (element.tagName === 'li' && isElement(last, 'p')) last.children.push(link);
  else children.splice(end, 0, link);
}

function alreadyLinked(element: Element): boolean {
  const hasLink = (node: ElementContent): boolean =>
    node.type === 'element' &&
    ((Array.isArray(node.properties.className) && node.properties.className.includes(PILCROW_CLASS)) ||
      node.children.some(hasLink));
  return element.children.some(hasLink);
}

export default function rehypeParagraphIds() {
  return (tree: Root): void => {
    const elements = paragraphElements(tree);
    const ids = paragraphIdsFromHast(tree);
    elements.forEach((element, i) => {
      const id = ids[i] as string;
      element.properties.id = id;
      // Idempotent: running twice over a tree must not add a second ¶.
      if (!alreadyLinked(element)) appendPilcrow(element, pilcrow(id));
    });
  };
}
