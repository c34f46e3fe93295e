/**
 * An article's MDX body → the HTML of its page body and its headings, with the semantics Astro's MDX
 * integration gave it (MDX parser, remark-gfm, rehype-slug, the paragraph-id plugin, no SmartyPants,
 * Astro's escaping), but without compiling the file to a JavaScript module: the body is text, so it
 * is rendered once, to a string, and cached by the loader.
 */
import type { Element, Root as HastRoot } from 'hast';
import rehypeSlug from 'rehype-slug';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkRehype, { type Options as RemarkRehypeOptions } from 'remark-rehype';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import rehypeParagraphIds from '../plugins/rehype-paragraph-ids.ts';
import type { Heading } from '../lib/archive/toc.ts';
import { toAstroHtml } from './astro-html.ts';
import rehypeJsxToElements from './jsx-to-elements.ts';
import remarkPlainMdx from './plain-mdx.ts';

/**
 * Part of every cache key: bump it whenever this file, a plugin it runs or the serialiser changes
 * what a body renders to, so cached HTML from the old pipeline is never served.
 */
export const PIPELINE_VERSION = 'article-html-1';

export interface RenderedArticle {
  html: string;
  headings: Heading[];
}

/** The JSX node types MDX's own `remark-rehype` passes through untouched. */
const MDX_NODE_TYPES = ['mdxFlowExpression', 'mdxJsxFlowElement', 'mdxJsxTextElement', 'mdxTextExpression', 'mdxjsEsm'];

const processor = unified()
  .use(remarkParse)
  .use(remarkMdx)
  .use(remarkGfm)
  .use(remarkPlainMdx)
  .use(remarkRehype, { allowDangerousHtml: true, passThrough: MDX_NODE_TYPES } as RemarkRehypeOptions)
  .use(rehypeJsxToElements)
  .use(rehypeSlug)
  .use(rehypeParagraphIds)
  .freeze();

/** As Astro's `rehypeHeadingIds` reports them for MDX: every `h1`–`h6`, its id, its text nodes joined. */
export function collectHeadings(tree: HastRoot): Heading[] {
  const headings: Heading[] = [];
  visit(tree, 'element', (node: Element) => {
    const depth = /^h([1-6])$/.exec(node.tagName)?.[1];
    if (!depth) return;
    let text = '';
    visit(node, 'text', (child) => {
      text += child.value;
    });
    headings.push({ depth: Number(depth), slug: String(node.properties.id ?? ''), text });
  });
  return headings;
}

/**
 * Renders one body. `body` is the file's text with its front-matter blanked out (same length), so
 * the line and column of an error are the file's own; `path` names the file in that error.
 */
export function renderArticle(body: string, path: string): RenderedArticle {
  const file = new VFile({ value: body, path });
  const tree = processor.runSync(processor.parse(file), file) as HastRoot;
  return { html: toAstroHtml(tree), headings: collectHeadings(tree) };
}
