/**
 * What a reader pays for a first search: in headless Chromium, with a cold cache per query, load
 * the home page, then run the query through Pagefind's JS API and load the first page of results
 * (five result fragments), as the search page does. Bytes are the encoded bytes on the wire
 * (CDP `Network.loadingFinished`), split into Pagefind's files and everything else; the time runs
 * from the query to the fifth result's data, including Pagefind's own start-up.
 */
import type { Browser, CDPSession } from 'playwright-core';
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

function countBytes(cdp: CDPSession): { search: () => number; total: () => number } {
  const urls = new Map<string, string>();
  let search = 0;
  let total = 0;
  cdp.on('Network.requestWillBeSent', (e) => urls.set(e.requestId, e.request.url));
  cdp.on('Network.loadingFinished', (e) => {
    total += e.encodedDataLength;
    if (new URL(urls.get(e.requestId) ?? 'about:blank').pathname.startsWith('/pagefind/')) search += e.encodedDataLength;
  });
  return { search: () => search, total: () => total };
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
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    const bytes = countBytes(cdp);
    await page.goto(`${origin}/`, { waitUntil: 'load' });
    const { results, ms } = await page.evaluate(firstSearch, query);
    // loadingFinished events can trail the promise that consumed the response by a moment.
    await page.waitForTimeout(200);
    return { query, results, searchBytes: bytes.search(), totalBytes: bytes.total(), msToFirstResults: ms };
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
