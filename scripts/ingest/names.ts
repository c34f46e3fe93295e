/**
 * The names an article mentions, worked out at ingest from the syntax tree it builds (the same
 * paragraphs and ids the page gets, derived.ts) and cached in the manifest with the article, so
 * an unchanged article is not read again. The archive-wide index is scripts/names/index.ts's.
 */
import type { Root } from 'mdast';
import type { CuratedNames } from '../names/curated.ts';
import { findNames, type ArticleName } from '../names/find.ts';
import { targets, textOf } from './derived.ts';

export function articleNames(
  body: Root,
  paragraphIds: readonly string[],
  curated: CuratedNames,
): ArticleName[] {
  const paragraphs = targets(body).map((node, i) => ({ id: paragraphIds[i]!, text: textOf(node) }));
  return findNames(paragraphs, curated);
}
