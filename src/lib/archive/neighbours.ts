/**
 * Previous/next in time: across the whole archive, and within an article's series.
 *
 * Only dated articles have neighbours, and only dated articles are anyone's neighbour: an article
 * that states no date has no place in time, and giving it one would be inventing a date. So an
 * undated article shows no time or series neighbours (it is still reachable from its tags, source,
 * series page and `/dates/undated/`), and a series with an undated part skips that part.
 */

export interface Dated {
  id: string;
  data: { dateStart?: string };
}

export interface Neighbours<A> {
  /** The dated article just before this one in time. */
  earlier?: A;
  /** The dated article just after this one in time. */
  later?: A;
}

/** Neighbours of each dated article of a list already ordered newest first (as the archive is). */
export function timeNeighbours<A extends Dated>(newestFirst: readonly A[]): Map<string, Neighbours<A>> {
  const dated = newestFirst.filter((a) => a.data.dateStart !== undefined);
  return new Map(dated.map((a, i) => [a.id, { later: dated[i - 1], earlier: dated[i + 1] }]));
}

/** Neighbours within each series; an article belongs to at most one series, so one map holds all. */
export function seriesNeighbours<A extends Dated>(
  series: readonly { articles: readonly A[] }[],
): Map<string, Neighbours<A>> {
  return new Map(series.flatMap((term) => [...timeNeighbours(term.articles)]));
}
