/**
 * `npm run bench -- [--articles 1000] [--out bench-results] [--project .] [--incremental-build]
 *                   [--no-search] [--no-baseline] [--keep]`
 *
 * Generates a synthetic raw corpus of N articles from content/raw in a temporary folder, then
 * measures, each phase as its own child process: the project's cold build (ingest, astro build,
 * Pagefind), the bare-stack baseline on the same articles, and the rebuild after one article is
 * added. Then sizes, and three first searches in headless Chromium. Writes
 * `<out>/bench-<N>.json` and `<out>/bench-<N>.md`. Not a test: nothing here asserts a time.
 *
 * `--project` benchmarks another checkout of the site (e.g. a copy with an experiment applied);
 * `--incremental-build` turns on Astro's experimental.incrementalBuild for its builds.
 */
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { writeBaseline } from './bench/baseline.ts';
import { loadTemplates, writeCorpus, type Template } from './bench/corpus.ts';
import { runPhase, sizeOf, type PhaseResult } from './bench/measure.ts';
import { budgets, machine, markdown, type BenchResult } from './bench/report.ts';
import { measureSearch, type QueryResult } from './bench/search.ts';

const repo = path.resolve(import.meta.dirname, '..');

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '1000' },
    out: { type: 'string', default: 'bench-results' },
    project: { type: 'string', default: repo },
    'incremental-build': { type: 'boolean', default: false },
    'no-search': { type: 'boolean', default: false },
    'no-baseline': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
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

const node = (script: string, ...args: string[]): string[] => [process.execPath, path.join(repo, script), ...args];

async function phase(name: string, command: string[], p: Paths, cwd: string, env?: Record<string, string>): Promise<PhaseResult> {
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
  const ingestArgs = ['--input', p.raw, '--output', p.articles, '--curated', p.curated, '--report', path.join(p.tmp, 'ingest.json'), '--quiet'];
  const astroArgs = [project, dist, cache, ...(values['incremental-build'] ? ['--incremental'] : [])];
  say(`project build (${label})`);
  return [
    await phase('ingest', node('scripts/ingest.ts', ...ingestArgs), p, project, env),
    await phase('astro build', node('scripts/bench/astro-build.ts', ...astroArgs), p, project, env),
    await phase('pagefind', node('scripts/pagefind.ts', dist), p, project, env),
  ];
}

/** The bare stack on the same MDX: astro build → pagefind, into `<tmp>/baseline/dist`. */
async function buildBaseline(p: Paths): Promise<PhaseResult[]> {
  if (values['no-baseline']) return [];
  const root = await writeBaseline(path.join(p.tmp, 'baseline'), p.articles, repo);
  const dist = path.join(root, 'dist');
  say('bare-stack baseline build');
  return [
    await phase('astro build', node('scripts/bench/astro-build.ts', root, dist, path.join(root, 'cache')), p, root),
    // Pagefind's own CLI over the whole folder: the bare stack has no indexing script of its own.
    await phase('pagefind', [path.join(repo, 'node_modules/.bin/pagefind'), '--site', dist, '--force-language', 'en'], p, root),
  ];
}

async function setUp(): Promise<Paths> {
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'archive-bench-'));
  const p = { tmp, raw: path.join(tmp, 'raw'), articles: path.join(tmp, 'articles'), logs: path.join(tmp, 'logs'), curated: path.join(tmp, 'curated') };
  await mkdir(p.logs, { recursive: true });
  await cp(path.join(repo, 'content/curated'), p.curated, { recursive: true });
  // The synthetic corpus reshuffles five samples' sentences, so each recurs in a fifth of its files:
  // the corpus-wide boilerplate rule would strip whole bodies. It still runs (its cost is measured),
  // but only a line in every file would count.
  await writeFile(path.join(p.curated, 'boilerplate.yaml'), 'minFiles: 20\nminShare: 1\nminWords: 4\nkeep: []\n');
  return p;
}

async function generate(p: Paths, n: number): Promise<Template[]> {
  const templates = await loadTemplates(path.join(repo, 'content/raw'), path.join(repo, 'content/curated'));
  const started = performance.now();
  await writeCorpus(templates, p.raw, 0, n);
  say(`generated ${n} raw articles from ${templates.length} samples in ${((performance.now() - started) / 1000).toFixed(1)} s → ${p.raw}`);
  return templates;
}

async function searches(dist: string): Promise<QueryResult[]> {
  if (values['no-search']) return [];
  say('first searches in headless Chromium …');
  const results = await measureSearch(dist);
  for (const q of results) say(`  "${q.query}": ${q.results} results, ${(q.searchBytes / 1000).toFixed(1)} kB Pagefind, ${q.msToFirstResults.toFixed(0)} ms`);
  return results;
}

async function save(result: BenchResult, outDir: string): Promise<string> {
  await mkdir(outDir, { recursive: true });
  const base = path.join(outDir, `bench-${result.articles}`);
  await writeFile(`${base}.json`, `${JSON.stringify(result, null, 2)}\n`);
  const table = markdown(result);
  await writeFile(`${base}.md`, table);
  return table;
}

async function main(): Promise<void> {
  const n = Number(values.articles);
  if (!Number.isInteger(n) || n < 1) throw new Error(`bench: --articles must be a positive integer, got ${values.articles}`);
  const project = path.resolve(values.project);
  const p = await setUp();
  say(`${n} articles, project ${project}, temporary folder ${p.tmp}`);
  try {
    const templates = await generate(p, n);
    const cold = await buildProject(p, project, 'cold');
    const dist = path.join(p.tmp, 'project/dist');
    const sizes = { distBytes: await sizeOf(dist), pagefindBytes: await sizeOf(path.join(dist, 'pagefind')) };
    const search = await searches(dist);
    const baseline = await buildBaseline(p);
    await writeCorpus(templates, p.raw, n, n + 1);
    const incremental = await buildProject(p, project, 'one article added');
    const partial = { date: new Date().toISOString(), machine: machine(), articles: n, project: cold, baseline, incremental, search,
      sizes: { ...sizes, baselineDistBytes: baseline.length ? await sizeOf(path.join(p.tmp, 'baseline/dist')) : 0 } };
    const table = await save({ ...partial, budgets: budgets(partial) }, path.resolve(values.out));
    process.stdout.write(table);
  } finally {
    if (values.keep) say(`kept ${p.tmp}`);
    else await rm(p.tmp, { recursive: true, force: true });
  }
}

await main();
