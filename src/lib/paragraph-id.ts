/**
 * Permanent paragraph ids: every paragraph and list item of an article body is named after its own
 * text, so a link to it survives edits, insertions and removals elsewhere in the article.
 *
 * Pure and free of Astro imports: the rehype plugin (`src/plugins/rehype-paragraph-ids.ts`) and the
 * ingester (which reports ids that changed between ingests) must extract text and hash it the same way.
 *
 * Decisions:
 * - Targets are `li` elements and `p` elements that are not inside an `li` (the item carries the id,
 *   so a loose list item is one target, like a tight one).
 * - A list item's text excludes its nested lists (those items have ids of their own), so editing a
 *   sub-item does not move its parent's id.
 * - Footnote marks (`sup`) are left out: renumbering notes must not break links.
 * - The text is reduced to its words (NFKC, lower case, letters/marks/digits, single spaces), so
 *   typographic fixes by a better ingester (quotes, dashes, spacing, escaping) keep the id.
 * - An element that already has an id (e.g. GFM footnote items) keeps it.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { hashDigits, shortHash } from './hash.ts';

/** Class of the ¶ link the plugin inserts; its text is never part of a paragraph's text. */
export const PILCROW_CLASS = 'pilcrow';

const ID_PREFIX = 'p-';
const BLOCK_TAGS = new Set([
  'p',
  'div',
  'ul',
  'ol',
  'li',
  'blockquote',
  'br',
  'figure',
  'figcaption',
  'table',
  'tr',
  'td',
  'th',
]);
const SKIPPED_TAGS = new Set(['sup', 'script', 'style']);
const LISTS = new Set(['ul', 'ol']);

type Node = Root | RootContent | ElementContent;

/** Element or MDX JSX element name (`<sup>` written in MDX is JSX, not a hast element). */
function nameOf(node: Node): string | undefined {
  if (node.type === 'element') return node.tagName;
  if ('name' in node && typeof node.name === 'string') return node.name;
  return undefined;
}

function isPilcrow(node: Node): boolean {
  if (node.type !== 'element') return false;
  const cls = node.properties.className;
  return Array.isArray(cls) && cls.includes(PILCROW_CLASS);
}

function childrenOf(node: Node): Node[] {
  return 'children' in node ? (node.children as Node[]) : [];
}

/** The visible text of a node; nested lists are skipped when `skipLists` (a list item's own text). */
function textOf(node: Node, skipLists: boolean): string {
  if (node.type === 'text') return node.value;
  // Comments, raw HTML and MDX expressions (`{…}` is code, not text) have no children.
  if (!('children' in node)) return '';
  const name = nameOf(node);
  if (name !== undefined && (SKIPPED_TAGS.has(name) || (skipLists && LISTS.has(name)))) return '';
  if (isPilcrow(node)) return '';
  const inner = childrenOf(node)
    .map((child) => textOf(child, skipLists))
    .join('');
  // Block boundaries separate words: `<p>a</p><p>b</p>` is "a b", not "ab".
  return name !== undefined && BLOCK_TAGS.has(name) ? ` ${inner} ` : inner;
}

/**
 * ASCII plus punctuation common in English prose (dashes, curly quotes, no-break space, ellipsis,
 * bullet, pound and euro signs): none is a letter or digit, nor becomes one under NFKC, so for such
 * text the result is the ASCII rule's. Most paragraphs are this, and skip the costly path.
 */
// eslint-disable-next-line no-control-regex -- the whole ASCII range, control characters included
const PLAIN = /^[\u0000-\u007f\u00a0\u00a3\u2013\u2014\u2018\u2019\u201c\u201d\u2022\u2026\u20ac]*$/;

/** Reduces text to its words, so only a change of wording changes the id. */
export function normaliseParagraphText(text: string): string {
  if (PLAIN.test(text))
    return text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, ' ')
    .trim();
}

/** The non-ASCII characters of `PLAIN`: none is a letter or digit. */
function isPlainPunctuation(code: number): boolean {
  return (
    code === 0xa0 ||
    code === 0xa3 ||
    code === 0x2013 ||
    code === 0x2014 ||
    code === 0x2018 ||
    code === 0x2019 ||
    code === 0x201c ||
    code === 0x201d ||
    code === 0x2022 ||
    code === 0x2026 ||
    code === 0x20ac
  );
}

/**
 * For `PLAIN` text, `fnv1a32(normaliseParagraphText(text))` worked out in one pass without building
 * the normalised text (its words, lower case, one space between); undefined for any other text.
 */
function plainWordsHash(text: string): number | undefined {
  let hash = 0x811c9dc5 | 0;
  let started = false;
  let gap = false;
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    if (code >= 65 && code <= 90) code += 32;
    if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57)) {
      if (gap && started) hash = Math.imul(hash ^ 32, 0x01000193);
      hash = Math.imul(hash ^ code, 0x01000193);
      started = true;
      gap = false;
    } else if (code < 128 || isPlainPunctuation(code)) gap = true;
    else return undefined;
  }
  return hash >>> 0;
}

/** The base id of one paragraph text, before de-duplication: `p-` + 7 base-36 digits. */
export function paragraphId(text: string): string {
  const plain = plainWordsHash(text);
  return ID_PREFIX + (plain === undefined ? shortHash(normaliseParagraphText(text)) : hashDigits(plain));
}

/**
 * Ids for the paragraphs of one page, in document order. Repeated texts get `-2`, `-3`… by order of
 * occurrence; ids in `reserved` (heading slugs, ids already present) are skipped over.
 */
export function paragraphIds(texts: readonly string[], reserved: Iterable<string> = []): string[] {
  const taken = new Set(reserved);
  return texts.map((text) => {
    const base = paragraphId(text);
    let id = base;
    for (let n = 2; taken.has(id); n += 1) id = `${base}-${n}`;
    taken.add(id);
    return id;
  });
}

/** The paragraph and list-item elements that carry ids, in document order. */
export function paragraphElements(tree: Root | Element): Element[] {
  const found: Element[] = [];
  const walk = (node: Node, inItem: boolean): void => {
    const name = nameOf(node);
    if (node.type === 'element' && (name === 'li' || (name === 'p' && !inItem))) found.push(node);
    for (const child of childrenOf(node)) walk(child, inItem || name === 'li');
  };
  walk(tree, false);
  return found;
}

/** The text of one paragraph or list item, as hashed for its id. */
export function paragraphText(element: Element): string {
  return textOf(element, element.tagName === 'li');
}

/** The texts of all paragraph targets of a tree: the ingester's input to `paragraphIds`. */
export function paragraphTextsFromHast(tree: Root): string[] {
  return paragraphElements(tree).map(paragraphText);
}

/** Every `id` already present in a tree. */
export function existingIds(tree: Root): Set<string> {
  const ids = new Set<string>();
  const walk = (node: Node): void => {
    if (node.type === 'element' && typeof node.properties.id === 'string') ids.add(node.properties.id);
    childrenOf(node).forEach(walk);
  };
  walk(tree);
  return ids;
}

/**
 * The final id of every paragraph target, in document order: an existing id is kept, the others
 * come from `paragraphIds` (avoiding every id already in the tree).
 */
export function paragraphIdsFromHast(tree: Root): string[] {
  const elements = paragraphElements(tree);
  const fresh = paragraphIds(
    elements.filter((el) => typeof el.properties.id !== 'string').map(paragraphText),
    existingIds(tree),
  );
  let next = 0;
  return elements.map((el) =>
    typeof el.properties.id === 'string' ? el.properties.id : (fresh[next++] as string),
  );
}

/** Which ids a re-ingest removes (links that would break) and adds. */
export function diffParagraphIds(
  before: readonly string[],
  after: readonly string[],
): { removed: string[]; added: string[] } {
  const old = new Set(before);
  const now = new Set(after);
  return { removed: before.filter((id) => !now.has(id)), added: after.filter((id) => !old.has(id)) };
}
