/**
 * Related articles: those sharing the most distinctive tags. A shared tag counts for more the
 * fewer articles carry it; tags on most of the archive (e.g. "Iran" in an Iran archive) add little.
 */
import type { Term } from './facets.ts';

export const RELATED_LIMIT = 4;
/** Tags on more articles than this are too broad to relate by, and too costly to scan per article. */
const BROAD_TAG = 500;

export interface Taggable {
  id: string;
  data: { tags: string[]; dateStart?: string };
}

export function relatedArticles<A extends Taggable>(
  article: A,
  tagTerms: Map<string, Term<A>>,
  limit = RELATED_LIMIT,
): A[] {
  const scores = new Map<A, number>();
  for (const tag of new Set(article.data.tags)) {
    const term = tagTerms.get(tag);
    if (!term || term.articles.length > BROAD_TAG) continue;
    const weight = 1 / Math.log2(1 + term.articles.length);
    for (const other of term.articles) {
      if (other.id !== article.id) scores.set(other, (scores.get(other) ?? 0) + weight);
    }
  }
  return [...scores]
    .sort(([a, sa], [b, sb]) => sb - sa || nearness(article, a) - nearness(article, b) || a.id.localeCompare(b.id))
    .slice(0, limit)
    .map(([other]) => other);
}

/** Days apart, as a tie-break: nearer in time first, undated last. */
function nearness(a: Taggable, b: Taggable): number {
  if (!a.data.dateStart || !b.data.dateStart) return Number.MAX_SAFE_INTEGER;
  return Math.abs(Date.parse(a.data.dateStart) - Date.parse(b.data.dateStart));
}
