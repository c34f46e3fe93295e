/**
 * The search index is split into shards: separate Pagefind indexes of at most `target` pages each,
 * built one at a time (memory bounded however large the archive grows), rebuilt only when a page in
 * them changed (a one-article change re-indexes one shard), and merged in the browser (Pagefind's
 * `mergeIndex`), where the first shard answers first.
 *
 * A shard is a run of consecutive dates, so that a date-sorted search is the shards' sorted results
 * one after another. Dated pages are grouped by year, a year too large for one shard by month, a
 * month too large by a hash of the URL; groups are then packed, oldest first, into shards of at most
 * `target` pages (packing from the oldest end means new articles, which are mostly recent, move only
 * the newest shard's boundary). Undated pages go to shards of their own, split by a hash of the URL
 * into a power of two of parts, so a page stays in its part until the archive doubles.
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
export const SHARDS_FORMAT = 1;

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
}

interface Group {
  key: string;
  urls: string[];
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

/** Dated pages as chronological groups: years, or months of a large year, or hash parts of a large month. */
function datedGroups(pages: ShardPage[], target: number): Group[] {
  const groups: Group[] = [];
  for (const [year, inYear] of groupBy(pages, (p) => p.date!.slice(0, 4))) {
    if (inYear.length <= target) {
      groups.push({ key: year, urls: inYear.map((p) => p.url) });
      continue;
    }
    for (const [month, inMonth] of groupBy(inYear, (p) => p.date!.slice(0, 7))) {
      groups.push(
        ...hashParts(
          month,
          inMonth.map((p) => p.url),
          target,
        ),
      );
    }
  }
  return groups;
}

/** Packs consecutive groups, oldest first, into shards of at most `target` pages. */
function pack(groups: Group[], target: number): Shard[] {
  const shards: Shard[] = [];
  let run: Group[] = [];
  let size = 0;
  const flush = () => {
    if (run.length === 0) return;
    const first = run[0]!.key;
    const last = run[run.length - 1]!.key;
    shards.push({
      key: first === last ? first : `${first}_${last}`,
      first: first.slice(0, 7),
      last: last.slice(0, 7),
      urls: run.flatMap((g) => g.urls),
    });
    run = [];
    size = 0;
  };
  for (const group of groups) {
    // A hash part never shares a shard: its siblings would make the key ambiguous.
    const alone = group.key.includes('-h');
    if (alone || size + group.urls.length > target) flush();
    run.push(group);
    size += group.urls.length;
    if (alone) flush();
  }
  flush();
  return shards;
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
  const shards = pack(datedGroups(dated, target), target).reverse();
  if (undated.length > 0) {
    shards.push(...hashParts('undated', undated, target).map((g) => ({ key: g.key, urls: g.urls })));
  }
  for (const shard of shards) shard.urls.sort(byUrl);
  return shards;
}
