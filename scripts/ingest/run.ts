/**
 * The ingest run over a folder: reads every raw `.txt`, skips the unchanged, writes `<slug>.mdx`
 * only when its bytes change, removes pages whose raw file is gone, and returns the report.
 */
import { statSync, writeFileSync } from 'node:fs';
import { mkdir, readdir, rm, unlink } from 'node:fs/promises';
import path from 'node:path';
import { diffParagraphIds } from '../../src/lib/paragraph-id.ts';
import { loadCurated, type Curated } from './curated.ts';
import { ExcerptStore } from '../names/excerpts.ts';
import {
  buildNamesIndex,
  foundNames,
  readNamesIndex,
  writeNamesIndex,
  type FoundNameReport,
  type NamesIndexBuild,
} from '../names/index.ts';
import { cachedName, type CachedName } from '../names/find.ts';
import { readManifest, writeManifest, type Manifest, type ManifestEntry } from './manifest.ts';
import type { Diagnostic, Removed } from './model.ts';
import { Pool, type Thread } from './parallel.ts';
import { defaultInputs, ingesterVersion } from './version.ts';
import { folderOf, RepeatedCounter, type RepeatedSets } from './repeated.ts';
import { ScanCache, type ScannedFile } from './scan-cache.ts';
import { readIfExists, scannedText, sha256, type PageWrite, type Scanned } from './share.ts';
import { baseSlug, uniqueSlugs } from './slug.ts';

export interface IngestOptions {
  input: string;
  output: string;
  curated: string;
  /** Read and re-ingest every file even when its bytes and the ingester are unchanged. */
  force?: boolean;
  /** Threads to ingest with; defaults to every core. */
  threads?: number;
  /** Called as the run goes: the phase, files done, files in the phase (for the scan: the files it reads). */
  onProgress?: (phase: 'scan' | 'ingest' | 'write', done: number, total: number) => void;
}

export interface FileReport {
  rawFile: string;
  status: 'written' | 'unchanged' | 'skipped' | 'rejected';
  slug?: string;
  encoding?: string;
  removed: Removed[];
  diagnostics: Diagnostic[];
  /** The article's tags (kept in the manifest for unchanged files), so over-broad tags are named for the whole archive. */
  tags?: string[];
  /** Paragraph ids a re-ingest took away (links that would break) or added. */
  paragraphIds?: { removed: string[]; added: string[] };
}

export interface IngestReport {
  input: string;
  output: string;
  summary: {
    files: number;
    written: number;
    unchanged: number;
    skipped: number;
    rejected: number;
    deleted: number;
    warnings: number;
    boilerplateLines: number;
  };
  deleted: string[];
  /** Corpus-wide boilerplate found per folder: each sentence and the number of files it occurs in. */
  repeated: RepeatedSets;
  /** Names the language library found that content/curated/names.yaml does not list, kept (over its threshold). */
  names: FoundNameReport[];
  files: FileReport[];
}

/** One raw file on its way to a page: freshly ingested, or reused from the previous run. */
interface Accepted {
  rawFile: string;
  hash: string;
  base: string;
  /** The page's paragraph ids and tags (from the ingest, or kept from the previous run's manifest). */
  ids: string[];
  tags: string[];
  /** The thread that ingested it and keeps its page; undefined for a page reused from the previous run. */
  thread?: Thread;
  /** The names it mentions (paragraph ids only, as the manifest keeps them; the excerpts are in the store). */
  names: CachedName[];
}

async function listRaw(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.txt'))
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

/** Which paragraph ids a re-ingest took away (links that would break) and added; undefined when none or no page before. */
function idDiff(before: string[] | undefined, after: string[]): FileReport['paragraphIds'] {
  if (before === undefined) return undefined;
  const diff = diffParagraphIds(before, after);
  return diff.removed.length + diff.added.length > 0 ? diff : undefined;
}

interface Scan {
  /** sha256 of each raw file's bytes. */
  hashes: Map<string, string>;
  repeated: RepeatedSets;
  /** Per folder, a hash of its repeated boilerplate: when it changes, the folder's files are redone. */
  repeatedHashes: Map<string, string>;
}

/** What a page and its excerpts were made from: the ingester, the raw bytes, the folder's boilerplate. */
const stampOf = (version: string, scan: Scan, rawFile: string): string =>
  `${version} ${scan.hashes.get(rawFile)!} ${scan.repeatedHashes.get(folderOf(rawFile))!}`;

/** Files per batch handed to a thread: small enough to share the work evenly, large enough to keep messages rare. */
const SCAN_BATCH = 100;
const INGEST_BATCH = 25;

/**
 * The text of a counted span, read back from its file: the threads pass hashes and offsets, not
 * text. Spans with the same folded hash fold to the same text (a folded text is kept per hash,
 * and the count is per hash anyway), so one read per hash serves them all; only a text with a
 * Greek sigma, whose folding depends on its place in the word, is read back every time.
 */
class ShownTexts {
  private readonly input: string;
  private readonly byHash = new Map<number, string>();
  private readonly files = new Map<string, string | undefined>();

  constructor(input: string) {
    this.input = input;
  }

  get(rawFile: string, hash: number, from: number, to: number): string {
    const known = this.byHash.get(hash);
    if (known !== undefined && !/[Σσ]/.test(known)) return known;
    if (!this.files.has(rawFile)) this.files.set(rawFile, scannedText(this.input, rawFile));
    const shown = (this.files.get(rawFile) ?? '').slice(from, to).trim();
    this.byHash.set(hash, shown);
    return shown;
  }
}

/** Each scanned file's hash and spans, from the batches the threads return. */
function scannedFiles(
  batches: Scanned[],
  counted: (rawFile: string) => boolean,
  files: string[],
): ScannedFile[] {
  return batches.flatMap(({ hashes, spans }, b) => {
    const first = b * SCAN_BATCH;
    // Spans come in file order: each file's are one run of the batch's arrays.
    let at = 0;
    return hashes.map((hash, i) => {
      const from = at;
      while (at < spans.file.length && spans.file[at] === i) at++;
      return {
        hash,
        counted: counted(files[first + i]!),
        spans: {
          hash: spans.hash.subarray(from, at),
          from: spans.from.subarray(from, at),
          to: spans.to.subarray(from, at),
        },
      };
    });
  });
}

/**
 * Reads every raw file the last run's scan did not see as it is now (scan-cache.ts), on every
 * thread: hashes it, and finds its lines and sentences that count for the corpus-wide boilerplate,
 * which depends on every file of a folder, changed or not. The spans, read now or kept, are
 * counted here, in file order, as one thread would.
 */
async function scanCorpus(
  options: IngestOptions,
  rawFiles: string[],
  counter: RepeatedCounter,
  pool: Pool,
  version: string,
): Promise<Scan> {
  const scannedAt = Date.now();
  const cache = ScanCache.read(options.output, version, options.force);
  const countedFolders = new Set(counter.countedFolders());
  const counted = (rawFile: string) => countedFolders.has(folderOf(rawFile));
  const stats = rawFiles.map((rawFile) => statSync(path.join(options.input, rawFile)));
  const kept = rawFiles.map((rawFile, i) => cache.get(rawFile, stats[i]!, counted(rawFile)));
  const toScan = rawFiles.filter((_, i) => kept[i] === undefined);
  options.onProgress?.('scan', 0, toScan.length);
  const batches = await pool.scan(toScan, SCAN_BATCH, (done) =>
    options.onProgress?.('scan', done, toScan.length),
  );
  const fresh = scannedFiles(batches, counted, toScan);
  let next = 0;
  const files = rawFiles.map((rawFile, i) => ({
    rawFile,
    stats: stats[i]!,
    scanned: kept[i] ?? fresh[next++]!,
  }));

  const hashes = new Map<string, string>();
  const shown = new ShownTexts(options.input);
  for (const { rawFile, scanned } of files) {
    hashes.set(rawFile, scanned.hash);
    if (!counted(rawFile)) continue;
    const folder = folderOf(rawFile);
    const { spans } = scanned;
    for (let s = 0; s < spans.hash.length; s++) {
      const count = counter.countSpan(folder, spans.hash[s]!);
      if (count !== undefined)
        counter.addFound(folder, shown.get(rawFile, spans.hash[s]!, spans.from[s]!, spans.to[s]!), count);
    }
  }
  if (toScan.length > 0 || files.length !== cache.size) cache.write(scannedAt, files);
  const repeated = counter.sets();
  // Only what changes the output counts: the sentences, not how many files print them.
  const folders = new Set(rawFiles.map(folderOf));
  const repeatedHashes = new Map(
    [...folders].map((folder) => [
      folder,
      sha256(JSON.stringify((repeated[folder] ?? []).map((s) => s.text))).slice(0, 16),
    ]),
  );
  return { hashes, repeated, repeatedHashes };
}

/**
 * Files unchanged since the last run (bytes, folder boilerplate, page and excerpts still there)
 * are reused as they are.
 */
async function sortFiles(
  options: IngestOptions,
  rawFiles: string[],
  scan: Scan,
  reusable: Manifest['files'],
  excerpts: (rawFile: string) => boolean,
) {
  // One listing of the output, not a look for each page (33,724 on the Tehran Times corpus).
  const present = new Set(await readdir(options.output));
  const reused: Accepted[] = [];
  const jobs: string[] = [];
  for (const rawFile of rawFiles) {
    const hash = scan.hashes.get(rawFile)!;
    const old = reusable[rawFile];
    const same = old?.hash === hash && old.repeated === scan.repeatedHashes.get(folderOf(rawFile));
    if (same && excerpts(rawFile) && present.has(`${old.slug}.mdx`))
      reused.push({ rawFile, hash, base: old.base, ids: old.ids, tags: old.tags, names: old.names });
    else jobs.push(rawFile);
  }
  return { reused, jobs };
}

/**
 * Ingests the files to do. Each batch's excerpts go to the store as the batch comes back, and
 * leave memory: the run keeps each article's paragraph ids only.
 */
async function ingestFiles(
  options: IngestOptions,
  scan: Scan,
  jobs: string[],
  reports: Map<string, FileReport>,
  pool: Pool,
  store: ExcerptStore,
  stamp: (rawFile: string) => string,
): Promise<Accepted[]> {
  if (jobs.length > 0) options.onProgress?.('ingest', 0, jobs.length);
  const names: CachedName[][] = [];
  const results = await pool.ingest(
    jobs,
    scan.repeated,
    INGEST_BATCH,
    (done) => options.onProgress?.('ingest', done, jobs.length),
    (from, batch) =>
      batch.forEach((result, i) => {
        const rawFile = jobs[from + i]!;
        if (!result.ok) return store.drop(rawFile);
        store.put(rawFile, stamp(rawFile), result.names);
        names[from + i] = result.names.map(cachedName);
        result.names = [];
      }),
  );
  const accepted: Accepted[] = [];
  results.forEach(({ result, thread }, i) => {
    const rawFile = jobs[i]!;
    if (!result.ok) {
      reports.set(rawFile, { rawFile, status: 'rejected', removed: [], diagnostics: result.diagnostics });
      return;
    }
    reports.set(rawFile, {
      rawFile,
      status: 'written',
      encoding: result.encoding,
      tags: result.data.tags,
      removed: result.removed,
      diagnostics: result.diagnostics,
    });
    accepted.push({
      rawFile,
      hash: scan.hashes.get(rawFile)!,
      thread,
      ids: result.paragraphIds,
      tags: result.data.tags,
      names: names[i]!,
      base: baseSlug(result.data.title, result.data.dateStart, rawFile),
    });
  });
  return accepted;
}

/** A reused page whose slug changed moves (its bytes are the previous run's); one whose slug stayed is left as it is. */
function moveReused(
  options: IngestOptions,
  item: Accepted,
  slug: string,
  previous: Manifest | undefined,
): void {
  const oldSlug = previous?.files[item.rawFile]?.slug;
  if (oldSlug === slug) return;
  const oldFile = path.join(options.output, `${oldSlug ?? slug}.mdx`);
  const mdx = readIfExists(oldFile);
  if (mdx === undefined) throw new Error(`${oldSlug}.mdx vanished from ${options.output} during the ingest`);
  const file = path.join(options.output, `${slug}.mdx`);
  if (readIfExists(file) !== mdx) writeFileSync(file, mdx);
}

/** Notes on a freshly ingested page's report whether it changed, and the paragraph links a change breaks. */
function noteWritten(report: FileReport, item: Accepted, changed: boolean, previous: Manifest | undefined) {
  if (!changed) report.status = 'unchanged';
  if (changed) report.paragraphIds = idDiff(previous?.files[item.rawFile]?.ids, item.ids);
  const broken = report.paragraphIds?.removed ?? [];
  if (broken.length > 0) {
    report.diagnostics.push({
      severity: 'warning',
      rule: 'paragraph-ids-changed',
      message: `${broken.length} paragraph link(s) would break: ${broken.join(', ')}`,
    });
  }
}

/**
 * Writes each page whose bytes changed: reused pages first (one moves only if its slug did), then
 * the ingested pages, each by the thread that keeps it.
 */
async function writePages(
  options: IngestOptions,
  scan: Scan,
  accepted: Accepted[],
  previous: Manifest | undefined,
  reports: Map<string, FileReport>,
  pool: Pool,
): Promise<Manifest['files']> {
  const slugs = uniqueSlugs(accepted);
  const present = new Set(await readdir(options.output));
  const files: Record<string, ManifestEntry> = {};
  const writes: PageWrite[][] = Array.from({ length: pool.threads }, () => []);
  const written: Accepted[][] = Array.from({ length: pool.threads }, () => []);
  for (const item of accepted) {
    const slug = slugs.get(item.rawFile)!;
    const report = reports.get(item.rawFile)!;
    report.slug = slug;
    report.tags = item.tags;
    files[item.rawFile] = {
      hash: item.hash,
      repeated: scan.repeatedHashes.get(folderOf(item.rawFile))!,
      base: item.base,
      slug,
      ids: item.ids,
      tags: item.tags,
      names: item.names,
    };
    if (item.thread === undefined) moveReused(options, item, slug, previous);
    else {
      const name = `${slug}.mdx`;
      writes[item.thread]!.push({
        rawFile: item.rawFile,
        file: path.join(options.output, name),
        exists: present.has(name),
      });
      written[item.thread]!.push(item);
    }
  }
  const changed = await pool.write(writes);
  written.forEach((items, thread) =>
    items.forEach((item, i) => noteWritten(reports.get(item.rawFile)!, item, changed[thread]![i]!, previous)),
  );
  options.onProgress?.('write', accepted.length, accepted.length);
  return files;
}

/** Deletes the pages the previous run generated that no raw file produces any more. */
async function deleteStale(
  options: IngestOptions,
  previous: Manifest | undefined,
  live: Manifest['files'],
): Promise<string[]> {
  const slugs = new Set(Object.values(live).map((e) => e.slug));
  const deleted: string[] = [];
  for (const entry of Object.values(previous?.files ?? {})) {
    if (slugs.has(entry.slug)) continue;
    await unlink(path.join(options.output, `${entry.slug}.mdx`)).then(
      () => deleted.push(`${entry.slug}.mdx`),
      () => undefined,
    );
  }
  return deleted.sort();
}

function summarise(files: FileReport[], deleted: string[]): IngestReport['summary'] {
  const count = (status: FileReport['status']) => files.filter((f) => f.status === status).length;
  return {
    files: files.length,
    written: count('written'),
    unchanged: count('unchanged'),
    skipped: count('skipped'),
    rejected: count('rejected'),
    deleted: deleted.length,
    warnings: files.reduce((n, f) => n + f.diagnostics.filter((d) => d.severity === 'warning').length, 0),
    boilerplateLines: files.reduce((n, f) => n + f.removed.filter((r) => r.kind === 'boilerplate').length, 0),
  };
}

/** The archive-wide names index, from the manifest's per-article names (scripts/names/index.ts). */
function indexNames(options: IngestOptions, curated: Curated, live: Manifest['files'], version: string) {
  const names = buildNamesIndex(Object.values(live), curated.names, version);
  writeNamesIndex(options.output, names.index);
  return names;
}

/**
 * Whether the names index the last run wrote still holds: this ingester and curated data wrote it
 * (`version`), and every article is there under the same slug with the same names in the same
 * paragraphs (a paragraph id is a hash of its text, so its excerpts are the same too). Then the
 * index, a function of exactly these, is kept as it is: an edit that touches no name costs no
 * regrouping of the archive's names (~4 s on the Tehran Times corpus).
 */
function namesUnchanged(previous: Manifest | undefined, version: string, live: Manifest['files']): boolean {
  if (previous?.version !== version) return false;
  const before = previous.files;
  const files = Object.keys(live);
  if (files.length !== Object.keys(before).length) return false;
  return files.every((rawFile) => {
    const [now, then] = [live[rawFile]!, before[rawFile]];
    return (
      then !== undefined && now.slug === then.slug && JSON.stringify(now.names) === JSON.stringify(then.names)
    );
  });
}

/** The index already beside the articles, as this run would build it (see `namesUnchanged`); undefined if unreadable. */
function keptNamesIndex(output: string): NamesIndexBuild | undefined {
  const index = readNamesIndex(output);
  return index && { index, found: foundNames(index.names) };
}

/** Where ingested pages wait for their slugs: inside the output folder, so each moves into place by a rename. */
const SPOOL = '.ingest-spool';

/** An empty spool folder (a crashed run may have left one behind). */
async function makeSpool(output: string): Promise<string> {
  const spool = path.join(output, SPOOL);
  await rm(spool, { recursive: true, force: true });
  await mkdir(spool, { recursive: true });
  return spool;
}

export async function runIngest(options: IngestOptions): Promise<IngestReport> {
  const rawFiles = await listRaw(options.input);
  // Started first: the workers load their modules while this thread reads the curated data and manifest.
  const pool = new Pool(rawFiles.length, options.threads);
  let store: ExcerptStore | undefined;
  try {
    await mkdir(options.output, { recursive: true });
    store = new ExcerptStore(options.output);
    return await runWith(options, rawFiles, pool, store);
  } finally {
    store?.close();
    await pool.close();
    await rm(path.join(options.output, SPOOL), { recursive: true, force: true });
  }
}

async function runWith(
  options: IngestOptions,
  rawFiles: string[],
  pool: Pool,
  store: ExcerptStore,
): Promise<IngestReport> {
  const version = ingesterVersion(defaultInputs(options.curated));
  const curated = await loadCurated(options.curated);
  const previous = await readManifest(options.output);
  const reusable = !options.force && previous?.version === version ? previous.files : {};

  const perFolder = new Map<string, number>();
  for (const rawFile of rawFiles)
    perFolder.set(folderOf(rawFile), (perFolder.get(folderOf(rawFile)) ?? 0) + 1);
  const counter = new RepeatedCounter(curated.boilerplate, perFolder);
  pool.setup({
    input: options.input,
    curated,
    counted: counter.countedFolders(),
    minWords: curated.boilerplate.minWords,
    spool: await makeSpool(options.output),
  });
  const scan = await scanCorpus(options, rawFiles, counter, pool, version);
  const stamp = (rawFile: string) => stampOf(version, scan, rawFile);
  const { reused, jobs } = await sortFiles(options, rawFiles, scan, reusable, (rawFile) =>
    store.has(rawFile, stamp(rawFile)),
  );
  const reports = new Map<string, FileReport>(
    reused.map((r) => [r.rawFile, { rawFile: r.rawFile, status: 'skipped', removed: [], diagnostics: [] }]),
  );
  const accepted = [...reused, ...(await ingestFiles(options, scan, jobs, reports, pool, store, stamp))];
  const live = await writePages(options, scan, accepted, previous, reports, pool);
  const deleted = await deleteStale(options, previous, live);
  store.keepOnly(new Set(accepted.map((a) => a.rawFile)));
  // The excerpts, then the names index, then the manifest: a run stopped between them leaves a
  // manifest that differs from the next run's, so that run ingests the changed files again and
  // builds the index again rather than keep a stale one.
  store.commit();
  const names =
    (namesUnchanged(previous, version, live) && keptNamesIndex(options.output)) ||
    indexNames(options, curated, live, version);
  await writeManifest(options.output, { version, files: live });

  const files = [...reports.values()].sort((a, b) => (a.rawFile < b.rawFile ? -1 : 1));
  return {
    input: options.input,
    output: options.output,
    summary: summarise(files, deleted),
    deleted,
    repeated: scan.repeated,
    names: names.found,
    files,
  };
}
