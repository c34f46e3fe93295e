/**
 * The curated data under `content/curated/`: the registry of publications (mastheads, series,
 * republishers, taglines), the tag vocabulary and editors' corrections. Each file is validated on
 * load so a typo in a curated file fails with its path and the offending key.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { VFileMessage } from 'vfile-message';
import { parse } from 'yaml';
import { z } from 'astro/zod';
import { articleFields } from '../../src/schema/article.ts';
import { compileMatcher } from '../names/matcher.ts';
import { namesSchema, type CuratedNames } from '../names/curated.ts';
import { toMessage } from './reporter.ts';

const name = z.string().trim().min(1);

const registrySchema = z.object({
  publications: z.array(
    z.object({
      name,
      aliases: z.array(name).default([]),
      taglines: z.array(name).default([]),
      series: z.array(z.object({ name, aliases: z.array(name).default([]) })).default([]),
    }),
  ),
  republishers: z.array(z.object({ name, prefixes: z.array(name).min(1) })).default([]),
  mastheadExtras: z.array(name).default([]),
});

const vocabularySchema = z.object({
  minBodyMatches: z.number().int().min(1).default(2),
  tags: z.record(name, z.array(name).min(1)),
});

/** Corrections may set any front-matter field but the raw file's own path and the counted words. */
const correctionSchema = z.record(
  name,
  articleFields.partial().omit({ rawFile: true, wordCount: true }).strict(),
);

/** Per folder (path relative to the input folder), what every file below it gets. */
const folderSchema = z.record(
  name,
  articleFields.pick({ source: true, series: true, via: true, tags: true }).partial().strict(),
);

const boilerplateSchema = z
  .object({
    minFiles: z.number().int().min(2).default(20),
    minShare: z.number().min(0).max(1).default(0.05),
    minWords: z.number().int().min(1).default(4),
    keep: z.array(name).default([]),
  })
  .strict();

export type Registry = z.infer<typeof registrySchema>;
export type Vocabulary = z.infer<typeof vocabularySchema>;
export type Corrections = z.infer<typeof correctionSchema>;
export type Folders = z.infer<typeof folderSchema>;
export type BoilerplateSettings = z.infer<typeof boilerplateSchema>;

export interface Curated {
  registry: Registry;
  vocabulary: Vocabulary;
  corrections: Corrections;
  folders: Folders;
  boilerplate: BoilerplateSettings;
  /** names.yaml: the names index's curated entries, ban list and threshold (scripts/names/). */
  names: CuratedNames;
}

/** A curated file that cannot be used: the whole run stops, naming the file and the key. */
export class CuratedError extends Error {
  readonly file: string;
  readonly reason: string;
  constructor(file: string, reason: string) {
    super(`${file}: error: ${reason} (curated-file)`);
    this.file = file;
    this.reason = reason;
  }

  toMessage(): VFileMessage {
    return toMessage(this.file, { severity: 'error', rule: 'curated-file', message: this.reason });
  }
}

async function load<T>(file: string, schema: z.ZodType<T>): Promise<T> {
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new CuratedError(file, `cannot read the curated file: ${error.code ?? error.message}`);
  });
  // YAML's own date type would turn 2020-09-24 into a Date: keep every scalar a string.
  let data: unknown;
  try {
    data = parse(text, { schema: 'core', customTags: [] }) ?? {};
  } catch (error) {
    throw new CuratedError(file, `not valid YAML: ${(error as Error).message}`);
  }
  const result = schema.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new CuratedError(file, `${issue?.path.join('.') || '(root)'}: ${issue?.message}`);
  }
  return result.data;
}

/** A spelling listed under two names stops the run: which one a paragraph means would be a guess. */
function checkNames(file: string, names: CuratedNames): void {
  try {
    compileMatcher(names);
  } catch (error) {
    throw new CuratedError(file, (error as Error).message);
  }
}

/** A curated file a user may leave out: absent means its defaults. */
async function loadOptional<T>(file: string, schema: z.ZodType<T>): Promise<T> {
  return existsSync(file) ? load(file, schema) : schema.parse({});
}

export async function loadCurated(dir: string): Promise<Curated> {
  const [registry, vocabulary, corrections, folders, boilerplate, names] = await Promise.all([
    load(path.join(dir, 'registry.yaml'), registrySchema),
    load(path.join(dir, 'tags.yaml'), vocabularySchema),
    load(path.join(dir, 'corrections.yaml'), correctionSchema),
    loadOptional(path.join(dir, 'folders.yaml'), folderSchema),
    loadOptional(path.join(dir, 'boilerplate.yaml'), boilerplateSchema),
    loadOptional(path.join(dir, 'names.yaml'), namesSchema),
  ]);
  checkNames(path.join(dir, 'names.yaml'), names);
  return { registry, vocabulary, corrections, folders, boilerplate, names };
}
