// @ts-check
import { defineConfig } from 'astro/config';
import sitemap from '@astrojs/sitemap';

// The site's public base URL: canonical links, RSS, sitemap and citations are built from it.
const site = process.env.SITE_URL ?? 'http://localhost:4321';

export default defineConfig({
  site,
  trailingSlash: 'always',
  // No MDX integration and no Markdown pipeline here: article bodies are rendered to HTML once by the
  // collection's loader (src/loaders/render-article.ts: MDX parser, remark-gfm, rehype-slug, paragraph
  // ids, no SmartyPants), not compiled to one module per article.
  // The RSS feed is a page (src/pages/rss.xml.ts); the 404 page has no place in the sitemap.
  integrations: [sitemap({ filter: (page) => !new URL(page).pathname.startsWith('/404') })],
  build: { format: 'directory' },
  // Pages that return a `cacheKey` (the article pages: src/lib/article-page-key.ts) are copied from
  // the previous build when the key and their code are unchanged, instead of rendered again.
  experimental: { incrementalBuild: true },
  devToolbar: { enabled: false },
});
