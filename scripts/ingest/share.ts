/**
 * The work one thread does in a run (the main thread's share, or a worker's: see parallel.ts), one
 * batch of raw files at a time. Each thread reads its files itself, so no bytes cross threads:
 * - scan: hash the bytes and find the lines and sentences that count for the corpus-wide
 *   boilerplate, returned as folded hashes and offsets (no text), for the main thread to count in
 *   file order;
 * - ingest: read and ingest the files again, each page's MDX spooled to a file of its own in the
 *   output's spool folder (memory stays one batch's, however large the archive);
 * - write: move the spooled pages to their names once the run has given them their slugs.
 */
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ingestFiles, type IngestResult } from './article.ts';
import type { Curated } from './curated.ts';
import { decode } from './decode.ts';
import { countedSpans, folderOf, type RepeatedSets } from './repeated.ts';

export interface ShareSetup {
  input: string;
  curated: Curated;
  /** The folders whose files are counted for the corpus-wide boilerplate, and the rule's minimum words. */
  counted: string[];
  minWords: number;
  /** A folder on the output's file system where pages wait for their slugs (run.ts makes and removes it). */
  spool: string;
}

/** The counted spans of a batch of files, in file order, as parallel arrays (cheap to pass between threads). */
export interface Spans {
  /** Index of the span's file in the batch. */
  file: Int32Array<ArrayBuffer>;
  hash: Float64Array<ArrayBuffer>;
  from: Int32Array<ArrayBuffer>;
  to: Int32Array<ArrayBuffer>;
}

export interface Scanned {
  /** sha256 of each file's bytes. */
  hashes: string[];
  spans: Spans;
}

/** An ingest result as it crosses threads: the MDX stays with the thread that wrote it. */
export type Ingested =
  Omit<Extract<IngestResult, { ok: true }>, 'mdx'> | Extract<IngestResult, { ok: false }>;

/** A kept page to write: its raw file, the path it goes to, and whether a file is there already. */
export interface PageWrite {
  rawFile: string;
  file: string;
  exists: boolean;
}

export const sha256 = (data: Uint8Array | string): string => createHash('sha256').update(data).digest('hex');

function decodedText(bytes: Uint8Array): string | undefined {
  try {
    return decode(bytes).text;
  } catch {
    return undefined;
  }
}

/** A file's text as the scan decoded it (undefined when it cannot be decoded), for showing a repeated sentence. */
export function scannedText(input: string, rawFile: string): string | undefined {
  return decodedText(readFileSync(path.join(input, rawFile)));
}

export class Share {
  private readonly setup: ShareSetup;
  private readonly counted: Set<string>;
  /** Raw file → the file its page is spooled in. */
  private readonly pages = new Map<string, string>();
  private repeated: RepeatedSets = {};

  constructor(setup: ShareSetup) {
    this.setup = setup;
    this.counted = new Set(setup.counted);
  }

  private read(rawFile: string): Uint8Array {
    // Synchronous reads: thousands of small files, one at a time, are faster without the thread pool.
    return readFileSync(path.join(this.setup.input, rawFile));
  }

  scan(rawFiles: string[]): Scanned {
    const hashes: string[] = [];
    const spans = { file: [] as number[], hash: [] as number[], from: [] as number[], to: [] as number[] };
    rawFiles.forEach((rawFile, i) => {
      const bytes = this.read(rawFile);
      hashes.push(sha256(bytes));
      if (!this.counted.has(folderOf(rawFile))) return;
      const text = decodedText(bytes);
      if (text === undefined) return;
      for (const { hash, from, to } of countedSpans(text, this.setup.minWords)) {
        spans.file.push(i);
        spans.hash.push(hash);
        spans.from.push(from);
        spans.to.push(to);
      }
    });
    return {
      hashes,
      spans: {
        file: Int32Array.from(spans.file),
        hash: Float64Array.from(spans.hash),
        from: Int32Array.from(spans.from),
        to: Int32Array.from(spans.to),
      },
    };
  }

  setRepeated(repeated: RepeatedSets): void {
    this.repeated = repeated;
  }

  ingest(rawFiles: string[]): Ingested[] {
    const files = rawFiles.map((rawFile) => ({ bytes: this.read(rawFile), rawFile }));
    return ingestFiles(files, this.setup.curated, this.repeated).map((result, i) => {
      if (!result.ok) return result;
      const rawFile = rawFiles[i]!;
      const { mdx, ...rest } = result;
      const spooled = path.join(this.setup.spool, `${sha256(rawFile)}.mdx`);
      writeFileSync(spooled, mdx);
      this.pages.set(rawFile, spooled);
      return rest;
    });
  }

  /** Moves each spooled page to its file where its bytes differ from the file there (true where it
   * did), and drops it where they are the same. Forgets the pages. */
  write(writes: PageWrite[]): boolean[] {
    const changed = writes.map(({ rawFile, file, exists }) => {
      const spooled = this.pages.get(rawFile);
      if (spooled === undefined) throw new Error(`no page kept for ${rawFile}`);
      if (exists && readIfExists(file) === readFileSync(spooled, 'utf8')) {
        rmSync(spooled);
        return false;
      }
      renameSync(spooled, file);
      return true;
    });
    this.pages.clear();
    return changed;
  }
}

export function readIfExists(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
