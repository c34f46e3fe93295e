/**
 * The ingest run over a folder: reads every raw `.txt`, skips the unchanged, writes `<slug>.mdx`
 * only when its bytes change, removes pages whose raw file is gone, and returns the report.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdir, readdir, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { diffParagraphIds } from '../../src/lib/paragraph-id.ts';
import type { IngestResult } from './article.ts';
import { decode } from './decode.ts';
import { loadCurated, type Curated } from './curated.ts';
import {
  buildNamesIndex,
  freshExcerpts,
  previousExcerpts,
  readNamesIndex,
  writeNamesIndex,
  type FoundNameReport,
  type NamesIndexBuild,
} from '../names/index.ts';
import { cachedName, type CachedName } from '../names/find.ts';
import { MANIFEST_NAME, manifestText, readManifest, type Manifest, type ManifestEntry } from './manifest.ts';
import type { Diagnostic, Removed } from './model.ts';
import { ingestJobs, type Job } from './parallel.ts';
import { defaultInputs, ingesterVersion } from './version.ts';
import { folderOf, RepeatedCounter, type RepeatedSets } from './repeated.ts';
import { baseSlug, uniqueSlugs } from './slug.ts';

export interface IngestOptions {
  input: string;
  output: string;
  curated: string;
  /** Re-ingest every file even when its bytes and the ingester are unchanged. */
  force?: boolean;
  /** Threads to ingest with; defaults to every core. */
  threads?: number;
  /** Called as the run goes: the phase, files done, files in the phase. */
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
  names: CachedName[];
  result?: Extract<IngestResult, { ok: true }>;
}

const sha256 = (data: Uint8Array | string): string => createHash('sha256').update(data).digest('hex');

async function listRaw(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.txt'))
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

function readIfExists(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

function writeIfChanged(file: string, text: string): { changed: boolean } {
  if (readIfExists(file) === text) return { changed: false };
  writeFileSync(file, text);
  return { changed: true };
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
  /** The bytes of the files whose hash differs from the previous run's, kept to ingest them. */
  changed: Map<string, Uint8Array>;
  repeated: RepeatedSets;
  /** Per folder, a hash of its repeated boilerplate: when it changes, the folder's files are redone. */
  repeatedHashes: Map<string, string>;
}

const PROGRESS_EVERY = 1000;

/**
 * Reads every raw file once: hashes it, and counts its lines and sentences for the corpus-wide
 * boilerplate, which depends on every file of a folder, changed or not.
 */
function scanCorpus(
  options: IngestOptions,
  rawFiles: string[],
  curated: Curated,
  reusable: Manifest['files'],
): Scan {
  const perFolder = new Map<string, number>();
  for (const rawFile of rawFiles)
    perFolder.set(folderOf(rawFile), (perFolder.get(folderOf(rawFile)) ?? 0) + 1);
  const counter = new RepeatedCounter(curated.boilerplate, perFolder);
  const hashes = new Map<string, string>();
  const changed = new Map<string, Uint8Array>();
  rawFiles.forEach((rawFile, i) => {
    // Synchronous reads: thousands of small files, one at a time, are faster without the thread pool.
    const bytes = readFileSync(path.join(options.input, rawFile));
    const hash = sha256(bytes);
    hashes.set(rawFile, hash);
    if (reusable[rawFile]?.hash !== hash) changed.set(rawFile, bytes);
    const text = decodeOrUndefined(bytes);
    if (text !== undefined) counter.add(rawFile, text);
    if ((i + 1) % PROGRESS_EVERY === 0) options.onProgress?.('scan', i + 1, rawFiles.length);
  });
  const repeated = counter.sets();
  // Only what changes the output counts: the sentences, not how many files print them.
  const repeatedHashes = new Map(
    [...perFolder.keys()].map((folder) => [
      folder,
      sha256(JSON.stringify((repeated[folder] ?? []).map((s) => s.text))).slice(0, 16),
    ]),
  );
  return { hashes, changed, repeated, repeatedHashes };
}

function decodeOrUndefined(bytes: Uint8Array): string | undefined {
  try {
    return decode(bytes).text;
  } catch {
    return undefined;
  }
}

/** Files unchanged since the last run (bytes, folder boilerplate, page still there) are reused as they are. */
function sortFiles(options: IngestOptions, rawFiles: string[], scan: Scan, reusable: Manifest['files']) {
  const reused: Accepted[] = [];
  const jobs: (Job & { hash: string })[] = [];
  for (const rawFile of rawFiles) {
    const hash = scan.hashes.get(rawFile)!;
    const old = reusable[rawFile];
    const same = old?.hash === hash && old.repeated === scan.repeatedHashes.get(folderOf(rawFile));
    if (same && existsSync(path.join(options.output, `${old.slug}.mdx`)))
      reused.push({ rawFile, hash, base: old.base, ids: old.ids, tags: old.tags, names: old.names });
    else
      jobs.push({
        rawFile,
        bytes: scan.changed.get(rawFile) ?? readFileSync(path.join(options.input, rawFile)),
        hash,
      });
  }
  return { reused, jobs };
}

async function ingestFiles(
  options: IngestOptions,
  curated: Curated,
  scan: Scan,
  jobs: (Job & { hash: string })[],
  reports: Map<string, FileReport>,
): Promise<Accepted[]> {
  if (jobs.length > 0) options.onProgress?.('ingest', 0, jobs.length);
  const results = await ingestJobs(jobs, curated, scan.repeated, options.threads);
  const accepted: Accepted[] = [];
  results.forEach((result, i) => {
    const { rawFile, hash } = jobs[i]!;
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
      hash,
      result,
      ids: result.paragraphIds,
      tags: result.data.tags,
      names: result.names.map(cachedName),
      base: baseSlug(result.data.title, result.data.dateStart, rawFile),
    });
  });
  return accepted;
}

/** Writes each page whose bytes changed (a reused page moves only if its slug did). */
async function writePages(
  options: IngestOptions,
  scan: Scan,
  accepted: Accepted[],
  previous: Manifest | undefined,
  reports: Map<string, FileReport>,
): Promise<Manifest['files']> {
  const slugs = uniqueSlugs(accepted);
  const files: Record<string, ManifestEntry> = {};
  for (const [i, item] of accepted.entries()) {
    if ((i + 1) % PROGRESS_EVERY === 0) options.onProgress?.('write', i + 1, accepted.length);
    const slug = slugs.get(item.rawFile)!;
    const report = reports.get(item.rawFile)!;
    report.slug = slug;
    files[item.rawFile] = {
      hash: item.hash,
      repeated: scan.repeatedHashes.get(folderOf(item.rawFile))!,
      base: item.base,
      slug,
      ids: item.ids,
      tags: item.tags,
      names: item.names,
    };
    report.tags = item.tags;
    const oldSlug = previous?.files[item.rawFile]?.slug;
    const oldFile = oldSlug && oldSlug !== slug ? path.join(options.output, `${oldSlug}.mdx`) : undefined;
    const mdx = item.result?.mdx ?? readIfExists(oldFile ?? path.join(options.output, `${slug}.mdx`));
    if (mdx === undefined)
      throw new Error(`${oldSlug}.mdx vanished from ${options.output} during the ingest`);
    const written = writeIfChanged(path.join(options.output, `${slug}.mdx`), mdx);
    if (!written.changed && item.result) report.status = 'unchanged';
    if (written.changed && item.result)
      report.paragraphIds = idDiff(previous?.files[item.rawFile]?.ids, item.ids);
    const broken = report.paragraphIds?.removed ?? [];
    if (broken.length > 0) {
      report.diagnostics.push({
        severity: 'warning',
        rule: 'paragraph-ids-changed',
        message: `${broken.length} paragraph link(s) would break: ${broken.join(', ')}`,
      });
    }
  }
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

/**
 * The archive-wide names index, from the manifest's per-article names (scripts/names/index.ts).
 * Excerpts come from this run's ingest, else from the previous index; the few articles neither has
 * (a name newly over the threshold in an unchanged article) are ingested again for theirs.
 */
async function indexNames(
  options: IngestOptions,
  curated: Curated,
  scan: Scan,
  accepted: Accepted[],
  live: Manifest['files'],
): Promise<NamesIndexBuild> {
  const slugOf = (item: Accepted) => live[item.rawFile]!.slug;
  let fresh = freshExcerpts(
    accepted.flatMap((a) => (a.result ? [{ slug: slugOf(a), names: a.result.names }] : [])),
  );
  const previous = previousExcerpts(readNamesIndex(options.output) ?? { names: [] });
  const build = () =>
    buildNamesIndex(
      Object.values(live),
      curated.names,
      (slug, source, group, id) => fresh(slug, source, id) ?? previous(group, slug, id),
    );
  let names = build();
  if (names.missing.size > 0) {
    const again = accepted.filter((a) => !a.result && names.missing.has(slugOf(a)));
    const jobs = again.map((a) => ({
      rawFile: a.rawFile,
      hash: a.hash,
      bytes: readFileSync(path.join(options.input, a.rawFile)),
    }));
    const results = await ingestJobs(jobs, curated, scan.repeated, options.threads);
    const before = fresh;
    const more = freshExcerpts(
      results.flatMap((r, i) => (r.ok ? [{ slug: slugOf(again[i]!), names: r.names }] : [])),
    );
    fresh = (slug, source, id) => before(slug, source, id) ?? more(slug, source, id);
    names = build();
  }
  writeNamesIndex(options.output, names.index);
  return names;
}

export async function runIngest(options: IngestOptions): Promise<IngestReport> {
  const version = ingesterVersion(defaultInputs(options.curated));
  const curated = await loadCurated(options.curated);
  const previous = await readManifest(options.output);
  const reusable = !options.force && previous?.version === version ? previous.files : {};
  await mkdir(options.output, { recursive: true });

  const rawFiles = await listRaw(options.input);
  const scan = scanCorpus(options, rawFiles, curated, reusable);
  const { reused, jobs } = sortFiles(options, rawFiles, scan, reusable);
  scan.changed.clear();
  const reports = new Map<string, FileReport>(
    reused.map((r) => [r.rawFile, { rawFile: r.rawFile, status: 'skipped', removed: [], diagnostics: [] }]),
  );
  const accepted = [...reused, ...(await ingestFiles(options, curated, scan, jobs, reports))];
  const live = await writePages(options, scan, accepted, previous, reports);
  const deleted = await deleteStale(options, previous, live);
  await writeFile(path.join(options.output, MANIFEST_NAME), manifestText({ version, files: live }));
  const names = await indexNames(options, curated, scan, accepted, live);
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
