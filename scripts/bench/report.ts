/** The bench's result: its JSON shape, the budgets it is checked against, and the Markdown table. */
import os from 'node:os';
import type { PhaseResult } from './measure.ts';
import type { QueryResult } from './search.ts';

/** `246 / 60 / 27 / 180 / 0 / 14`: a first search's Pagefind bytes by kind, in kB. */
function kindsCell(q: QueryResult): string {
  const kinds = ['meta', 'wasm', 'js', 'index', 'filter', 'fragment'] as const;
  return q.bytesByKind ? kinds.map((k) => (q.bytesByKind[k] / 1000).toFixed(0)).join(' / ') : '';
}

export interface BenchResult {
  date: string;
  machine: { cpus: number; memoryGiB: number; node: string; platform: string };
  articles: number;
  /** Phases of the cold project build: ingest, astro build, pagefind. */
  project: PhaseResult[];
  baseline: PhaseResult[];
  /** Phases of the rebuild after one article was added to the archive. */
  incremental: PhaseResult[];
  sizes: { distBytes: number; pagefindBytes: number; baselineDistBytes: number };
  search: QueryResult[];
  budgets: Budget[];
}

export interface Budget {
  name: string;
  limit: string;
  measured: string;
  holds: boolean;
}

export const machine = (): BenchResult['machine'] => ({
  cpus: os.availableParallelism(),
  memoryGiB: Math.round(os.totalmem() / 2 ** 30),
  node: process.version,
  platform: `${os.platform()} ${os.arch()}`,
});

const seconds = (phases: PhaseResult[], name?: string): number =>
  phases.filter((p) => name === undefined || p.name === name).reduce((sum, p) => sum + p.seconds, 0);

const peakMiB = (phases: PhaseResult[]): number => Math.max(0, ...phases.map((p) => p.peakTreeRssMiB));

/** The budgets; each applies at the N it names, so only the relevant ones are listed. */
export function budgets(r: Omit<BenchResult, 'budgets'>): Budget[] {
  const ingest = r.project.find((p) => p.name === 'ingest')!;
  const rate = r.articles / ingest.seconds;
  const ratio = seconds(r.project, 'astro build') / seconds(r.baseline, 'astro build');
  const incremental = seconds(r.incremental) / seconds(r.project);
  const firstSearch = Math.max(0, ...r.search.map((q) => q.searchBytes));
  const list: Budget[] = [
    { name: 'ingest rate', limit: '≥ 2,000 articles/s', measured: `${rate.toFixed(0)} articles/s`, holds: rate >= 2000 },
    { name: 'rebuild after adding one article', limit: '≤ 30% of cold build', measured: `${(incremental * 100).toFixed(0)}%`, holds: incremental <= 0.3 },
  ];
  if (r.baseline.length > 0) {
    list.push({ name: 'astro build vs bare stack', limit: '≤ 1.0× (N = 1,000)', measured: `${ratio.toFixed(2)}×`, holds: ratio <= 1 });
  }
  if (r.search.length > 0) {
    list.push({ name: 'first search transfer', limit: '≤ 150 kB (N = 10,000)', measured: `${(firstSearch / 1000).toFixed(1)} kB`, holds: firstSearch <= 150_000 });
  }
  if (r.articles >= 10_000) {
    const total = seconds(r.project);
    list.push({ name: 'cold build time', limit: '≤ 5 min (N = 10,000)', measured: `${(total / 60).toFixed(1)} min`, holds: total <= 300 });
    list.push({ name: 'cold build peak memory', limit: '≤ 8 GB (N = 10,000)', measured: `${(peakMiB(r.project) / 1024).toFixed(2)} GiB`, holds: peakMiB(r.project) <= 8 * 1024 });
  }
  return list;
}

const fmt = (n: number, digits = 1): string => n.toFixed(digits);

function phaseRows(label: string, phases: PhaseResult[], articles: number): string[] {
  const rows = phases.map((p) => `| ${label} | ${p.name} | ${fmt(p.seconds)} | ${fmt(articles / p.seconds, 0)} | ${fmt(p.peakRssMiB, 0)} | ${fmt(p.peakTreeRssMiB, 0)} |`);
  const total = seconds(phases);
  rows.push(`| ${label} | **total** | **${fmt(total)}** | ${fmt(articles / total, 0)} | | ${fmt(peakMiB(phases), 0)} |`);
  return rows;
}

export function markdown(r: BenchResult): string {
  const m = r.machine;
  const ratio = seconds(r.project, 'astro build') / seconds(r.baseline, 'astro build');
  return [
    `### Benchmark: ${r.articles.toLocaleString('en')} articles — ${r.date.slice(0, 10)}, ${m.cpus} cores, ${m.memoryGiB} GB, Node ${m.node}`,
    '',
    '| build | phase | wall s | articles/s | max RSS MiB (`/usr/bin/time`) | peak RSS MiB (whole process tree) |',
    '|---|---|---:|---:|---:|---:|',
    ...phaseRows('project, cold', r.project, r.articles),
    ...(r.baseline.length ? phaseRows('bare stack', r.baseline, r.articles) : []),
    ...phaseRows('project, +1 article', r.incremental, r.articles),
    '',
    r.baseline.length
      ? `astro build, project ÷ bare stack: **${fmt(ratio, 2)}×**; whole build (ingest + astro + pagefind) ÷ bare stack (astro + pagefind): ${fmt(seconds(r.project) / seconds(r.baseline), 2)}×.`
      : 'No bare-stack baseline in this run.',
    `Sizes: dist/ ${fmt(r.sizes.distBytes / 1e6)} MB (bare stack ${fmt(r.sizes.baselineDistBytes / 1e6)} MB), Pagefind index ${fmt(r.sizes.pagefindBytes / 1e6)} MB.`,
    '',
    '| first search on /search/ (cold cache) | results | Pagefind kB | of which meta / wasm / js / index / filter / fragments | page + Pagefind kB | ms to first 5 results |',
    '|---|---:|---:|---|---:|---:|',
    ...r.search.map((q) => `| \`${q.query}\` | ${q.results} | ${fmt(q.searchBytes / 1000)} | ${kindsCell(q)} | ${fmt(q.totalBytes / 1000)} | ${fmt(q.msToFirstResults, 0)} |`),
    '',
    '| budget | limit | measured | holds |',
    '|---|---|---|---|',
    ...r.budgets.map((b) => `| ${b.name} | ${b.limit} | ${b.measured} | ${b.holds ? 'yes' : '**no**'} |`),
    '',
  ].join('\n');
}
