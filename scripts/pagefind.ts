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
 * The index is sharded (src/lib/search/shards.ts): one Pagefind index per year (or part of one), at most
 * `--shard-size` pages each (default 5,000), built two at a time, each on a thread with a Pagefind
 * service of its own (scripts/pagefind-thread.ts), so memory stays that of two shards, and written to `<output>/<key>/` with `<output>/shards.json` listing them for the browser.
 * Each shard is cached by a digest of what Pagefind reads from its pages (the `<html lang>`, the
 * `<title>` and the `data-pagefind-body` element), the alias table, this code and Pagefind's version:
 * a build where one article changed re-indexes that article's shard and reuses the others.
 * With more than one shard, a lexicon (one record per shard holding its words page by page, see
 * `indexLexicon`) goes in front of them: the browser asks it which shards can match a query.
 *
 * Usage: node scripts/pagefind.ts [site-dir] [output-dir] [names.yaml]
 *          [--cache DIR] (default node_modules/.astro/pagefind/<hash of site-dir>; also PAGEFIND_CACHE_DIR)
 *          [--shard-size N] (also ARCHIVE_SEARCH_SHARD_SIZE)
 */
import * as pagefind from 'pagefind';
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { copyFile, link, mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { gunzipSync } from 'node:zlib';
import { parse } from 'yaml';
import { commandLine } from './cli.ts';
import { namesSchema, searchAliases } from './names/curated.ts';
import { aliasTable, expandHtml, type AliasTable } from '../src/lib/search/aliases.ts';
import { foldTransliteration } from '../src/lib/search/fold.ts';
import {
  BLOCKS_FILE,
  BLOCKS_FORMAT,
  distinctWords,
  layoutRecord,
  recordWords,
  type BlockLayout,
  type BlocksFile,
} from '../src/lib/search/lexicon.ts';
import {
  DEFAULT_SHARD_PAGES,
  LEXICON_KEY,
  SHARDS_FILE,
  SHARDS_FORMAT,
  planShards,
  type ShardPage,
  type ShardsFile,
} from '../src/lib/search/shards.ts';

/** Files scanned at a time: enough to keep the disk busy, few enough to bound memory. */
const BATCH = 32;
const repo = path.resolve(import.meta.dirname, '..');
/** Shards indexed at once, each on its own thread and Pagefind service: one per core, at most two
 * (each service holds a shard's index in memory). */
const SHARDS_AT_ONCE = Math.min(2, availableParallelism());

/**
 * Every HTML file of the site outside the index's own folder, sorted. Walked with synchronous
 * reads, one folder at a time: on the Tehran Times site (41,100 pages, a folder each) this takes
 * ~0.35 s where `readdir(…, { recursive: true })` took ~1.7 s, on the path of every rebuild.
 */
function htmlFiles(site: string, output: string): string[] {
  const files: string[] = [];
  const index = path.resolve(output);
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (path.resolve(file) !== index) walk(file);
      } else if (entry.isFile() && entry.name.endsWith('.html')) files.push(file);
    }
  };
  walk(site);
  return files.sort();
}

/** `articles/x/index.html` → `/articles/x/`, the URL the site serves it at. */
export function pageUrl(site: string, file: string): string {
  const rel = '/' + path.relative(site, file).split(path.sep).join('/');
  return rel.endsWith('/index.html') ? rel.slice(0, -'index.html'.length) : rel;
}

const ALIASES_FILE = path.resolve(repo, 'content/curated/names.yaml');

/** The curated names' spellings; a missing file means no aliases, a malformed one stops the build. */
export async function loadAliases(file = ALIASES_FILE): Promise<AliasTable> {
  return (await loadSpellings(file)).table;
}

/** The alias table and, for the shards' digest, the spellings it holds (not the whole names file:
 * an edit to the ban list or the threshold does not re-index the archive). */
async function loadSpellings(file: string): Promise<{ table: AliasTable; key: string }> {
  const text = await readAliasFile(file);
  const result = namesSchema.safeParse(parse(text, { schema: 'core' }) ?? {});
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new Error(`${file}: error: ${issue?.path.join('.') || '(root)'}: ${issue?.message} (curated-file)`);
  }
  try {
    const spellings = searchAliases(result.data);
    return { table: aliasTable(spellings), key: JSON.stringify(spellings) };
  } catch (error) {
    throw new Error(`${file}: error: ${(error as Error).message} (curated-file)`, { cause: error });
  }
}

function readAliasFile(file: string): Promise<string> {
  return readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return '';
    throw error;
  });
}

/** A page's HTML as Pagefind reads it: transliteration-folded and alias-expanded. */
export function foldedHtml(html: string, aliases?: AliasTable): string {
  const folded = foldTransliteration(html);
  return aliases ? expandHtml(folded, aliases) : folded;
}

/**
 * Hands pages to Pagefind one at a time and in the order given, the next page read and folded
 * while Pagefind reads the one before. One at a time because Pagefind numbers a page by when its
 * service has finished reading it: pages sent together were numbered in whichever order they
 * finished, so two builds of the same pages could write different index files (a shard built cold
 * differed from the same shard built again, in its page numbers only). Pagefind's service reads
 * one page at a time however many are sent, so what 32 pages in flight gained is won back, and
 * more, by indexing two shards at once, each on a thread with a service of its own
 * (`SHARDS_AT_ONCE`, `onThread`). The Tehran Times pages, cold, the step alone, single runs: 82.7 s
 * with 32 in flight; 96.8 s one at a time; 83.1 and 85.4 s with two shards at once in one service
 * (which ran at 100% of a core, Node at ~40%); 62.5 and 63.4 s with a service per shard.
 */
export async function feedInOrder(
  pages: readonly IndexedPage[],
  prepare: (page: IndexedPage) => Promise<string>,
  add: (url: string, content: string) => Promise<void>,
): Promise<void> {
  let next = pages.length > 0 ? prepare(pages[0]!) : undefined;
  try {
    for (let i = 0; i < pages.length; i++) {
      const content = await next!;
      next = i + 1 < pages.length ? prepare(pages[i + 1]!) : undefined;
      await add(pages[i]!.url, content);
    }
  } finally {
    // A failed add leaves the page read ahead unawaited: its own failure is not the one to report.
    next?.catch(() => {});
  }
}

/** Adds pages to a Pagefind index in order (see `feedInOrder`), each folded and alias-expanded. */
async function addPages(index: pagefind.PagefindIndex, pages: readonly IndexedPage[], aliases: AliasTable) {
  await feedInOrder(
    pages,
    async (page) => foldedHtml(await readFile(page.file, 'utf8'), aliases),
    async (url, content) => {
      const added = await index.addHTMLFile({ url, content });
      if (added.errors.length > 0) throw new Error(`pagefind: ${url}: ${added.errors.join('; ')}`);
    },
  );
}

/** What Pagefind's fragment files are named: `<id>.pf_fragment`. */
const FRAGMENT_SUFFIX = '.pf_fragment';

/** What Pagefind's files start with once unzipped. */
const PAGEFIND_SIGNATURE = 'pagefind_dcd';

const sha256 = (...parts: string[]) => {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\0');
  return hash.digest('hex');
};

const DATE = /data-pagefind-sort="date:(\d{4}-\d{2}-\d{2})/;
const PAGEFIND_ATTRIBUTE = /data-pagefind-(?:body|filter|meta|sort|weight|index-attrs|default-meta)\b/;

/**
 * What Pagefind reads from a page, for the shard's cache digest: the language, the `<title>` and the
 * `data-pagefind-body` element (the layout's `<article>`). What lies outside it (related articles,
 * earlier/later links, which change when a neighbour is added) does not reach the index. If a
 * Pagefind attribute stands outside that element, the whole page is the digest's input.
 */
export function indexedPart(html: string): string {
  const bodyAt = html.indexOf('data-pagefind-body');
  const start = html.lastIndexOf('<article', bodyAt);
  const end = html.lastIndexOf('</article>');
  if (bodyAt < 0 || start < 0 || end < bodyAt) return html;
  const outside = html.slice(0, start) + html.slice(end);
  if (PAGEFIND_ATTRIBUTE.test(outside)) return html;
  const lang = /<html[^>]*\slang="([^"]*)"/.exec(html)?.[1] ?? '';
  const title = /<title>([\s\S]*?)<\/title>/.exec(html)?.[1] ?? '';
  return `${lang}\n${title}\n${html.slice(start, end)}`;
}

export interface IndexedPage extends ShardPage {
  file: string;
  digest: string;
}

/** What the scan learnt of one HTML file, kept with its size and modification time: `dist/` is kept
 * between builds (src/integrations/keep-dist.ts), so a page Astro did not write again is not read again. */
interface ScanEntry {
  mtimeMs: number;
  size: number;
  /** Absent for a page without an article body. */
  digest?: string;
  date?: string;
}

const SCAN_FILE = 'scan.json';
const SCAN_FORMAT = 1;

async function readScan(cache: string): Promise<Map<string, ScanEntry>> {
  try {
    const saved = JSON.parse(await readFile(path.join(cache, SCAN_FILE), 'utf8')) as {
      format: number;
      files: Record<string, ScanEntry>;
    };
    return saved.format === SCAN_FORMAT ? new Map(Object.entries(saved.files)) : new Map();
  } catch {
    return new Map();
  }
}

/** Reads one page (unless its size and time say it is the one scanned before). */
async function scanFile(file: string, previous: ScanEntry | undefined): Promise<ScanEntry> {
  const { mtimeMs, size } = await stat(file);
  if (previous && previous.mtimeMs === mtimeMs && previous.size === size) return previous;
  const html = await readFile(file, 'utf8');
  // Pages without an article body (indexes, search, 404) have nothing to index.
  if (!html.includes('data-pagefind-body')) return { mtimeMs, size };
  const date = DATE.exec(html)?.[1];
  return { mtimeMs, size, digest: sha256(indexedPart(html)), ...(date ? { date } : {}) };
}

/** The pages with an article body, each with its date (the sort key) and its digest. */
async function scanPages(site: string, output: string, cache: string): Promise<IndexedPage[]> {
  const files = htmlFiles(site, output);
  const previous = await readScan(cache);
  const scanned: Record<string, ScanEntry> = {};
  const pages: IndexedPage[] = [];
  for (let i = 0; i < files.length; i += BATCH) {
    const batch = files.slice(i, i + BATCH);
    const entries = await Promise.all(batch.map((file) => scanFile(file, previous.get(file))));
    entries.forEach((entry, j) => {
      const file = batch[j]!;
      scanned[file] = entry;
      if (entry.digest === undefined) return;
      pages.push({
        url: pageUrl(site, file),
        file,
        digest: entry.digest,
        ...(entry.date ? { date: entry.date } : {}),
      });
    });
  }
  await mkdir(cache, { recursive: true });
  await writeFile(path.join(cache, SCAN_FILE), JSON.stringify({ format: SCAN_FORMAT, files: scanned }));
  return pages;
}

/** Everything besides the pages that shapes an index: this code, the folding and alias modules,
 * the names' spellings and Pagefind's version. */
async function pipelineDigest(spellings: string): Promise<string> {
  const sources = [
    'scripts/pagefind.ts',
    'scripts/names/curated.ts',
    'src/lib/search/fold.ts',
    'src/lib/search/aliases.ts',
    'src/lib/search/query-terms.ts',
    'src/lib/search/shards.ts',
    'src/lib/search/lexicon.ts',
  ];
  const texts = await Promise.all(sources.map((f) => readFile(path.join(repo, f), 'utf8')));
  const { version } = JSON.parse(
    await readFile(path.join(repo, 'node_modules/pagefind/package.json'), 'utf8'),
  ) as {
    version: string;
  };
  return sha256(version, spellings, ...texts);
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

/** A shard's lexicon record (src/lib/search/lexicon.ts), kept in its cache folder for the lexicon. */
const RECORD_FILE = 'lexicon-record.json';
/** Beside it, each page's words (`PageWords`), from which the record is laid out. */
const PAGE_WORDS_FILE = 'page-words.json';

export interface LexiconRecord {
  text: string;
  layout: BlockLayout;
}

/** Page URL → the digest of what Pagefind read of it (`indexedPart`), the words it read there, and
 * the name of the page's fragment file (null when Pagefind kept nothing of the page), under the
 * pipeline (`pipelineDigest`) that read them: the same page gives other words when the alias list
 * or the folding changes. */
interface PageWords {
  pipeline: string;
  pages: Record<string, [digest: string, words: string[], fragment: string | null]>;
}

/** What Pagefind read of one page: its words and its fragment file's name. */
interface PageRead {
  words: string[];
  fragment: string;
}

/** The words kept with the shard index in `dir`, if that index was made by this pipeline. */
async function keptWords(dir: string | undefined, pipeline: string): Promise<PageWords['pages'] | undefined> {
  if (!dir) return undefined;
  const kept = await readFile(path.join(dir, PAGE_WORDS_FILE), 'utf8')
    .then((text) => JSON.parse(text) as Partial<PageWords>)
    .catch(() => undefined);
  return kept?.pipeline === pipeline ? kept.pages : undefined;
}

/**
 * What Pagefind read of each page of the shard index just written to `dir`, without reading every
 * fragment when the shard had an index before (`previous`, made by the same pipeline). A page whose
 * digest is unchanged, and whose fragment file both indexes have (a fragment is named by a hash of
 * the page's data), has the words kept there; the others are read from the fragments the previous
 * index did not have. Should a page still lack its words, every fragment is read. A one-article
 * change on the Tehran Times shards: reading every fragment of a shard took ~4.5 s.
 */
async function shardWords(
  dir: string,
  pages: readonly IndexedPage[],
  previous: string | undefined,
  pipeline: string,
): Promise<Map<string, PageRead>> {
  const kept = await keptWords(previous, pipeline);
  if (!kept || !previous) return wordsRead(dir);
  const before = new Set(await readdir(path.join(previous, 'fragment')).catch(() => [] as string[]));
  const now = await readdir(path.join(dir, 'fragment'));
  const both = new Set(now.filter((name) => before.has(name)));
  const read = new Map<string, PageRead>();
  const unknown = new Set<string>();
  for (const page of pages) {
    const entry = kept[page.url];
    if (entry?.[0] !== page.digest) unknown.add(page.url);
    else if (entry[2] === null)
      continue; // unchanged, and still nothing Pagefind keeps
    else if (both.has(`${entry[2]}${FRAGMENT_SUFFIX}`))
      read.set(page.url, { words: entry[1], fragment: entry[2] });
    else unknown.add(page.url);
  }
  if (unknown.size === 0) return read;
  for await (const { id, fragment } of fragments(
    dir,
    now.filter((name) => !both.has(name)),
  )) {
    if (unknown.delete(fragment.url))
      read.set(fragment.url, { words: fragmentWords(fragment), fragment: id });
  }
  return unknown.size === 0 ? read : wordsRead(dir);
}

/** A page's words as Pagefind read them (`distinctWords`): its fragment holds its text as the
 * whitespace-separated words Pagefind then split, folded and stemmed (`content`), and its metadata
 * (the title), whose words are indexed too. */
const fragmentWords = (fragment: Fragment): string[] =>
  distinctWords([fragment.content, ...Object.values(fragment.meta)]);

/** What Pagefind read of each page of the index it wrote to `dir`, from every fragment. */
async function wordsRead(dir: string): Promise<Map<string, PageRead>> {
  const read = new Map<string, PageRead>();
  for await (const { id, fragment } of fragments(dir))
    read.set(fragment.url, { words: fragmentWords(fragment), fragment: id });
  return read;
}

async function readRecord(dir: string): Promise<LexiconRecord | undefined> {
  return readFile(path.join(dir, RECORD_FILE), 'utf8')
    .then((text) => JSON.parse(text) as LexiconRecord)
    .catch(() => undefined);
}

/** A shard's record from its pages' words (a page Pagefind kept nothing of has none). */
function recordOf(
  pages: readonly ShardPage[],
  read: ReadonlyMap<string, { words: string[] }>,
): LexiconRecord {
  return layoutRecord(pages.map((page) => read.get(page.url)?.words ?? []));
}

interface Fragment {
  url: string;
  content: string;
  meta: Record<string, string>;
  /** Positions Pagefind counted in `content`. */
  word_count: number;
}

/** The pages of an index Pagefind wrote to `dir` (or those of the fragment files `names`): each
 * page's id (its fragment's name) and fragment. */
async function* fragments(
  dir: string,
  names?: readonly string[],
): AsyncGenerator<{ id: string; fragment: Fragment }> {
  const folder = path.join(dir, 'fragment');
  for (const name of [...(names ?? (await readdir(folder)))].sort()) {
    const bytes = gunzipSync(await readFile(path.join(folder, name)));
    const fragment = JSON.parse(bytes.subarray(PAGEFIND_SIGNATURE.length).toString('utf8')) as Fragment;
    yield { id: name.slice(0, -FRAGMENT_SUFFIX.length), fragment };
  }
}

/** Where the lexicon's cache folder keeps `lexiconPages`, so a reused lexicon is not read again. */
const LEXICON_PAGES_FILE = 'lexicon-pages.json';

/**
 * Lexicon record id (what Pagefind's results call `id`) → shard key, and whether Pagefind counted
 * in each record the words its text holds (it must, for positions to name pages).
 */
async function lexiconPages(
  dir: string,
  expected: ReadonlyMap<string, number>,
): Promise<{ pages: Record<string, string>; miscounted: string[] }> {
  const pages: Record<string, string> = {};
  const miscounted: string[] = [];
  const prefix = `/${LEXICON_KEY}/`;
  for await (const { id, fragment } of fragments(dir)) {
    if (!fragment.url.startsWith(prefix)) continue;
    const key = fragment.url.slice(prefix.length, -1);
    pages[id] = key;
    const words = expected.get(key);
    if (words && words !== fragment.word_count) miscounted.push(key);
  }
  return { pages, miscounted: miscounted.sort() };
}

/** Builds one shard's index into `dir` (through a temporary folder, so a crash leaves no half index). */
export async function indexShard(
  dir: string,
  pages: IndexedPage[],
  aliases: AliasTable,
  pipeline: string,
  previous: string | undefined,
): Promise<void> {
  const partial = `${dir}.partial`;
  await rm(partial, { recursive: true, force: true });
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
  if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
  await addPages(index, pages, aliases);
  const written = await index.writeFiles({ outputPath: partial });
  if (written.errors.length > 0) throw new Error(`pagefind: ${written.errors.join('; ')}`);
  // Frees the service's copy of this shard before the next one is built.
  await index.deleteIndex();
  const read = await shardWords(partial, pages, previous, pipeline);
  const pageWords: PageWords = {
    pipeline,
    pages: Object.fromEntries(
      pages.map((page) => {
        const got = read.get(page.url);
        return [page.url, [page.digest, got?.words ?? [], got?.fragment ?? null]];
      }),
    ),
  };
  await writeFile(path.join(partial, PAGE_WORDS_FILE), JSON.stringify(pageWords));
  await writeFile(path.join(partial, RECORD_FILE), JSON.stringify(recordOf(pages, read)));
  await rename(partial, dir);
}

/** Pages read ahead of their shard's index at most (see `foreseeRecord`): beyond that, the shard's
 * own index reads them, and the lexicon waits for it. */
const READ_AHEAD_PAGES = 64;

/**
 * The record a shard about to be indexed again will have, without indexing it: its pages' words
 * kept from the shard's last index (`previous`, by digest), and those of the pages new or changed
 * since, read by indexing them alone into a throwaway index (what Pagefind reads of a page does
 * not depend on the other pages). Lets the lexicon be built while the shard is (`buildSearchIndex`).
 * `undefined` when there is no earlier index of the shard or too much of it changed.
 */
async function foreseeRecord(
  pages: readonly IndexedPage[],
  previous: string | undefined,
  aliases: AliasTable,
  pipeline: string,
): Promise<LexiconRecord | undefined> {
  const known = await keptWords(previous, pipeline);
  if (!known || !previous) return undefined;
  const words = new Map<string, { words: string[] }>();
  const unread: IndexedPage[] = [];
  for (const page of pages) {
    const entry = known[page.url];
    if (entry?.[0] === page.digest) words.set(page.url, { words: entry[1] });
    else unread.push(page);
  }
  if (unread.length > READ_AHEAD_PAGES) return undefined;
  if (unread.length > 0) {
    const scratch = `${previous}.read-ahead`;
    await rm(scratch, { recursive: true, force: true });
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
    if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
    await addPages(index, unread, aliases);
    const written = await index.writeFiles({ outputPath: scratch });
    if (written.errors.length > 0) throw new Error(`pagefind: ${written.errors.join('; ')}`);
    await index.deleteIndex();
    for (const [url, read] of await wordsRead(scratch)) words.set(url, read);
    await rm(scratch, { recursive: true, force: true });
  }
  return recordOf(pages, words);
}

/**
 * The lexicon: one more Pagefind index, of one record per shard holding every word of that shard.
 * Pagefind matches a query word to the indexed words it begins, and only when an index has none
 * falls back to the longest indexed word the query word begins with. Each shard decides that alone,
 * so a name in one shard (`Badmouyehin`) matched every page with `bad` in the seven others: 640
 * results for one article on the Tehran Times corpus. The lexicon holds the whole archive's words,
 * so it decides as one index over the archive would, and its records that match a query are the
 * shards whose results are the archive's: the browser searches those shards only (and fetches
 * nothing of the others). Each record lays its shard's rarer words out page by page, so that the
 * browser can also tell which shards have a page holding every word of the query (see
 * src/lib/search/lexicon.ts); `BLOCKS_FILE` beside the index gives each record's layout.
 */
export async function indexLexicon(
  dir: string,
  records: readonly { key: string; record: LexiconRecord }[],
): Promise<{ miscounted: string[] }> {
  const partial = `${dir}.partial`;
  await rm(partial, { recursive: true, force: true });
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
  if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
  const layouts: Record<string, BlockLayout> = {};
  const words = new Map<string, number>();
  for (const { key, record } of records) {
    const added = await index.addCustomRecord({
      url: `/${LEXICON_KEY}/${key}/`,
      content: record.text,
      language: 'en',
    });
    if (added.errors.length > 0) throw new Error(`pagefind: lexicon ${key}: ${added.errors.join('; ')}`);
    layouts[key] = record.layout;
    words.set(key, recordWords(record.text));
  }
  const written = await index.writeFiles({ outputPath: partial });
  if (written.errors.length > 0) throw new Error(`pagefind: ${written.errors.join('; ')}`);
  await index.deleteIndex();
  const { pages, miscounted } = await lexiconPages(partial, words);
  // A record Pagefind counted otherwise would send searches to the wrong pages: its shard is then
  // searched whenever it holds every query word, as if it had no layout.
  const shards: BlocksFile['shards'] = {};
  for (const [record, key] of Object.entries(pages))
    if (layouts[key] && !miscounted.includes(key)) shards[key] = { ...layouts[key], record };
  await writeFile(path.join(partial, LEXICON_PAGES_FILE), JSON.stringify(pages));
  const blocks: BlocksFile = { format: BLOCKS_FORMAT, shards: sortedByKey(shards) };
  await writeFile(path.join(partial, BLOCKS_FILE), JSON.stringify(blocks));
  await rename(partial, dir);
  return { miscounted };
}

function sortedByKey<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * Builds the lexicon (`indexLexicon`) on a worker thread, with a Pagefind service of its own, so
 * that it runs beside the shards' indexing on another core.
 */
/** What a worker thread of this step does (scripts/pagefind-thread.ts). */
export type ThreadJob =
  | {
      kind: 'shard';
      dir: string;
      pages: IndexedPage[];
      aliases: AliasTable;
      pipeline: string;
      previous: string | undefined;
    }
  | { kind: 'lexicon'; dir: string; records: readonly { key: string; record: LexiconRecord }[] };

/** Runs `job` on a worker thread with a Pagefind service of its own; its error, if any, is this one's. */
function onThread<T>(job: ThreadJob): Promise<T> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./pagefind-thread.ts', import.meta.url), { workerData: job });
    worker.once('message', (message: { result?: T; error?: string }) => {
      if (message.error !== undefined) reject(new Error(message.error));
      else resolve(message.result as T);
    });
    worker.once('error', reject);
    worker.once('exit', (code) =>
      reject(new Error(`pagefind: the thread indexing ${job.kind} ${job.dir} stopped (exit code ${code})`)),
    );
  });
}

/** Copies a folder as hard links (the cache and `dist/` share a file system), or copies where linking fails. */
async function linkTree(
  from: string,
  to: string,
  skip: (name: string) => boolean = () => false,
): Promise<void> {
  await mkdir(to, { recursive: true });
  for (const entry of await readdir(from, { withFileTypes: true })) {
    if (skip(entry.name)) continue;
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory()) await linkTree(source, target);
    else await link(source, target).catch(() => copyFile(source, target));
  }
}

/**
 * Word locations per index chunk. A search fetches, from every shard, the chunk holding each of its
 * words; Pagefind's default (20,000 locations) suits one index of ~40,000 pages, and a shard of
 * `target` pages with the default chunk would make a whole-archive search fetch as many full chunks
 * as there are shards. Chunks scaled to the shard size keep a complete search's index bytes near a
 * single index's, at the cost of a longer chunk list in each shard's metadata. It depends on the
 * shard size only, never on the shard count, so a new shard does not re-index the others. Pagefind
 * reads it from `PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE` (Pagefind 1.6; should it go, searches still
 * work, they fetch larger chunks).
 */
export function indexChunkSize(target: number): number {
  return Math.max(1000, Math.round((20_000 * target) / 40_000));
}

/** Pagefind's browser files (pagefind.js, its worker and WebAssembly, the UI bundles) as opposed to index data. */
const isUiBundle = (name: string) => /^pagefind-(?:component-ui|modular-ui|ui|highlight)\./.test(name);
const isIndexData = (name: string) =>
  ['index', 'fragment', 'filter', RECORD_FILE, PAGE_WORDS_FILE].includes(name) ||
  name === 'pagefind-entry.json' ||
  name.endsWith('.pf_meta');

/** What the last run put in which output folder: shard key → cache folder. */
const ASSEMBLED_FILE = 'assembled.json';

interface Assembled {
  output: string;
  shards: Record<string, string>;
}

/**
 * Lays the index out in `output`: Pagefind's browser files at the top, each shard's index in a
 * folder named by its key, all hard links to the cache. A shard folder the last run into this same
 * output already filled from the same cache entry stays as it is (re-linking 30,000 files for one
 * changed article cost seconds); every other entry is replaced or removed, so the result equals a
 * layout made from nothing (tested).
 */
async function assemble(
  output: string,
  cache: string,
  built: readonly { key: string; dir: string }[],
): Promise<void> {
  const recorded = await readFile(path.join(cache, ASSEMBLED_FILE), 'utf8')
    .then((text) => JSON.parse(text) as Assembled)
    .catch(() => undefined);
  const previous = recorded?.output === output ? recorded.shards : {};
  const wanted = new Map(built.map(({ key, dir }) => [key, path.basename(dir)]));
  await mkdir(output, { recursive: true });
  const inPlace = new Set<string>();
  for (const name of await readdir(output)) {
    const entry = wanted.get(name);
    if (entry && previous[name] === entry && (await exists(path.join(output, name, 'pagefind-entry.json')))) {
      inPlace.add(name);
      continue;
    }
    await rm(path.join(output, name), { recursive: true, force: true });
  }
  await linkTree(built[0]!.dir, output, isIndexData);
  // A shard needs its index data, and, as the first shard opens as Pagefind's own index, the worker
  // and WebAssembly it loads from there; Pagefind's UI bundles stay at the top only.
  for (const { key, dir } of built) {
    if (!inPlace.has(key))
      await linkTree(
        dir,
        path.join(output, key),
        (name) => isUiBundle(name) || [RECORD_FILE, PAGE_WORDS_FILE, LEXICON_PAGES_FILE].includes(name),
      );
  }
  const state: Assembled = { output, shards: Object.fromEntries(wanted) };
  await writeFile(path.join(cache, ASSEMBLED_FILE), JSON.stringify(state));
}

export interface IndexOptions {
  site: string;
  output: string;
  aliasesFile?: string;
  cache: string;
  shardSize?: number;
  log?: (line: string) => void;
}

export interface IndexResult {
  pages: number;
  shards: { key: string; pages: number; reused: boolean }[];
  /** With more than one shard: whether the lexicon was reused from the cache, or else built beside
   * the shards (from records foreseen before they were indexed). */
  lexicon?: { reused: boolean; aside: boolean };
}

/** Indexes `site` into `output` as sharded Pagefind indexes with `shards.json`; see the module comment. */
export async function buildSearchIndex(options: IndexOptions): Promise<IndexResult> {
  const { site, output, cache } = options;
  const aliasesFile = options.aliasesFile ?? ALIASES_FILE;
  const log = options.log ?? ((line: string) => console.log(line));
  const target = options.shardSize ?? DEFAULT_SHARD_PAGES;
  const [spellings, pages] = await Promise.all([loadSpellings(aliasesFile), scanPages(site, output, cache)]);
  const aliases = spellings.table;
  const pipeline = await pipelineDigest(spellings.key);
  const byUrl = new Map(pages.map((p) => [p.url, p]));
  const plan = planShards(pages, target);
  // Read by the Pagefind service when it starts (the first createIndex below; close() ends it).
  const chunkSize = indexChunkSize(target);
  process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE = String(chunkSize);

  const shards = plan.map((shard) => {
    const shardPages = shard.urls.map((url) => byUrl.get(url)!);
    const digest = sha256(
      pipeline,
      String(chunkSize),
      shard.key,
      ...shardPages.flatMap((p) => [p.url, p.digest]),
    );
    return { shard, pages: shardPages, dir: path.join(cache, digest.slice(0, 32)) };
  });
  const reusedDirs = new Set<string>();
  for (const { dir } of shards) {
    if (await exists(path.join(dir, RECORD_FILE))) reusedDirs.add(dir);
    // A folder without its record was not written by indexShard (which renames a finished folder
    // into place): indexed again.
    else await rm(dir, { recursive: true, force: true });
  }
  const lexiconDir = (records: readonly { key: string; record: LexiconRecord }[]) =>
    path.join(
      cache,
      `${LEXICON_KEY}-${sha256(pipeline, String(chunkSize), LEXICON_KEY, ...records.flatMap((r) => [r.key, sha256(JSON.stringify(r.record))])).slice(0, 32)}`,
    );

  // With more than one shard, the lexicon (see indexLexicon) is built again when a shard's record
  // changes: a page's words, not its text alone. When every shard to index again had an index
  // before and few of its pages changed, the records are known beforehand (`foreseeRecord`), and
  // the lexicon is built on another thread while the shards are: a one-article change then costs
  // the longer of the two, not both. The shards' own records, once indexed, decide: if they differ
  // from the foreseen ones, the lexicon is built again from them.
  // Each shard's folder in the last build, which this build's may take what is unchanged from.
  const last = await readFile(path.join(cache, ASSEMBLED_FILE), 'utf8')
    .then((text) => (JSON.parse(text) as Assembled).shards)
    .catch(() => ({}) as Record<string, string>);
  const lastDir = (key: string) => (last[key] ? path.join(cache, last[key]) : undefined);
  let aside: { dir: string; job: Promise<{ miscounted: string[] }> } | undefined;
  if (shards.length > 1 && shards.some(({ dir }) => !reusedDirs.has(dir))) {
    const foreseen: { key: string; record: LexiconRecord }[] = [];
    for (const { shard, pages: shardPages, dir } of shards) {
      const record = reusedDirs.has(dir)
        ? await readRecord(dir)
        : await foreseeRecord(shardPages, lastDir(shard.key), aliases, pipeline);
      if (!record) break;
      foreseen.push({ key: shard.key, record });
    }
    if (foreseen.length === shards.length) {
      const dir = lexiconDir(foreseen);
      if (!(await exists(dir))) {
        const job = onThread<{ miscounted: string[] }>({ kind: 'lexicon', dir, records: foreseen });
        job.catch(() => {}); // awaited below; a failure there is reported then
        aside = { dir, job };
      }
    }
  }

  // Pagefind's service reads one page at a time (see feedInOrder), so shards are indexed
  // SHARDS_AT_ONCE at a time, each on a thread with a service of its own; memory grows by one
  // shard's worth each.
  // After a failure no other shard is started, and the first failure is reported once both stop.
  const stale = shards.filter(({ dir }) => !reusedDirs.has(dir));
  const failures: unknown[] = [];
  const indexStale = async () => {
    for (let next = stale.shift(); next && failures.length === 0; next = stale.shift())
      await onThread({
        kind: 'shard',
        dir: next.dir,
        pages: next.pages,
        aliases,
        pipeline,
        previous: lastDir(next.shard.key),
      }).catch((error: unknown) => failures.push(error));
  };
  await Promise.all(Array.from({ length: Math.min(SHARDS_AT_ONCE, stale.length) }, indexStale));
  if (failures.length > 0) throw failures[0];
  const built = shards.map(({ shard, dir }) => ({ shard, dir, reused: reusedDirs.has(dir) }));
  let lexicon:
    { key: string; dir: string; reused: boolean; aside: boolean; pages: Record<string, string> } | undefined;
  if (built.length > 1) {
    const records = await Promise.all(
      built.map(async (b) => ({ key: b.shard.key, record: (await readRecord(b.dir))! })),
    );
    const dir = lexiconDir(records);
    let miscounted: string[] = [];
    // The lexicon built aside is this build's when the records came out as foreseen.
    if (aside) ({ miscounted } = await aside.job);
    const reused = !aside || aside.dir !== dir ? await exists(dir) : false;
    if (!reused && aside?.dir !== dir)
      ({ miscounted } = await onThread<{ miscounted: string[] }>({ kind: 'lexicon', dir, records }));
    if (miscounted.length > 0)
      log(
        `pagefind: lexicon: Pagefind counted the words of ${miscounted.join(', ')} otherwise; not narrowed by page`,
      );
    const pages = JSON.parse(await readFile(path.join(dir, LEXICON_PAGES_FILE), 'utf8')) as Record<
      string,
      string
    >;
    lexicon = { key: LEXICON_KEY, dir, reused, aside: aside?.dir === dir, pages };
  }
  if (built.length === 0) {
    // No article yet: an empty index still gives the browser its files, and searches find nothing.
    const { index } = await pagefind.createIndex({ forceLanguage: 'en' });
    await rm(output, { recursive: true, force: true });
    await index?.writeFiles({ outputPath: output });
  }
  await pagefind.close();

  const folders = [
    ...built.map((b) => ({ key: b.shard.key, dir: b.dir })),
    ...(lexicon ? [{ key: lexicon.key, dir: lexicon.dir }] : []),
  ];
  if (built.length > 0) await assemble(output, cache, folders);
  else await rm(path.join(cache, ASSEMBLED_FILE), { force: true });
  const file: ShardsFile = {
    format: SHARDS_FORMAT,
    target,
    pages: pages.length,
    shards: built.map(({ shard }) => ({
      key: shard.key,
      path: `${shard.key}/`,
      pages: shard.urls.length,
      ...(shard.first ? { first: shard.first, last: shard.last } : {}),
    })),
    ...(lexicon ? { lexicon: { path: `${LEXICON_KEY}/`, pages: lexicon.pages } } : {}),
  };
  await writeFile(path.join(output, SHARDS_FILE), JSON.stringify(file, null, 2) + '\n');

  // Keep only this build's shards: the cache would otherwise grow by one shard per change.
  const keep = new Set([SCAN_FILE, ASSEMBLED_FILE, ...folders.map((f) => path.basename(f.dir))]);
  for (const name of await readdir(cache))
    if (!keep.has(name)) await rm(path.join(cache, name), { recursive: true, force: true });

  const reused = built.filter((b) => b.reused).length;
  log(
    `pagefind: indexed ${pages.length} pages in ${built.length} shard${built.length === 1 ? '' : 's'} ` +
      `(${built.length - reused} built, ${reused} unchanged) into ${output}`,
  );
  return {
    pages: pages.length,
    shards: built.map((b) => ({ key: b.shard.key, pages: b.shard.urls.length, reused: b.reused })),
    ...(lexicon ? { lexicon: { reused: lexicon.reused, aside: lexicon.aside } } : {}),
  };
}

/** One cache per site folder (`dist/`, a test's or the benchmark's), so builds of different sites
 * never evict each other's shards. */
function defaultCache(site: string): string {
  return path.join(repo, 'node_modules/.astro/pagefind', sha256(site).slice(0, 12));
}

function positiveInteger(value: string | undefined, what: string): number | undefined {
  if (value === undefined || value === '') return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${what} must be a positive integer, not "${value}"`);
  return n;
}

if (import.meta.main) {
  const usage = `
Usage: node scripts/pagefind.ts [site-dir (dist)] [output-dir (site-dir/pagefind)] [names.yaml]
         [--cache DIR] [--shard-size N]

Indexes the built site's pages into sharded Pagefind indexes, reusing cached shards whose pages did
not change. --cache defaults to node_modules/.astro/pagefind/<hash of site-dir> (also
PAGEFIND_CACHE_DIR); --shard-size to ${DEFAULT_SHARD_PAGES} (also ARCHIVE_SEARCH_SHARD_SIZE).`;
  const { values, positionals } = commandLine(usage, {
    allowPositionals: true,
    options: { cache: { type: 'string' }, 'shard-size': { type: 'string' } },
  });
  const site = path.resolve(positionals[0] ?? 'dist');
  try {
    await buildSearchIndex({
      site,
      output: path.resolve(positionals[1] ?? path.join(site, 'pagefind')),
      aliasesFile: positionals[2],
      cache: path.resolve(values.cache ?? process.env.PAGEFIND_CACHE_DIR ?? defaultCache(site)),
      shardSize:
        positiveInteger(values['shard-size'], '--shard-size') ??
        positiveInteger(process.env.ARCHIVE_SEARCH_SHARD_SIZE, 'ARCHIVE_SEARCH_SHARD_SIZE'),
    });
  } catch (error) {
    console.error((error as Error).message);
    process.exitCode = 1;
  }
}
