/**
 * The reference the article loader is held to: an article body compiled by Astro's own MDX pipeline
 * (`@astrojs/markdown-remark`'s MDX processor with the options the site used before the loader:
 * remark-gfm, rehype-slug, the paragraph-id plugin, no SmartyPants), the resulting module run and
 * rendered by Astro's container with the MDX renderer — what an article page's body used to be.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { getContainerRenderer } from '@astrojs/mdx/container-renderer';
import { unified } from '@astrojs/markdown-remark';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { loadRenderers } from 'astro/virtual-modules/container.js';
import rehypeSlug from 'rehype-slug';
import remarkGfm from 'remark-gfm';
import rehypeParagraphIds from '../../src/plugins/rehype-paragraph-ids.ts';
import type { Heading } from '../../src/lib/archive/toc.ts';

const root = path.resolve(import.meta.dirname, '../..');
const processor = unified({
  gfm: false,
  smartypants: false,
  remarkPlugins: [remarkGfm],
  rehypePlugins: [rehypeSlug, rehypeParagraphIds],
});

/** What `@astrojs/mdx`'s post-processing adds so Astro renders the module as an MDX component. */
const POSTPROCESS = `
import { __astro_tag_component__ } from 'astro/runtime/server/index.js';
export const Content = (props = {}) => MDXContent({ ...props, components: { Fragment: _Fragment } });
Content[Symbol.for('mdx-component')] = true;
__astro_tag_component__(Content, 'astro:jsx');
`;

export interface AstroMdxRenderer {
  render(body: string, file: string): Promise<{ html: string; headings: Heading[] }>;
  close(): void;
}

export async function createAstroMdxRenderer(): Promise<AstroMdxRenderer> {
  const mdx = await processor.createMdxRenderer!(
    { syntaxHighlight: false } as never,
    { optimize: false, srcDir: pathToFileURL(path.join(root, 'src/')), sourcemap: false } as never,
  );
  const container = await AstroContainer.create({ renderers: await loadRenderers([getContainerRenderer()]) });
  // Inside node_modules so the module's `astro/*` imports resolve from the project.
  const dir = mkdtempSync(path.join(root, 'node_modules/.astro-mdx-reference-'));
  let count = 0;
  return {
    async render(body, file) {
      const { code } = await mdx.process(body, file, {});
      const withFragment = /\bFragment as _Fragment\b/.test(code)
        ? code
        : `${code}\nimport { Fragment as _Fragment } from 'astro/jsx-runtime';`;
      const modulePath = path.join(dir, `${(count += 1)}.mjs`);
      writeFileSync(
        modulePath,
        withFragment.replace('export default function MDXContent', 'function MDXContent') + POSTPROCESS,
      );
      const module = await import(pathToFileURL(modulePath).href);
      return { html: await container.renderToString(module.Content), headings: module.getHeadings() };
    },
    close: () => rmSync(dir, { recursive: true, force: true }),
  };
}
