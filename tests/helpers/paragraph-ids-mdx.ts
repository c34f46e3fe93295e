/**
 * Paragraph ids of an MDX article computed outside Astro: the test oracle for the ids the ingester
 * works out from its own syntax tree (scripts/ingest/derived.ts). It runs the same MDX parser,
 * remark-gfm and rehype-slug as the site, then reads the ids the way the rehype plugin assigns them.
 */
import { compile } from '@mdx-js/mdx';
import type { Root } from 'hast';
import remarkGfm from 'remark-gfm';
import rehypeSlug from 'rehype-slug';
import { paragraphIdsFromHast } from '../../src/lib/paragraph-id.ts';

/** Drops a leading YAML front-matter block: Astro strips it before MDX sees the body. */
export function stripFrontMatter(source: string): string {
  const match = /^---\r?\n[\s\S]*?\r?\n---[ \t]*(?:\r?\n|$)/.exec(source);
  return match ? source.slice(match[0].length) : source;
}

/** The paragraph ids, in document order, of an `.mdx` file's text (front matter allowed). */
export async function paragraphIdsOfMdx(source: string): Promise<string[]> {
  let ids: string[] = [];
  const capture = () => (tree: Root) => {
    ids = paragraphIdsFromHast(tree);
  };
  await compile(stripFrontMatter(source), {
    remarkPlugins: [remarkGfm],
    rehypePlugins: [rehypeSlug, capture],
  });
  return ids;
}
