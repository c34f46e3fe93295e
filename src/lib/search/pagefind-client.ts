/**
 * Loads Pagefind on demand. Nothing of Pagefind is fetched when a page loads: the first call (on
 * the reader's first focus of or input in a search box, or a `/search/?q=` URL) imports
 * `/pagefind/pagefind.js` and reads `/pagefind/shards.json`, the list of the index's shards
 * (src/lib/search/shards.ts), newest first.
 *
 * An archive of one shard opens it as Pagefind's own index. With more, the lexicon opens first:
 * a small index with one record per shard holding that shard's words (scripts/pagefind.ts). A
 * query is put to it first; the shards whose records match are the only ones searched, and the
 * others are never fetched. That keeps Pagefind's rule for a word no indexed word begins with (it
 * then matches the longest indexed word the query word begins with) the archive's, not each
 * shard's: without it a rare name matched every page of the other shards with a word it begins with.
 * A query of several words then asks the lexicon for each word's positions in the records that
 * matched: each record lays its shard's rarer words out page by page (src/lib/search/lexicon.ts), so
 * a shard whose pages hold the words only apart is dropped too, again without fetching it. Those
 * searches read the index chunks the first one loaded; only the records' layouts are fetched.
 * The shards are merged in (`mergeIndex`) as searches need them, each tagged with a synthetic
 * `shard` filter, which also keeps the lexicon's records out of the results. A search first merges
 * only enough of its shards for half a shard's worth of pages (`firstPass`), so its first results
 * need that part's metadata, not the whole archive's.
 */
import { HIGHLIGHT_PARAM } from './highlight.ts';
import { BLOCKS_FILE, someBlockHoldsAll, type BlocksFile } from './lexicon.ts';
import { LEXICON_KEY, SHARDS_FILE, type ShardEntry, type ShardsFile } from './shards.ts';
import type { PagefindApi } from './types.ts';
import { BASE, withBase } from '../url.ts';

/** The synthetic filter that names a page's shard (never shown to the reader). */
export const SHARD_FILTER = 'shard';

const PAGEFIND_DIR = withBase('/pagefind/');

/** Searches the lexicon's records only. */
const LEXICON_FILTER = { filters: { [SHARD_FILTER]: LEXICON_KEY } };

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
  private readonly target: number;
  /** Lexicon record id → shard key, when there is a lexicon. */
  private readonly lexicon: ReadonlyMap<string, string> | undefined;
  private dir: string;
  /** The lexicon's folder, relative to `dir`. */
  private readonly lexiconPath: string;
  private readonly merged = new Set<string>();
  private merging: Promise<void> = Promise.resolve();
  private readonly routes = new Map<string, Promise<readonly ShardEntry[]>>();
  /** The lexicon records' layouts, fetched when a query of several words first needs them. */
  private blocks: Promise<BlocksFile | undefined> | undefined;

  private constructor(api: PagefindApi, file: ShardsFile, dir: string) {
    this.api = api;
    this.shards = file.shards;
    this.pages = file.pages;
    this.target = file.target;
    this.lexicon =
      file.lexicon && file.shards.length > 1 ? new Map(Object.entries(file.lexicon.pages)) : undefined;
    this.dir = dir;
    this.lexiconPath = file.lexicon?.path ?? '';
  }

  /** Opens the lexicon (or the only shard) as `api`'s index; `dir` is the Pagefind folder's URL, ending in `/`. */
  static async open(api: PagefindApi, file: ShardsFile, dir: string): Promise<ShardedIndex> {
    const index = new ShardedIndex(api, file, dir);
    const first = file.shards[0];
    // An archive with no article has no shard: nothing to open, every search finds nothing.
    if (index.lexicon) {
      await api.options({
        ...INSTANCE_OPTIONS,
        basePath: dir + file.lexicon!.path,
        mergeFilter: { [SHARD_FILTER]: LEXICON_KEY },
      });
      await api.init();
    } else if (first) {
      await api.options({
        ...INSTANCE_OPTIONS,
        basePath: dir + first.path,
        mergeFilter: { [SHARD_FILTER]: first.key },
      });
      await api.init();
      index.merged.add(first.key);
    }
    return index;
  }

  /**
   * The shards that can hold a match for `term` (Pagefind's term; `null` for a search by filters
   * alone), in order: every shard without a lexicon or a term, else those whose lexicon record
   * matches. A quoted phrase is routed by its words (the lexicon knows words, not their order).
   */
  shardsFor(term: string | null): Promise<readonly ShardEntry[]> {
    const lexicon = this.lexicon;
    if (term === null || !lexicon) return Promise.resolve(this.shards);
    const words = term.replaceAll('"', ' ').trim();
    let route = this.routes.get(words);
    if (!route) {
      route = this.api.search(words, LEXICON_FILTER).then(async (response) => {
        let keys = new Set(response.results.flatMap((result) => lexicon.get(result.id) ?? []));
        if (keys.size > 1) keys = await this.withAllOnOnePage(words, keys);
        return this.shards.filter((shard) => keys.has(shard.key));
      });
      route.catch(() => this.routes.delete(words));
      this.routes.set(words, route);
    }
    return route;
  }

  /**
   * Of the shards `keys` (whose lexicon records hold every word of `words`), those with a page that
   * holds them all, as far as the records' layouts tell: each word is searched alone in the lexicon
   * for its positions, which name pages. Pagefind drops a query word no indexed word matches, so
   * such a word (no record at all) narrows nothing; nor does a word among a shard's common words.
   */
  private async withAllOnOnePage(words: string, keys: Set<string>): Promise<Set<string>> {
    const lexicon = this.lexicon!;
    const distinct = [...new Set(words.toLowerCase().split(/\s+/u))];
    if (distinct.length < 2) return keys;
    const [blocks, ...perWord] = await Promise.all([
      this.blockLayouts(),
      ...distinct.map((word) => this.api.search(word, LEXICON_FILTER)),
    ]);
    if (!blocks) return keys;
    const positions = perWord.map(
      (response) =>
        new Map(
          response.results.flatMap((result) => {
            const key = lexicon.get(result.id);
            return key === undefined ? [] : [[key, result.words] as const];
          }),
        ),
    );
    const recordOf = new Map([...lexicon].map(([id, key]) => [key, id]));
    return new Set(
      [...keys].filter((key) => {
        const layout = blocks.shards[key];
        return (
          !layout ||
          layout.record !== recordOf.get(key) ||
          someBlockHoldsAll(
            layout,
            positions.filter((p) => p.size > 0).map((p) => p.get(key)),
          )
        );
      }),
    );
  }

  /** The lexicon records' layouts (`BLOCKS_FILE`); `undefined` if they cannot be had, and then no
   * shard is narrowed down by page. */
  private blockLayouts(): Promise<BlocksFile | undefined> {
    // Revalidated like shards.json: a layout is only good for its own build's lexicon.
    this.blocks ??= fetch(this.dir + this.lexiconPath + BLOCKS_FILE, { cache: 'no-cache' })
      .then(async (response) => (response.ok ? ((await response.json()) as BlocksFile) : undefined))
      .catch(() => undefined);
    return this.blocks;
  }

  /** Of `shards`, those merged so far. */
  searchable(shards: readonly ShardEntry[]): ShardEntry[] {
    return shards.filter((shard) => this.merged.has(shard.key));
  }

  /** Of `shards`, the first ones holding half a shard's worth of pages (at least one): a search's first pass. */
  firstPass(shards: readonly ShardEntry[]): readonly ShardEntry[] {
    // The loop takes at least one shard when there is one: it starts at 0 pages.
    let n = 0;
    for (let pages = 0; n < shards.length && pages < this.target / 2; n++) pages += shards[n]!.pages;
    return shards.slice(0, n);
  }

  /** Pages known to hold no match or already searched, when `shards` are the ones that can match. */
  coveredPages(shards: readonly ShardEntry[]): number {
    const waiting = shards.filter((shard) => !this.merged.has(shard.key));
    return this.pages - waiting.reduce((sum, shard) => sum + shard.pages, 0);
  }

  /** Merges those of `shards` not merged yet (concurrent calls queue). */
  merge(shards: readonly ShardEntry[]): Promise<void> {
    this.merging = this.merging.then(async () => {
      const next = shards.filter((shard) => !this.merged.has(shard.key));
      await Promise.all(
        next.map((shard) =>
          this.api.mergeIndex(this.dir + shard.path, {
            ...INSTANCE_OPTIONS,
            mergeFilter: { [SHARD_FILTER]: shard.key },
          }),
        ),
      );
      for (const shard of next) this.merged.add(shard.key);
    });
    return this.merging;
  }

  mergeAll(): Promise<void> {
    return this.merge(this.shards);
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
