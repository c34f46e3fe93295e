/**
 * The names an article mentions, worked out at ingest from the syntax tree it builds (the same
 * paragraphs and ids the page gets, derived.ts) and cached in the manifest with the article, so
 * an unchanged article is not read again. The archive-wide index is scripts/names/index.ts's.
 */
import type { Root } from 'mdast';
import type { CuratedNames } from '../names/curated.ts';
import { findNames, type ArticleName, type FindOptions } from '../names/find.ts';
import { targets, textOf } from './derived.ts';

export function articleNames(
  body: Root,
  paragraphIds: readonly string[],
  curated: CuratedNames,
  options?: FindOptions,
): ArticleName[] {
  return findNames(articleParagraphs(body, paragraphIds), curated, options);
}

/** The page's paragraphs (root and caption paragraphs, list items) with their ids, in order. */
export function articleParagraphs(body: Root, paragraphIds: readonly string[]) {
  return targets(body).map((node, i) => ({ id: paragraphIds[i]!, text: textOf(node) }));
}
