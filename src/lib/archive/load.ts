/**
 * The one place pages get the archive from. The collection is read and indexed once per build:
 * every page's `getStaticPaths` and render share the same promise.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { buildArchive, type Archive } from './archive.ts';

export type ArchiveEntry = CollectionEntry<'articles'>;

let archive: Promise<Archive<ArchiveEntry>> | undefined;

export function loadArchive(): Promise<Archive<ArchiveEntry>> {
  // The dev server keeps modules between requests; rebuild there so edited content shows up.
  if (import.meta.env.DEV) return getCollection('articles').then(buildArchive);
  return (archive ??= getCollection('articles').then(buildArchive));
}
