/**
 * The scan's cache (scripts/ingest/scan-cache.ts): a raw file whose size, time and inode are those
 * the last scan recorded is not read again, and a run that trusts it ends exactly as a cold run.
 */
import { mkdirSync, mkdtempSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runIngest } from '../../scripts/ingest/run.ts';
import { SCAN_CACHE } from '../../scripts/ingest/scan-cache.ts';
import { snapshot } from '../helpers/ingest-output.ts';

const root = path.resolve(import.meta.dirname, '../..');
const curated = path.join(root, 'content/curated');
const FOOTER = 'This story is shared under the Example Wire reuse licence, version 2.';
const HOUR_AGO = (Date.now() - 3_600_000) / 1000;
let work: string;
let input: string;

beforeEach(() => {
  work = mkdtempSync(path.join(tmpdir(), 'ingest-scan-cache-'));
  input = path.join(work, 'raw');
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

const story = (i: number, words = 'repairs') =>
  `Harbour number ${i} reopens after storm\n\nWorkers cleared berth ${i} during the ${words}. ${FOOTER}\n`;

/** Writes a story, its time set an hour back (unless `now`), as a file long untouched looks. */
function write(folder: string, i: number, text = story(i), now = false): string {
  const file = path.join(input, folder, `${String(i).padStart(3, '0')}.txt`);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  if (!now) utimesSync(file, HOUR_AGO, HOUR_AGO);
  return file;
}

/** Ingests `input` into `output`; the report and how many raw files the scan read. */
async function ingest(output: string, force = false) {
  let read = -1;
  const report = await runIngest({
    input,
    output,
    curated,
    force,
    onProgress: (phase, _done, total) => {
      if (phase === 'scan') read = total;
    },
  });
  return { report, read };
}

/** Checks that the run's boilerplate and output equal a cold run's of the same input (in a folder of its own). */
async function expectCold(report: Awaited<ReturnType<typeof runIngest>>, output: string) {
  const cold = path.join(work, 'cold');
  expect(report.repeated).toEqual((await ingest(cold)).report.repeated);
  expect(snapshot(output)).toEqual(snapshot(cold));
}

/** `count` wire stories, ingested once; the output folder. */
async function ingestedWire(count: number): Promise<string> {
  for (let i = 0; i < count; i++) write('wire', i);
  const output = path.join(work, 'out');
  await ingest(output);
  return output;
}

describe('the scan’s cache', () => {
  it('reads no raw file again when none changed, and ends as the run before', async () => {
    for (let i = 0; i < 25; i++) write('wire', i);
    const output = path.join(work, 'out');
    const first = await ingest(output);
    expect(first.read).toBe(25);
    expect(first.report.repeated.wire).toHaveLength(1);
    const before = snapshot(output);
    const second = await ingest(output);
    expect(second.read).toBe(0);
    expect(second.report.repeated).toEqual(first.report.repeated);
    expect(second.report.summary.skipped).toBe(25);
    expect(snapshot(output)).toEqual(before);
  });

  it('reads only the changed file, and counts its boilerplate as a cold run does', async () => {
    const output = await ingestedWire(25);
    // The footer leaves one file: still boilerplate in the other 24 (over the 20-file floor).
    write('wire', 7, 'Harbour number 7 reopens after storm\n\nWorkers cleared berth 7 in a week.\n');
    const { report, read } = await ingest(output);
    expect(read).toBe(1);
    await expectCold(report, output);
  });

  it('reads a file replaced by one of the same size and time (a new inode)', async () => {
    const output = await ingestedWire(25);
    const file = path.join(input, 'wire', '003.txt');
    const { size, mtime } = statSync(file);
    const other = path.join(work, 'replacement.txt');
    writeFileSync(other, story(3, 'REPAIRS'));
    expect(statSync(other).size).toBe(size);
    utimesSync(other, mtime, mtime);
    renameSync(other, file);
    const { report, read } = await ingest(output);
    expect(read).toBe(1);
    expect(report.summary.written).toBe(1);
    await expectCold(report, output);
  });

  it('reads again a file written just before the scan that recorded it', async () => {
    for (let i = 0; i < 24; i++) write('wire', i);
    write('wire', 24, story(24), true);
    const output = path.join(work, 'out');
    expect((await ingest(output)).read).toBe(25);
    expect((await ingest(output)).read).toBe(1);
  });

  it('reads a folder’s files again once the folder is large enough to be counted', async () => {
    // 19 files: under the 20-file floor, so the scan looks for no boilerplate in them.
    for (let i = 0; i < 19; i++) write('wire', i);
    const output = path.join(work, 'out');
    expect((await ingest(output)).report.repeated).toEqual({});
    for (let i = 19; i < 22; i++) write('wire', i);
    const { report, read } = await ingest(output);
    expect(read).toBe(22);
    expect(report.repeated.wire).toHaveLength(1);
    await expectCold(report, output);
  });

  it('reads every file with --force', async () => {
    const output = await ingestedWire(25);
    expect((await ingest(output, true)).read).toBe(25);
  });

  it('starts again from a cache it cannot read', async () => {
    const output = await ingestedWire(25);
    writeFileSync(path.join(output, SCAN_CACHE), 'not a cache');
    const { report, read } = await ingest(output);
    expect(read).toBe(25);
    expect(report.summary.skipped).toBe(25);
  });
});
