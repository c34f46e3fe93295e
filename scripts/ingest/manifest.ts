/**
 * What the previous ingest generated, kept beside the output as `.ingest-manifest.json`: lets a
 * re-ingest skip raw files whose bytes are unchanged, delete pages whose raw file is gone (and
 * only those: files it did not generate are never touched), and compare a changed article's
 * paragraph ids with the previous run's to report which links would break.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { CachedName } from '../names/find.ts';

export const MANIFEST_NAME = '.ingest-manifest.json';

export interface ManifestEntry {
  /** sha256 of the raw bytes. */
  hash: string;
  /** Hash of the corpus-wide boilerplate of the file's folder when it was ingested. */
  repeated: string;
  /** Slug before collision suffixes, for recomputing unique slugs without re-reading the file. */
  base: string;
  slug: string;
  /** The page's paragraph ids, to report the links a later re-ingest would break without re-reading the page. */
  ids: string[];
  /** The page's tags, to name tags that land on over half of the archive without re-reading it. */
  tags: string[];
  /**
   * The names the article mentions and the ids of the paragraphs that do (no excerpts: the index
   * keeps those of the names it keeps), so the names index is rebuilt without re-reading it.
   */
  names: CachedName[];
}

export interface Manifest {
  /** Hash of the ingester's code and curated data: when it changes, every file is ingested again. */
  version: string;
  files: Record<string, ManifestEntry>;
}

export async function readManifest(output: string): Promise<Manifest | undefined> {
  const text = await readFile(path.join(output, MANIFEST_NAME), 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  try {
    const parsed = JSON.parse(text) as Manifest;
    return typeof parsed.version === 'string' && typeof parsed.files === 'object' ? parsed : undefined;
  } catch {
    return undefined;
  }
}

export function manifestText(manifest: Manifest): string {
  const files = Object.fromEntries(Object.entries(manifest.files).sort(([a], [b]) => (a < b ? -1 : 1)));
  // One line a file: a manifest of the whole archive stays a fraction of its articles' size.
  const lines = Object.entries(files).map(
    ([file, entry]) => `${JSON.stringify(file)}:${JSON.stringify(entry)}`,
  );
  return `{"version":${JSON.stringify(manifest.version)},"files":{\n${lines.join(',\n')}\n}}\n`;
}
