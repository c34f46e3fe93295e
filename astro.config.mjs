// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { unified } from '@astrojs/markdown-remark';
import remarkGfm from 'remark-gfm';
import rehypeSlug from 'rehype-slug';
import rehypeParagraphIds from './src/plugins/rehype-paragraph-ids.ts';
import { normaliseBase } from './src/lib/base-path.ts';

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
  // The RSS feed is a page (src/pages/rss.xml.ts); the 404 page has no place in the sitemap.
  integrations: [mdx(), sitemap({ filter: (page) => !new URL(page).pathname.startsWith(`${base}404`) })],
  markdown: {
    // Raw text must reach the page as written: SmartyPants would rewrite quotes and dashes, and GFM is
    // added explicitly (rather than by the processor's default) so the pipeline is visible here.
    processor: unified({
      gfm: false,
      smartypants: false,
      remarkPlugins: [remarkGfm],
      rehypePlugins: [rehypeSlug, rehypeParagraphIds],
    }),
    // Raw text has no code to colour, and Shiki's inline styles would be refused by the CSP below.
    syntaxHighlight: false,
  },
  build: { format: 'directory' },
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
  vite: {
    build: {
      rolldownOptions: {
        // Astro marks each MDX module's propagated-assets wrapper with the string "use astro:head-inject",
        // which Astro itself reads and rolldown reports as a directive it may not preserve, once per article.
        // It is Astro's own marker, harmless to drop (withastro/astro#18087); every other warning is kept.
        onwarn(warning, warn) {
          const marker = '"use astro:head-inject"';
          if (warning.code !== 'MODULE_LEVEL_DIRECTIVE' || !warning.message.includes(marker)) warn(warning);
        },
      },
    },
  },
});
