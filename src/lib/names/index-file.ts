/**
 * The names index the ingester writes beside the articles (`content/articles/.names.json`,
 * scripts/names/index.ts) and the site reads (src/lib/names/load.ts): every name kept, with the
 * paragraphs of each article that mention it. Generated; never edited by hand.
 */
export const NAMES_FILE = '.names.json';

export type NameKind = 'person' | 'organisation' | 'place';

export interface IndexedName {
  /** URL segment: `/names/<slug>/`. */
  slug: string;
  name: string;
  kind: NameKind;
  /** From content/curated/names.yaml (else found by the language library and over the threshold). */
  curated: boolean;
  /** Other spellings: the curated aliases and the spellings the articles print, sorted. */
  aliases: string[];
  /** Paragraphs that mention it, across the archive. */
  mentions: number;
  /** Article slug → the ids of its paragraphs that mention it, each with an excerpt; by slug. */
  articles: { slug: string; paragraphs: [id: string, excerpt: string][] }[];
}

export interface NamesIndex {
  names: IndexedName[];
}
