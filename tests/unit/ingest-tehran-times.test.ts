/**
 * A real corpus the ingester was not written for: 150 files of the Tehran Times dataset (see
 * tests/fixtures/tehran-times/README.md). Headline only in the file name, the lede first, a licence
 * sentence ending every file (often glued to the last line), stray NUL bytes, no dates.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ingestBytes, ingestFiles } from '../../scripts/ingest/article.ts';
import { loadCurated } from '../../scripts/ingest/curated.ts';
import { foldedWords } from '../../scripts/ingest/headline.ts';
import { runIngest, type IngestReport } from '../../scripts/ingest/run.ts';
import { fold, renderMdx } from '../helpers/mdx-html.ts';

const root = path.resolve(import.meta.dirname, '../..');
const input = path.join(root, 'tests/fixtures/tehran-times/data');
const LICENCE =
  'All Content by Mehr News Agency is licensed under a Creative Commons Attribution 4.0 International License.';
const files = readdirSync(input).sort();
let work: string;
let report: IngestReport;

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'tehran-times-'));
  report = await runIngest({
    input,
    output: path.join(work, 'articles'),
    curated: path.join(root, 'content/curated'),
  });
}, 60_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

function page(rawFile: string) {
  const slug = report.files.find((f) => f.rawFile === rawFile)?.slug;
  if (!slug) throw new Error(`no page for ${rawFile}`);
  const mdx = readFileSync(path.join(work, 'articles', `${slug}.mdx`), 'utf8');
  const data = parse(mdx.split('\n---\n')[0]!.replace(/^---\n/, '')) as { title: string; dateStart?: string };
  return { mdx, data };
}

/** `_news_1234_Iran-s-envoy.txt` → `Iran-s-envoy` → iran s envoy. */
const nameWords = (rawFile: string) => foldedWords(rawFile.replace(/^_news_\d+_/, '').replace(/\.txt$/, ''));

/** The raw text as a reader should find it: control characters and the licence sentence gone. */
const withoutLicence = (line: string) =>
  line
    // eslint-disable-next-line no-control-regex -- control characters are what the test removes
    .replace(/[\u0000-\u0008\u000e-\u001f\u007f]/g, '')
    .replace(new RegExp(LICENCE.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+'), 'gi'), '')
    .trim();

describe('the Tehran Times fixture set', () => {
  it('ingests a batch of files, names and all, as it ingests each alone', async () => {
    const curated = await loadCurated(path.join(root, 'content/curated'));
    const batch = files.map((rawFile) => ({ bytes: readFileSync(path.join(input, rawFile)), rawFile }));
    const together = ingestFiles(batch, curated);
    expect(together.filter((r) => r.ok && r.names.length > 0)).toHaveLength(150);
    expect(together).toEqual(batch.map(({ bytes, rawFile }) => ingestBytes(bytes, rawFile, curated)));
  });

  it('finds the licence sentence as the folder’s only corpus-wide boilerplate', () => {
    expect(report.repeated['']?.map((s) => s.text)).toEqual([LICENCE.toLowerCase()]);
  });

  it('gives every file a page: none rejected', () => {
    expect(files).toHaveLength(150);
    expect(report.summary).toMatchObject({ files: 150, written: 150, rejected: 0 });
  });

  for (const rawFile of files) {
    it(`${rawFile}: headline from the name, every line on the page, no licence, no date`, async () => {
      const { mdx, data } = page(rawFile);
      expect(foldedWords(data.title)).toEqual(nameWords(rawFile));
      expect(data.dateStart).toBeUndefined();
      const text = fold((await renderMdx(mdx)).text);
      expect(text.toLowerCase()).not.toContain('licensed under a creative commons');
      const raw = readFileSync(path.join(input, rawFile), 'utf8');
      const titleLines = new Set(
        report.files
          .find((f) => f.rawFile === rawFile)!
          .removed.filter((r) => r.rule === 'title')
          .map((r) => r.line),
      );
      raw.split('\n').forEach((line, i) => {
        const expected = fold(withoutLicence(line));
        if (expected !== '' && !titleLines.has(i + 1))
          expect(text, `${rawFile}:${i + 1}`).toContain(expected);
      });
    });
  }
});
