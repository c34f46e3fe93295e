/**
 * Keeps `dist/` between builds instead of emptying it, so Astro's incremental build (which leaves a
 * cached page alone when its file is already in `dist/`, and copies it back from its cache
 * otherwise) neither deletes nor copies tens of thousands of unchanged pages. Measured on the 33,724
 * Tehran Times articles with nothing changed: of a 61 s `astro build`, 20 s went to deleting `dist/`
 * and most of another 22 s to copying every page back.
 *
 * What a build did not produce is removed at its end, so `dist/` always equals a build into an empty
 * folder (tested: tests/e2e/incremental-build.test.ts): every file the routes wrote or kept (Astro's
 * `assets` map), the public folder's files, and the scripts and styles of this build (`_astro/`,
 * emptied when the build starts) stay; the search index (`pagefind/`, rebuilt by scripts/pagefind.ts
 * after the build) is left to that script. It must run before any integration that writes files in
 * `astro:build:done` (the sitemap), which is why it comes first in astro.config.mjs.
 */
import { existsSync, readdirSync, rmSync, rmdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/** Top-level folders of `dist/` this integration leaves alone. */
const OTHERS = new Set(['pagefind']);

/** Every file below `dir`, as paths relative to it with `/` separators. */
function filesBelow(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() || entry.isSymbolicLink())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
}

/** Removes the empty folders below `dir` (deepest first), never `dir` itself. */
function removeEmptyFolders(dir: string): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const sub = path.join(dir, entry.name);
    removeEmptyFolders(sub);
    if (readdirSync(sub).length === 0) rmdirSync(sub);
  }
}

/** Files in `dist` that are not `kept`, outside the folders left to others. */
function staleFiles(dist: string, kept: ReadonlySet<string>): string[] {
  return filesBelow(dist).filter((file) => !kept.has(file) && !OTHERS.has(file.split('/')[0]!));
}

export function keepDist(): AstroIntegration {
  let outDir = '';
  let publicDir = '';
  return {
    name: 'archive:keep-dist',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({ vite: { build: { emptyOutDir: false } } });
      },
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
        publicDir = fileURLToPath(config.publicDir);
      },
      'astro:build:start': () => {
        // Bundles are named by content hash: a changed script leaves its old file behind otherwise.
        rmSync(path.join(outDir, '_astro'), { recursive: true, force: true });
      },
      'astro:build:done': ({ dir, assets, logger }) => {
        const dist = fileURLToPath(dir);
        const kept = new Set<string>([
          ...filesBelow(publicDir),
          ...filesBelow(path.join(dist, '_astro')).map((file) => `_astro/${file}`),
        ]);
        for (const urls of assets.values()) {
          for (const url of urls) kept.add(path.relative(dist, fileURLToPath(url)).split(path.sep).join('/'));
        }
        const stale = staleFiles(dist, kept);
        for (const file of stale) rmSync(path.join(dist, file), { force: true });
        removeEmptyFolders(dist);
        // The sitemap is among them on every build: its integration writes it again after this hook.
        if (stale.length > 0)
          logger.info(`removed ${stale.length} file(s) this build did not write from ${dist}`);
      },
    },
  };
}
