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
 *
 * Which files are there is known without walking `dist/`: each build that completes records the files
 * it kept in Astro's cache folder (`keep-dist.json`), and the next build removes those of them it did
 * not write, and the top-level files it finds (the sitemap's, written after this hook). The walk of
 * every file and folder cost ~1.7 s of a 15 s rebuild on the Tehran Times corpus. The record is
 * deleted when a build starts, so after a build that did not complete (and on the first build, or
 * another `outDir`) the whole of `dist/` is walked as before.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, rmdirSync, writeFileSync } from 'node:fs';
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

/** Removes `file`'s folders that it leaves empty, up to `dist` (not included). */
function removeEmptyParents(dist: string, file: string): void {
  for (let dir = path.dirname(file); dir !== '.'; dir = path.dirname(dir)) {
    const folder = path.join(dist, dir);
    if (!existsSync(folder) || readdirSync(folder).length > 0) return;
    rmdirSync(folder);
  }
}

/** What the last completed build into `outDir` kept, read (and deleted) when a build starts. */
const RECORD_FILE = 'keep-dist.json';
const RECORD_FORMAT = 1;

interface DistRecord {
  format: number;
  outDir: string;
  files: string[];
}

/** The files the last build into `outDir` recorded, plus `outDir`'s top-level files; undefined if none is recorded. */
function recordedFiles(record: string, outDir: string): string[] | undefined {
  let parsed: DistRecord;
  try {
    parsed = JSON.parse(readFileSync(record, 'utf8')) as DistRecord;
  } catch {
    return undefined;
  } finally {
    rmSync(record, { force: true });
  }
  if (parsed.format !== RECORD_FORMAT || parsed.outDir !== outDir || !existsSync(outDir)) return undefined;
  const top = readdirSync(outDir, { withFileTypes: true })
    .filter((entry) => entry.isFile() || entry.isSymbolicLink())
    .map((entry) => entry.name);
  return [...new Set([...parsed.files, ...top])];
}

export function keepDist(): AstroIntegration {
  let outDir = '';
  let publicDir = '';
  let record = '';
  /** What this build may have to remove: the recorded files, or undefined to walk `dist/`. */
  let candidates: string[] | undefined;
  return {
    name: 'archive:keep-dist',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({ vite: { build: { emptyOutDir: false } } });
      },
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
        publicDir = fileURLToPath(config.publicDir);
        record = path.join(fileURLToPath(config.cacheDir), RECORD_FILE);
      },
      'astro:build:start': () => {
        candidates = recordedFiles(record, outDir);
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
        const stale = (candidates ?? filesBelow(dist)).filter(
          (file) => !kept.has(file) && !OTHERS.has(file.split('/')[0]!),
        );
        for (const file of stale) rmSync(path.join(dist, file), { force: true });
        if (candidates) for (const file of stale) removeEmptyParents(dist, file);
        else removeEmptyFolders(dist);
        const files = [...kept].sort();
        mkdirSync(path.dirname(record), { recursive: true });
        writeFileSync(record, JSON.stringify({ format: RECORD_FORMAT, outDir, files } satisfies DistRecord));
        // The sitemap is among them on every build: its integration writes it again after this hook.
        if (stale.length > 0)
          logger.info(`removed ${stale.length} file(s) this build did not write from ${dist}`);
      },
    },
  };
}
