/**
 * Indexes the built site in `dist/` with Pagefind's Node API. Runs as the last step of
 * `npm run build`; only elements marked `data-pagefind-body` (article bodies) are indexed.
 *
 * Pages are handed to Pagefind one by one (`addHTMLFile`) rather than as a directory so that the
 * indexed copy can be transliteration-folded (`Qaʼani` → `Qa’ani`, see src/lib/search/fold.ts):
 * the served HTML keeps the letters as written, the index matches every spelling.
 *
 * Names are indexed under every spelling of the people and places in content/curated/names.yaml
 * (src/lib/search/aliases.ts; the list is scripts/names/curated.ts's).
 *
 * Usage: node scripts/pagefind.ts [site-dir] [output-dir] [names.yaml]
 */
import * as pagefind from 'pagefind';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { namesSchema, searchAliases } from './names/curated.ts';
import { aliasTable, expandHtml, type AliasTable } from '../src/lib/search/aliases.ts';
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

const ALIASES_FILE = path.resolve(import.meta.dirname, '../content/curated/names.yaml');

/** The curated names' spellings; a missing file means no aliases, a malformed one stops the build. */
export async function loadAliases(file = ALIASES_FILE): Promise<AliasTable> {
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return '';
    throw error;
  });
  const result = namesSchema.safeParse(parse(text, { schema: 'core' }) ?? {});
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new Error(`${file}: error: ${issue?.path.join('.') || '(root)'}: ${issue?.message} (curated-file)`);
  }
  try {
    return aliasTable(searchAliases(result.data));
  } catch (error) {
    throw new Error(`${file}: error: ${(error as Error).message} (curated-file)`, { cause: error });
  }
}

async function addPages(index: pagefind.PagefindIndex, site: string, aliases: AliasTable): Promise<number> {
  const files = await htmlFiles(site);
  let count = 0;
  for (let i = 0; i < files.length; i += BATCH) {
    const added = await Promise.all(
      files.slice(i, i + BATCH).map((file) => addPage(index, site, file, aliases)),
    );
    count += added.filter(Boolean).length;
  }
  return count;
}

async function addPage(
  index: pagefind.PagefindIndex,
  site: string,
  file: string,
  aliases: AliasTable,
): Promise<boolean> {
  const html = await readFile(file, 'utf8');
  // Pages without an article body (indexes, search, 404) have nothing to index.
  if (!html.includes('data-pagefind-body')) return false;
  await addFoldedHtml(index, pageUrl(site, file), html, aliases);
  return true;
}

/** Indexes one page's HTML, transliteration-folded and alias-expanded, under the URL it is served at. */
export async function addFoldedHtml(
  index: pagefind.PagefindIndex,
  url: string,
  html: string,
  aliases?: AliasTable,
): Promise<void> {
  const folded = foldTransliteration(html);
  const added = await index.addHTMLFile({ url, content: aliases ? expandHtml(folded, aliases) : folded });
  if (added.errors.length > 0) throw new Error(`pagefind: ${url}: ${added.errors.join('; ')}`);
}

async function main(site: string, output: string, aliasesFile?: string): Promise<void> {
  const aliases = await loadAliases(aliasesFile);
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
  if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
  const count = await addPages(index, site, aliases);
  const written = await index.writeFiles({ outputPath: output });
  if (written.errors.length > 0) throw new Error(`pagefind: ${written.errors.join('; ')}`);
  console.log(`pagefind: indexed ${count} pages into ${output}`);
  await pagefind.close();
}

if (import.meta.main) {
  const site = path.resolve(process.argv[2] ?? 'dist');
  await main(site, path.resolve(process.argv[3] ?? path.join(site, 'pagefind')), process.argv[4]);
}
