/**
 * Splits long lists into numbered pages: page 1 at the list's own URL, page n at `<base>n/`.
 * A page knows its neighbours, a window of page numbers around it with the first and last, and
 * the first page of each section of the list (each year of a dated list, each initial letter of
 * an alphabetical one), so that any page is a few clicks away.
 */

export const PAGE_SIZE = 50;
/** Page numbers shown on each side of the current one. */
export const PAGER_SPREAD = 2;

/** The first page holding a section of the list (a year, an initial letter), in list order. */
export interface Jump {
  label: string;
  url: string;
  number: number;
}

export interface Page<T> {
  /** 1-based. */
  number: number;
  total: number;
  items: T[];
  url: string;
  /** Page 1's URL, the list's own. */
  firstUrl: string;
  prevUrl?: string;
  nextUrl?: string;
  /** For a list in sections spread over pages; empty otherwise. */
  jumps: Jump[];
}

/** A numbered link in the pager, or a gap (`…`) between two runs of numbers. */
export type PagerItem = { number: number; url: string; current: boolean } | { gap: true };

/** The URL of page `n` of a list whose first page is `base` (which ends in a slash). */
export function pageUrl(base: string, n: number): string {
  return n === 1 ? base : `${base}${n}/`;
}

/** The first page of each section of a sorted list; items without a section are skipped. */
export function sectionJumps<T>(
  items: readonly T[],
  base: string,
  sectionOf: (item: T) => string | undefined,
  size = PAGE_SIZE,
): Jump[] {
  const jumps: Jump[] = [];
  const seen = new Set<string>();
  items.forEach((item, i) => {
    const label = sectionOf(item);
    if (label === undefined || seen.has(label)) return;
    seen.add(label);
    const number = Math.floor(i / size) + 1;
    jumps.push({ label, number, url: pageUrl(base, number) });
  });
  return jumps;
}

/** Always at least one page, so an empty list still has a page that says so. `sectionOf` (the
 * year or initial of an item, in list order) adds the jump links. */
export function paginate<T>(
  items: readonly T[],
  base: string,
  size = PAGE_SIZE,
  sectionOf?: (item: T) => string | undefined,
): Page<T>[] {
  const total = Math.max(1, Math.ceil(items.length / size));
  const jumps = sectionOf && total > 1 ? sectionJumps(items, base, sectionOf, size) : [];
  return Array.from({ length: total }, (_, i) => {
    const n = i + 1;
    return {
      number: n,
      total,
      items: items.slice(i * size, n * size),
      url: pageUrl(base, n),
      firstUrl: base,
      prevUrl: n > 1 ? pageUrl(base, n - 1) : undefined,
      nextUrl: n < total ? pageUrl(base, n + 1) : undefined,
      jumps: jumps.length > 1 ? jumps : [],
    };
  });
}

/** Strides of the far-reaching page links: any page of a long list is a few clicks away. */
const STRIDES = [10, 100, 1000];

/**
 * First, last, PAGER_SPREAD pages either side of the current one and, in a long list, round page
 * numbers around it at strides of 10, 100 and 1000, gaps marked: `1 … 4 5 [6] 7 8 10 20 … 100
 * 200 … 554`. A gap never hides a single page (that page is shown instead).
 */
export function pagerItems(
  page: Pick<Page<unknown>, 'number' | 'total' | 'firstUrl'>,
  spread = PAGER_SPREAD,
): PagerItem[] {
  const base = page.firstUrl;
  const shown = new Set([1, page.total]);
  const add = (n: number) => n >= 1 && n <= page.total && shown.add(n);
  for (let n = page.number - spread; n <= page.number + spread; n++) add(n);
  for (const stride of STRIDES.filter((s) => s * 2 < page.total)) {
    const round = Math.floor(page.number / stride) * stride;
    for (let k = -2; k <= 2; k++) add(round + k * stride);
  }
  const numbers = [...shown].sort((a, b) => a - b);
  const items: PagerItem[] = [];
  numbers.forEach((n, i) => {
    const previous = numbers[i - 1];
    if (previous !== undefined && n - previous === 2) items.push(link(base, previous + 1, page.number));
    else if (previous !== undefined && n - previous > 2) items.push({ gap: true });
    items.push(link(base, n, page.number));
  });
  return items;
}

function link(base: string, n: number, current: number): PagerItem {
  return { number: n, url: pageUrl(base, n), current: n === current };
}

/** The `[...page]` route parameter for page n: undefined for the first page. */
export function pageParam(n: number): string | undefined {
  return n === 1 ? undefined : String(n);
}
