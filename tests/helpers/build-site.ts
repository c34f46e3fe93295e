/**
 * One `astro build` of a set of generated articles into a test's own folder, through
 * scripts/bench/astro-build.ts: the output and Astro's cache (content data store, rendered article
 * bodies, incremental manifest) go to `work`, so a test build never reuses nor leaves behind state in
 * the repo's own `.astro` (a store holding a deleted temporary folder's articles breaks the next
 * `npm run build`). Returns Astro's log without its colour codes.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';

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
