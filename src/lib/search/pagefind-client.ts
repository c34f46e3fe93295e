/**
 * Loads Pagefind on demand. Nothing of Pagefind is fetched when a page loads: the first call (on
 * the reader's first focus of or input in a search box, or a `/search/?q=` URL) imports
 * `/pagefind/pagefind.js` and reads `/pagefind/shards.json`, the list of the index's shards
 * (src/lib/search/shards.ts), newest first.
 *
 * The first shard opens as Pagefind's own index; the others are merged into it (`mergeIndex`) when
 * a search needs them, each tagged with a synthetic `shard` filter so that a date-sorted search can
 * ask the shards one by one. A search first merges only enough shards for half a shard's worth of
 * pages (`firstPass`), so its first results need that part's metadata, not the whole archive's.
 */
import { HIGHLIGHT_PARAM } from './highlight.ts';
import { SHARDS_FILE, type ShardEntry, type ShardsFile } from './shards.ts';
import type { PagefindApi } from './types.ts';
import { BASE, withBase } from '../url.ts';

/** The synthetic filter that names a page's shard (never shown to the reader). */
export const SHARD_FILTER = 'shard';

const PAGEFIND_DIR = withBase('/pagefind/');

/** Options every instance gets: results link under the base, to the matched words. */
const INSTANCE_OPTIONS = {
  // The index records site-relative URLs (`/articles/x/`); Pagefind prefixes `baseUrl` to each result.
  baseUrl: BASE,
  highlightParam: HIGHLIGHT_PARAM,
  excerptLength: 30,
  excerptEllipsis: '…',
};

export class ShardedIndex {
  readonly api: PagefindApi;
  readonly shards: readonly ShardEntry[];
  readonly pages: number;
  /** Shards searched by the first pass: at least half a shard's worth of pages. */
  readonly firstPass: number;
  private dir: string;
  private mergedCount: number;
  private merging: Promise<void> = Promise.resolve();

  private constructor(api: PagefindApi, file: ShardsFile, dir: string) {
    this.api = api;
    this.shards = file.shards;
    this.pages = file.pages;
    this.dir = dir;
    this.mergedCount = file.shards.length > 0 ? 1 : 0;
    let n = 0;
    for (let pages = 0; n < file.shards.length && pages < file.target / 2; n++)
      pages += file.shards[n]!.pages;
    this.firstPass = Math.max(n, this.mergedCount);
  }

  /** Opens the first shard as `api`'s index; `dir` is the Pagefind folder's URL, ending in `/`. */
  static async open(api: PagefindApi, file: ShardsFile, dir: string): Promise<ShardedIndex> {
    const first = file.shards[0];
    // An archive with no article has no shard: nothing to open, every search finds nothing.
    if (first) {
      await api.options({
        ...INSTANCE_OPTIONS,
        basePath: dir + first.path,
        mergeFilter: { [SHARD_FILTER]: first.key },
      });
      await api.init();
    }
    return new ShardedIndex(api, file, dir);
  }

  /** How many shards, from the first, searches now cover. */
  get merged(): number {
    return this.mergedCount;
  }

  get complete(): boolean {
    return this.mergedCount >= this.shards.length;
  }

  /** Pages the merged shards hold. */
  get searchedPages(): number {
    return this.shards.slice(0, this.mergedCount).reduce((sum, s) => sum + s.pages, 0);
  }

  /** Merges shards until the first `count` are searched (in order; concurrent calls queue). */
  mergeUpTo(count: number): Promise<void> {
    this.merging = this.merging.then(async () => {
      const next = this.shards.slice(this.mergedCount, count);
      if (next.length === 0) return;
      await Promise.all(
        next.map((shard) =>
          this.api.mergeIndex(this.dir + shard.path, {
            ...INSTANCE_OPTIONS,
            mergeFilter: { [SHARD_FILTER]: shard.key },
          }),
        ),
      );
      this.mergedCount += next.length;
    });
    return this.merging;
  }

  mergeFirstPass(): Promise<void> {
    return this.mergeUpTo(this.firstPass);
  }

  mergeAll(): Promise<void> {
    return this.mergeUpTo(this.shards.length);
  }
}

const SCRIPT = withBase('/pagefind/pagefind.js');
let loading: Promise<ShardedIndex> | undefined;

export function loadPagefind(): Promise<ShardedIndex> {
  loading ??= importPagefind().catch((error: unknown) => {
    loading = undefined; // let a later attempt retry, e.g. after a network hiccup
    throw error;
  });
  return loading;
}

async function importPagefind(): Promise<ShardedIndex> {
  // A runtime URL, not a module Vite should bundle: the index is written after `astro build`.
  const [pagefind, file] = await Promise.all([
    import(/* @vite-ignore */ SCRIPT) as Promise<PagefindApi>,
    // Revalidated like Pagefind's own entry file, so a new build's shard list is never read stale.
    fetch(PAGEFIND_DIR + SHARDS_FILE, { cache: 'no-cache' }).then(async (response) => {
      if (!response.ok) throw new Error(`${SHARDS_FILE}: HTTP ${response.status}`);
      return (await response.json()) as ShardsFile;
    }),
  ]);
  return ShardedIndex.open(pagefind, file, PAGEFIND_DIR);
}
