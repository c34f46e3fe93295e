/**
 * Rendered article bodies, kept as one small JSON file per body beside Astro's data store rather
 * than inside it: Astro bundles the whole store into one JavaScript module on every build, so
 * 33,000 bodies of HTML there would cost the memory the loader exists to save (see the README).
 *
 * Files are named by the digest of the article's source and the pipeline version, so a file is
 * never stale: a changed article or pipeline gets a new name, and unreferenced files are pruned.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RenderedArticle } from './render-article.ts';

/**
 * The folder, inside Astro's `cacheDir` (beside the data store, which it must outlive no longer
 * than). The loader knows `cacheDir` from its context; article pages are bundled apart from it, so
 * the loader hands the folder on through the environment of the build process they share.
 */
const ENV_KEY = 'ARCHIVE_HTML_CACHE';

export function useCacheDir(astroCacheDir: URL): string {
  const dir = fileURLToPath(new URL('article-html/', astroCacheDir));
  process.env[ENV_KEY] = dir;
  return dir;
}

/** Set by the loader in this build; Astro's default `cacheDir` otherwise (a page rendered alone). */
const currentDir = (): string => process.env[ENV_KEY] ?? path.resolve('node_modules/.astro/article-html');

const fileOf = (digest: string, dir: string): string => path.join(dir, `${digest}.json`);

export function hasRendered(digest: string, dir: string): boolean {
  return existsSync(fileOf(digest, dir));
}

/** Written to a temporary name first, so an interrupted build never leaves half a file behind. */
export function writeRendered(digest: string, rendered: RenderedArticle, dir: string): void {
  mkdirSync(dir, { recursive: true });
  const temporary = `${fileOf(digest, dir)}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(rendered));
  renameSync(temporary, fileOf(digest, dir));
}

/** The body the loader rendered for a store entry (it always sets the digest). */
export function readRendered(
  entry: { id: string; digest?: string | number },
  dir = currentDir(),
): RenderedArticle {
  if (!entry.digest)
    throw new Error(`article ${entry.id} has no digest: was it loaded by src/loaders/articles.ts?`);
  return JSON.parse(readFileSync(fileOf(String(entry.digest), dir), 'utf8')) as RenderedArticle;
}

/** Removes every cached body whose digest is not in `keep`. */
export function pruneRendered(keep: ReadonlySet<string>, dir: string): void {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) {
    if (!keep.has(name.replace(/\.json$/, ''))) rmSync(path.join(dir, name), { force: true });
  }
}
