/**
 * The bare-stack baseline: a throwaway Astro project with only what the archive cannot do without —
 * @astrojs/mdx on the unified processor with remark-gfm and rehype-slug, one content collection
 * over the same generated MDX, and one trivial page per article — indexed by the same Pagefind
 * step. The project's build time divided by this one's is what the archive's own features cost.
 * It borrows this repo's node_modules through a symlink, so it needs no install.
 */
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';

const CONFIG = `import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import remarkGfm from 'remark-gfm';
import rehypeSlug from 'rehype-slug';

export default defineConfig({
  site: 'http://localhost:4321',
  integrations: [mdx()],
  markdown: {
    processor: unified({ gfm: false, smartypants: false, remarkPlugins: [remarkGfm], rehypePlugins: [rehypeSlug] }),
  },
  build: { format: 'directory' },
  devToolbar: { enabled: false },
});
`;

const collections = (articlesDir: string): string => `import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';

export const collections = {
  articles: defineCollection({ loader: glob({ pattern: '**/*.mdx', base: ${JSON.stringify(articlesDir)} }) }),
};
`;

const PAGE = `---
import { getCollection, render } from 'astro:content';

export async function getStaticPaths() {
  const articles = await getCollection('articles');
  return articles.map((entry) => ({ params: { slug: entry.id }, props: { entry } }));
}
const { entry } = Astro.props;
const { Content } = await render(entry);
---
<html lang="en">
  <head><meta charset="utf-8" /><title>{entry.data.title}</title></head>
  <body><main data-pagefind-body><h1>{entry.data.title}</h1><Content /></main></body>
</html>
`;

/** Writes the baseline project into `root` and returns `root`. */
export async function writeBaseline(root: string, articlesDir: string, repoRoot: string): Promise<string> {
  await mkdir(path.join(root, 'src/pages/articles'), { recursive: true });
  await writeFile(path.join(root, 'package.json'), `${JSON.stringify({ name: 'bench-baseline', private: true, type: 'module' })}\n`);
  await symlink(path.join(repoRoot, 'node_modules'), path.join(root, 'node_modules'), 'dir');
  await writeFile(path.join(root, 'astro.config.mjs'), CONFIG);
  await writeFile(path.join(root, 'src/content.config.ts'), collections(path.resolve(articlesDir)));
  await writeFile(path.join(root, 'src/pages/articles/[slug].astro'), PAGE);
  return root;
}
