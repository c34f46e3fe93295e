/**
 * One `astro build` of a set of generated articles into a test's own folder, through
 * scripts/bench/astro-build.ts: the output and Astro's cache (content data store, rendered article
 * bodies, incremental manifest) go to `work`, so a test build never reuses nor leaves behind state in
 * the repo's own `.astro` (a store holding a deleted temporary folder's articles breaks the next
 * `npm run build`). Returns Astro's log without its colour codes.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { runIngest, type IngestReport } from '../../scripts/ingest/run.ts';
import { launchChromium } from './browser.ts';
import { serveDist, type StaticServer } from './server.ts';

const root = path.resolve(import.meta.dirname, '../..');

// eslint-disable-next-line no-control-regex -- the terminal's colour codes (ESC [ … m)
const COLOURS = /\x1b\[[\d;]*m/g;

export function buildSite(
  articles: string,
  outDir: string,
  cacheDir: string,
  options: { verbose?: boolean } = {},
): string {
  const log = execFileSync(
    process.execPath,
    [
      path.join(root, 'scripts/bench/astro-build.ts'),
      root,
      outDir,
      cacheDir,
      ...(options.verbose ? ['--verbose'] : []),
    ],
    { cwd: root, env: { ...process.env, ARCHIVE_ARTICLES_DIR: articles }, encoding: 'utf8', stdio: 'pipe' },
  );
  return log.replace(COLOURS, '');
}

export interface TestSite {
  /** The test's own folder: `articles/`, `dist/`, `cache/` inside. */
  work: string;
  report: IngestReport;
  server: StaticServer;
  browser: Browser;
  close(): Promise<void>;
}

/**
 * A whole site for one test file: ingests `raw` (a folder of raw files) with the project's curated
 * data, builds it with `buildSite`, serves `dist/` and launches Chromium. `close` undoes all of it.
 */
export async function openTestSite(raw: string, prefix: string): Promise<TestSite> {
  const work = mkdtempSync(path.join(tmpdir(), prefix));
  const articles = path.join(work, 'articles');
  const report = await runIngest({
    input: raw,
    output: articles,
    curated: path.join(root, 'content/curated'),
  });
  buildSite(articles, path.join(work, 'dist'), path.join(work, 'cache'));
  const [server, browser] = await Promise.all([serveDist(path.join(work, 'dist')), launchChromium()]);
  return {
    work,
    report,
    server,
    browser,
    async close() {
      await browser.close();
      await server.close();
      rmSync(work, { recursive: true, force: true });
    },
  };
}
