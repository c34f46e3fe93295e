/**
 * An article's MDX body → the HTML of its page body and its headings, with the semantics Astro's MDX
 * integration gave it (MDX parser, remark-gfm, rehype-slug, the paragraph-id plugin, no SmartyPants,
 * Astro's escaping), but without compiling the file to a JavaScript module: the body is text, so it
 * is rendered once, to a string, and cached by the loader.
 *
 * Parsing is Sätteri's native MDX parser (`mdxToHast`: MDX + GFM straight to hast, ~9× faster than
 * remark-parse + remark-mdx + remark-gfm + mdast-util-to-hast on the Tehran Times text, with identical
 * output — `tests/unit/article-loader.test.ts` holds it to Astro's own MDX pipeline byte for byte).
 */
import type { Element, Root as HastRoot } from 'hast';
import rehypeSlug from 'rehype-slug';
import { mdxToHast } from 'satteri';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import rehypeParagraphIds from '../plugins/rehype-paragraph-ids.ts';
import type { Heading } from '../lib/archive/toc.ts';
import { toAstroHtml } from './astro-html.ts';
import rehypeJsxToElements from './jsx-to-elements.ts';
import checkPlainMdx from './plain-mdx.ts';

/**
 * Part of every cache key: bump it whenever this file, a plugin it runs or the serialiser changes
 * what a body renders to, so cached HTML from the old pipeline is never served.
 */
export const PIPELINE_VERSION = 'article-html-2';

export interface RenderedArticle {
  html: string;
  headings: Heading[];
}

/** MDX's JSX and expression nodes arrive in hast as they were in mdast: checked there, then converted. */
const pipeline = unified()
  .use(checkPlainMdx)
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

/** Sätteri reports `line:column: reason (rule)`; the vfile message carries them apart. */
function failOnSyntax(file: VFile, error: unknown): never {
  const text = error instanceof Error ? error.message : String(error);
  const [, line, column, reason] = /^(\d+):(\d+): ([\s\S]*)$/.exec(text) ?? [];
  const place = line ? { line: Number(line), column: Number(column) } : undefined;
  return file.fail(`not valid MDX: ${reason ?? text}`, {
    place,
    ruleId: 'mdx-syntax',
    source: 'article-loader',
  });
}

/**
 * Renders one body. `body` is the file's text with its front-matter blanked out (same length), so
 * the line and column of an error are the file's own; `path` names the file in that error.
 */
export function renderArticle(body: string, path: string): RenderedArticle {
  const file = new VFile({ value: body, path });
  let parsed: HastRoot;
  try {
    parsed = mdxToHast(body, { features: { gfm: true, frontmatter: false } }) as unknown as HastRoot;
  } catch (error) {
    failOnSyntax(file, error);
  }
  const tree = pipeline.runSync(parsed, file) as HastRoot;
  return { html: toAstroHtml(tree), headings: collectHeadings(tree) };
}
