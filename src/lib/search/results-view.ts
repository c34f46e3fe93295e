/**
 * Builds the result list with DOM APIs only: titles, excerpts and paragraph snippets come from
 * untrusted article text and are inserted as text nodes (matches as `<mark>` elements).
 */
import type { Segment } from './segments.ts';
import { excerpt, paragraphHits, paragraphUrl } from './paragraphs.ts';
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

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
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

export function resultItem(fragment: PagefindFragment, headingLevel: 'h2' | 'h3' = 'h2'): HTMLLIElement {
  const title = fragment.meta.title ?? fragment.url;
  const facts = [fragment.meta.date ?? 'Undated', fragment.meta.source].filter(Boolean).join(' · ');
  const item = el('li', 'search-result',
    el(headingLevel, 'search-result-title', link(fragment.url, title)),
    el('p', 'search-result-meta', facts),
    el('p', 'search-result-excerpt', segmentsNode(excerpt(fragment))));
  const paragraphs = paragraphList(fragment);
  if (paragraphs) item.append(paragraphs);
  return item;
}

function paragraphList(fragment: PagefindFragment): HTMLElement | undefined {
  const hits = paragraphHits(fragment);
  if (hits.length === 0) return undefined;
  const list = el('ul', 'search-paragraphs');
  list.setAttribute('aria-label', `Matching paragraphs in ${fragment.meta.title ?? 'this article'}`);
  for (const hit of hits.slice(0, MAX_PARAGRAPHS)) {
    list.append(el('li', undefined, link(paragraphUrl(fragment.url, hit.id), segmentsNode(hit.snippet))));
  }
  const more = hits.length - MAX_PARAGRAPHS;
  if (more > 0) list.append(el('li', 'search-paragraphs-more', `and ${more} more matching ${more === 1 ? 'paragraph' : 'paragraphs'}`));
  return list;
}
