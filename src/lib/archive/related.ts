/**
 * Related articles: shared tags first, then the same source, then nearness in time. A shared tag
 * counts for more the fewer articles carry it; tags on most of the archive (e.g. "Iran" in an Iran
 * archive) add little. Articles from the same source count when they are near in that source's
 * list, so a prolific source does not make every one of its articles a candidate.
 */
import type { Term } from './facets.ts';

export const RELATED_LIMIT = 4;
/** Tags on more articles than this are too broad to relate by, and too costly to scan per article. */
const BROAD_TAG = 500;
/** As much as a tag shared with two other articles: the same source alone is a weak tie. */
const SOURCE_WEIGHT = 0.5;
/** How many of the source's articles on each side (in time) are candidates. */
const SOURCE_WINDOW = 3;
/** Same day: this much; a month apart: half; a year apart: next to nothing. */
const TIME_WEIGHT = 0.4;
const DAY = 86_400_000;

export interface Relatable {
  id: string;
  data: { tags: string[]; source?: string; dateStart?: string };
}

export interface RelatedIndex<A> {
  tags: Map<string, Term<A>>;
  sources: Map<string, Term<A>>;
}

/** Builds the ranking function once: positions in each source's list are indexed up front. */
export function relatedFinder<A extends Relatable>(index: RelatedIndex<A>, limit = RELATED_LIMIT) {
  const sourcePosition = new Map<string, number>();
  for (const term of index.sources.values()) term.articles.forEach((a, i) => sourcePosition.set(a.id, i));
  return (article: A): A[] => {
    const scores = tagScores(article, index.tags);
    const source = article.data.source === undefined ? undefined : index.sources.get(article.data.source);
    const at = sourcePosition.get(article.id);
    if (source && at !== undefined) {
      for (const other of source.articles.slice(Math.max(0, at - SOURCE_WINDOW), at + SOURCE_WINDOW + 1)) {
        if (other.id !== article.id) scores.set(other, (scores.get(other) ?? 0) + SOURCE_WEIGHT);
      }
    }
    return [...scores]
      .map(([other, score]) => [other, score + timeScore(article, other)] as const)
      .sort(([a, sa], [b, sb]) => sb - sa || a.id.localeCompare(b.id))
      .slice(0, limit)
      .map(([other]) => other);
  };
}

/** Each article sharing a tag with `article`, scored by how distinctive the shared tags are. */
function tagScores<A extends Relatable>(article: A, tagTerms: Map<string, Term<A>>): Map<A, number> {
  const scores = new Map<A, number>();
  for (const tag of new Set(article.data.tags)) {
    const term = tagTerms.get(tag);
    if (!term || term.articles.length > BROAD_TAG) continue;
    const weight = 1 / Math.log2(1 + term.articles.length);
    for (const other of term.articles) {
      if (other.id !== article.id) scores.set(other, (scores.get(other) ?? 0) + weight);
    }
  }
  return scores;
}

/** Parsed once per date string: ranking compares each article with hundreds of others. */
const parsedDates = new Map<string, number>();

function dayNumber(iso: string): number {
  let day = parsedDates.get(iso);
  if (day === undefined) {
    day = Date.parse(iso) / DAY;
    parsedDates.set(iso, day);
  }
  return day;
}

/** Nearer in time scores higher; nothing when either article is undated. */
export function timeScore(a: Relatable, b: Relatable): number {
  if (!a.data.dateStart || !b.data.dateStart) return 0;
  const days = Math.abs(dayNumber(a.data.dateStart) - dayNumber(b.data.dateStart));
  return TIME_WEIGHT / (1 + days / 30);
}
