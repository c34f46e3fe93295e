/**
 * The /search/ page controller. The URL holds the state (state.ts): opening `/search/?q=…` runs
 * the search, every change is written back to the URL, and back/forward re-run the search.
 */
import { renderFilters } from './filters-view.ts';
import { appendUnsorted } from './order.ts';
import { loadPagefind, SHARD_FILTER, type ShardedIndex } from './pagefind-client.ts';
import { parseQuery } from './query-terms.ts';
import { resultItem } from './results-view.ts';
import {
  hasCriteria,
  pagefindFilters,
  pagefindSort,
  pagefindTerm,
  stateFromParams,
  stateToSearch,
  toggleFilter,
  type FilterKey,
  type SearchState,
} from './state.ts';
import type { ShardEntry } from './shards.ts';
import type { PagefindApi, PagefindResponse, PagefindResult } from './types.ts';

const PAGE_SIZE = 10;
const TYPING_DELAY_MS = 250;

interface Parts {
  form: HTMLFormElement;
  input: HTMLInputElement;
  sort: HTMLSelectElement;
  /** The collapsed filter panel: its counts are fetched only once the reader opens it. */
  panel: HTMLDetailsElement;
  filters: HTMLElement;
  status: HTMLElement;
  list: HTMLOListElement;
  more: HTMLButtonElement;
}

/** What a search runs on: Pagefind, and the shards to search (merged, and able to match; pagefind-client.ts). */
export interface SearchTarget {
  api: PagefindApi;
  shards: readonly ShardEntry[];
}

/** Filter counts without the synthetic shard filter, which is not the reader's. */
function readersFilters(counts: PagefindResponse['filters']): PagefindResponse['filters'] {
  const { [SHARD_FILTER]: _shard, ...rest } = counts ?? {};
  return rest;
}

/**
 * Runs the state's search over the target's shards (and only those: other merged shards, and the
 * lexicon's records, are filtered out). By relevance, Pagefind merges the shards' results by score.
 * By date, each shard is a run of dates, so the shards are asked one by one, newest or oldest
 * first, and their sorted results follow each other; undated articles come last either way.
 */
export async function searchPagefind(
  target: SearchTarget,
  state: SearchState,
): Promise<{ results: PagefindResult[]; response: PagefindResponse }> {
  const { api } = target;
  const searched = target.shards;
  if (searched.length === 0) {
    const response = { results: [], unfilteredResultCount: 0, filters: {}, totalFilters: {} };
    return { results: [], response };
  }
  const term = pagefindTerm(state);
  const readers = pagefindFilters(state);
  const filters = { ...readers, [SHARD_FILTER]: { any: searched.map((shard) => shard.key) } };
  const sort = pagefindSort(state.sort);
  const all = await api.search(term, { filters });
  const response = {
    ...all,
    filters: readersFilters(all.filters),
    totalFilters: readersFilters(all.totalFilters),
  };
  if (!sort) return { results: all.results, response };
  let sorted: PagefindResult[];
  if (searched.length === 1) {
    sorted = (await api.search(term, { filters, sort })).results;
  } else {
    const dated = searched.filter((shard) => shard.first);
    const order = sort.date === 'asc' ? [...dated].reverse() : dated;
    const parts = await Promise.all(
      order.map((shard) => api.search(term, { filters: { ...readers, [SHARD_FILTER]: shard.key }, sort })),
    );
    sorted = parts.flatMap((part) => part.results);
  }
  return { results: appendUnsorted(sorted, all.results), response };
}

/** While the rest of the index loads: what the results shown so far cover (`target`: the shards searched). */
export function partialStatusText(target: SearchTarget, searchedPages: number, totalPages: number): string {
  const newest = target.shards.every((shard) => shard.first) ? 'newest ' : '';
  const n = (x: number) => x.toLocaleString('en');
  return `Best matches among the ${newest}${n(searchedPages)} of ${n(totalPages)}; searching the rest…`;
}

export function statusText(state: SearchState, count: number): string {
  const what = state.q.trim() ? ` for “${state.q.trim()}”` : '';
  const filtered = Object.keys(state.filters).length > 0 ? ' with the chosen filters' : '';
  return `${count === 0 ? 'No' : count} ${count === 1 ? 'article' : 'articles'}${what}${filtered}.`;
}

export class SearchPage {
  private state: SearchState;
  private parts: Parts;
  private run = 0;
  private results: PagefindResult[] = [];
  private shown = 0;
  private typingTimer: ReturnType<typeof setTimeout> | undefined;
  /** While the reader types, one history entry is updated rather than one added per pause. */
  private typing = false;
  /** Pagefind's filter index is fetched and counted only from when the reader opens the filter
   * panel (or arrives with filters chosen): at 30,000 articles it is a large part of a first search. */
  private filtersWanted = false;

  constructor(parts: Parts) {
    this.parts = parts;
    this.state = stateFromParams(new URLSearchParams(location.search));
  }

  start(): void {
    const { form, input, sort, filters, more, panel } = this.parts;
    input.addEventListener('focus', () => void loadPagefind().catch(() => undefined), { once: true });
    input.addEventListener('input', () => this.onTyping());
    input.addEventListener('blur', () => (this.typing = false));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.commit({ ...this.state, q: input.value }, false);
    });
    sort.addEventListener('change', () =>
      this.commit({ ...this.state, sort: sort.value as SearchState['sort'] }, false),
    );
    filters.addEventListener('change', (event) => this.onFilter(event));
    panel.addEventListener('toggle', () => this.onPanel());
    more.addEventListener('click', () => void this.showMore(this.run));
    window.addEventListener('popstate', () => this.restore());
    this.restore();
  }

  private onTyping(): void {
    clearTimeout(this.typingTimer);
    this.typingTimer = setTimeout(
      () => this.commit({ ...this.state, q: this.parts.input.value }, true),
      TYPING_DELAY_MS,
    );
  }

  private onPanel(): void {
    if (!this.parts.panel.open || this.filtersWanted) return;
    this.filtersWanted = true;
    void this.search();
  }

  private onFilter(event: Event): void {
    const box = event.target;
    if (!(box instanceof HTMLInputElement) || box.type !== 'checkbox') return;
    this.commit(toggleFilter(this.state, box.name as FilterKey, box.value, box.checked), false);
  }

  /** Writes the new state to the URL (a new history entry, except while typing) and searches. */
  private commit(next: SearchState, typing: boolean): void {
    clearTimeout(this.typingTimer);
    const url = `${location.pathname}${stateToSearch(next)}`;
    if (url !== location.pathname + location.search) {
      if (typing && this.typing) history.replaceState(null, '', url);
      else history.pushState(null, '', url);
    }
    this.typing = typing;
    this.state = next;
    void this.search();
  }

  /** Reads the state from the URL (page load, back, forward) and searches. */
  private restore(): void {
    this.typing = false;
    this.state = stateFromParams(new URLSearchParams(location.search));
    this.parts.input.value = this.state.q;
    this.parts.sort.value = this.state.sort;
    if (Object.keys(this.state.filters).length > 0) {
      this.filtersWanted = true;
      this.parts.panel.open = true;
    }
    void this.search();
  }

  private async search(): Promise<void> {
    const run = ++this.run;
    const { list, more, filters } = this.parts;
    if (!hasCriteria(this.state)) {
      list.replaceChildren();
      filters.replaceChildren();
      more.hidden = true;
      this.setStatus('Type a name or term to search the archive.', 'done');
      return;
    }
    this.setStatus('Searching…', 'searching');
    try {
      const index = await loadPagefind();
      // The shards that can match (all of them for a search by filters alone).
      const wanted = await index.shardsFor(pagefindTerm(this.state));
      if (run !== this.run) return;
      // Filter counts cover the whole archive: every shard first, then every filter (once asked for).
      if (this.filtersWanted) {
        await index.mergeAll();
        await index.api.filters();
      } else {
        await index.merge(index.firstPass(wanted));
      }
      if (run !== this.run) return;
      const first = await this.runSearch(index, wanted);
      if (run !== this.run) return;
      this.results = first.results;
      this.shown = 0;
      list.replaceChildren();
      if (index.searchable(wanted).length < wanted.length) {
        // The first part's best results show while the rest of the index loads (never with the
        // filter panel open: its counts need every shard, merged above).
        const searched = { api: index.api, shards: index.searchable(wanted) };
        this.setStatus(partialStatusText(searched, index.coveredPages(wanted), index.pages), 'partial');
        await this.showMore(run);
        await index.merge(wanted);
        if (run !== this.run) return;
        const final = await this.runSearch(index, wanted);
        if (run !== this.run) return;
        await this.replaceResults(run, final.results);
        if (run !== this.run) return;
        this.setStatus(statusText(this.state, final.results.length), 'done');
        return;
      }
      if (this.filtersWanted) renderFilters(filters, first.response.filters, this.state);
      await this.showMore(run);
      if (run === this.run) this.setStatus(statusText(this.state, first.results.length), 'done');
    } catch (error) {
      if (run === this.run)
        this.setStatus('Search failed to load. Check the connection and try again.', 'done');
      console.error(error);
    }
  }

  /** Searches the shards of `wanted` merged so far. */
  private runSearch(index: ShardedIndex, wanted: readonly ShardEntry[]) {
    return searchPagefind({ api: index.api, shards: index.searchable(wanted) }, this.state);
  }

  /** `data-state` tells scripts (and tests) whether the results are final. */
  private setStatus(text: string, state: 'searching' | 'partial' | 'done'): void {
    this.parts.status.textContent = text;
    this.parts.status.dataset.state = state;
  }

  /** Swaps in the complete results at once, as many as were shown, so the list does not flicker. */
  private async replaceResults(run: number, results: PagefindResult[]): Promise<void> {
    const count = Math.max(this.shown, Math.min(PAGE_SIZE, results.length));
    const query = parseQuery(this.state.q);
    const data = await Promise.all(results.slice(0, count).map((r) => r.data()));
    if (run !== this.run) return;
    this.results = results;
    this.shown = data.length;
    this.parts.list.replaceChildren(...data.map((d) => resultItem(d, query)));
    this.parts.more.hidden = this.shown >= this.results.length;
  }

  /** Shows the next page of results, each as soon as it and those before it have loaded: the
   * fragments download together, and the first results need not wait for the tenth. */
  private async showMore(run: number): Promise<void> {
    const page = this.results.slice(this.shown, this.shown + PAGE_SIZE);
    const query = parseQuery(this.state.q);
    const fragments = page.map((r) => r.data());
    this.shown += page.length;
    this.parts.more.hidden = true;
    for (const fragment of fragments) {
      const data = await fragment;
      if (run !== this.run) return;
      this.parts.list.append(resultItem(data, query));
    }
    this.parts.more.hidden = this.shown >= this.results.length;
  }
}

export function initSearchPage(root: HTMLElement): void {
  const get = <T extends Element>(selector: string) => {
    const found = root.querySelector<T>(selector);
    if (!found) throw new Error(`search page: missing ${selector}`);
    return found;
  };
  const page = new SearchPage({
    form: get<HTMLFormElement>('form'),
    input: get<HTMLInputElement>('input[name="q"]'),
    sort: get<HTMLSelectElement>('select[name="sort"]'),
    panel: get<HTMLDetailsElement>('[data-search-filter-panel]'),
    filters: get<HTMLElement>('[data-search-filters]'),
    status: get<HTMLElement>('[data-search-status]'),
    list: get<HTMLOListElement>('[data-search-results]'),
    more: get<HTMLButtonElement>('[data-search-more]'),
  });
  page.start();
}
