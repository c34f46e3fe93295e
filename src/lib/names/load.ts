/**
 * The names index of this build: `.names.json` beside the articles (the ingester writes it;
 * src/lib/names/index-file.ts), joined to the archive once and shared by every page. No index
 * (the ingester has not run) is an empty one.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadArchive, type ArchiveEntry } from '../archive/load.ts';
import type { Article } from '../archive/archive.ts';
import { EXCERPTS_FILE, ExcerptReader } from './excerpts.ts';
import { NAMES_FILE, parseNamesIndex, type NamesIndex } from './index-file.ts';
import { joinNames, type ExcerptOf, type Names } from './names.ts';

/** Where the articles are: the same folder the collection's loader reads (src/content.config.ts). */
const articlesDir = process.env.ARCHIVE_ARTICLES_DIR ?? './content/articles';

function readIndex(): NamesIndex {
  try {
    return parseNamesIndex(readFileSync(path.resolve(articlesDir, NAMES_FILE)));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { version: '', names: [] };
    throw error;
  }
}

let names: Promise<Names<Article<ArchiveEntry>>> | undefined;

export function loadNames(): Promise<Names<Article<ArchiveEntry>>> {
  const join = () => loadArchive().then((archive) => joinNames(readIndex(), archive.articles));
  if (import.meta.env.DEV) return join();
  return (names ??= join());
}

const reader = new ExcerptReader(path.resolve(articlesDir, EXCERPTS_FILE));

/** The excerpt of a paragraph for a name, from the store beside the articles; opened on first use. */
export const excerptOf: ExcerptOf = (rawFile, source, id) => reader.get(rawFile, source, id);
