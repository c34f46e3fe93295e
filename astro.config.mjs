// @ts-check
import { defineConfig } from 'astro/config';
import sitemap from '@astrojs/sitemap';

// The site's public base URL: canonical links, RSS, sitemap and citations are built from it.
const site = process.env.SITE_URL ?? 'http://localhost:4321';

export default defineConfig({
  site,
  trailingSlash: 'always',
  // The RSS feed is a page (src/pages/rss.xml.ts); the 404 page has no place in the sitemap.
  // No MDX integration and no Markdown pipeline here: article bodies are rendered to HTML once by the
  // collection's loader (src/loaders/render-article.ts: MDX parser, remark-gfm, rehype-slug, paragraph
  // ids, no SmartyPants), not compiled to one module per article.
  integrations: [sitemap({ filter: (page) => !new URL(page).pathname.startsWith('/404') })],
  build: { format: 'directory' },
  devToolbar: { enabled: false },
});
