/**
 * Which paragraph holds each match. Pagefind returns, per page, the matched word positions
 * (`locations`) and every element with an id inside the indexed body (`anchors`, each with the
 * position of its first word). Every paragraph and list item carries a permanent id
 * (rehype-paragraph-ids), so a match belongs to the nearest anchor at or before it.
 */
import type { PagefindAnchor, PagefindFragment } from './types.ts';
import { push, type Segment } from './segments.ts';
import { normaliseWord, termOf, type QueryTerms } from './query-terms.ts';
import { aliasGroupAt, isAliasWord } from './aliases.ts';
import { HIGHLIGHT_PARAM } from './highlight.ts';

export interface ParagraphHit {
  id: string;
  element: string;
  /** Matched word positions inside this paragraph. */
  locations: number[];
  /** A window of the paragraph's words around its first match, matches marked. */
  snippet: Segment[];
  /** How many distinct query terms the paragraph's matches stand for. */
  terms: number;
  /** True when the paragraph holds one of the query's quoted phrases word for word. */
  phrase: boolean;
}

const NO_QUERY: QueryTerms = { terms: [], phrases: [] };

/** Anchors in document order by position; when an outer and an inner element start on the same
 * word (a list item and its paragraph) the later, inner one wins. */
export function sortedAnchors(anchors: readonly PagefindAnchor[]): PagefindAnchor[] {
  return anchors.filter((a) => a.id !== '').sort((a, b) => a.location - b.location);
}

export function anchorAt(anchors: readonly PagefindAnchor[], location: number): PagefindAnchor | undefined {
  let found: PagefindAnchor | undefined;
  for (const anchor of anchors) {
    if (anchor.location > location) break;
    found = anchor;
  }
  return found;
}

/**
 * The page's words, split as Pagefind counts them (build_excerpt in pagefind.js) so positions line
 * up. Read from `content`, the text as written: `raw_content` escapes `<` and `>` but not `&`, so
 * a literal `&lt;` in an article could not be told from an escaped `<`. Only for scripts written
 * without spaces, where Pagefind puts U+200B between words in `raw_content` alone, is that used.
 */
export function fragmentWords(fragment: Pick<PagefindFragment, 'content' | 'raw_content'>): string[] {
  const raw = fragment.raw_content;
  if (raw?.includes('\u200B'))
    return raw.split('\u200B').map((w) => w.replace(/&lt;/g, '<').replace(/&gt;/g, '>'));
  return fragment.content.split(/[^\S\uFEFF]+/);
}

/** Matches grouped by paragraph, in document order. Matches before the first anchor (headline,
 * standfirst) belong to no paragraph and are left to the result's own link. `query` (the reader's
 * words) lets each paragraph say how many distinct terms it matched and whether it holds a phrase. */
export function paragraphHits(
  fragment: PagefindFragment,
  query: QueryTerms = NO_QUERY,
  windowSize = 24,
): ParagraphHit[] {
  const anchors = sortedAnchors(fragment.anchors);
  const words = fragmentWords(fragment);
  const groups = new Map<PagefindAnchor, number[]>();
  for (const location of [...fragment.locations].sort((a, b) => a - b)) {
    const anchor = anchorAt(anchors, location);
    if (anchor) groups.set(anchor, [...(groups.get(anchor) ?? []), location]);
  }
  return [...groups].map(([anchor, locations]) => {
    const end = paragraphEnd(anchors, anchor, words.length);
    return {
      id: anchor.id,
      element: anchor.element,
      locations,
      snippet: snippet(words, locations, anchor.location, end, windowSize),
      terms: new Set(locations.map((l) => termOf(words[l] ?? '', query.terms))).size,
      phrase: query.phrases.some((phrase) => holdsPhrase(words.slice(anchor.location, end), phrase)),
    };
  });
}

/** True when `phrase` (normalised words) appears word for word in `words`. */
export function holdsPhrase(words: readonly string[], phrase: readonly string[]): boolean {
  const normal = words.map(normaliseWord);
  for (let i = 0; i + phrase.length <= normal.length; i++) {
    if (phrase.every((w, j) => normal[i + j] === w)) return true;
  }
  return false;
}

/**
 * Best paragraph first: one holding a quoted phrase, then the most distinct query terms, then the
 * most matches, then page order (the sort is stable). The result's own link goes to the first.
 */
export function rankParagraphs(hits: readonly ParagraphHit[]): ParagraphHit[] {
  return [...hits].sort(
    (a, b) =>
      Number(b.phrase) - Number(a.phrase) || b.terms - a.terms || b.locations.length - a.locations.length,
  );
}

function paragraphEnd(anchors: readonly PagefindAnchor[], anchor: PagefindAnchor, total: number): number {
  return anchors.find((a) => a.location > anchor.location)?.location ?? total;
}

/** A match on an alias word (aliases.ts, appended to the paragraph) is shown on the nearest
 * printed word of the same name before it; any other match is shown where it is. */
export function printedLocation(words: readonly string[], location: number): number {
  if (!isAliasWord(words[location])) return location;
  const group = aliasGroupAt(words, location);
  for (let i = location - 1; i >= 0; i--) {
    if (!isAliasWord(words[i]) && group.has(normaliseWord(words[i]!))) return i;
  }
  return location;
}

/** The printed words a search matched through an alias, e.g. `Qa’ani` for the query `Ghaani`:
 * the article page highlights these, since the alias words exist only in the index. */
export function aliasMatches(fragment: PagefindFragment): string[] {
  const words = fragmentWords(fragment);
  const printed = fragment.locations
    .filter((l) => isAliasWord(words[l]))
    .map((l) => words[printedLocation(words, l)] ?? '');
  return [
    ...new Set(
      printed.map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '')).filter((w) => w !== ''),
    ),
  ];
}

/** Up to `size` words of [from, to) starting a little before the first match, with ellipses
 * where the paragraph goes on. Alias words are not shown; a match on one marks the printed name. */
export function snippet(
  words: readonly string[],
  locations: readonly number[],
  from: number,
  to: number,
  size: number,
): Segment[] {
  const first = printedLocation(words, locations[0]);
  const start = Math.max(from, Math.min(first - Math.floor(size / 3), to - size));
  const stop = Math.min(to, start + size);
  const marked = new Set(locations.map((l) => printedLocation(words, l)));
  const segments: Segment[] = [];
  if (start > from) push(segments, '… ', false);
  let space = false;
  for (let i = start; i < stop; i++) {
    if (isAliasWord(words[i])) continue;
    if (space) push(segments, ' ', false);
    push(segments, words[i], marked.has(i));
    space = true;
  }
  if (stop < to) push(segments, ' …', false);
  return segments;
}

/** The result's excerpt: a window around its first match, from the words as written. */
export function excerpt(fragment: PagefindFragment, windowSize = 30): Segment[] {
  const words = fragmentWords(fragment);
  // A filter-only search has no matched words: the excerpt is then the page's opening.
  const locations = fragment.locations.length > 0 ? [...fragment.locations].sort((a, b) => a - b) : [0];
  return snippet(words, locations, 0, words.length, windowSize);
}

/** The result's URL with more words for the article page to highlight (`pagefind-highlight`). */
export function withHighlights(resultUrl: string, words: readonly string[]): string {
  if (words.length === 0) return resultUrl;
  const url = new URL(resultUrl, 'https://archive.invalid');
  const present = new Set(url.searchParams.getAll(HIGHLIGHT_PARAM));
  for (const word of words) if (!present.has(word)) url.searchParams.append(HIGHLIGHT_PARAM, word);
  return url.origin === 'https://archive.invalid' ? url.pathname + url.search + url.hash : url.href;
}

/** The result's URL (which carries Pagefind's highlight parameters) pointed at one paragraph. */
export function paragraphUrl(resultUrl: string, id: string): string {
  const url = new URL(resultUrl, 'https://archive.invalid');
  url.hash = id;
  return url.origin === 'https://archive.invalid' ? url.pathname + url.search + url.hash : url.href;
}
