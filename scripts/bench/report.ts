/** The bench's result: its JSON shape, the budgets it is checked against, and the Markdown table. */
import os from 'node:os';
import type { PhaseResult } from './measure.ts';
import type { NamesCost } from './names.ts';
import type { QueryResult } from './search.ts';

/** `246 / 60 / 27 / 180 / 0 / 14`: a first search's Pagefind bytes by kind, in kB. */
function kindsCell(q: QueryResult): string {
  const kinds = ['meta', 'wasm', 'js', 'index', 'filter', 'fragment'] as const;
  return q.bytesByKind ? kinds.map((k) => (q.bytesByKind[k] / 1000).toFixed(0)).join(' / ') : '';
}

export interface BenchResult {
  date: string;
  machine: { cpus: number; memoryGiB: number; node: string; platform: string };
  /** `synthetic`, or the name of the folder of real raw files (`--corpus`). */
  corpus: string;
  /** Raw files in the cold build. */
  articles: number;
  /** Phases of the cold project build: ingest, astro build, pagefind. */
  project: PhaseResult[];
  /** The fastest path on the same text: astro build (plain .md, native processor), Pagefind CLI. */
  baseline: PhaseResult[];
  /** Phases of the rebuilds after one raw file was added, then changed, then another deleted. */
  edits: { added: PhaseResult[]; changed: PhaseResult[]; deleted: PhaseResult[] };
  /** What the ingest's names finder costs per 1,000 articles, one thread (scripts/bench/names.ts). */
  names?: NamesCost;
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

/** Largest single process over the phases (`/usr/bin/time`), and largest process-tree sum. */
const peakMiB = (phases: PhaseResult[]): number => Math.max(0, ...phases.map((p) => p.peakRssMiB));
const peakTreeMiB = (phases: PhaseResult[]): number => Math.max(0, ...phases.map((p) => p.peakTreeRssMiB));

const percent = (part: number, whole: number): string => `${((part / whole) * 100).toFixed(1)}%`;
const gib = (mib: number): string => `${(mib / 1024).toFixed(2)} GiB`;

/** Issue #13's budgets (set for the 33,724-file Tehran Times corpus), and the first-search one. */
export function budgets(r: Omit<BenchResult, 'budgets'>): Budget[] {
  const ingest = r.project.find((p) => p.name === 'ingest')!;
  const rate = r.articles / ingest.seconds;
  const cold = seconds(r.project);
  const allPhases = [...r.project, ...r.edits.added, ...r.edits.changed, ...r.edits.deleted];
  const peak = peakMiB(allPhases);
  const list: Budget[] = [
    {
      name: 'ingest rate',
      limit: '≥ 2,000 articles/s',
      measured: `${rate.toFixed(0)} articles/s`,
      holds: rate >= 2000,
    },
    {
      name: 'peak memory, largest process (any build)',
      limit: '≤ 8 GB (aim ≤ 4 GB)',
      measured: gib(peak),
      holds: peak <= 8 * 1024,
    },
  ];
  for (const [what, phases] of [
    ['added', r.edits.added],
    ['changed', r.edits.changed],
  ] as const) {
    if (phases.length === 0) continue; // --no-edits
    const share = seconds(phases) / cold;
    list.push({
      name: `rebuild after one article ${what}`,
      limit: '≤ 15% of cold (aim ≤ 5%)',
      measured: percent(seconds(phases), cold),
      holds: share <= 0.15,
    });
  }
  if (r.baseline.length > 0) {
    const ratio = cold / seconds(r.baseline);
    list.push({
      name: 'cold build ÷ fastest path',
      limit: '≤ 2.5× (aim ≤ 1.5×)',
      measured: `${ratio.toFixed(2)}×`,
      holds: ratio <= 2.5,
    });
  }
  if (r.search.length > 0) {
    const firstSearch = Math.max(0, ...r.search.map((q) => q.searchBytes));
    list.push({
      name: 'first search transfer, to the first five results',
      limit: '≤ 300 kB (aim ≤ 150 kB)',
      measured: `${(firstSearch / 1000).toFixed(1)} kB`,
      holds: firstSearch <= 300_000,
    });
  }
  return list;
}

const fmt = (n: number, digits = 1): string => n.toFixed(digits);

function phaseRows(label: string, phases: PhaseResult[], articles: number): string[] {
  const rows = phases.map(
    (p) =>
      `| ${label} | ${p.name} | ${fmt(p.seconds)} | ${fmt(articles / p.seconds, 0)} | ${fmt(p.peakRssMiB, 0)} | ${fmt(p.peakTreeRssMiB, 0)} |`,
  );
  const total = seconds(phases);
  rows.push(
    `| ${label} | **total** | **${fmt(total)}** | ${fmt(articles / total, 0)} | ${fmt(peakMiB(phases), 0)} | ${fmt(peakTreeMiB(phases), 0)} |`,
  );
  return rows;
}

export function markdown(r: BenchResult): string {
  const m = r.machine;
  const cold = seconds(r.project);
  return [
    `### Benchmark: ${r.articles.toLocaleString('en')} articles (${r.corpus}) — ${r.date.slice(0, 10)}, ${m.cpus} cores, ${m.memoryGiB} GB, Node ${m.node}`,
    '',
    '| build | phase | wall s | articles/s | max RSS MiB, largest process | peak RSS MiB, process tree |',
    '|---|---|---:|---:|---:|---:|',
    ...phaseRows('project, cold', r.project, r.articles),
    ...(r.baseline.length ? phaseRows('fastest path', r.baseline, r.articles) : []),
    ...(r.edits.added.length ? phaseRows('project, +1 added', r.edits.added, r.articles) : []),
    ...(r.edits.changed.length ? phaseRows('project, 1 changed', r.edits.changed, r.articles) : []),
    ...(r.edits.deleted.length ? phaseRows('project, 1 deleted', r.edits.deleted, r.articles) : []),
    '',
    r.baseline.length
      ? `Cold build ÷ fastest path: **${fmt(cold / seconds(r.baseline), 2)}×** (astro build alone ${fmt(seconds(r.project, 'astro build') / seconds(r.baseline, 'astro build'), 2)}×).`
      : 'No fastest-path baseline in this run.',
    r.edits.added.length
      ? `One-file rebuilds, share of cold: added ${percent(seconds(r.edits.added), cold)}, changed ${percent(seconds(r.edits.changed), cold)}, deleted ${percent(seconds(r.edits.deleted), cold)}.`
      : 'No one-file rebuilds in this run (--no-edits).',
    ...(r.names
      ? [
          `Names per 1,000 articles (${r.names.articles} measured, one thread): curated names only ${fmt(r.names.curatedOnlyMs / 1000, 2)} s, in full (with the language library) ${fmt(r.names.fullMs / 1000, 2)} s; ${r.names.namesPerArticle} names an article.`,
        ]
      : []),
    `Sizes: dist/ ${fmt(r.sizes.distBytes / 1e6)} MB (fastest path ${fmt(r.sizes.baselineDistBytes / 1e6)} MB), Pagefind index ${fmt(r.sizes.pagefindBytes / 1e6)} MB.`,
    '',
    ...(r.search.length
      ? [
          '| first search on /search/ (cold cache) | results | Pagefind kB to first 5 results | of which meta / wasm / js / index / filter / fragments | ms to first 5 | Pagefind kB, complete | page + Pagefind kB, complete | ms to complete |',
          '|---|---:|---:|---|---:|---:|---:|---:|',
          ...r.search.map(
            (q) =>
              `| \`${q.query}\` | ${q.results} | ${fmt(q.searchBytes / 1000)} | ${kindsCell(q)} | ${fmt(q.msToFirstResults, 0)} | ${fmt(q.completeSearchBytes / 1000)} | ${fmt(q.totalBytes / 1000)} | ${fmt(q.msToComplete, 0)} |`,
          ),
          '',
        ]
      : []),
    '| budget | limit | measured | holds |',
    '|---|---|---|---|',
    ...r.budgets.map((b) => `| ${b.name} | ${b.limit} | ${b.measured} | ${b.holds ? 'yes' : '**no**'} |`),
    '',
  ].join('\n');
}
