/**
 * Folder runs over corpora shaped like real scrapes: corpus-wide boilerplate found per folder and
 * kept deterministic as files come and go, the keep-list, folders as tags, and the console summary.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadCurated } from '../../scripts/ingest/curated.ts';
import { RepeatedCounter } from '../../scripts/ingest/repeated.ts';
import { runIngest } from '../../scripts/ingest/run.ts';
import { snapshot } from '../helpers/ingest-output.ts';

const root = path.resolve(import.meta.dirname, '../..');
const FOOTER = 'This story is shared under the Example Wire reuse licence, version 2.';
let work: string;
let curated: string;

beforeEach(() => {
  work = mkdtempSync(path.join(tmpdir(), 'ingest-corpus-'));
  curated = path.join(work, 'curated');
  cpSync(path.join(root, 'content/curated'), curated, { recursive: true });
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

/** Article `i` of a wire folder: its own headline and text, the footer glued to its last line. */
function wireStory(i: number): string {
  return `Harbour number ${i} reopens after storm\n\nWorkers cleared berth ${i} on day ${i * 3} of the repairs. The port authority counted ${i + 7} ships waiting. ${FOOTER}\n`;
}

function writeWire(dir: string, from: number, to: number): void {
  mkdirSync(dir, { recursive: true });
  for (let i = from; i < to; i++)
    writeFileSync(path.join(dir, `${String(i).padStart(3, '0')}.txt`), wireStory(i));
}

const ingest = (input: string, output: string) => runIngest({ input, output, curated });

describe('corpus-wide boilerplate', () => {
  it('removes a sentence glued to the end of the text in every file of a folder, and reports it per file', async () => {
    const input = path.join(work, 'raw');
    writeWire(path.join(input, 'wire'), 0, 30);
    const report = await ingest(input, path.join(work, 'out'));
    expect(report.repeated).toEqual({ wire: [{ text: FOOTER.toLowerCase(), shown: FOOTER, files: 30 }] });
    for (const file of report.files) {
      expect(file.removed).toContainEqual({
        line: 3,
        rule: 'repeated-boilerplate',
        text: FOOTER,
        kind: 'boilerplate',
      });
      const mdx = readFileSync(path.join(work, 'out', `${file.slug}.mdx`), 'utf8');
      expect(mdx).not.toContain('reuse licence');
      expect(mdx).toMatch(/ships waiting\.\n$/);
    }
  });

  it('leaves a sentence alone below the threshold (fewer than 20 files) and in another folder', async () => {
    const input = path.join(work, 'raw');
    writeWire(path.join(input, 'wire'), 0, 19);
    writeWire(path.join(input, 'other'), 19, 30);
    const report = await ingest(input, path.join(work, 'out'));
    expect(report.repeated).toEqual({});
    expect(readFileSync(path.join(work, 'out', `${report.files[0]!.slug}.mdx`), 'utf8')).toContain(FOOTER);
  });

  it('keeps a repeated sentence on the curated keep-list', async () => {
    writeFileSync(path.join(curated, 'boilerplate.yaml'), `keep:\n  - "${FOOTER.toUpperCase()}"\n`);
    const input = path.join(work, 'raw');
    writeWire(path.join(input, 'wire'), 0, 30);
    const report = await ingest(input, path.join(work, 'out'));
    expect(report.repeated).toEqual({});
    expect(report.files.every((f) => f.removed.every((r) => r.rule !== 'repeated-boilerplate'))).toBe(true);
  });

  /** Ingests `first` wire stories, adds up to `then`, re-ingests; returns that report after checking it equals a cold run. */
  async function addStories(first: number, then: number) {
    const input = path.join(work, 'raw');
    const output = path.join(work, 'out');
    writeWire(path.join(input, 'wire'), 0, first);
    await ingest(input, output);
    writeWire(path.join(input, 'wire'), first, then);
    const report = await ingest(input, output);
    await ingest(input, path.join(work, 'cold'));
    expect(snapshot(output)).toEqual(snapshot(path.join(work, 'cold')));
    return report;
  }

  it('re-ingests a folder whose boilerplate changes when a file is added, and equals a cold run', async () => {
    // The 20th file takes the footer over the threshold: every file of the folder is redone.
    expect((await addStories(19, 20)).summary).toMatchObject({ written: 20, skipped: 0 });
  });

  it('skips every unchanged file when an added file leaves the boilerplate as it was', async () => {
    const report = await addStories(30, 31);
    expect(report.summary).toMatchObject({ written: 1, skipped: 30 });
    // Skipped files still report their tags (from the manifest): over-broad tags count the whole archive.
    expect(report.files.every((f) => f.tags?.includes('Wire'))).toBe(true);
  });
});

describe('the scan on several threads', () => {
  it('finds the boilerplate that one thread counting every file in order finds, Greek final sigma included', async () => {
    // "ΟΔΟΣ" and "οδοσ" fold alike letter by letter (one hash) but not as words ("οδος" against
    // "οδοσ"): one thread keeps both texts, and so must the threads.
    const footers = [
      FOOTER,
      FOOTER.toUpperCase(),
      'ΟΔΟΣ ΠΡΟΣ ΤΗΝ ΕΙΡΗΝΗ ΚΑΙ ΤΗ ΔΟΞΑ.',
      'οδοσ προσ την ειρηνη και τη δοξα.',
    ];
    const input = path.join(work, 'raw');
    const texts: [string, string][] = [];
    for (const folder of ['wire', 'agency']) {
      mkdirSync(path.join(input, folder), { recursive: true });
      for (let i = 0; i < 350; i++) {
        const rawFile = `${folder}/${String(i).padStart(3, '0')}.txt`;
        texts.push([rawFile, `${wireStory(i)}${footers[i % footers.length]}\n`]);
        writeFileSync(path.join(input, rawFile), texts.at(-1)![1]);
      }
    }
    const rule = (await loadCurated(curated)).boilerplate;
    const oneThread = new RepeatedCounter(
      rule,
      new Map([
        ['wire', 350],
        ['agency', 350],
      ]),
    );
    for (const [rawFile, text] of texts.sort(([a], [b]) => (a < b ? -1 : 1))) oneThread.add(rawFile, text);

    const report = await runIngest({ input, output: path.join(work, 'out'), curated, threads: 2 });
    expect(report.repeated).toEqual(oneThread.sets());
    expect(report.repeated['wire']!.filter((s) => s.text.startsWith('οδο')).map((s) => s.text)).toEqual([
      'οδος προς την ειρηνη και τη δοξα.',
      'οδοσ προσ την ειρηνη και τη δοξα.',
    ]);
  });
});

describe('folders', () => {
  it('tags every file with the name of the category folder it sits in', async () => {
    const input = path.join(work, 'raw');
    for (const folder of ['politics', 'sport', 'world_news']) {
      mkdirSync(path.join(input, folder), { recursive: true });
      writeFileSync(
        path.join(input, folder, '001.txt'),
        `A headline for ${folder}\n\nA paragraph of text.\n`,
      );
    }
    const report = await ingest(input, path.join(work, 'out'));
    const tags = report.files.map(
      (f) =>
        readFileSync(path.join(work, 'out', `${f.slug}.mdx`), 'utf8').match(/tags:\n {2}- "([^"]+)"/)?.[1],
    );
    expect(tags).toEqual(['Politics', 'Sport', 'World News']);
    expect(report.files.every((f) => f.diagnostics.every((d) => d.rule !== 'no-tags'))).toBe(true);
  });
});

describe('the ingest command on a large corpus', () => {
  it('prints one line per rule with its count and first files, and each boilerplate sentence once', () => {
    // At the top of the input folder: no folder to tag the stories with, so each gets a no-tags warning.
    const input = path.join(work, 'raw');
    writeWire(input, 0, 40);
    for (let i = 0; i < 30; i++) writeFileSync(path.join(input, `empty-${i}.txt`), '\n');
    const run = spawnSync(
      process.execPath,
      [
        'scripts/ingest.ts',
        '--input',
        input,
        '--output',
        path.join(work, 'out'),
        '--report',
        path.join(work, 'report.json'),
        '--curated',
        curated,
      ],
      { cwd: root, encoding: 'utf8' },
    );
    const lines = run.stdout.trimEnd().split('\n');
    // Errors in full (30 rejected files), then one group line plus three examples per other rule.
    expect(
      lines.filter((l) => l.includes(': error: the file is empty or only white space (empty-file)')),
    ).toHaveLength(30);
    expect(lines).toContain('warning no-tags: 40 in 40 files, e.g.');
    expect(lines.filter((l) => l.endsWith('(no-tags)'))).toHaveLength(3);
    expect(lines.filter((l) => l.includes(FOOTER))).toEqual([
      `  (top folder): "${FOOTER}" (stands alone in 40 files)`,
    ]);
    expect(lines.at(-1)).toMatch(/^ingest: 70 raw files → 40 written, .* 30 rejected/);
  });
});
