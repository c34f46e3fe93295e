/**
 * Runs one benchmark phase as a child process and measures it: wall time, and peak memory two
 * ways — the largest single process and the whole process tree's RSS summed, because a phase can
 * run several processes at once. The largest process is the greater of `/usr/bin/time`'s maximum
 * resident set size (exact, but blind to grandchildren its child does not wait for, such as
 * Pagefind's native binary under the Node API) and the largest single RSS sampled from /proc.
 */
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { readdir, readFile, rm, stat } from 'node:fs/promises';

export interface PhaseResult {
  name: string;
  seconds: number;
  /** Largest single process's peak RSS (any process of the phase's tree), in MiB. */
  peakRssMiB: number;
  /** Largest sampled sum of RSS over the phase's process tree, in MiB. */
  peakTreeRssMiB: number;
}

export interface PhaseSpec {
  name: string;
  command: string[];
  cwd: string;
  env?: Record<string, string>;
  /** Where the child's stdout and stderr go, so a failing phase can be read afterwards. */
  log: string;
}

interface ProcInfo {
  ppid: number;
  rssKiB: number;
}

async function readProc(pid: string): Promise<ProcInfo | undefined> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => undefined);
  if (!status) return undefined;
  const ppid = Number(/^PPid:\s+(\d+)/m.exec(status)?.[1] ?? 0);
  const rssKiB = Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? 0);
  return { ppid, rssKiB };
}

/** RSS over `root` and all its descendants: summed, and of the largest one. */
export async function treeRssKiB(root: number): Promise<{ sum: number; max: number }> {
  const pids = (await readdir('/proc')).filter((p) => /^\d+$/.test(p));
  const infos = new Map<number, ProcInfo>();
  await Promise.all(
    pids.map(async (p) => {
      const info = await readProc(p);
      if (info) infos.set(Number(p), info);
    }),
  );
  const inTree = new Set([root]);
  // Parents can appear after children in /proc order, so iterate until the set stops growing.
  for (let grew = true; grew;) {
    grew = false;
    for (const [pid, info] of infos) {
      if (inTree.has(pid) || !inTree.has(info.ppid)) continue;
      inTree.add(pid);
      grew = true;
    }
  }
  const sizes = [...inTree].map((pid) => infos.get(pid)?.rssKiB ?? 0);
  return { sum: sizes.reduce((a, b) => a + b, 0), max: Math.max(0, ...sizes) };
}

const MIB = 1024;

function progress(name: string, started: number, peakKiB: number): void {
  const seconds = ((performance.now() - started) / 1000).toFixed(0);
  process.stderr.write(`bench:   … ${name}: ${seconds} s, peak ${(peakKiB / MIB).toFixed(0)} MiB\n`);
}

/** Runs the phase; rejects with the log's path when the child fails. */
export async function runPhase(spec: PhaseSpec): Promise<PhaseResult> {
  const timeFile = `${spec.log}.time`;
  const log = createWriteStream(spec.log);
  const started = performance.now();
  const child = spawn('/usr/bin/time', ['-f', '%M', '-o', timeFile, ...spec.command], {
    cwd: spec.cwd,
    env: { ...process.env, ...spec.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.pipe(log, { end: false });
  child.stderr.pipe(log, { end: false });
  let peakTree = 0;
  let peakSingle = 0;
  let ticks = 0;
  const sampler = setInterval(() => {
    void treeRssKiB(child.pid!).then(({ sum, max }) => {
      peakTree = Math.max(peakTree, sum);
      peakSingle = Math.max(peakSingle, max);
    });
    if (++ticks % 60 === 0) progress(spec.name, started, peakTree);
  }, 250);
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearInterval(sampler);
  const seconds = (performance.now() - started) / 1000;
  log.end();
  if (code !== 0) throw new Error(`bench: ${spec.name} failed (exit ${code}); see ${spec.log}`);
  const maxKiB = Number((await readFile(timeFile, 'utf8')).trim().split('\n').at(-1));
  await rm(timeFile, { force: true });
  const largest = Math.max(maxKiB, peakSingle);
  return {
    name: spec.name,
    seconds,
    peakRssMiB: largest / MIB,
    peakTreeRssMiB: Math.max(peakTree, largest) / MIB,
  };
}

/** Total size in bytes of the files under `dir`. */
export async function sizeOf(dir: string): Promise<number> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const sizes = await Promise.all(
    entries.filter((e) => e.isFile()).map((e) => stat(`${e.parentPath}/${e.name}`).then((s) => s.size)),
  );
  return sizes.reduce((a, b) => a + b, 0);
}
