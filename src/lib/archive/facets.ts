/**
 * Facets: the names an article is filed under (tags, source, series, editor), each with an index
 * page listing its terms and one paginated page per term.
 */
import type { ArticleData } from '../../content.config.ts';
import { assignSlugs } from './slugs.ts';
import { withBase } from '../url.ts';

export type FacetKey = 'tags' | 'sources' | 'series' | 'editors';

/** How a facet is named on pages and where it lives. */
export interface FacetInfo {
  key: FacetKey;
  /** Heading of the index page, e.g. "Tags". */
  title: string;
  /** Label before one term, e.g. "Tag". */
  singular: string;
  namesOf(data: ArticleData): string[];
}

export const FACETS: Record<FacetKey, FacetInfo> = {
  tags: { key: 'tags', title: 'Tags', singular: 'Tag', namesOf: (d) => d.tags },
  sources: { key: 'sources', title: 'Sources', singular: 'Source', namesOf: (d) => optional(d.source) },
  series: { key: 'series', title: 'Series', singular: 'Series', namesOf: (d) => optional(d.series) },
  editors: { key: 'editors', title: 'Editors', singular: 'Editor', namesOf: (d) => optional(d.editor) },
};

function optional(name: string | undefined): string[] {
  return name === undefined ? [] : [name];
}

export interface Term<A> {
  name: string;
  slug: string;
  /** The term's first page, e.g. `/tags/iran/` (under the base path). */
  url: string;
  articles: A[];
}

export interface Facet<A> {
  info: FacetInfo;
  /** Alphabetical, case- and accent-insensitively. */
  terms: Term<A>[];
  byName: Map<string, Term<A>>;
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** Groups already-sorted articles under each name they carry; article order is kept. */
export function buildFacet<A extends { data: ArticleData }>(
  info: FacetInfo,
  articles: readonly A[],
): Facet<A> {
  const grouped = new Map<string, A[]>();
  for (const article of articles) {
    for (const name of new Set(info.namesOf(article.data))) {
      const list = grouped.get(name);
      if (list) list.push(article);
      else grouped.set(name, [article]);
    }
  }
  const slugs = assignSlugs(grouped.keys());
  const terms = [...grouped]
    .map(([name, list]) => {
      const slug = slugs.get(name)!;
      return { name, slug, url: withBase(`/${info.key}/${slug}/`), articles: list };
    })
    .sort((a, b) => collator.compare(a.name, b.name) || a.name.localeCompare(b.name));
  return { info, terms, byName: new Map(terms.map((t) => [t.name, t])) };
}

/** An index longer than this is split into sections by initial letter, with a letter bar. */
export const LETTER_GROUPS_FROM = 40;

export interface LetterGroup<A> {
  /** `A`–`Z`, or `#` for names that start with anything else (digits, other scripts). */
  letter: string;
  /** Fragment id of the section, e.g. `letter-a`. */
  id: string;
  terms: Term<A>[];
}

/** `Ümit` → `U`, `1st Brigade` → `#`. */
export function initialOf(name: string): string {
  const first = name
    .normalize('NFKD')
    .replace(/[^\p{L}\p{N}]/gu, '')
    .charAt(0)
    .toUpperCase();
  return /^[A-Z]$/.test(first) ? first : '#';
}

/** Terms (already alphabetical) in sections by initial letter, letters in order, `#` last. */
export function groupByInitial<A>(terms: readonly Term<A>[]): LetterGroup<A>[] {
  const groups = new Map<string, Term<A>[]>();
  for (const term of terms) {
    const letter = initialOf(term.name);
    groups.set(letter, [...(groups.get(letter) ?? []), term]);
  }
  return [...groups]
    .sort(([a], [b]) => (a === '#' ? 1 : b === '#' ? -1 : a.localeCompare(b)))
    .map(([letter, list]) => ({
      letter,
      id: letter === '#' ? 'letter-other' : `letter-${letter.toLowerCase()}`,
      terms: list,
    }));
}
