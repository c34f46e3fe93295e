/**
 * The curated data under `content/curated/`: the registry of publications (mastheads, series,
 * republishers, taglines), the tag vocabulary and editors' corrections. Each file is validated on
 * load so a typo in a curated file fails with its path and the offending key.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'astro/zod';
import { articleFields } from '../../src/content.config.ts';

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

/** Corrections may set any front-matter field but the raw file's own path. */
const correctionSchema = z.record(name, articleFields.partial().omit({ rawFile: true }).strict());

export type Registry = z.infer<typeof registrySchema>;
export type Vocabulary = z.infer<typeof vocabularySchema>;
export type Corrections = z.infer<typeof correctionSchema>;

export interface Curated {
  registry: Registry;
  vocabulary: Vocabulary;
  corrections: Corrections;
}

export class CuratedError extends Error {}

async function load<T>(file: string, schema: z.ZodType<T>): Promise<T> {
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new CuratedError(`${file}: error: cannot read the curated file: ${error.code ?? error.message} (curated-file)`);
  });
  // YAML's own date type would turn 2020-09-24 into a Date: keep every scalar a string.
  let data: unknown;
  try {
    data = parse(text, { schema: 'core', customTags: [] }) ?? {};
  } catch (error) {
    throw new CuratedError(`${file}: error: not valid YAML: ${(error as Error).message} (curated-file)`);
  }
  const result = schema.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new CuratedError(`${file}: error: ${issue?.path.join('.') || '(root)'}: ${issue?.message} (curated-file)`);
  }
  return result.data;
}

export async function loadCurated(dir: string): Promise<Curated> {
  const [registry, vocabulary, corrections] = await Promise.all([
    load(path.join(dir, 'registry.yaml'), registrySchema),
    load(path.join(dir, 'tags.yaml'), vocabularySchema),
    load(path.join(dir, 'corrections.yaml'), correctionSchema),
  ]);
  return { registry, vocabulary, corrections };
}
