/**
 * `node scripts/bench/astro-build.ts <root> <outDir> <cacheDir> [--incremental] [--verbose]`
 *
 * One `astro build` through Astro's programmatic API, run by the bench (and the incremental-build
 * test) as its own child process. The inline config sends the output and Astro's cache (content
 * data store, rendered article bodies, incremental manifest) to the caller's folder, so these
 * builds neither reuse nor clobber the repo's own. `--verbose` logs every page, with `(cached)` or
 * `(restored)` for the pages the incremental build reused.
 */
import { build } from 'astro';

const [root, outDir, cacheDir, ...flags] = process.argv.slice(2);
if (!root || !outDir || !cacheDir) {
  console.error('usage: astro-build.ts <root> <outDir> <cacheDir> [--incremental] [--verbose]');
  process.exit(2);
}

await build({
  root,
  outDir,
  cacheDir,
  logLevel: flags.includes('--verbose') ? 'info' : 'warn',
  ...(flags.includes('--incremental') ? { experimental: { incrementalBuild: true } } : {}),
});
