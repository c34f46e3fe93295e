/** Short phrases index pages repeat. */
import type { Page } from './paginate.ts';

/** "1 article", "12 articles". */
export function articleCount(n: number): string {
  return n === 1 ? '1 article' : `${n} articles`;
}

/** " (page 2 of 3)" for a list spread over pages; empty for a one-page list. */
export function pageNote(page: Page<unknown>): string {
  return page.total > 1 ? ` (page ${page.number} of ${page.total})` : '';
}
