/**
 * What a reader pays for a first search: in headless Chromium, with a cold cache per query, open
 * `/search/?q=…` (the search page a header search submits to) and wait for the first five results
 * to show. Bytes are response bodies plus headers, split by kind of Pagefind file (a new context
 * per query: a cold cache); the time runs from navigation start to the fifth result on screen,
 * Pagefind's start-up included.
 *
 * Also a CLI over a site already built: `node scripts/bench/search.ts <dist> [--queries a,b,c]
 * [--out file.json]`, e.g. for the Tehran Times corpus (REAL_CORPUS_QUERIES).
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContext } from 'playwright-core';
import { launchChromium } from '../../tests/helpers/browser.ts';
import { serveDist } from '../../tests/helpers/server.ts';

/** Kinds of file a search fetches, as counted in `QueryResult.bytesByKind`. */
export const KINDS = ['meta', 'wasm', 'js', 'index', 'filter', 'fragment', 'page'] as const;
export type Kind = (typeof KINDS)[number];

export interface QueryResult {
  query: string;
  results: number;
  /** Bytes of /pagefind/ files fetched for this search (script, wasm, meta, index chunks, fragments). */
  searchBytes: number;
  /** Bytes of everything the search page fetched, its HTML, CSS and scripts included. */
  totalBytes: number;
  /** Every byte of `totalBytes`, by kind (`page` is the site's own HTML, CSS and JS). */
  bytesByKind: Record<Kind, number>;
  msToFirstResults: number;
}

/** Synthetic corpus (built from the five samples). */
export const QUERIES = ['sanctions', 'Qods Force Baghdad', 'Zarif Moscow Russia'];
/** The Tehran Times corpus (issue #10). */
export const REAL_CORPUS_QUERIES = [
  'sanctions',
  'Zarif',
  'Rouhani nuclear talks',
  'Qalibaf',
  'Mottaki Ankara',
];

/** Text files a real server would send gzip-compressed; Pagefind's own index files are gzip already. */
const COMPRESSIBLE = /\.(html|js|css|json|svg|xml|txt)$|\/$/;

export function kindOf(pathname: string): Kind {
  if (!pathname.startsWith('/pagefind/')) return 'page';
  if (pathname.endsWith('.pf_meta')) return 'meta';
  if (pathname.includes('/wasm.')) return 'wasm';
  if (pathname.includes('/index/')) return 'index';
  if (pathname.includes('/filter/')) return 'filter';
  if (pathname.includes('/fragment/')) return 'fragment';
  return 'js';
}

/**
 * Counts every finished request of the context, the Pagefind web worker's included (a page-level
 * CDP session does not see a dedicated worker's fetches). The test server does not compress, so
 * text responses are counted at their gzip size, what a production server would send.
 */
function countBytes(context: BrowserContext): Record<Kind, number> {
  const tally = Object.fromEntries(KINDS.map((k) => [k, 0])) as Record<Kind, number>;
  context.on('requestfinished', async (request) => {
    const response = await request.response();
    const url = new URL(request.url());
    const body = response ? await response.body().catch(() => Buffer.alloc(0)) : Buffer.alloc(0);
    const headers = (await request.sizes()).responseHeadersSize;
    tally[kindOf(url.pathname)] +=
      headers + (COMPRESSIBLE.test(url.pathname) ? gzipSync(body).length : body.length);
  });
  return tally;
}

async function measureQuery(browser: Browser, origin: string, query: string): Promise<QueryResult> {
  const context = await browser.newContext();
  try {
    const bytes = countBytes(context);
    const page = await context.newPage();
    await page.goto(`${origin}/search/?q=${encodeURIComponent(query)}`, { waitUntil: 'commit' });
    const status = page.locator('[data-search-status]').filter({ hasText: /article|No/ });
    await Promise.race([
      page.locator('.search-result').nth(4).waitFor({ timeout: 60_000 }),
      status.waitFor({ timeout: 60_000 }),
    ]);
    const ms = await page.evaluate(() => performance.now());
    await status.waitFor({ timeout: 60_000 });
    const results = Number(/^\d+/.exec((await status.textContent()) ?? '')?.[0] ?? 0);
    // requestfinished events can trail the promise that consumed the response by a moment.
    await page.waitForTimeout(300);
    const searchBytes = KINDS.filter((k) => k !== 'page').reduce((sum, k) => sum + bytes[k], 0);
    return {
      query,
      results,
      searchBytes,
      totalBytes: searchBytes + bytes.page,
      bytesByKind: { ...bytes },
      msToFirstResults: ms,
    };
  } finally {
    await context.close();
  }
}

export async function measureSearch(distDir: string, queries = QUERIES): Promise<QueryResult[]> {
  const server = await serveDist(distDir);
  const browser = await launchChromium();
  try {
    const out: QueryResult[] = [];
    for (const query of queries) out.push(await measureQuery(browser, server.url, query));
    return out;
  } finally {
    await browser.close();
    await server.close();
  }
}

export function describeQuery(q: QueryResult): string {
  const kinds = KINDS.map((k) => `${k} ${(q.bytesByKind[k] / 1000).toFixed(1)}`).join(', ');
  return `"${q.query}": ${q.results} results, ${(q.searchBytes / 1000).toFixed(1)} kB Pagefind (${kinds} kB), ${q.msToFirstResults.toFixed(0)} ms to 5 results`;
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { queries: { type: 'string' }, out: { type: 'string' } },
  });
  const dist = path.resolve(positionals[0] ?? 'dist');
  const queries = values.queries
    ? values.queries
        .split(',')
        .map((q) => q.trim())
        .filter(Boolean)
    : REAL_CORPUS_QUERIES;
  const results = await measureSearch(dist, queries);
  for (const q of results) process.stdout.write(`${describeQuery(q)}\n`);
  if (values.out)
    await writeFile(
      values.out,
      `${JSON.stringify({ date: new Date().toISOString(), dist, results }, null, 2)}\n`,
    );
}

if (import.meta.main) await main();
