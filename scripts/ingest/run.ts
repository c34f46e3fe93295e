/**
 * The ingest run over a folder: reads every raw `.txt`, skips the unchanged, writes `<slug>.mdx`
 * only when its bytes change, removes pages whose raw file is gone, and returns the report.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdir, readdir, readFile, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { diffParagraphIds } from '../../src/lib/paragraph-id.ts';
import { ingestBytes, type IngestResult } from './article.ts';
import { loadCurated } from './curated.ts';
import { MANIFEST_NAME, manifestText, readManifest, type Manifest, type ManifestEntry } from './manifest.ts';
import type { Diagnostic, Removed } from './model.ts';
import { baseSlug, uniqueSlugs } from './slug.ts';

export interface IngestOptions {
  input: string;
  output: string;
  curated: string;
  /** Re-ingest every file even when its bytes and the ingester are unchanged. */
  force?: boolean;
}

export interface FileReport {
  rawFile: string;
  status: 'written' | 'unchanged' | 'skipped' | 'rejected';
  slug?: string;
  encoding?: string;
  removed: Removed[];
  diagnostics: Diagnostic[];
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

interface Pending {
  rawFile: string;
  hash: string;
  result?: Extract<IngestResult, { ok: true }>;
  reused?: ManifestEntry;
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

export async function runIngest(options: IngestOptions): Promise<IngestReport> {
  const curated = await loadCurated(options.curated);
  const version = await ingesterVersion(options.curated);
  const previous = await readManifest(options.output);
  const reusable = !options.force && previous?.version === version ? previous.files : {};
  await mkdir(options.output, { recursive: true });

  const reports = new Map<string, FileReport>();
  const pending: Pending[] = [];
  for (const rawFile of await listRaw(options.input)) {
    // Synchronous reads: thousands of small files, one at a time, are faster without the thread pool.
    const bytes = readFileSync(path.join(options.input, rawFile));
    const hash = sha256(bytes);
    const old = reusable[rawFile];
    if (old?.hash === hash && existsSync(path.join(options.output, `${old.slug}.mdx`))) {
      pending.push({ rawFile, hash, reused: old });
      reports.set(rawFile, { rawFile, status: 'skipped', removed: [], diagnostics: [] });
      continue;
    }
    const result = ingestBytes(bytes, rawFile, curated);
    if (!result.ok) {
      reports.set(rawFile, { rawFile, status: 'rejected', removed: [], diagnostics: result.diagnostics });
      continue;
    }
    pending.push({ rawFile, hash, result });
    reports.set(rawFile, { rawFile, status: 'written', encoding: result.encoding, removed: result.removed, diagnostics: result.diagnostics });
  }

  const bases = pending.map((p) => ({ rawFile: p.rawFile, base: p.reused?.base ?? baseSlug(p.result!.data.title, p.result!.data.dateStart, p.rawFile) }));
  const slugs = uniqueSlugs(bases);
  const manifest: Manifest = { version, files: {} };
  for (const [i, p] of pending.entries()) {
    const slug = slugs.get(p.rawFile)!;
    const report = reports.get(p.rawFile)!;
    report.slug = slug;
    manifest.files[p.rawFile] = { hash: p.hash, base: bases[i]!.base, slug };
    const target = path.join(options.output, `${slug}.mdx`);
    const oldSlug = previous?.files[p.rawFile]?.slug;
    const mdx = p.result?.mdx ?? readIfExists(path.join(options.output, `${oldSlug ?? slug}.mdx`));
    if (mdx === undefined) throw new Error(`${oldSlug}.mdx vanished from ${options.output} during the ingest`);
    const before = oldSlug && oldSlug !== slug ? readIfExists(path.join(options.output, `${oldSlug}.mdx`)) : undefined;
    const written = writeIfChanged(target, mdx);
    if (!written.changed && p.result) report.status = 'unchanged';
    if (written.changed && p.result) report.paragraphIds = await idDiff(before ?? written.before, mdx);
  }

  const deleted: string[] = [];
  const live = new Set(Object.values(manifest.files).map((e) => e.slug));
  for (const entry of Object.values(previous?.files ?? {})) {
    if (live.has(entry.slug)) continue;
    await unlink(path.join(options.output, `${entry.slug}.mdx`)).then(() => deleted.push(`${entry.slug}.mdx`), () => undefined);
  }
  await writeFile(path.join(options.output, MANIFEST_NAME), manifestText(manifest));

  const files = [...reports.values()].sort((a, b) => (a.rawFile < b.rawFile ? -1 : 1));
  const count = (status: FileReport['status']) => files.filter((f) => f.status === status).length;
  return {
    input: options.input,
    output: options.output,
    summary: {
      files: files.length,
      written: count('written'),
      unchanged: count('unchanged'),
      skipped: count('skipped'),
      rejected: count('rejected'),
      deleted: deleted.length,
      warnings: files.reduce((n, f) => n + f.diagnostics.filter((d) => d.severity === 'warning').length, 0),
      boilerplateLines: files.reduce((n, f) => n + f.removed.filter((r) => r.kind === 'boilerplate').length, 0),
    },
    deleted: deleted.sort(),
    files,
  };
}
