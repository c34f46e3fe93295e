// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { unified } from '@astrojs/markdown-remark';
import remarkGfm from 'remark-gfm';
import rehypeSlug from 'rehype-slug';
import rehypeParagraphIds from './src/plugins/rehype-paragraph-ids.ts';

// The site's public base URL: canonical links, RSS, sitemap and citations are built from it.
const site = process.env.SITE_URL ?? 'http://localhost:4321';

export default defineConfig({
  site,
  trailingSlash: 'always',
  // The RSS feed is a page (src/pages/rss.xml.ts); the 404 page has no place in the sitemap.
  integrations: [mdx(), sitemap({ filter: (page) => !new URL(page).pathname.startsWith('/404') })],
  markdown: {
    // Raw text must reach the page as written: SmartyPants would rewrite quotes and dashes, and GFM is
    // added explicitly (rather than by the processor's default) so the pipeline is visible here.
    processor: unified({
      gfm: false,
      smartypants: false,
      remarkPlugins: [remarkGfm],
      rehypePlugins: [rehypeSlug, rehypeParagraphIds],
    }),
  },
  build: { format: 'directory' },
  devToolbar: { enabled: false },
});
