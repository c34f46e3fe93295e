/** The parts of Pagefind 1.6's browser API this site uses (see dist/pagefind/pagefind.js). */
export interface PagefindAnchor {
  element: string;
  id: string;
  text?: string;
  /** Word index, in `content`, of the element's first word. */
  location: number;
}

export interface PagefindFragment {
  url: string;
  content: string;
  /** `content` with `<` and `>` escaped and, for scripts without spaces, U+200B between words. */
  raw_content?: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  anchors: PagefindAnchor[];
  /** Word indexes, in `content`, of the words that matched. */
  locations: number[];
  filters?: Record<string, string[]>;
}

export interface PagefindResult {
  id: string;
  /** Word indexes, in the page's content, of the words that matched (no fragment needed). */
  words: number[];
  data(): Promise<PagefindFragment>;
}

export interface PagefindResponse {
  results: PagefindResult[];
  unfilteredResultCount: number;
  filters: Record<string, Record<string, number>>;
  totalFilters: Record<string, Record<string, number>>;
}

export interface PagefindSearchOptions {
  /** A value, all of several values, or (`{ any }`) one of several. */
  filters?: Record<string, string | string[] | { any: string[] }>;
  sort?: Record<string, 'asc' | 'desc'>;
}

export interface PagefindApi {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  /** Adds another index (a shard) to the searches; `options` as for `options()`, plus `mergeFilter`. */
  mergeIndex(indexPath: string, options?: Record<string, unknown>): Promise<void>;
  search(term: string | null, options?: PagefindSearchOptions): Promise<PagefindResponse>;
  preload(term: string, options?: PagefindSearchOptions): Promise<void>;
  filters(): Promise<Record<string, Record<string, number>>>;
}
