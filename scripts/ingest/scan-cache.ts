/**
 * What the last run's scan learnt of each raw file: its sha256 and the lines and sentences that
 * count for the corpus-wide boilerplate (folded hashes and offsets, repeated.ts), kept beside the
 * output as `.ingest-scan.bin` with the file's size, modification time and inode. A file whose
 * three are unchanged is not read by the next scan (the search index's scan of `dist/` trusts
 * its pages the same way, scripts/pagefind.ts): after a one-article change the scan reads one
 * file, not all 33,724 of the Tehran Times corpus (~1.3 s on two threads).
 *
 * Not trusted, so read again: a file modified within `RACY_MS` of the scan that recorded it (on a
 * file system with a coarse clock a second write in the same tick keeps the time; git's "racily
 * clean" entries), a file whose folder is counted now but was not then, and every file once the
 * ingester or its curated data change (`version`). An unreadable cache is no cache.
 *
 * Layout: a 4-byte length, the head as JSON (one entry per file, in the order of the spans), then
 * the spans' hashes (Float64), starts and ends (Int32), the hashes 8-byte aligned.
 */
import { readFileSync, writeFileSync, type Stats } from 'node:fs';
import path from 'node:path';

export const SCAN_CACHE = '.ingest-scan.bin';
const FORMAT = 1;
/** Older than this before the scan that recorded it, a file's time says whether it was written since. */
export const RACY_MS = 2000;

/** One file as scanned: the spans of a counted file (none for a file of a folder not counted). */
export interface ScannedFile {
  hash: string;
  /** Whether its folder was counted, so the spans were looked for. */
  counted: boolean;
  spans: { hash: Float64Array; from: Int32Array; to: Int32Array };
}

interface Entry extends ScannedFile {
  size: number;
  mtimeMs: number;
  ino: number;
}

type HeadEntry = [
  rawFile: string,
  size: number,
  mtimeMs: number,
  ino: number,
  hash: string,
  counted: 0 | 1,
  spans: number,
];

interface Head {
  format: number;
  version: string;
  /** When the scan that wrote this began (ms since the epoch). */
  scannedAt: number;
  files: HeadEntry[];
}

export class ScanCache {
  private readonly file: string;
  private readonly version: string;
  private readonly known: Map<string, Entry>;
  private readonly scannedAt: number;

  private constructor(file: string, version: string, known: Map<string, Entry>, scannedAt: number) {
    this.file = file;
    this.version = version;
    this.known = known;
    this.scannedAt = scannedAt;
  }

  /** The cache the last run left in `output` for this `version`, or an empty one (always, when `ignore`). */
  static read(output: string, version: string, ignore = false): ScanCache {
    const file = path.join(output, SCAN_CACHE);
    if (ignore) return new ScanCache(file, version, new Map(), 0);
    try {
      const bytes = readFileSync(file);
      const headLength = bytes.readUInt32LE(0);
      const head = JSON.parse(bytes.toString('utf8', 4, 4 + headLength)) as Head;
      if (head.format !== FORMAT || head.version !== version)
        return new ScanCache(file, version, new Map(), 0);
      const total = head.files.reduce((n, entry) => n + entry[6], 0);
      const start = Math.ceil((4 + headLength) / 8) * 8;
      const copy = bytes.buffer.slice(bytes.byteOffset + start, bytes.byteOffset + start + total * 16);
      const hashes = new Float64Array(copy, 0, total);
      const froms = new Int32Array(copy, total * 8, total);
      const tos = new Int32Array(copy, total * 12, total);
      const known = new Map<string, Entry>();
      let at = 0;
      for (const [rawFile, size, mtimeMs, ino, hash, counted, spans] of head.files) {
        known.set(rawFile, {
          size,
          mtimeMs,
          ino,
          hash,
          counted: counted === 1,
          spans: {
            hash: hashes.subarray(at, at + spans),
            from: froms.subarray(at, at + spans),
            to: tos.subarray(at, at + spans),
          },
        });
        at += spans;
      }
      return new ScanCache(file, version, known, head.scannedAt);
    } catch {
      return new ScanCache(file, version, new Map(), 0);
    }
  }

  /** How many files the last scan recorded. */
  get size(): number {
    return this.known.size;
  }

  /** The file as the last scan found it, if `stats` say it is unchanged and its folder's counting is the same. */
  get(rawFile: string, stats: Stats, counted: boolean): ScannedFile | undefined {
    const entry = this.known.get(rawFile);
    if (
      entry === undefined ||
      entry.size !== stats.size ||
      entry.mtimeMs !== stats.mtimeMs ||
      entry.ino !== stats.ino ||
      entry.mtimeMs >= this.scannedAt - RACY_MS ||
      (counted && !entry.counted)
    )
      return undefined;
    return entry;
  }

  /** Writes what this run's scan, begun at `scannedAt`, knows of every raw file (in the run's order). */
  write(scannedAt: number, files: readonly { rawFile: string; stats: Stats; scanned: ScannedFile }[]): void {
    const total = files.reduce((n, f) => n + f.scanned.spans.hash.length, 0);
    const head: Head = {
      format: FORMAT,
      version: this.version,
      scannedAt,
      files: files.map(({ rawFile, stats, scanned }) => [
        rawFile,
        stats.size,
        stats.mtimeMs,
        stats.ino,
        scanned.hash,
        scanned.counted ? 1 : 0,
        scanned.spans.hash.length,
      ]),
    };
    const json = Buffer.from(JSON.stringify(head));
    const start = Math.ceil((4 + json.length) / 8) * 8;
    const bytes = Buffer.alloc(start + total * 16);
    bytes.writeUInt32LE(json.length, 0);
    json.copy(bytes, 4);
    const hashes = new Float64Array(bytes.buffer, bytes.byteOffset + start, total);
    const froms = new Int32Array(bytes.buffer, bytes.byteOffset + start + total * 8, total);
    const tos = new Int32Array(bytes.buffer, bytes.byteOffset + start + total * 12, total);
    let at = 0;
    for (const { scanned } of files) {
      hashes.set(scanned.spans.hash, at);
      froms.set(scanned.spans.from, at);
      tos.set(scanned.spans.to, at);
      at += scanned.spans.hash.length;
    }
    writeFileSync(this.file, bytes);
  }
}
