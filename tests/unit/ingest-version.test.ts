/**
 * The ingest cache cannot go stale: its key covers every module the ingester loads (the schema and
 * the paragraph ids under src/ included, subfolders too), the lockfile and the curated data.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  defaultInputs,
  importGraph,
  ingesterVersion,
  type VersionInputs,
} from '../../scripts/ingest/version.ts';

const root = path.resolve(import.meta.dirname, '../..');
let work: string;
let inputs: VersionInputs;

/** A small project: an entry importing a subfolder module, a module under src/ and a dynamic import. */
beforeEach(() => {
  work = mkdtempSync(path.join(tmpdir(), 'ingest-version-'));
  const file = (rel: string, text: string) => {
    mkdirSync(path.dirname(path.join(work, rel)), { recursive: true });
    writeFileSync(path.join(work, rel), text);
  };
  file('package.json', '{}');
  file('package-lock.json', '{"lockfileVersion": 3}');
  file(
    'scripts/ingest/run.ts',
    "import { a } from './sub/a.ts';\nexport const run = () => import('../../src/lib/ids.ts');\n",
  );
  file(
    'scripts/ingest/sub/a.ts',
    "import type { S } from '../../../src/schema/article.ts';\nexport const a = 1;\n",
  );
  file('src/lib/ids.ts', 'export const ids = 1;\n');
  file('src/schema/article.ts', 'export type S = string;\n');
  file('curated/tags.yaml', 'tags: {}\n');
  inputs = {
    entries: [path.join(work, 'scripts/ingest/run.ts')],
    lockfile: path.join(work, 'package-lock.json'),
    curatedDir: path.join(work, 'curated'),
  };
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

describe('the ingester version', () => {
  it('follows static, type and dynamic imports into subfolders and src/', () => {
    expect(importGraph(inputs.entries).map((f) => path.relative(work, f))).toEqual([
      'scripts/ingest/run.ts',
      'scripts/ingest/sub/a.ts',
      'src/lib/ids.ts',
      'src/schema/article.ts',
    ]);
  });

  for (const [what, file] of [
    ['the schema', 'src/schema/article.ts'],
    ['a module under src/lib', 'src/lib/ids.ts'],
    ['a module in a subfolder of the ingester', 'scripts/ingest/sub/a.ts'],
    ['the lockfile (an npm update)', 'package-lock.json'],
    ['the curated data', 'curated/tags.yaml'],
  ]) {
    it(`changes when ${what} changes`, () => {
      const before = ingesterVersion(inputs);
      appendFileSync(path.join(work, file!), '\n// changed\n');
      expect(ingesterVersion(inputs)).not.toBe(before);
    });
  }

  it('stays the same when nothing it reads changes', () => {
    const before = ingesterVersion(inputs);
    writeFileSync(path.join(work, 'src/unrelated.ts'), 'export {};\n');
    expect(ingesterVersion(inputs)).toBe(before);
  });

  it('covers the real ingester’s schema, paragraph ids and worker', () => {
    const graph = importGraph(defaultInputs(path.join(root, 'content/curated')).entries).map((f) =>
      path.relative(root, f),
    );
    expect(graph).toEqual(
      expect.arrayContaining([
        'src/schema/article.ts',
        'src/lib/paragraph-id.ts',
        'src/lib/hash.ts',
        'src/lib/sentences.ts',
        'scripts/ingest/worker.ts',
        'scripts/ingest/serialise.ts',
      ]),
    );
  });
});

describe('a re-ingest after the version changes', () => {
  it('rewrites every page instead of skipping it', async () => {
    const { runIngest } = await import('../../scripts/ingest/run.ts');
    const input = path.join(work, 'raw');
    const curated = path.join(work, 'real-curated');
    cpSync(path.join(root, 'content/raw'), input, { recursive: true });
    cpSync(path.join(root, 'content/curated'), curated, { recursive: true });
    const output = path.join(work, 'out');
    await runIngest({ input, output, curated });
    expect((await runIngest({ input, output, curated })).summary).toMatchObject({ skipped: 5 });
    appendFileSync(path.join(curated, 'tags.yaml'), '\n# an editor’s comment\n');
    expect((await runIngest({ input, output, curated })).summary).toMatchObject({ skipped: 0, unchanged: 5 });
  });
});
