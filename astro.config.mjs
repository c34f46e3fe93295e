// @ts-check
import { defineConfig } from 'astro/config';
import sitemap from '@astrojs/sitemap';
import { normaliseBase } from './src/lib/base-path.ts';
import { keepDist } from './src/integrations/keep-dist.ts';

// Where the site is deployed (README, "Deploy"). SITE_URL is the public origin: canonical links, RSS,
// sitemap, JSON-LD and citations are built from it (`npm run build` warns when it is unset).
// BASE_PATH is the sub-path the site is served under, e.g. /archive/; every internal link carries it.
const site = siteUrl(process.env.SITE_URL);
const base = normaliseBase(process.env.BASE_PATH);
// Astro lets any environment variable shadow `import.meta.env` in server code, BASE_URL included
// (vitest, for one, sets BASE_URL=/): a stray one would send every link to the wrong place.
delete process.env.BASE_URL;

/**
 * The configured origin, or localhost for a local build; a malformed value stops the build.
 * @param {string | undefined} raw
 */
function siteUrl(raw) {
  if (raw === undefined || raw.trim() === '') return 'http://localhost:4321';
  const url = URL.parse(raw.trim());
  if (!url || !/^https?:$/.test(url.protocol) || url.pathname !== '/' || url.search || url.hash) {
    throw new Error(
      `SITE_URL must be an origin such as https://archive.example.org (put a sub-path in BASE_PATH), not ${JSON.stringify(raw)}`,
    );
  }
  return url.origin;
}

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  // No MDX integration and no Markdown pipeline here: article bodies are rendered to HTML once by the
  // collection's loader (src/loaders/render-article.ts: MDX parser, remark-gfm, rehype-slug, paragraph
  // ids, no SmartyPants), not compiled to one module per article.
  // The RSS feed is a page (src/pages/rss.xml.ts); the 404 page has no place in the sitemap.
  // keepDist (src/integrations/keep-dist.ts) keeps dist/ between builds, so the incremental build
  // leaves unchanged pages in place, and removes what a build did not produce; it runs first.
  integrations: [keepDist(), sitemap({ filter: (page) => !new URL(page).pathname.startsWith(`${base}404`) })],
  build: { format: 'directory' },
  // No Markdown is rendered by Astro (see the loader), and Shiki's inline styles would be refused by
  // the CSP below: Astro warns about them unless highlighting is off.
  markdown: { syntaxHighlight: false },
  // Pages that return a `cacheKey` (the article pages: src/lib/article-page-key.ts) are copied from
  // the previous build when the key and their code are unchanged, instead of rendered again.
  experimental: { incrementalBuild: true },
  // A Content-Security-Policy <meta> on every page (README, "Deploy"). Astro hashes the scripts and
  // styles it emits; nothing else may run: no inline handlers, no script from another origin.
  security: {
    csp: {
      directives: ["default-src 'self'", "object-src 'none'", "base-uri 'self'", "form-action 'self'"],
      scriptDirective: {
        // Pagefind compiles its WebAssembly search engine in the browser, which CSP treats as eval.
        // No 'unsafe-inline' or 'unsafe-hashes', so inline event handlers are refused.
        resources: ["'self'", "'wasm-unsafe-eval'"],
      },
    },
  },
  devToolbar: { enabled: false },
});
