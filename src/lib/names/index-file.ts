/**
 * The names index the ingester writes beside the articles (`content/articles/.names.json`,
 * scripts/names/index.ts) and the site reads (src/lib/names/load.ts): every name kept, with the
 * paragraphs of each article that mention it. The excerpts of those paragraphs are not in it but
 * in `.names.db` beside it (src/lib/names/excerpts.ts), so that neither the ingester nor the site
 * holds every excerpt of the archive at once. Generated; never edited by hand.
 */
import { documentBytes, parseLines } from '../json-lines.ts';

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
  /**
   * The names the articles print that are this one, as the ingester found them (a spelling and the
   * kind it was found as): a paragraph's excerpt is stored under the one that mentions it there.
   */
  sources: NameSource[];
  /** Article slug → the ids of its paragraphs that mention it, each with its index in `sources`; by slug. */
  articles: { slug: string; paragraphs: [id: string, source: number][] }[];
}

/** A name as one article prints it: its spelling and the kind it was found as. */
export type NameSource = [kind: NameKind, name: string];

export interface NamesIndex {
  /**
   * The ingester's version that wrote the excerpts: an excerpt is a function of its paragraph's
   * text (the id is a hash of it), its source and this, so a name page's cache key carries it.
   */
  version: string;
  names: IndexedName[];
}

/** The index's bytes: one name a line, so that neither writing nor reading it makes one string of the whole. */
export function namesIndexBytes(index: NamesIndex): Buffer {
  function* lines() {
    for (const name of index.names) yield JSON.stringify(name);
  }
  return documentBytes(`{"version":${JSON.stringify(index.version)},"names":[`, lines(), ']}');
}

/** Parses the index a line at a time (src/lib/json-lines.ts); an error if it is not laid out as written. */
export function parseNamesIndex(bytes: Buffer): NamesIndex {
  const parsed = parseLines<NamesIndex, IndexedName>(bytes, ']}', (line) => JSON.parse(line) as IndexedName);
  if (parsed === undefined)
    throw new Error(`${NAMES_FILE} is not laid out one name a line: run the ingest again`);
  return { version: parsed.head.version, names: parsed.records };
}
