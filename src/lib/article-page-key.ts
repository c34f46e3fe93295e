/**
 * The cache key of an article page for Astro's incremental build (`experimental.incrementalBuild`):
 * a page is reused from the previous build only when this key and the page's code are unchanged.
 * So the key names everything the page shows that is not code: the article itself (its source's
 * digest, which covers front-matter, body and the render pipeline's version), the articles it links
 * to with their titles and dates (related, earlier/later in the archive and in the series: their
 * digests), and the URLs of its tag, source, series and editor pages (a new term can change another
 * term's slug), and the names it lists (a name crossing the archive's threshold appears on it). Adding one article thus re-renders it and the pages that now link to it, not the rest.
 */
import { createHash } from 'node:crypto';
import type { Archive, Article, SourceEntry } from './archive/archive.ts';

/** Astro types a store entry's digest as a string or a number; the loader always sets a string. */
type Entry = SourceEntry & { digest?: string | number };

/** An article as another page shows it: its URL and (through the digest) its front-matter. */
const linked = (article: Article<Entry> | undefined): [string, string] | null =>
  article ? [article.id, String(article.entry.digest ?? '')] : null;

/** `names`: the names the page lists (src/lib/names/), as their URL segment, name and kind. */
export function articlePageKey<E extends Entry>(
  archive: Archive<E>,
  article: Article<E>,
  names: readonly (readonly string[])[] = [],
): string {
  const { data } = article;
  const { facets } = archive;
  const neighbours = archive.neighbours(article);
  const parts = {
    self: linked(article),
    related: archive.related(article).map(linked),
    archive: [linked(neighbours.archive.earlier), linked(neighbours.archive.later)],
    series: [linked(neighbours.series.earlier), linked(neighbours.series.later)],
    tags: data.tags.map((tag) => facets.tags.byName.get(tag)?.url),
    source: data.source && facets.sources.byName.get(data.source)?.url,
    seriesUrl: data.series && facets.series.byName.get(data.series)?.url,
    editor: data.editor && facets.editors.byName.get(data.editor)?.url,
    names,
  };
  return createHash('sha256').update(JSON.stringify(parts)).digest('base64url');
}
