/** The filter checkboxes with their counts, rebuilt after every search. */
import { FILTER_KEYS, type FilterKey, type SearchState } from './state.ts';

export const FILTER_LABELS: Record<FilterKey, string> = {
  source: 'Source',
  series: 'Series',
  tag: 'Tag',
  year: 'Year',
  editor: 'Editor',
  name: 'Name',
};

export interface FilterOption {
  value: string;
  count: number;
  checked: boolean;
}

/** Values worth offering: the selected ones, and any that leaves results. Years newest first,
 * the others by count, then name. */
export function filterOptions(
  key: FilterKey,
  counts: Record<string, number> | undefined,
  state: SearchState,
): FilterOption[] {
  const selected = new Set(state.filters[key] ?? []);
  const values = new Set([...Object.keys(counts ?? {}), ...selected]);
  const options = [...values]
    .map((value) => ({ value, count: counts?.[value] ?? 0, checked: selected.has(value) }))
    .filter((o) => o.checked || o.count > 0);
  const byName = (a: FilterOption, b: FilterOption) => a.value.localeCompare(b.value);
  return options.sort(
    key === 'year' ? (a, b) => b.value.localeCompare(a.value) : (a, b) => b.count - a.count || byName(a, b),
  );
}

export function renderFilters(
  container: HTMLElement,
  counts: Record<string, Record<string, number>>,
  state: SearchState,
): void {
  const fieldsets = FILTER_KEYS.map((key) => fieldset(key, filterOptions(key, counts[key], state))).filter(
    (f) => f !== undefined,
  );
  container.replaceChildren(...fieldsets);
}

function fieldset(key: FilterKey, options: FilterOption[]): HTMLFieldSetElement | undefined {
  if (options.length === 0) return undefined;
  const set = document.createElement('fieldset');
  set.className = 'search-filter';
  set.append(Object.assign(document.createElement('legend'), { textContent: FILTER_LABELS[key] }));
  for (const option of options) set.append(checkbox(key, option));
  return set;
}

function checkbox(key: FilterKey, option: FilterOption): HTMLLabelElement {
  const input = document.createElement('input');
  Object.assign(input, { type: 'checkbox', name: key, value: option.value, checked: option.checked });
  const count = Object.assign(document.createElement('span'), {
    className: 'count',
    textContent: `(${option.count})`,
  });
  const label = document.createElement('label');
  label.append(input, ` ${option.value} `, count);
  return label;
}
