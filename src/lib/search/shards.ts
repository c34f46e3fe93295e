/**
 * The search index is split into shards: separate Pagefind indexes of at most `target` pages each,
 * built two at a time (memory bounded however large the archive grows), rebuilt only when a page in
 * them changed (a one-article change re-indexes one shard), and merged in the browser (Pagefind's
 * `mergeIndex`), where the first shard answers first.
 *
 * A shard is a run of consecutive dates, so that a date-sorted search is the shards' sorted results
 * one after another (but for the hash parts of one month, see below). An archive within `target`
 * pages is one shard. Otherwise each year is a shard; a year too large is halved by calendar until
 * each part fits (January–June, then quarters, …, a month), and a month still too large is split
 * by a hash of the URL (those parts overlap in dates, so a date-sorted search orders that month
 * only part by part). A shard's bounds never depend on other years' sizes: adding, changing or
 * deleting an article re-indexes its own shard, and splits it only when it outgrows `target` (the
 * earlier packing of small years into one shard moved every later boundary when one article was
 * added: 217 s of re-indexing at 100,000 articles). Undated pages go to shards of their own, split
 * by a hash of the URL into a power of two of parts, so a page stays in its part until they double.
 *
 * `shards.json` lists the shards newest first, undated last: the order the browser merges them in.
 * Shared by the build (scripts/pagefind.ts) and the browser (pagefind-client.ts): no Node imports.
 */
import { fnv1a32 } from '../hash.ts';

/** Pages per shard unless the build says otherwise. Measured on the 33,724 Tehran Times articles
 * (README, Benchmark), index chunks scaled to the shard (scripts/pagefind.ts): shards of 5,000
 * (eight) show a first search's first five results after 140–178 kB, and the complete search costs
 * 487–692 kB (one index: 378–557 kB); shards of 10,000 (four) 174–230 kB and 431–621 kB. The first
 * results are what a reader waits for, and a smaller shard is re-indexed sooner after a change
 * (and peaks under 1 GB), so 5,000. */
export const DEFAULT_SHARD_PAGES = 5000;

export const SHARDS_FILE = 'shards.json';
export const SHARDS_FORMAT = 2;

/**
 * Folder (and synthetic `shard` filter value) of the lexicon: with more than one shard, one more
 * Pagefind index holding one record per shard, with every word of that shard. A search asks it
 * first which shards hold every query word (scripts/pagefind.ts, `indexLexicon`). No shard key can
 * take this name: keys are `all`, years or months, or start `undated`.
 */
export const LEXICON_KEY = 'lexicon';

export interface ShardPage {
  url: string;
  /** `YYYY-MM-DD` (the article's start date), if dated. */
  date?: string;
}

export interface Shard {
  /** Stable and URL-safe: the first and last group (`2015_2019`, `2021-03_2021-07`,
   * `2021-05-h1of2`), `undated-h3of8`, or `all` when one shard holds the whole archive. */
  key: string;
  /** First and last year (or month) covered; absent for undated shards. */
  first?: string;
  last?: string;
  /** The page URLs, sorted. */
  urls: string[];
}

/** What `shards.json` tells the browser about one shard. */
export interface ShardEntry {
  key: string;
  /** Folder of the shard's index, relative to the Pagefind folder, ending in `/`. */
  path: string;
  pages: number;
  first?: string;
  last?: string;
}

export interface ShardsFile {
  format: number;
  /** The build's pages per shard: the browser searches at least this many pages before it first shows results. */
  target: number;
  pages: number;
  shards: ShardEntry[];
  /** Present with more than one shard: the lexicon's folder, relative to the Pagefind folder, and
   * which shard each of its records stands for (record id, as Pagefind's results give it → shard key). */
  lexicon?: { path: string; pages: Record<string, string> };
}

interface Group {
  key: string;
  urls: string[];
  first?: string;
  last?: string;
}

const byUrl = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Splits `urls` into 2^k parts by hash, the fewest that bring every part to `target` or under
 * (in expectation; a part may run a little over). Parts keep their number as the archive grows
 * until the count doubles. */
function hashParts(prefix: string, urls: string[], target: number): Group[] {
  let parts = 1;
  while (urls.length / parts > target) parts *= 2;
  if (parts === 1) return [{ key: prefix, urls }];
  const buckets: string[][] = Array.from({ length: parts }, () => []);
  for (const url of urls) buckets[fnv1a32(url) % parts]!.push(url);
  return buckets
    .map((b, i) => ({ key: `${prefix}-h${i}of${parts}`, urls: b }))
    .filter((g) => g.urls.length > 0);
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return new Map([...groups].sort(([a], [b]) => byUrl(a, b)));
}

const mm = (month: number) => String(month).padStart(2, '0');

/**
 * A year's pages as groups of at most `target` (unless one month holds more: then hash parts of it).
 * A year too large is halved by calendar (January–June, July–December, then quarters, …), so a group's
 * bounds depend only on how many pages fall in it: an added article changes its own group, and
 * splits it only when it grows past `target`.
 */
function monthRange(year: string, from: number, to: number, pages: ShardPage[], target: number): Group[] {
  if (pages.length === 0) return [];
  const key = from === to ? `${year}-${mm(from)}` : `${year}-${mm(from)}_${year}-${mm(to)}`;
  const urls = pages.map((p) => p.url);
  if (pages.length <= target) return [{ key, urls, first: `${year}-${mm(from)}`, last: `${year}-${mm(to)}` }];
  if (from === to)
    return hashParts(key, urls, target).map((g) => ({
      ...g,
      first: `${year}-${mm(from)}`,
      last: `${year}-${mm(to)}`,
    }));
  const mid = Math.floor((from + to) / 2);
  const month = (p: ShardPage) => Number(p.date!.slice(5, 7));
  return [
    ...monthRange(
      year,
      from,
      mid,
      pages.filter((p) => month(p) <= mid),
      target,
    ),
    ...monthRange(
      year,
      mid + 1,
      to,
      pages.filter((p) => month(p) > mid),
      target,
    ),
  ];
}

/** Dated pages as chronological groups: a year each, or parts of a year too large (see monthRange). */
function datedGroups(pages: ShardPage[], target: number): Group[] {
  const groups: Group[] = [];
  for (const [year, inYear] of groupBy(pages, (p) => p.date!.slice(0, 4))) {
    if (inYear.length <= target)
      groups.push({ key: year, urls: inYear.map((p) => p.url), first: year, last: year });
    else groups.push(...monthRange(year, 1, 12, inYear, target));
  }
  return groups;
}

/**
 * The shards of an archive's pages, newest first, undated last. Deterministic: the same pages give
 * the same shards whatever order they come in.
 */
export function planShards(pages: readonly ShardPage[], target = DEFAULT_SHARD_PAGES): Shard[] {
  if (!Number.isInteger(target) || target < 1)
    throw new Error(`shard size must be a positive integer, not ${target}`);
  const sorted = [...pages].sort((a, b) => byUrl(a.url, b.url));
  if (sorted.length <= target)
    return sorted.length === 0 ? [] : [{ key: 'all', urls: sorted.map((p) => p.url) }];
  const dated = sorted.filter((p) => p.date);
  const undated = sorted.filter((p) => !p.date).map((p) => p.url);
  const shards: Shard[] = datedGroups(dated, target).reverse();
  if (undated.length > 0) {
    shards.push(...hashParts('undated', undated, target).map((g) => ({ key: g.key, urls: g.urls })));
  }
  for (const shard of shards) shard.urls.sort(byUrl);
  return shards;
}
