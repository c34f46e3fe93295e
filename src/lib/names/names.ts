/**
 * The names index as pages use it, joined to the archive once per build: each name's URL and
 * articles (in the archive's order: newest first, undated after by title), the names of each
 * article, mentions per year, and the names most often mentioned with one.
 */
import type { Article } from '../archive/archive.ts';
import { PAGE_SIZE, pageParam, paginate } from '../archive/paginate.ts';
import { sectionOf } from '../archive/routes.ts';
import { listPageKey } from '../list-page-key.ts';
import { withBase } from '../url.ts';
import type { IndexedName, NameKind, NameSource, NamesIndex } from './index-file.ts';

export interface KindInfo {
  kind: NameKind;
  /** `/names/people/`. */
  segment: string;
  title: string;
  singular: string;
}

export const KINDS: KindInfo[] = [
  { kind: 'person', segment: 'people', title: 'People', singular: 'Person' },
  { kind: 'organisation', segment: 'organisations', title: 'Organisations', singular: 'Organisation' },
  { kind: 'place', segment: 'places', title: 'Places', singular: 'Place' },
];

export interface Name<A> extends Omit<IndexedName, 'articles'> {
  /** `/names/<slug>/`, under the base path. */
  url: string;
  /**
   * Each article that mentions it, in the archive's order, with the paragraphs that do (each
   * paragraph's id and its source in `sources`; the page reads their excerpts: `namedParagraphs`).
   */
  articles: { article: A; paragraphs: IndexedName['articles'][number]['paragraphs'] }[];
}

/** A paragraph that mentions a name, as its page lists it. */
export interface NamedParagraph {
  id: string;
  excerpt: string;
  href: string;
}

/** Looks up the excerpt of a paragraph for a name as one article prints it (src/lib/names/excerpts.ts). */
export type ExcerptOf = (rawFile: string, source: NameSource, id: string) => string;

/** The paragraphs of one of the name's articles, with their excerpts and links. */
export function namedParagraphs<A extends Pick<Article, 'url' | 'data'>>(
  name: Pick<Name<A>, 'sources'>,
  { article, paragraphs }: Name<A>['articles'][number],
  excerptOf: ExcerptOf,
): NamedParagraph[] {
  return paragraphs.map(([id, source]) => ({
    id,
    excerpt: excerptOf(article.data.rawFile, name.sources[source]!, id),
    href: `${article.url}#${id}`,
  }));
}

export interface Names<A> {
  /** The ingester's version that wrote the excerpts: name pages' cache keys carry it. */
  version: string;
  /** Alphabetical, as the index lists them. */
  all: Name<A>[];
  bySlug: Map<string, Name<A>>;
  /** Article id → the names it mentions, alphabetical. */
  ofArticle(id: string): Name<A>[];
}

export function joinNames<A extends Pick<Article, 'id' | 'url'>>(
  index: NamesIndex,
  articles: readonly A[],
): Names<A> {
  const position = new Map(articles.map((a, i) => [a.id, i]));
  const byId = new Map(articles.map((a) => [a.id, a]));
  const perArticle = new Map<string, Name<A>[]>();
  const all = index.names.map((entry): Name<A> => {
    const present = entry.articles
      .filter((a) => byId.has(a.slug))
      .sort((a, b) => position.get(a.slug)! - position.get(b.slug)!);
    const name: Name<A> = {
      ...entry,
      url: withBase(`/names/${entry.slug}/`),
      articles: present.map(({ slug, paragraphs }) => ({ article: byId.get(slug)!, paragraphs })),
    };
    for (const { slug } of present) {
      const named = perArticle.get(slug);
      if (named) named.push(name);
      else perArticle.set(slug, [name]);
    }
    return name;
  });
  return {
    version: index.version,
    all,
    bySlug: new Map(all.map((n) => [n.slug, n])),
    ofArticle: (id) => perArticle.get(id) ?? [],
  };
}

/** Paragraphs that mention the name, per year of the article's start date, oldest year first; undated apart. */
export function mentionsPerYear<A extends Pick<Article, 'data'>>(
  name: Name<A>,
): { year: string; mentions: number }[] {
  const counts = new Map<string, number>();
  for (const { article, paragraphs } of name.articles) {
    const year = article.data.dateStart?.slice(0, 4) ?? 'undated';
    counts.set(year, (counts.get(year) ?? 0) + paragraphs.length);
  }
  return [...counts]
    .sort(([a], [b]) => (a === 'undated' ? 1 : b === 'undated' ? -1 : a < b ? -1 : 1))
    .map(([year, mentions]) => ({ year, mentions }));
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** The names sharing the most articles with this one, most first, then alphabetically. */
export function mentionedWith<A extends Pick<Article, 'id'>>(
  name: Name<A>,
  names: Names<A>,
  limit = 10,
): { name: Name<A>; articles: number }[] {
  const shared = new Map<Name<A>, number>();
  for (const { article } of name.articles)
    for (const other of names.ofArticle(article.id))
      if (other !== name) shared.set(other, (shared.get(other) ?? 0) + 1);
  return [...shared]
    .sort(([a, x], [b, y]) => y - x || collator.compare(a.name, b.name) || (a.slug < b.slug ? -1 : 1))
    .slice(0, limit)
    .map(([other, articles]) => ({ name: other, articles }));
}

/** The `/names/<slug>/[n/]` pages: a name's articles, 50 a page, with a jump to each year. */
export function namePaths<A extends Article>(names: Names<A>) {
  return names.all.flatMap((name) => {
    const section = sectionOf(name.articles.map((a) => a.article));
    const { articles: _articles, ...shown } = name;
    return paginate(name.articles, name.url, PAGE_SIZE, (item) => section(item.article)).map((page) => {
      // Page 1 also shows the mentions per year and the names most often mentioned with it: worked
      // out once here, for its cache key and for the page.
      const first = page.number === 1;
      const years = first ? mentionsPerYear(name) : [];
      const withIt = first ? mentionedWith(name, names) : [];
      return {
        params: { name: name.slug, page: pageParam(page.number) },
        props: { name, page, years, withIt },
        cacheKey: listPageKey({
          // The page's excerpts are read when it renders: its paragraphs' ids and sources, and
          // the ingester that wrote the excerpts, are what they are made from.
          version: names.version,
          name: shown,
          articles: name.articles.length,
          page,
          years,
          withIt: withIt.map((w) => [w.name.name, w.name.url, w.articles]),
        }),
      };
    });
  });
}
