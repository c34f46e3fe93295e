/**
 * The paragraphs the names finder reads, worked out at ingest from the syntax tree it builds (the
 * same paragraphs and ids the page gets, derived.ts). The names are found for a batch of articles
 * at once (article.ts's `ingestFiles`) and cached in the manifest with each article, so an
 * unchanged article is not read again. The archive-wide index is scripts/names/index.ts's.
 */
import type { Root } from 'mdast';
import type { Paragraph } from '../names/find.ts';
import { targets, textOf } from './derived.ts';

/** The page's paragraphs (root and caption paragraphs, list items) with their ids, in order. */
export function articleParagraphs(body: Root, paragraphIds: readonly string[]): Paragraph[] {
  return targets(body).map((node, i) => ({ id: paragraphIds[i]!, text: textOf(node) }));
}
