/**
 * The fastest-path baseline (issue #13): what Astro alone does fastest with the same text — the
 * generated articles as plain `.md` files, rendered by Astro's default (native, Sätteri) Markdown
 * processor through the stock glob loader, one trivial page each, indexed by Pagefind's own CLI.
 * The project's build divided by this one is what the archive's features and MDX semantics cost.
 * It borrows this repo's node_modules through a symlink, so it needs no install; the `.md` files
 * are symlinks to the generated `.mdx` (Markdown reads MDX's escapes the same way).
 */
import { mkdir, readdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';

const CONFIG = `import { defineConfig } from 'astro/config';

export default defineConfig({
  site: 'http://localhost:4321',
  build: { format: 'directory' },
  devToolbar: { enabled: false },
});
`;

const collections = (articlesDir: string): string => `import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';

export const collections = {
  articles: defineCollection({ loader: glob({ pattern: '**/*.md', base: ${JSON.stringify(articlesDir)} }) }),
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

/** Links every `<slug>.mdx` in `articlesDir` as `<slug>.md` in `markdownDir`. */
async function linkAsMarkdown(articlesDir: string, markdownDir: string): Promise<void> {
  await mkdir(markdownDir, { recursive: true });
  for (const name of await readdir(articlesDir)) {
    if (name.endsWith('.mdx'))
      await symlink(path.join(articlesDir, name), path.join(markdownDir, `${name.slice(0, -1)}`));
  }
}

/** Writes the baseline project into `root` and returns `root`. */
export async function writeBaseline(root: string, articlesDir: string, repoRoot: string): Promise<string> {
  await mkdir(path.join(root, 'src/pages/articles'), { recursive: true });
  await writeFile(
    path.join(root, 'package.json'),
    `${JSON.stringify({ name: 'bench-baseline', private: true, type: 'module' })}\n`,
  );
  await symlink(path.join(repoRoot, 'node_modules'), path.join(root, 'node_modules'), 'dir');
  await linkAsMarkdown(path.resolve(articlesDir), path.join(root, 'articles'));
  await writeFile(path.join(root, 'astro.config.mjs'), CONFIG);
  await writeFile(path.join(root, 'src/content.config.ts'), collections(path.join(root, 'articles')));
  await writeFile(path.join(root, 'src/pages/articles/[slug].astro'), PAGE);
  return root;
}
