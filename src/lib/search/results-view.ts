/**
 * Builds the result list with DOM APIs only: titles, excerpts and paragraph snippets come from
 * untrusted article text and are inserted as text nodes (matches as `<mark>` elements).
 */
import { withoutAliasWords } from './aliases.ts';
import type { Segment } from './segments.ts';
import {
  aliasMatches,
  excerpt,
  paragraphHits,
  paragraphUrl,
  rankParagraphs,
  withHighlights,
  type ParagraphHit,
} from './paragraphs.ts';
import type { QueryTerms } from './query-terms.ts';
import type { PagefindFragment } from './types.ts';

/** Paragraph links shown under each result. */
export const MAX_PARAGRAPHS = 3;

export function segmentsNode(segments: readonly Segment[]): DocumentFragment {
  const out = document.createDocumentFragment();
  for (const { text, mark } of segments) {
    if (mark) out.append(Object.assign(document.createElement('mark'), { textContent: text }));
    else out.append(text);
  }
  return out;
}

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className?: string,
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  node.append(...children);
  return node;
}

function link(href: string, ...children: (Node | string)[]): HTMLAnchorElement {
  const a = el('a', undefined, ...children);
  a.href = href;
  return a;
}

/**
 * One result: the headline links to the paragraph that matches best (or the article's top when
 * only the headline matched), and the best paragraphs are listed under the excerpt, best first.
 */
export function resultItem(
  fragment: PagefindFragment,
  query: QueryTerms,
  headingLevel: 'h2' | 'h3' = 'h2',
): HTMLLIElement {
  const title = withoutAliasWords(fragment.meta.title ?? fragment.url);
  const facts = [fragment.meta.date ?? 'Undated', fragment.meta.source].filter(Boolean).join(' · ');
  const hits = rankParagraphs(paragraphHits(fragment, query));
  const url = withHighlights(fragment.url, aliasMatches(fragment));
  const href = hits.length > 0 ? paragraphUrl(url, hits[0].id) : url;
  const item = el(
    'li',
    'search-result',
    el(headingLevel, 'search-result-title', link(href, title)),
    el('p', 'search-result-meta', facts),
    el('p', 'search-result-excerpt', segmentsNode(excerpt(fragment))),
  );
  if (hits.length > 0) item.append(paragraphList(fragment, url, hits));
  return item;
}

function paragraphList(fragment: PagefindFragment, url: string, hits: readonly ParagraphHit[]): HTMLElement {
  const list = el('ul', 'search-paragraphs');
  list.setAttribute(
    'aria-label',
    `Matching paragraphs in ${withoutAliasWords(fragment.meta.title ?? 'this article')}`,
  );
  for (const hit of hits.slice(0, MAX_PARAGRAPHS)) {
    list.append(el('li', undefined, link(paragraphUrl(url, hit.id), segmentsNode(hit.snippet))));
  }
  const more = hits.length - MAX_PARAGRAPHS;
  if (more > 0)
    list.append(
      el(
        'li',
        'search-paragraphs-more',
        `and ${more} more matching ${more === 1 ? 'paragraph' : 'paragraphs'}`,
      ),
    );
  return list;
}
