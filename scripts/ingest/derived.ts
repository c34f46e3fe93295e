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
import { isWhiteSpace } from './repeated.ts';

type Node = Root | RootContent;

/** Footnote marks are not words a reader reads, nor part of a paragraph's id. */
const isFootnoteMark = (node: Node): boolean => node.type === 'mdxJsxTextElement' && node.name === 'sup';

/** Blocks are apart on the page (`<p>a</p><p>b</p>` reads "a b"); inline content runs on. */
const BLOCKS = new Set(['root', 'list', 'listItem', 'mdxJsxFlowElement']);

/** Each node's text as the page shows it, footnote marks left out: worked out once per node. */
class Texts {
  private readonly known = new Map<Node, string>();

  of(node: Node): string {
    if (node.type === 'text') return node.value;
    if (isFootnoteMark(node) || !('children' in node)) return '';
    let text = this.known.get(node);
    if (text === undefined) {
      text = (node.children as Node[]).map((child) => this.of(child)).join(BLOCKS.has(node.type) ? ' ' : '');
      this.known.set(node, text);
    }
    return text;
  }
}

/** The text of a node as the page shows it, footnote marks left out (for one-off use: the names finder). */
export function textOf(node: Node): string {
  return new Texts().of(node);
}

/** The paragraph targets of the rendered page in document order (see src/lib/paragraph-id.ts): root and caption paragraphs, list items. */
export function targets(node: Node, found: Node[] = []): Node[] {
  if (node.type === 'paragraph' || node.type === 'listItem') found.push(node);
  else if (node.type !== 'heading' && 'children' in node)
    for (const child of node.children as Node[]) targets(child, found);
  return found;
}

/** The ids rehype-slug gives the headings: paragraph ids never take one. */
function headingSlugs(tree: Root, texts: Texts): string[] {
  const slugger = new GithubSlugger();
  return tree.children.flatMap((node) => (node.type === 'heading' ? [slugger.slug(texts.of(node))] : []));
}

/** The lead: the first paragraph or list item with text, captions and headings aside. */
function leadOf(tree: Root, texts: Texts): string | undefined {
  for (const node of tree.children) {
    if (node.type !== 'paragraph' && node.type !== 'list') continue;
    const text = texts
      .of(node.type === 'list' ? node.children[0]! : node)
      .replace(/\s+/g, ' ')
      .trim();
    if (text) return text;
  }
  return undefined;
}

const WORD_CHARACTER = /^[\p{L}\p{N}]$/u;
const wordCharacters = new Map<number, boolean>();

/** A letter or digit (`[\p{L}\p{N}]`), by code point. */
function isWordCharacter(code: number): boolean {
  if (code < 128) return (code >= 48 && code <= 57) || ((code | 32) >= 97 && (code | 32) <= 122);
  let known = wordCharacters.get(code);
  if (known === undefined)
    wordCharacters.set(code, (known = WORD_CHARACTER.test(String.fromCodePoint(code))));
  return known;
}

/**
 * Words: runs without white space that hold a letter or digit; the count of
 * `/\S*[\p{L}\p{N}]\S*\/gu` matches, in one pass over the code points.
 */
export function countWords(text: string): number {
  let count = 0;
  let counted = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.codePointAt(i)!;
    if (code > 0xffff) i++;
    if (isWhiteSpace(code)) counted = false;
    else if (!counted && isWordCharacter(code)) {
      count++;
      counted = true;
    }
  }
  return count;
}

export interface Derived {
  description?: string;
  wordCount: number;
  paragraphIds: string[];
}

export function deriveFromTree(tree: Root, subtitle: string | undefined): Derived {
  const texts = new Texts();
  const lead = leadOf(tree, texts);
  return {
    description: subtitle ? clip(subtitle) : lead && clip(firstSentence(lead)),
    wordCount: countWords(texts.of(tree)),
    paragraphIds: paragraphIds(
      targets(tree).map((node) => texts.of(node)),
      headingSlugs(tree, texts),
    ),
  };
}
