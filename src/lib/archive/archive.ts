/**
 * The archive as pages see it: every article with its display fields, newest first, and every
 * index (facets, calendar) computed once from the collection. Pure: `load.ts` feeds it the
 * collection; tests feed it plain objects.
 */
import type { ArticleData } from '../../content.config.ts';
import { buildCalendar, compareChronologically, type Calendar } from './calendar.ts';
import { formatDateRange } from './dates.ts';
import { buildFacet, FACETS, type Facet, type FacetKey } from './facets.ts';
import { readingMinutes } from './reading-time.ts';
import { seriesNeighbours, timeNeighbours, type Neighbours } from './neighbours.ts';
import { relatedFinder } from './related.ts';
import { withBase } from '../url.ts';

/** What the content collection gives us: Astro's entries fit this shape. */
export interface SourceEntry {
  id: string;
  body?: string;
  data: ArticleData;
}

export interface Article<E extends SourceEntry = SourceEntry> {
  id: string;
  /** `/articles/<id>/`, under the base path. */
  url: string;
  data: ArticleData;
  /** "13–27 May 2021"; undefined when the article states no date. */
  dateLabel?: string;
  readingMinutes: number;
  entry: E;
}

export interface Archive<E extends SourceEntry = SourceEntry> {
  /** Newest first; undated articles last, by title. */
  articles: Article<E>[];
  byId: Map<string, Article<E>>;
  facets: Record<FacetKey, Facet<Article<E>>>;
  calendar: Calendar<Article<E>>;
  related(article: Article<E>): Article<E>[];
  /** Earlier and later dated articles, in the whole archive and within the article's series. */
  neighbours(article: Article<E>): { archive: Neighbours<Article<E>>; series: Neighbours<Article<E>> };
  /** The standfirst or the body's first sentence (worked out at ingest: scripts/ingest/derived.ts). */
  description(article: Article<E>): string | undefined;
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

export function articleUrl(id: string): string {
  return withBase(`/articles/${id}/`);
}

/** Newest first by start then end date; undated after dated; then by title and id. */
export function compareNewestFirst(a: SourceEntry, b: SourceEntry): number {
  const aUndated = a.data.dateStart === undefined;
  const bUndated = b.data.dateStart === undefined;
  if (aUndated !== bUndated) return aUndated ? 1 : -1;
  return (
    compareChronologically(b.data, a.data) ||
    collator.compare(a.data.title, b.data.title) ||
    a.id.localeCompare(b.id)
  );
}

export function toArticle<E extends SourceEntry>(entry: E): Article<E> {
  return {
    id: entry.id,
    url: articleUrl(entry.id),
    data: entry.data,
    dateLabel: formatDateRange(entry.data.dateStart, entry.data.dateEnd),
    readingMinutes: readingMinutes(entry.data.wordCount),
    entry,
  };
}

export function buildArchive<E extends SourceEntry>(entries: readonly E[]): Archive<E> {
  const articles = [...entries].sort(compareNewestFirst).map(toArticle);
  const facets = {
    tags: buildFacet(FACETS.tags, articles),
    sources: buildFacet(FACETS.sources, articles),
    series: buildFacet(FACETS.series, articles),
    editors: buildFacet(FACETS.editors, articles),
  };
  const inTime = timeNeighbours(articles);
  const inSeries = seriesNeighbours(facets.series.terms);
  return {
    articles,
    byId: new Map(articles.map((a) => [a.id, a])),
    facets,
    calendar: buildCalendar(articles),
    related: memoById(relatedFinder({ tags: facets.tags.byName, sources: facets.sources.byName })),
    neighbours: (article) => ({
      archive: inTime.get(article.id) ?? {},
      series: inSeries.get(article.id) ?? {},
    }),
    description: (article) => article.data.description,
  };
}

/** Caches a per-article computation for the life of the archive (one build). */
function memoById<A extends { id: string }, R>(compute: (article: A) => R): (article: A) => R {
  const cache = new Map<string, R>();
  return (article) => {
    if (!cache.has(article.id)) cache.set(article.id, compute(article));
    return cache.get(article.id)!;
  };
}
