/**
 * What the previous ingest generated, kept beside the output as `.ingest-manifest.json`: lets a
 * re-ingest skip raw files whose bytes are unchanged, delete pages whose raw file is gone (and
 * only those: files it did not generate are never touched), and compare a changed article's
 * paragraph ids with the previous run's to report which links would break.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { documentBytes, parseLines } from '../../src/lib/json-lines.ts';
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

/** Reads the manifest a line at a time (src/lib/json-lines.ts); undefined if missing or unreadable. */
export async function readManifest(output: string): Promise<Manifest | undefined> {
  const bytes = await readFile(path.join(output, MANIFEST_NAME)).catch(() => undefined);
  if (bytes === undefined) return undefined;
  try {
    const parsed = parseLines<Manifest, [string, ManifestEntry]>(
      bytes,
      '}}',
      (line) => Object.entries(JSON.parse(`{${line}}`) as Record<string, ManifestEntry>)[0]!,
    );
    if (parsed === undefined || typeof parsed.head.version !== 'string') return undefined;
    return { version: parsed.head.version, files: Object.fromEntries(parsed.records) };
  } catch {
    return undefined;
  }
}

/** Writes the manifest one file a line, sorted, so a manifest of the whole archive is never one string. */
export function writeManifest(output: string, manifest: Manifest): Promise<void> {
  function* lines() {
    for (const file of Object.keys(manifest.files).sort())
      yield `${JSON.stringify(file)}:${JSON.stringify(manifest.files[file])}`;
  }
  const head = `{"version":${JSON.stringify(manifest.version)},"files":{`;
  return writeFile(path.join(output, MANIFEST_NAME), documentBytes(head, lines(), '}}'));
}
