/**
 * An article's one-line description for `<meta name="description">`, Open Graph and JSON-LD: its
 * standfirst, or else the first sentence of its body. The body is the MDX source, so it is parsed
 * (not pattern-matched) to get text without markup, footnote marks or JSX.
 */
import type { Paragraph, Root, RootContent } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

/** Search engines show about this much; a longer first sentence is cut at a word. */
export const DESCRIPTION_MAX = 300;

/**
 * Lower-cased words that take a full stop without ending a sentence. Single letters ("J.") and
 * dotted initialisms ("U.S.", "e.g.") are recognised by shape, so they are not listed.
 */
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'sr', 'jr', 'st', 'mt', 'ft', 'no', 'nos', 'vol', 'pp', 'vs', 'cf', 'approx',
  'gen', 'brig', 'col', 'lt', 'maj', 'capt', 'cpt', 'sgt', 'cpl', 'pvt', 'adm', 'cmdr', 'cdr', 'gov', 'sen', 'rep',
  'pres', 'amb', 'hon', 'rev', 'messrs', 'inc', 'ltd', 'co', 'corp', 'dept', 'est', 'fig', 'jan', 'feb', 'mar',
  'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
]);

/** A full stop, "!", "?" or "…", with any closing quotes or brackets, then a space. */
const SENTENCE_END = /[.!?…]+["'”’)\]]*(?=\s)/g;
/** What starts a new sentence: a capital, digit, or opening quote or bracket. */
const SENTENCE_START = /^\s+["'“‘(\[]?[\p{Lu}\p{Lt}\p{Lo}\p{N}]/u;

/** The first sentence of plain text; the whole text when no sentence end is found. */
export function firstSentence(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  for (const match of flat.matchAll(SENTENCE_END)) {
    const end = match.index + match[0].length;
    if (!SENTENCE_START.test(flat.slice(end))) continue;
    if (match[0].startsWith('.') && isAbbreviation(flat.slice(0, match.index))) continue;
    return flat.slice(0, end);
  }
  return flat;
}

/** Whether the word before a full stop is an abbreviation rather than a sentence's last word. */
function isAbbreviation(before: string): boolean {
  const word = /[\p{L}.]+$/u.exec(before)?.[0] ?? '';
  if (word === '') return false;
  if (/^\p{L}$/u.test(word) || /^(?:\p{L}\.)+\p{L}$/u.test(word)) return true;
  return ABBREVIATIONS.has(word.toLowerCase());
}

/** Cuts text longer than `max` at the last space before it, marking the cut with "…". */
export function clip(text: string, max = DESCRIPTION_MAX): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:–—-]+$/, '')}…`;
}

const parser = unified().use(remarkParse).use(remarkMdx).use(remarkGfm);
/** Lines parsed first; the lead is nearly always among them. */
const LEAD_LINES = 16;

/**
 * The text of the first paragraph of an MDX body (in a list or quote too), if any. Parsing a long
 * body costs tens of milliseconds, so its first lines are tried alone; the whole body is parsed
 * only when they hold no paragraph or do not parse on their own (a JSX element cut in two). The
 * ingester writes a paragraph or list item per line, so the cut does not split the lead.
 */
export function leadText(mdx: string): string | undefined {
  const lines = mdx.split('\n');
  if (lines.length > LEAD_LINES) {
    const lead = tryLead(lines.slice(0, LEAD_LINES).join('\n'));
    if (lead) return lead;
  }
  return leadOf(parser.parse(mdx) as Root);
}

function tryLead(prefix: string): string | undefined {
  try {
    return leadOf(parser.parse(prefix) as Root);
  } catch {
    return undefined;
  }
}

function leadOf(root: Root): string | undefined {
  const paragraph = firstParagraph(root);
  const text = paragraph && plainText(paragraph).replace(/\s+/g, ' ').trim();
  return text || undefined;
}

/** Not the article's lead: headings, code, captions (`<figure>`) and footnote definitions. */
function isAside(node: Root | RootContent): boolean {
  if (node.type === 'heading' || node.type === 'code' || node.type === 'footnoteDefinition') return true;
  return node.type === 'mdxJsxFlowElement' && (node.name === 'figure' || node.name === 'figcaption');
}

/** Depth-first: the first paragraph with text, looking into lists and quotes. */
function firstParagraph(node: Root | RootContent): Paragraph | undefined {
  if (node.type === 'paragraph') return plainText(node).trim() === '' ? undefined : node;
  if (isAside(node) || !('children' in node)) return undefined;
  for (const child of node.children) {
    const found = firstParagraph(child);
    if (found) return found;
  }
  return undefined;
}

/** The words a reader sees, without footnote marks (`<sup>`, `[^1]`) or MDX expressions. */
function plainText(node: RootContent): string {
  if (node.type === 'footnoteReference' || node.type === 'mdxTextExpression') return '';
  if (node.type === 'mdxJsxTextElement' && node.name === 'sup') return '';
  if (node.type === 'text' || node.type === 'inlineCode') return node.value;
  if (node.type === 'break') return ' ';
  return 'children' in node ? (node.children as RootContent[]).map(plainText).join('') : '';
}

/** The standfirst, or the body's first sentence; undefined for an article with neither. */
export function describeArticle(subtitle: string | undefined, body: string | undefined): string | undefined {
  if (subtitle) return clip(subtitle);
  const lead = body ? leadText(body) : undefined;
  return lead && clip(firstSentence(lead));
}
