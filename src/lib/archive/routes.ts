/**
 * `getStaticPaths` for the index pages, from the archive built once per build. Page 1 of a list
 * lives at the list's URL (`[...page]` undefined); later pages at `<list>/2/`, `<list>/3/`, …
 */
import type { Archive, Article, SourceEntry } from './archive.ts';
import type { MonthGroup, YearGroup } from './calendar.ts';
import { monthSegment } from './dates.ts';
import { initialOf, type FacetKey, type Term } from './facets.ts';
import { PAGE_SIZE, paginate, pageParam, type Page } from './paginate.ts';
import { listPageKey } from '../list-page-key.ts';
import { withBase } from '../url.ts';

/**
 * What the pager's jump links name for a list in the archive's order (newest first, undated last,
 * by title): the year, and `Undated` where the undated begin; for a list with no dates at all,
 * the title's initial letter.
 */
export function sectionOf(articles: readonly Article[]): (article: Article) => string {
  const dated = articles.some((a) => a.data.dateStart !== undefined);
  return dated ? (a) => a.data.dateStart?.slice(0, 4) ?? 'Undated' : (a) => initialOf(a.data.title);
}

export function termPaths<E extends SourceEntry>(archive: Archive<E>, key: FacetKey) {
  return archive.facets[key].terms.flatMap((term: Term<Article<E>>) =>
    paginate(term.articles, term.url, PAGE_SIZE, sectionOf(term.articles)).map((page) => ({
      params: { name: term.slug, page: pageParam(page.number) },
      props: { term, page },
      cacheKey: listPageKey({ key, term: [term.name, term.url, term.articles.length], page }),
    })),
  );
}

export function yearPaths<E extends SourceEntry>(archive: Archive<E>) {
  const years = archive.calendar.years;
  return years.map((year: YearGroup<Article<E>>, i) => ({
    params: { year: String(year.year) },
    // Years run newest first, so the later year is the one before in the list.
    props: { year, newer: years[i - 1], older: years[i + 1] },
  }));
}

export function monthPaths<E extends SourceEntry>(archive: Archive<E>) {
  const months = archive.calendar.years.flatMap((y) => y.months).sort((a, b) => a.key.localeCompare(b.key));
  return months.flatMap((month: MonthGroup<Article<E>>, i) =>
    paginate(month.articles, month.url).map((page) => ({
      params: { year: String(month.year), month: monthSegment(month.month), page: pageParam(page.number) },
      props: { month, page, earlier: months[i - 1], later: months[i + 1] },
      cacheKey: listPageKey({
        month: [month.label, month.year, month.url, month.articles.length],
        page,
        earlier: months[i - 1] && [months[i - 1]!.label, months[i - 1]!.url],
        later: months[i + 1] && [months[i + 1]!.label, months[i + 1]!.url],
      }),
    })),
  );
}

/** No page at all when every article is dated: nothing would link to it. */
export function undatedPaths<E extends SourceEntry>(archive: Archive<E>) {
  if (archive.calendar.undated.length === 0) return [];
  const undated = archive.calendar.undated;
  return paginate(undated, withBase('/dates/undated/'), PAGE_SIZE, sectionOf(undated)).map(
    (page: Page<Article<E>>) => ({
      params: { page: pageParam(page.number) },
      props: { page },
      cacheKey: listPageKey({ undated: true, page }),
    }),
  );
}
