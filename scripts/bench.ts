/**
 * `npm run bench -- [--articles 1000 | --corpus DIR [--limit N]] [--out bench-results] [--project .]
 *                   [--incremental-build] [--no-search] [--no-baseline] [--keep] [--queries a,b,c]`
 *
 * Builds a raw corpus in a temporary folder — N synthetic articles made from content/raw, or a copy
 * of a folder of real raw `.txt` files (`--corpus`, optionally only its first `--limit` files) — then
 * measures, each phase as its own child process (wall time, peak memory of the largest process and
 * of the whole process tree): the project's cold build (ingest, astro build, Pagefind); the
 * fastest-path baseline on the same text (plain .md on Astro's native processor, one trivial page
 * each, Pagefind CLI); and the rebuilds after one raw file is added, one changed and one deleted.
 * Then sizes, and three first searches in headless Chromium. Writes `<out>/bench-<N>.json` and
 * `<out>/bench-<N>.md`. Not a test: nothing here asserts a time.
 *
 * `--project` benchmarks another checkout of the site (e.g. a copy with an experiment applied);
 * `--incremental-build` turns on Astro's experimental.incrementalBuild for its builds.
 */
import { execFileSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { commandLine } from './cli.ts';
import { writeBaseline } from './bench/baseline.ts';
import { changeOne, copiedCorpus, deleteOne, syntheticCorpus, type RawCorpus } from './bench/changes.ts';
import { loadTemplates } from './bench/corpus.ts';
import { runPhase, sizeOf, type PhaseResult } from './bench/measure.ts';
import type { NamesCost } from './bench/names.ts';
import { budgets, machine, markdown, type BenchResult } from './bench/report.ts';
import { describeQuery, measureSearch, QUERIES, type QueryResult } from './bench/search.ts';

const repo = path.resolve(import.meta.dirname, '..');

const USAGE = `
Usage: npm run bench -- [--articles 1000 | --corpus DIR [--limit N]] [--out bench-results] [--project .]
                        [--incremental-build] [--no-search] [--no-baseline] [--no-edits] [--keep]
                        [--queries a,b,c]

Measures the cold build, the fastest-path baseline, one file added, changed and deleted, sizes and
first searches on a synthetic corpus of N articles or a copy of a folder of raw .txt files. Writes
<out>/bench-<N>.json and .md. See README, Benchmark.`;

const { values } = commandLine(USAGE, {
  options: {
    articles: { type: 'string', default: '1000' },
    corpus: { type: 'string' },
    limit: { type: 'string' },
    out: { type: 'string', default: 'bench-results' },
    project: { type: 'string', default: repo },
    'incremental-build': { type: 'boolean', default: false },
    'no-search': { type: 'boolean', default: false },
    'no-baseline': { type: 'boolean', default: false },
    'no-edits': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    queries: { type: 'string' },
  },
});

interface Paths {
  tmp: string;
  raw: string;
  articles: string;
  logs: string;
  /** The project's curated data, with the corpus-wide boilerplate rule set for a synthetic corpus. */
  curated: string;
}

const say = (message: string): void => void process.stderr.write(`bench: ${message}\n`);

const node = (script: string, ...args: string[]): string[] => [
  process.execPath,
  path.join(repo, script),
  ...args,
];

async function phase(
  name: string,
  command: string[],
  p: Paths,
  cwd: string,
  env?: Record<string, string>,
): Promise<PhaseResult> {
  say(`${name} …`);
  const log = path.join(p.logs, `${name.replace(/\W+/g, '-')}-${Date.now()}.log`);
  const result = await runPhase({ name, command, cwd, env, log });
  say(`${name}: ${result.seconds.toFixed(1)} s, peak ${result.peakTreeRssMiB.toFixed(0)} MiB`);
  return result;
}

/** ingest → astro build → pagefind for the project, into `<tmp>/project/dist`. */
async function buildProject(p: Paths, project: string, label: string): Promise<PhaseResult[]> {
  const dist = path.join(p.tmp, 'project/dist');
  const cache = path.join(p.tmp, 'project/cache');
  const env = { ARCHIVE_ARTICLES_DIR: p.articles };
  const ingestArgs = [
    '--input',
    p.raw,
    '--output',
    p.articles,
    '--curated',
    p.curated,
    '--report',
    path.join(p.tmp, 'ingest.json'),
    '--quiet',
  ];
  const astroArgs = [project, dist, cache, ...(values['incremental-build'] ? ['--incremental'] : [])];
  say(`project build (${label})`);
  return [
    await phase('ingest', node('scripts/ingest.ts', ...ingestArgs), p, project, env),
    await phase('astro build', node('scripts/bench/astro-build.ts', ...astroArgs), p, project, env),
    // The shard cache lives with the run (the default, under node_modules, would outlive it).
    await phase(
      'pagefind',
      node('scripts/pagefind.ts', dist, '--cache', path.join(p.tmp, 'pagefind-cache')),
      p,
      project,
      env,
    ),
  ];
}

/** The fastest path on the same text: astro build → Pagefind CLI, into `<tmp>/baseline/dist`. */
async function buildBaseline(p: Paths): Promise<PhaseResult[]> {
  if (values['no-baseline']) return [];
  const root = await writeBaseline(path.join(p.tmp, 'baseline'), p.articles, repo);
  const dist = path.join(root, 'dist');
  say('fastest-path baseline build');
  return [
    await phase(
      'astro build',
      node('scripts/bench/astro-build.ts', root, dist, path.join(root, 'cache')),
      p,
      root,
    ),
    // Pagefind's own CLI over the whole folder: the baseline has no indexing script of its own.
    await phase(
      'pagefind',
      [path.join(repo, 'node_modules/.bin/pagefind'), '--site', dist, '--force-language', 'en'],
      p,
      root,
    ),
  ];
}

async function setUp(): Promise<Paths> {
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'archive-bench-'));
  const p = {
    tmp,
    raw: path.join(tmp, 'raw'),
    articles: path.join(tmp, 'articles'),
    logs: path.join(tmp, 'logs'),
    curated: path.join(tmp, 'curated'),
  };
  await mkdir(p.logs, { recursive: true });
  await cp(path.join(repo, 'content/curated'), p.curated, { recursive: true });
  // The synthetic corpus reshuffles five samples' sentences, so each recurs in a fifth of its files:
  // the corpus-wide boilerplate rule would strip whole bodies. It still runs (its cost is measured),
  // but only a line in every file would count. A real corpus (--corpus) keeps the project's rule.
  if (!values.corpus)
    await writeFile(
      path.join(p.curated, 'boilerplate.yaml'),
      'minFiles: 20\nminShare: 1\nminWords: 4\nkeep: []\n',
    );
  return p;
}

async function prepare(p: Paths): Promise<RawCorpus> {
  const started = performance.now();
  const limit = values.limit === undefined ? undefined : Number(values.limit);
  const corpus = values.corpus
    ? await copiedCorpus(path.resolve(values.corpus), p.raw, limit)
    : await syntheticCorpus(
        await loadTemplates(path.join(repo, 'content/raw'), path.join(repo, 'content/curated')),
        p.raw,
        Number(values.articles),
      );
  const what = values.corpus ? `copied from ${values.corpus}` : 'synthetic, from content/raw';
  say(
    `${corpus.files.length} raw articles (${what}) in ${((performance.now() - started) / 1000).toFixed(1)} s → ${p.raw}`,
  );
  return corpus;
}

/** What finding names costs per 1,000 articles, on (up to 1,000 of) the corpus's raw files. */
function namesCost(p: Paths, project: string): NamesCost {
  say('names per 1,000 articles …');
  const args = ['--input', p.raw, '--curated', p.curated, '--limit', '1000'];
  const cost = JSON.parse(
    execFileSync(process.execPath, [path.join(project, 'scripts/bench/names.ts'), ...args], {
      cwd: project,
      encoding: 'utf8',
    }),
  ) as NamesCost;
  say(
    `names: curated only ${cost.curatedOnlyMs} ms, in full ${cost.fullMs} ms per 1,000 articles (one thread)`,
  );
  return cost;
}

async function searches(dist: string): Promise<QueryResult[]> {
  if (values['no-search']) return [];
  say('first searches in headless Chromium …');
  const queries = values.queries
    ? values.queries
        .split(',')
        .map((q) => q.trim())
        .filter(Boolean)
    : QUERIES;
  const results = await measureSearch(dist, queries);
  for (const q of results) say(`  ${describeQuery(q)}`);
  return results;
}

async function save(result: BenchResult, outDir: string): Promise<string> {
  await mkdir(outDir, { recursive: true });
  const base = path.join(
    outDir,
    result.corpus === 'synthetic' ? `bench-${result.articles}` : `bench-${result.corpus}-${result.articles}`,
  );
  await writeFile(`${base}.json`, `${JSON.stringify(result, null, 2)}\n`);
  const table = markdown(result);
  await writeFile(`${base}.md`, table);
  return table;
}

/** The rebuilds after one raw file is added, one changed (the added one) and one deleted (another). */
async function edits(p: Paths, project: string, corpus: RawCorpus): Promise<BenchResult['edits']> {
  if (values['no-edits']) return { added: [], changed: [], deleted: [] };
  const added = await corpus.addOne();
  const afterAdd = await buildProject(p, project, `one article added: ${added}`);
  const afterChange = await buildProject(p, project, `one article changed: ${await changeOne(p.raw, added)}`);
  const victim = corpus.files[Math.floor(corpus.files.length / 2)]!;
  const afterDelete = await buildProject(
    p,
    project,
    `one article deleted: ${await deleteOne(p.raw, victim)}`,
  );
  return { added: afterAdd, changed: afterChange, deleted: afterDelete };
}

async function main(): Promise<void> {
  const n = Number(values.articles);
  if (!values.corpus && (!Number.isInteger(n) || n < 1))
    throw new Error(`bench: --articles must be a positive integer, got ${values.articles}`);
  const project = path.resolve(values.project);
  const p = await setUp();
  say(`project ${project}, temporary folder ${p.tmp}`);
  try {
    const corpus = await prepare(p);
    const cold = await buildProject(p, project, 'cold');
    const names = namesCost(p, project);
    const dist = path.join(p.tmp, 'project/dist');
    const sizes = { distBytes: await sizeOf(dist), pagefindBytes: await sizeOf(path.join(dist, 'pagefind')) };
    const search = await searches(dist);
    const baseline = await buildBaseline(p);
    const changes = await edits(p, project, corpus);
    const partial = {
      date: new Date().toISOString(),
      machine: machine(),
      corpus: values.corpus ? path.basename(path.resolve(values.corpus)) : 'synthetic',
      articles: corpus.files.length,
      project: cold,
      baseline,
      edits: changes,
      names,
      search,
      sizes: {
        ...sizes,
        baselineDistBytes: baseline.length ? await sizeOf(path.join(p.tmp, 'baseline/dist')) : 0,
      },
    };
    const table = await save({ ...partial, budgets: budgets(partial) }, path.resolve(values.out));
    process.stdout.write(table);
  } finally {
    if (values.keep) say(`kept ${p.tmp}`);
    else await rm(p.tmp, { recursive: true, force: true });
  }
}

await main();
