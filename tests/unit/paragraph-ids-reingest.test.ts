/**
 * The promise behind paragraph links, end to end through the real ingester: when a later scrape of
 * an article gains a paragraph above the others, re-ingesting keeps every existing paragraph id, and
 * the ingest report says exactly which ids appeared or would break.
 */
import { mkdtemp, readFile, readdir, rm, writeFile, copyFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runIngest } from '../../scripts/ingest/run.ts';
import { paragraphIdsOfMdx } from '../helpers/paragraph-ids-mdx.ts';

const root = path.resolve(import.meta.dirname, '../..');
const RAW = '000_89785c16a81d71ee.txt';
const ANCHOR = 'In this context, and as part of Iran';
let work: string | undefined;

async function ingestOnce(dir: string) {
  const report = await runIngest({
    input: path.join(dir, 'raw'),
    output: path.join(dir, 'out'),
    curated: path.join(root, 'content/curated'),
    force: false,
  });
  const mdx = (await readdir(path.join(dir, 'out'))).filter((f) => f.endsWith('.mdx'));
  expect(mdx).toHaveLength(1);
  const ids = await paragraphIdsOfMdx(await readFile(path.join(dir, 'out', mdx[0]!), 'utf8'));
  return { report, ids };
}

/** Rewrites the raw file with `edit` applied to its lines. */
async function editRaw(dir: string, edit: (lines: string[]) => void): Promise<void> {
  const file = path.join(dir, 'raw', RAW);
  const lines = (await readFile(file, 'utf8')).split('\n');
  edit(lines);
  await writeFile(file, lines.join('\n'));
}

afterEach(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe('paragraph ids across re-ingests of a sample', () => {
  it('keeps every id when a paragraph is inserted above, and reports the change', async () => {
    work = await mkdtemp(path.join(tmpdir(), 'reingest-'));
    await mkdir(path.join(work, 'raw'));
    await copyFile(path.join(root, 'content/raw', RAW), path.join(work, 'raw', RAW));
    const first = await ingestOnce(work);
    expect(first.ids.length).toBeGreaterThan(10);

    const inserted = 'A paragraph that a later scrape of the article gained above the others.';
    await editRaw(work, (lines) => {
      const at = lines.findIndex((l) => l.startsWith(ANCHOR));
      expect(at).toBeGreaterThan(0);
      lines.splice(at, 0, inserted, '');
    });
    const second = await ingestOnce(work);
    expect(second.ids.filter((id) => !first.ids.includes(id))).toHaveLength(1);
    expect(first.ids.every((id) => second.ids.includes(id))).toBe(true);
    expect(second.report.files[0]?.paragraphIds).toEqual({
      removed: [],
      added: second.ids.filter((id) => !first.ids.includes(id)),
    });

    // Editing that paragraph's wording is reported as a link that would break, and nothing else moves.
    await editRaw(work, (lines) => {
      const at = lines.indexOf(inserted);
      lines[at] = 'A reworded paragraph.';
    });
    const third = await ingestOnce(work);
    expect(third.report.files[0]?.paragraphIds?.removed).toHaveLength(1);
    expect(first.ids.every((id) => third.ids.includes(id))).toBe(true);
  });
});
