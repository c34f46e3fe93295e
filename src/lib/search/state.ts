/**
 * The search page's state and its URL: `/search/?q=…&sort=newest&source=…&tag=…&tag=…`.
 * The URL is the single source of truth so that a search can be shared and the back button works.
 */
import { foldTransliteration } from './fold.ts';

export const FILTER_KEYS = ['source', 'series', 'tag', 'year', 'editor', 'name'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
export const SORTS = ['relevance', 'newest', 'oldest'] as const;
export type Sort = (typeof SORTS)[number];

export interface SearchState {
  q: string;
  sort: Sort;
  /** Selected values per filter key; keys with no selection are absent. */
  filters: Partial<Record<FilterKey, string[]>>;
}

export function emptyState(): SearchState {
  return { q: '', sort: 'relevance', filters: {} };
}

export function stateFromParams(params: URLSearchParams): SearchState {
  const sortParam = params.get('sort') ?? '';
  const sort = (SORTS as readonly string[]).includes(sortParam) ? (sortParam as Sort) : 'relevance';
  const filters: SearchState['filters'] = {};
  for (const key of FILTER_KEYS) {
    const values = [...new Set(params.getAll(key).filter((v) => v.trim() !== ''))];
    if (values.length > 0) filters[key] = values;
  }
  return { q: params.get('q') ?? '', sort, filters };
}

/** Parameters in a fixed order, so that equal states give equal URLs. */
export function stateToParams(state: SearchState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.q.trim() !== '') params.set('q', state.q);
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  for (const key of FILTER_KEYS) {
    for (const value of state.filters[key] ?? []) params.append(key, value);
  }
  return params;
}

export function stateToSearch(state: SearchState): string {
  const query = stateToParams(state).toString();
  return query === '' ? '' : `?${query}`;
}

export function hasCriteria(state: SearchState): boolean {
  return state.q.trim() !== '' || Object.keys(state.filters).length > 0;
}

/** Adds or removes one filter value. */
export function toggleFilter(state: SearchState, key: FilterKey, value: string, on: boolean): SearchState {
  const current = state.filters[key] ?? [];
  const next = on ? [...new Set([...current, value])] : current.filter((v) => v !== value);
  const filters = { ...state.filters, [key]: next };
  if (next.length === 0) delete filters[key];
  return { ...state, filters };
}

/** Filter object for Pagefind. Values combine with "and" (Pagefind's default), so every count
 * shown beside a value is exactly the number of results that ticking it leaves. */
export function pagefindFilters(state: SearchState): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const key of FILTER_KEYS) {
    const values = state.filters[key];
    if (values) out[key] = values;
  }
  return out;
}

/** The query as Pagefind should see it; `null` asks for every page matching the filters. */
export function pagefindTerm(state: SearchState): string | null {
  const q = foldTransliteration(state.q).trim();
  return q === '' ? null : q;
}

export function pagefindSort(sort: Sort): Record<string, 'asc' | 'desc'> | undefined {
  if (sort === 'newest') return { date: 'desc' };
  if (sort === 'oldest') return { date: 'asc' };
  return undefined;
}
