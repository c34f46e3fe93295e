/**
 * What a reader pays for a first search: in headless Chromium, with a cold cache per query, load
 * the home page, then run the query through Pagefind's JS API and load the first page of results
 * (five result fragments), as the search page does. Bytes are response bodies plus headers, split
 * into Pagefind's files and everything else (a new context per query: a cold cache); the time runs
 * from the query to the fifth result's data, including Pagefind's own start-up.
 */
import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContext } from 'playwright-core';
import { launchChromium } from '../../tests/helpers/browser.ts';
import { serveDist } from '../../tests/helpers/server.ts';

export interface QueryResult {
  query: string;
  results: number;
  /** Bytes of /pagefind/ files fetched for this search (script, wasm, index chunks, fragments). */
  searchBytes: number;
  /** Bytes of everything the page fetched, the home page included. */
  totalBytes: number;
  msToFirstResults: number;
}

export const QUERIES = ['sanctions', 'Qods Force Baghdad', 'Zarif Moscow Russia'];

/** Text files a real server would send gzip-compressed; Pagefind's own index files are gzip already. */
const COMPRESSIBLE = /\.(html|js|css|json|svg|xml|txt)$|\/$/;

interface Tally {
  search: number;
  total: number;
}

/**
 * Counts every finished request of the context, the Pagefind web worker's included (a page-level
 * CDP session does not see a dedicated worker's fetches). The test server does not compress, so
 * text responses are counted at their gzip size, what a production server would send.
 */
function countBytes(context: BrowserContext): Tally {
  const tally = { search: 0, total: 0 };
  context.on('requestfinished', async (request) => {
    const response = await request.response();
    const url = new URL(request.url());
    const body = response ? await response.body().catch(() => Buffer.alloc(0)) : Buffer.alloc(0);
    const headers = (await request.sizes()).responseHeadersSize;
    const bytes = headers + (COMPRESSIBLE.test(url.pathname) ? gzipSync(body).length : body.length);
    tally.total += bytes;
    if (url.pathname.startsWith('/pagefind/')) tally.search += bytes;
  });
  return tally;
}

/** Runs in the page: the first search, timed from the call to the first five results' data. */
async function firstSearch(query: string): Promise<{ results: number; ms: number }> {
  const started = performance.now();
  const pagefind = await import(/* @vite-ignore */ `${location.origin}/pagefind/pagefind.js`);
  await pagefind.init();
  const search = await pagefind.search(query);
  await Promise.all(search.results.slice(0, 5).map((r: { data: () => Promise<unknown> }) => r.data()));
  return { results: search.results.length, ms: performance.now() - started };
}

async function measureQuery(browser: Browser, origin: string, query: string): Promise<QueryResult> {
  const context = await browser.newContext();
  try {
    const bytes = countBytes(context);
    const page = await context.newPage();
    await page.goto(`${origin}/`, { waitUntil: 'load' });
    const { results, ms } = await page.evaluate(firstSearch, query);
    // requestfinished events can trail the promise that consumed the response by a moment.
    await page.waitForTimeout(300);
    return { query, results, searchBytes: bytes.search, totalBytes: bytes.total, msToFirstResults: ms };
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
