/**
 * What the site used to work out from each article's MDX on every build, computed once at ingest
 * from the syntax tree the ingester builds: the description (standfirst, or the lead's first
 * sentence), the word count, and the paragraph ids the rehype plugin will give the rendered page
 * (proven equal to them for every fixture and by a property test: tests/unit/ingest-derived.test.ts).
 */
import GithubSlugger from 'github-slugger';
import type { Root, RootContent } from 'mdast';
import { clip } from '../../src/lib/archive/description.ts';
import { paragraphIds } from '../../src/lib/paragraph-id.ts';
import { firstSentence } from '../../src/lib/sentences.ts';

type Node = Root | RootContent;

/** Footnote marks are not words a reader reads, nor part of a paragraph's id. */
const isFootnoteMark = (node: Node): boolean => node.type === 'mdxJsxTextElement' && node.name === 'sup';

/** Blocks are apart on the page (`<p>a</p><p>b</p>` reads "a b"); inline content runs on. */
const BLOCKS = new Set(['root', 'list', 'listItem', 'mdxJsxFlowElement']);

/** The text of a node as the page shows it, footnote marks left out. */
export function textOf(node: Node): string {
  if (node.type === 'text') return node.value;
  if (isFootnoteMark(node) || !('children' in node)) return '';
  return (node.children as Node[]).map(textOf).join(BLOCKS.has(node.type) ? ' ' : '');
}

/** The paragraph targets of the rendered page in document order (see src/lib/paragraph-id.ts): root and caption paragraphs, list items. */
export function targets(node: Node, found: Node[] = []): Node[] {
  if (node.type === 'paragraph' || node.type === 'listItem') found.push(node);
  else if (node.type !== 'heading' && 'children' in node)
    for (const child of node.children as Node[]) targets(child, found);
  return found;
}

/** The ids rehype-slug gives the headings: paragraph ids never take one. */
function headingSlugs(tree: Root): string[] {
  const slugger = new GithubSlugger();
  return tree.children.flatMap((node) => (node.type === 'heading' ? [slugger.slug(textOf(node))] : []));
}

/** The lead: the first paragraph or list item with text, captions and headings aside. */
function leadOf(tree: Root): string | undefined {
  for (const node of tree.children) {
    if (node.type !== 'paragraph' && node.type !== 'list') continue;
    const text = textOf(node.type === 'list' ? node.children[0]! : node)
      .replace(/\s+/g, ' ')
      .trim();
    if (text) return text;
  }
  return undefined;
}

export interface Derived {
  description?: string;
  wordCount: number;
  paragraphIds: string[];
}

export function deriveFromTree(tree: Root, subtitle: string | undefined): Derived {
  const lead = leadOf(tree);
  return {
    description: subtitle ? clip(subtitle) : lead && clip(firstSentence(lead)),
    // Words: runs without white space that hold a letter or digit.
    wordCount: textOf(tree).match(/\S*[\p{L}\p{N}]\S*/gu)?.length ?? 0,
    paragraphIds: paragraphIds(targets(tree).map(textOf), headingSlugs(tree)),
  };
}
