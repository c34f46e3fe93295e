/**
 * `node scripts/bench/astro-build.ts <root> <outDir> <cacheDir> [--incremental]`
 *
 * One `astro build` through Astro's programmatic API, run by the bench as its own child process.
 * The inline config sends the output and Astro's cache (content data store, incremental manifest)
 * to the bench's temporary folder, so benchmark builds neither reuse nor clobber the repo's own.
 */
import { build } from 'astro';

const [root, outDir, cacheDir, flag] = process.argv.slice(2);
if (!root || !outDir || !cacheDir) {
  console.error('usage: astro-build.ts <root> <outDir> <cacheDir> [--incremental]');
  process.exit(2);
}

await build({
  root,
  outDir,
  cacheDir,
  logLevel: 'warn',
  ...(flag === '--incremental' ? { experimental: { incrementalBuild: true } } : {}),
});
