/**
 * The date index: each dated article is listed under every month its period touches, so a
 * bulletin for 22 March – 5 April 2020 appears under both March and April 2020.
 */
import type { ArticleData } from '../../content.config.ts';
import { formatMonth, monthKey, monthSegment, monthsCovered, type Month } from './dates.ts';
import { withBase } from '../url.ts';

export interface MonthGroup<A> extends Month {
  /** `2020-04`. */
  key: string;
  /** "April 2020". */
  label: string;
  /** `/dates/2020/04/` (under the base path). */
  url: string;
  /** Oldest first. */
  articles: A[];
}

export interface YearGroup<A> {
  year: number;
  url: string;
  /** January first; only months with articles. */
  months: MonthGroup<A>[];
  /** Distinct articles touching the year. */
  count: number;
}

export interface Calendar<A> {
  /** Newest year first. */
  years: YearGroup<A>[];
  byMonth: Map<string, MonthGroup<A>>;
  /** Articles that state no date, in the order given. */
  undated: A[];
}

export function yearUrl(year: number): string {
  return withBase(`/dates/${year}/`);
}

export function monthUrl({ year, month }: Month): string {
  return withBase(`/dates/${year}/${monthSegment(month)}/`);
}

/** Compares articles oldest first by start, then end; undated ones sort after dated ones. */
export function compareChronologically(a: ArticleData, b: ArticleData): number {
  const startA = a.dateStart ?? '\uffff';
  const startB = b.dateStart ?? '\uffff';
  if (startA !== startB) return startA < startB ? -1 : 1;
  const endA = a.dateEnd ?? a.dateStart ?? '';
  const endB = b.dateEnd ?? b.dateStart ?? '';
  return endA === endB ? 0 : endA < endB ? -1 : 1;
}

export function buildCalendar<A extends { data: ArticleData }>(articles: readonly A[]): Calendar<A> {
  const byMonth = new Map<string, MonthGroup<A>>();
  const undated: A[] = [];
  for (const article of articles) {
    const { dateStart, dateEnd } = article.data;
    if (dateStart === undefined) {
      undated.push(article);
      continue;
    }
    for (const month of monthsCovered(dateStart, dateEnd)) {
      const key = monthKey(month);
      let group = byMonth.get(key);
      if (!group) {
        group = { ...month, key, label: formatMonth(month), url: monthUrl(month), articles: [] };
        byMonth.set(key, group);
      }
      group.articles.push(article);
    }
  }
  for (const group of byMonth.values()) group.articles.sort((a, b) => compareChronologically(a.data, b.data));
  return { years: groupYears([...byMonth.values()]), byMonth, undated };
}

function groupYears<A>(months: MonthGroup<A>[]): YearGroup<A>[] {
  const years = new Map<number, MonthGroup<A>[]>();
  for (const m of months.sort((a, b) => a.key.localeCompare(b.key))) {
    years.set(m.year, [...(years.get(m.year) ?? []), m]);
  }
  return [...years]
    .sort(([a], [b]) => b - a)
    .map(([year, list]) => ({
      year,
      url: yearUrl(year),
      months: list,
      count: new Set(list.flatMap((m) => m.articles)).size,
    }));
}
