/**
 * The ingest run over a folder: reads every raw `.txt`, skips the unchanged, writes `<slug>.mdx`
 * only when its bytes change, removes pages whose raw file is gone, and returns the report.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdir, readdir, readFile, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { diffParagraphIds } from '../../src/lib/paragraph-id.ts';
import type { IngestResult } from './article.ts';
import { loadCurated } from './curated.ts';
import { MANIFEST_NAME, manifestText, readManifest, type Manifest, type ManifestEntry } from './manifest.ts';
import type { Diagnostic, Removed } from './model.ts';
import { ingestJobs, type Job } from './parallel.ts';
import { baseSlug, uniqueSlugs } from './slug.ts';

export interface IngestOptions {
  input: string;
  output: string;
  curated: string;
  /** Re-ingest every file even when its bytes and the ingester are unchanged. */
  force?: boolean;
  /** Threads to ingest with; defaults to every core. */
  threads?: number;
}

export interface FileReport {
  rawFile: string;
  status: 'written' | 'unchanged' | 'skipped' | 'rejected';
  slug?: string;
  encoding?: string;
  removed: Removed[];
  diagnostics: Diagnostic[];
  /** The article's tags, for files ingested in this run (over-broad tags are named in the summary). */
  tags?: string[];
  /** Paragraph ids a re-ingest took away (links that would break) or added. */
  paragraphIds?: { removed: string[]; added: string[] };
}

export interface IngestReport {
  input: string;
  output: string;
  summary: { files: number; written: number; unchanged: number; skipped: number; rejected: number; deleted: number; warnings: number; boilerplateLines: number };
  deleted: string[];
  files: FileReport[];
}

/** One raw file on its way to a page: freshly ingested, or reused from the previous run. */
interface Accepted {
  rawFile: string;
  hash: string;
  base: string;
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

/** Changes whenever the ingester's code or curated data change, so their output is redone. */
async function ingesterVersion(curatedDir: string): Promise<string> {
  const codeDir = import.meta.dirname;
  const code = (await readdir(codeDir)).filter((f) => f.endsWith('.ts')).sort().map((f) => path.join(codeDir, f));
  const curated = (await readdir(curatedDir)).filter((f) => f.endsWith('.yaml')).sort().map((f) => path.join(curatedDir, f));
  const hash = createHash('sha256');
  for (const file of [...code, ...curated]) hash.update(file.slice(file.lastIndexOf('/'))).update(await readFile(file));
  return hash.digest('hex').slice(0, 16);
}

function readIfExists(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

function writeIfChanged(file: string, text: string): { changed: boolean; before?: string } {
  const before = readIfExists(file);
  if (before === text) return { changed: false, before };
  writeFileSync(file, text);
  return { changed: true, before };
}

async function idDiff(before: string | undefined, after: string): Promise<FileReport['paragraphIds']> {
  if (before === undefined) return undefined;
  // Loaded on first use: compiling MDX is only needed when a page changes, not on a cold ingest.
  const { paragraphIdsOfMdx } = await import('../../src/lib/paragraph-id-mdx.ts');
  const diff = diffParagraphIds(await paragraphIdsOfMdx(before), await paragraphIdsOfMdx(after));
  return diff.removed.length + diff.added.length > 0 ? diff : undefined;
}

/** Reads and hashes every raw file; those unchanged since the last run are reused as they are. */
function sortFiles(options: IngestOptions, rawFiles: string[], reusable: Manifest['files']) {
  const reused: Accepted[] = [];
  const jobs: (Job & { hash: string })[] = [];
  for (const rawFile of rawFiles) {
    // Synchronous reads: thousands of small files, one at a time, are faster without the thread pool.
    const bytes = readFileSync(path.join(options.input, rawFile));
    const hash = sha256(bytes);
    const old = reusable[rawFile];
    if (old?.hash === hash && existsSync(path.join(options.output, `${old.slug}.mdx`))) reused.push({ rawFile, hash, base: old.base });
    else jobs.push({ rawFile, bytes, hash });
  }
  return { reused, jobs };
}

async function ingestFiles(options: IngestOptions, jobs: (Job & { hash: string })[], reports: Map<string, FileReport>): Promise<Accepted[]> {
  const curated = await loadCurated(options.curated);
  const results = await ingestJobs(jobs, curated, options.threads);
  const accepted: Accepted[] = [];
  results.forEach((result, i) => {
    const { rawFile, hash } = jobs[i]!;
    if (!result.ok) {
      reports.set(rawFile, { rawFile, status: 'rejected', removed: [], diagnostics: result.diagnostics });
      return;
    }
    reports.set(rawFile, { rawFile, status: 'written', encoding: result.encoding, tags: result.data.tags, removed: result.removed, diagnostics: result.diagnostics });
    accepted.push({ rawFile, hash, result, base: baseSlug(result.data.title, result.data.dateStart, rawFile) });
  });
  return accepted;
}

/** Writes each page whose bytes changed (a reused page moves only if its slug did). */
async function writePages(options: IngestOptions, accepted: Accepted[], previous: Manifest | undefined, reports: Map<string, FileReport>): Promise<Manifest['files']> {
  const slugs = uniqueSlugs(accepted);
  const files: Record<string, ManifestEntry> = {};
  for (const item of accepted) {
    const slug = slugs.get(item.rawFile)!;
    const report = reports.get(item.rawFile)!;
    report.slug = slug;
    files[item.rawFile] = { hash: item.hash, base: item.base, slug };
    const oldSlug = previous?.files[item.rawFile]?.slug;
    const oldFile = oldSlug && oldSlug !== slug ? path.join(options.output, `${oldSlug}.mdx`) : undefined;
    const mdx = item.result?.mdx ?? readIfExists(oldFile ?? path.join(options.output, `${slug}.mdx`));
    if (mdx === undefined) throw new Error(`${oldSlug}.mdx vanished from ${options.output} during the ingest`);
    const before = oldFile ? readIfExists(oldFile) : undefined;
    const written = writeIfChanged(path.join(options.output, `${slug}.mdx`), mdx);
    if (!written.changed && item.result) report.status = 'unchanged';
    if (written.changed && item.result) report.paragraphIds = await idDiff(before ?? written.before, mdx);
  }
  return files;
}

/** Deletes the pages the previous run generated that no raw file produces any more. */
async function deleteStale(options: IngestOptions, previous: Manifest | undefined, live: Manifest['files']): Promise<string[]> {
  const slugs = new Set(Object.values(live).map((e) => e.slug));
  const deleted: string[] = [];
  for (const entry of Object.values(previous?.files ?? {})) {
    if (slugs.has(entry.slug)) continue;
    await unlink(path.join(options.output, `${entry.slug}.mdx`)).then(() => deleted.push(`${entry.slug}.mdx`), () => undefined);
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

export async function runIngest(options: IngestOptions): Promise<IngestReport> {
  const version = await ingesterVersion(options.curated);
  const previous = await readManifest(options.output);
  const reusable = !options.force && previous?.version === version ? previous.files : {};
  await mkdir(options.output, { recursive: true });

  const { reused, jobs } = sortFiles(options, await listRaw(options.input), reusable);
  const reports = new Map<string, FileReport>(reused.map((r) => [r.rawFile, { rawFile: r.rawFile, status: 'skipped', removed: [], diagnostics: [] }]));
  const accepted = [...reused, ...(await ingestFiles(options, jobs, reports))];
  const live = await writePages(options, accepted, previous, reports);
  const deleted = await deleteStale(options, previous, live);
  await writeFile(path.join(options.output, MANIFEST_NAME), manifestText({ version, files: live }));

  const files = [...reports.values()].sort((a, b) => (a.rawFile < b.rawFile ? -1 : 1));
  return { input: options.input, output: options.output, summary: summarise(files, deleted), deleted, files };
}
