/**
 * The raw corpus the benchmark builds, and the one-file edits it rebuilds after: one raw file added,
 * one changed, one deleted. The corpus is either synthetic (`corpus.ts`, N articles from the samples)
 * or a copy of a folder of real raw files (`--corpus DIR`); either way the bench works on its own
 * copy, so the edits never touch the input.
 */
import { appendFile, copyFile, mkdir, readdir, rm, stat, utimes } from 'node:fs/promises';
import path from 'node:path';
import { writeCorpus, type Template } from './corpus.ts';

export interface RawCorpus {
  /** Files in the cold build, sorted. */
  files: string[];
  /** Adds the file held back from the cold build (or a new synthetic one); returns its name. */
  addOne(): Promise<string>;
}

/** N synthetic articles in `rawDir`; the added one is article N + 1. */
export async function syntheticCorpus(templates: Template[], rawDir: string, n: number): Promise<RawCorpus> {
  const files = (await writeCorpus(templates, rawDir, 0, n)).sort();
  return { files, addOne: async () => (await writeCorpus(templates, rawDir, n, n + 1))[0]! };
}

/**
 * A raw file copied with its times: a folder of scrapes is older than the build that reads it, and
 * the ingest's scan trusts a file by its time only once it is 2 s older than the scan (scan-cache.ts).
 */
async function copy(from: string, to: string): Promise<void> {
  await copyFile(from, to);
  const { atime, mtime } = await stat(from);
  await utimes(to, atime, mtime);
}

/** Every `.txt` under `corpusDir` (a flat folder) copied into `rawDir`, but the last, held back to be added. */
export async function copiedCorpus(corpusDir: string, rawDir: string, limit?: number): Promise<RawCorpus> {
  const all = (await readdir(corpusDir)).filter((name) => name.endsWith('.txt')).sort();
  const chosen = limit === undefined ? all : all.slice(0, limit + 1);
  if (chosen.length < 4)
    throw new Error(`bench: ${corpusDir} holds ${chosen.length} .txt files; need at least 4`);
  const held = chosen.pop()!;
  await mkdir(rawDir, { recursive: true });
  for (const name of chosen) await copy(path.join(corpusDir, name), path.join(rawDir, name));
  return {
    files: chosen,
    addOne: async () => (await copy(path.join(corpusDir, held), path.join(rawDir, held)), held),
  };
}

/** One sentence appended to a raw file: a new last paragraph, as a correction would add. */
export async function changeOne(rawDir: string, name: string): Promise<string> {
  await appendFile(
    path.join(rawDir, name),
    '\n\nThis paragraph was added by the benchmark to change one article.\n',
  );
  return name;
}

export async function deleteOne(rawDir: string, name: string): Promise<string> {
  await rm(path.join(rawDir, name));
  return name;
}
