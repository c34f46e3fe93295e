/** Splits long lists into numbered pages: page 1 at the list's own URL, page n at `<base>n/`. */

export const PAGE_SIZE = 50;

export interface Page<T> {
  /** 1-based. */
  number: number;
  total: number;
  items: T[];
  url: string;
  prevUrl?: string;
  nextUrl?: string;
}

/** The URL of page `n` of a list whose first page is `base` (which ends in a slash). */
export function pageUrl(base: string, n: number): string {
  return n === 1 ? base : `${base}${n}/`;
}

/** Always at least one page, so an empty list still has a page that says so. */
export function paginate<T>(items: readonly T[], base: string, size = PAGE_SIZE): Page<T>[] {
  const total = Math.max(1, Math.ceil(items.length / size));
  return Array.from({ length: total }, (_, i) => {
    const n = i + 1;
    return {
      number: n,
      total,
      items: items.slice(i * size, n * size),
      url: pageUrl(base, n),
      prevUrl: n > 1 ? pageUrl(base, n - 1) : undefined,
      nextUrl: n < total ? pageUrl(base, n + 1) : undefined,
    };
  });
}

/** The `[...page]` route parameter for page n: undefined for the first page. */
export function pageParam(n: number): string | undefined {
  return n === 1 ? undefined : String(n);
}
