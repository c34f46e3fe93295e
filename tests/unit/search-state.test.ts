import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { appendUnsorted } from '../../src/lib/search/order.ts';
import {
  FILTER_KEYS,
  emptyState,
  hasCriteria,
  pagefindFilters,
  pagefindSort,
  pagefindTerm,
  stateFromParams,
  stateToSearch,
  toggleFilter,
  type SearchState,
} from '../../src/lib/search/state.ts';
import { filterOptions } from '../../src/lib/search/filters-view.ts';

const parse = (search: string) => stateFromParams(new URLSearchParams(search));

describe('search state ⇄ URL', () => {
  it('reads query, sort and repeated filters', () => {
    const state = parse('?q=Qa%E2%80%99ani&sort=oldest&tag=IRGC&tag=Iraq&year=2020&source=');
    expect(state).toEqual({
      q: 'Qa’ani',
      sort: 'oldest',
      filters: { tag: ['IRGC', 'Iraq'], year: ['2020'] },
    });
  });

  it('falls back to relevance for an unknown sort and ignores unknown parameters', () => {
    expect(parse('?q=x&sort=random&colour=red')).toEqual({ q: 'x', sort: 'relevance', filters: {} });
  });

  it('writes nothing for the empty state and a fixed order otherwise', () => {
    expect(stateToSearch(emptyState())).toBe('');
    const state: SearchState = {
      q: 'Salami',
      sort: 'newest',
      filters: { year: ['2021'], source: ['A & B'] },
    };
    expect(stateToSearch(state)).toBe('?q=Salami&sort=newest&source=A+%26+B&year=2021');
  });

  it('round-trips any state', () => {
    const values = fc.uniqueArray(
      fc.string({ minLength: 1 }).filter((s) => s.trim() !== ''),
      { maxLength: 3 },
    );
    const filters = fc.record(
      Object.fromEntries(FILTER_KEYS.map((k) => [k, values])) as Record<string, typeof values>,
    );
    const state = fc.record({
      q: fc.string(),
      sort: fc.constantFrom('relevance', 'newest', 'oldest'),
      filters,
    });
    fc.assert(
      fc.property(state, (s) => {
        const clean = Object.fromEntries(Object.entries(s.filters).filter(([, v]) => v.length > 0));
        const expected = { ...s, q: s.q.trim() === '' ? '' : s.q, filters: clean } as SearchState;
        expect(parse(stateToSearch(expected))).toEqual(expected);
      }),
    );
  });
});

describe('search state → Pagefind', () => {
  it('folds the query and sends null for filter-only searches', () => {
    expect(pagefindTerm({ ...emptyState(), q: '  Qaʼani ' })).toBe('Qa’ani');
    expect(pagefindTerm({ ...emptyState(), q: '   ' })).toBeNull();
  });

  it('maps sorts to the date key', () => {
    expect(pagefindSort('newest')).toEqual({ date: 'desc' });
    expect(pagefindSort('oldest')).toEqual({ date: 'asc' });
    expect(pagefindSort('relevance')).toBeUndefined();
  });

  it('toggles filters and drops emptied keys', () => {
    let state = toggleFilter(emptyState(), 'tag', 'IRGC', true);
    state = toggleFilter(state, 'tag', 'Iraq', true);
    expect(pagefindFilters(state)).toEqual({ tag: ['IRGC', 'Iraq'] });
    expect(hasCriteria(state)).toBe(true);
    state = toggleFilter(toggleFilter(state, 'tag', 'IRGC', false), 'tag', 'Iraq', false);
    expect(state.filters).toEqual({});
    expect(hasCriteria(state)).toBe(false);
  });
});

describe('filterOptions', () => {
  const state: SearchState = { q: 'x', sort: 'relevance', filters: { tag: ['Gone'] } };

  it('keeps selected values, drops values that leave nothing, orders by count then name', () => {
    const options = filterOptions('tag', { Iran: 3, Iraq: 1, Syria: 3, Yemen: 0 }, state);
    expect(options.map((o) => [o.value, o.count, o.checked])).toEqual([
      ['Iran', 3, false],
      ['Syria', 3, false],
      ['Iraq', 1, false],
      ['Gone', 0, true],
    ]);
  });

  it('orders years newest first', () => {
    expect(filterOptions('year', { '2019': 5, '2021': 1, '2020': 2 }, state).map((o) => o.value)).toEqual([
      '2021',
      '2020',
      '2019',
    ]);
  });
});

describe('appendUnsorted', () => {
  it('puts the undated results, in relevance order, after the date-sorted ones', () => {
    const r = (id: string) => ({ id });
    expect(appendUnsorted([r('b'), r('a')], [r('u1'), r('a'), r('u2'), r('b')]).map((x) => x.id)).toEqual([
      'b',
      'a',
      'u1',
      'u2',
    ]);
  });
});
