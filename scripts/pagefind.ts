/**
 * Indexes the built site in `dist/` with Pagefind's Node API. Runs as the last step of
 * `npm run build`; only elements marked `data-pagefind-body` (article bodies) are indexed.
 *
 * Pages are handed to Pagefind one by one (`addHTMLFile`) rather than as a directory so that the
 * indexed copy can be transliteration-folded (`Qaʼani` → `Qa’ani`, see src/lib/search/fold.ts):
 * the served HTML keeps the letters as written, the index matches every spelling.
 *
 * Usage: node scripts/pagefind.ts [site-dir] [output-dir]
 */
import * as pagefind from 'pagefind';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { foldTransliteration } from '../src/lib/search/fold.ts';

/** Files sent to the Pagefind service at a time: enough to keep it busy, few enough to bound memory. */
const BATCH = 32;

async function htmlFiles(site: string): Promise<string[]> {
  const entries = await readdir(site, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => path.join(e.parentPath, e.name))
    .filter((file) => !file.startsWith(path.join(site, 'pagefind') + path.sep))
    .sort();
}

/** `articles/x/index.html` → `/articles/x/`, the URL the site serves it at. */
export function pageUrl(site: string, file: string): string {
  const rel = '/' + path.relative(site, file).split(path.sep).join('/');
  return rel.endsWith('/index.html') ? rel.slice(0, -'index.html'.length) : rel;
}

async function addPages(index: pagefind.PagefindIndex, site: string): Promise<number> {
  const files = await htmlFiles(site);
  let count = 0;
  for (let i = 0; i < files.length; i += BATCH) {
    const added = await Promise.all(files.slice(i, i + BATCH).map((file) => addPage(index, site, file)));
    count += added.filter(Boolean).length;
  }
  return count;
}

async function addPage(index: pagefind.PagefindIndex, site: string, file: string): Promise<boolean> {
  const html = await readFile(file, 'utf8');
  // Pages without an article body (indexes, search, 404) have nothing to index.
  if (!html.includes('data-pagefind-body')) return false;
  await addFoldedHtml(index, pageUrl(site, file), html);
  return true;
}

/** Indexes one page's HTML, transliteration-folded, under the URL it is served at. */
export async function addFoldedHtml(index: pagefind.PagefindIndex, url: string, html: string): Promise<void> {
  const added = await index.addHTMLFile({ url, content: foldTransliteration(html) });
  if (added.errors.length > 0) throw new Error(`pagefind: ${url}: ${added.errors.join('; ')}`);
}

async function main(site: string, output: string): Promise<void> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
  if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
  const count = await addPages(index, site);
  const written = await index.writeFiles({ outputPath: output });
  if (written.errors.length > 0) throw new Error(`pagefind: ${written.errors.join('; ')}`);
  console.log(`pagefind: indexed ${count} pages into ${output}`);
  await pagefind.close();
}

if (import.meta.main) {
  const site = path.resolve(process.argv[2] ?? 'dist');
  await main(site, path.resolve(process.argv[3] ?? path.join(site, 'pagefind')));
}
