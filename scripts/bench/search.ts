/**
 * What a reader pays for a first search: in headless Chromium, with a cold cache per query, open
 * `/search/?q=…` (the search page a header search submits to) and wait for the first five results
 * to show, then for the search to complete (the index is sharded: the first shards answer first, the
 * rest are merged after). Bytes are response bodies plus headers, split by kind of Pagefind file (a
 * new context per query: a cold cache), counted up to the fifth result on screen and up to the
 * complete search; times run from navigation start, Pagefind's start-up included.
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
  /** Bytes of /pagefind/ files fetched until the first five results (or all, if fewer) showed. */
  searchBytes: number;
  /** `searchBytes` by kind. */
  bytesByKind: Record<Kind, number>;
  /** Bytes of /pagefind/ files fetched until the search was complete (every shard searched). */
  completeSearchBytes: number;
  /** Bytes of everything the search page fetched until complete, its HTML, CSS and scripts included. */
  totalBytes: number;
  msToFirstResults: number;
  msToComplete: number;
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

interface Transfer {
  kind: Kind;
  bytes: number;
  /** Wall-clock ms when the response ended. */
  end: number;
}

/**
 * Records every finished request of the context, the Pagefind web worker's included (a page-level
 * CDP session does not see a dedicated worker's fetches), with when it ended. The test server does
 * not compress, so text responses are counted at their gzip size, what a production server would send.
 */
function recordTransfers(context: BrowserContext): Transfer[] {
  const log: Transfer[] = [];
  context.on('requestfinished', async (request) => {
    const response = await request.response();
    const url = new URL(request.url());
    const body = response ? await response.body().catch(() => Buffer.alloc(0)) : Buffer.alloc(0);
    const headers = (await request.sizes()).responseHeadersSize;
    const timing = request.timing();
    log.push({
      kind: kindOf(url.pathname),
      bytes: headers + (COMPRESSIBLE.test(url.pathname) ? gzipSync(body).length : body.length),
      end: timing.startTime + Math.max(timing.responseEnd, 0),
    });
  });
  return log;
}

function tally(log: readonly Transfer[], until = Infinity): Record<Kind, number> {
  const out = Object.fromEntries(KINDS.map((k) => [k, 0])) as Record<Kind, number>;
  for (const t of log) if (t.end <= until) out[t.kind] += t.bytes;
  return out;
}

const pagefindBytes = (bytes: Record<Kind, number>) =>
  KINDS.filter((k) => k !== 'page').reduce((sum, k) => sum + bytes[k], 0);

/** The search page's status says `data-state="done"` once every shard has been searched
 * (`partial` while the first shards' results show and the rest load). */
const DONE = '[data-search-status][data-state="done"]';

async function measureQuery(browser: Browser, origin: string, query: string): Promise<QueryResult> {
  const context = await browser.newContext();
  try {
    const log = recordTransfers(context);
    const page = await context.newPage();
    await page.goto(`${origin}/search/?q=${encodeURIComponent(query)}`, { waitUntil: 'commit' });
    // The moment the fifth result (or, with fewer, the final status) is on screen, checked every frame.
    const first = await page.waitForFunction(
      (done) =>
        document.querySelectorAll('.search-result').length >= 5 || document.querySelector(done)
          ? [Date.now(), performance.now()]
          : null,
      DONE,
      { polling: 'raf', timeout: 60_000 },
    );
    const [firstAt, msToFirstResults] = (await first.jsonValue()) as [number, number];
    await page.locator(DONE).waitFor({ timeout: 60_000 });
    const msToComplete = await page.evaluate(() => performance.now());
    const results = Number(/^\d+/.exec((await page.locator(DONE).textContent()) ?? '')?.[0] ?? 0);
    // requestfinished events can trail the promise that consumed the response by a moment.
    await page.waitForTimeout(300);
    const atFirst = tally(log, firstAt);
    const complete = tally(log);
    return {
      query,
      results,
      searchBytes: pagefindBytes(atFirst),
      bytesByKind: atFirst,
      completeSearchBytes: pagefindBytes(complete),
      totalBytes: pagefindBytes(complete) + complete.page,
      msToFirstResults,
      msToComplete,
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
  return (
    `"${q.query}": ${q.results} results; first results: ${(q.searchBytes / 1000).toFixed(1)} kB Pagefind ` +
    `(${kinds} kB), ${q.msToFirstResults.toFixed(0)} ms; complete: ${(q.completeSearchBytes / 1000).toFixed(1)} kB, ` +
    `${q.msToComplete.toFixed(0)} ms`
  );
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
