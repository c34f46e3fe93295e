/** The ingest run over folders: incremental, tidy, deterministic, and loud about bad input. */
import { execFileSync, spawnSync } from 'node:child_process';
import {
  appendFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runIngest } from '../../scripts/ingest/run.ts';
import { EXCERPTS_FILE, ExcerptReader } from '../../src/lib/names/excerpts.ts';
import { NAMES_FILE, type IndexedName, type NamesIndex } from '../../src/lib/names/index-file.ts';
import { snapshot } from '../helpers/ingest-output.ts';

const root = path.resolve(import.meta.dirname, '../..');
const curated = path.join(root, 'content/curated');
let work: string;
let input: string;
let output: string;

beforeEach(() => {
  work = mkdtempSync(path.join(tmpdir(), 'ingest-run-'));
  input = path.join(work, 'raw');
  output = path.join(work, 'articles');
  cpSync(path.join(root, 'content/raw'), input, { recursive: true });
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

const ingest = (force = false) => runIngest({ input, output, curated, force });

/** Each of the name's articles with its paragraphs' excerpts, as its page reads them from the store. */
function excerptsOf(name: IndexedName): [slug: string, excerpts: string[]][] {
  const manifest = JSON.parse(readFileSync(path.join(output, '.ingest-manifest.json'), 'utf8')) as {
    files: Record<string, { slug: string }>;
  };
  const rawOf = new Map(Object.entries(manifest.files).map(([raw, { slug }]) => [slug, raw]));
  const reader = new ExcerptReader(path.join(output, EXCERPTS_FILE));
  try {
    return name.articles.map(({ slug, paragraphs }) => [
      slug,
      paragraphs.map(([id, source]) => reader.get(rawOf.get(slug)!, name.sources[source]!, id)),
    ]);
  } finally {
    reader.close();
  }
}

describe('ingest runs', () => {
  it(
    'gives an unchanged article the excerpts of a name newly kept, as a cold ingest does',
    { timeout: 60_000 },
    async () => {
      const story = (title: string, ...paragraphs: string[]) =>
        [title, '', ...paragraphs.flatMap((p) => [p, ''])].join('\n');
      writeFileSync(
        path.join(input, 'smithers-1.txt'),
        story(
          'Harbour works begin',
          'The harbour master John Smithers said on Monday that the works would begin soon.',
          'Later in the week, the engineers met John Smithers at the old quay to agree the plans.',
        ),
      );
      await ingest();
      const index = () => JSON.parse(readFileSync(path.join(output, NAMES_FILE), 'utf8')) as NamesIndex;
      expect(index().names.some((n) => n.name === 'John Smithers')).toBe(false);
      // A third mention, in a new file: the name is kept, and the unchanged file is not ingested again.
      writeFileSync(
        path.join(input, 'smithers-2.txt'),
        story(
          'Quay reopens',
          'The quay reopened on Friday, the harbour master John Smithers told reporters.',
        ),
      );
      const second = await ingest();
      expect(second.files.find((f) => f.rawFile === 'smithers-1.txt')!.status).toBe('skipped');
      const warm = index();
      const smithers = warm.names.find((n) => n.name === 'John Smithers')!;
      expect(smithers.mentions).toBe(3);
      const excerpts = excerptsOf(smithers);
      expect(excerpts.flatMap(([, e]) => e)).toEqual(
        expect.arrayContaining([expect.stringContaining('met John Smithers at the old quay')]),
      );
      const warmFiles = snapshot(output);
      rmSync(output, { recursive: true });
      await ingest();
      expect(warm).toEqual(index());
      expect(excerptsOf(smithers)).toEqual(excerpts);
      expect(snapshot(output)).toEqual(warmFiles);
    },
  );

  it(
    'keeps the names index after an edit that names no one, and builds it again after one that does',
    { timeout: 60_000 },
    async () => {
      const first = await ingest();
      const file = path.join(output, NAMES_FILE);
      const sample = path.join(input, readdirSync(input).sort()[1]!);
      // A mark a rebuild would not leave: the index is written again only when its bytes change.
      const marked = readFileSync(file, 'utf8').replace('"names":[', '"names": [');
      expect(marked).not.toBe(readFileSync(file, 'utf8'));
      writeFileSync(file, marked);
      appendFileSync(sample, '\n\nA closing line that mentions nobody at all.\n');
      const kept = await ingest();
      expect(kept.summary.written).toBe(1);
      expect(readFileSync(file, 'utf8')).toBe(marked);
      expect(kept.names).toEqual(first.names);
      // What was kept is what a cold ingest of the edited input writes and reports.
      const coldKept = await runIngest({ input, output: path.join(work, 'cold'), curated });
      expect(JSON.parse(marked)).toEqual(
        JSON.parse(readFileSync(path.join(work, 'cold', NAMES_FILE), 'utf8')),
      );
      expect(kept.names).toEqual(coldKept.names);

      appendFileSync(sample, '\n\nForeign Minister Mohammad Javad Zarif spoke again on Tuesday.\n');
      const rebuilt = await ingest();
      const warm = readFileSync(file, 'utf8');
      expect(warm).not.toBe(marked);
      rmSync(output, { recursive: true });
      const cold = await ingest();
      expect(readFileSync(file, 'utf8')).toBe(warm);
      expect(rebuilt.names).toEqual(cold.names);
    },
  );

  it(
    'ingests every page again when the excerpt store is gone or unreadable, and ends as a cold ingest does',
    { timeout: 60_000 },
    async () => {
      await ingest();
      const cold = snapshot(output);
      const store = path.join(output, EXCERPTS_FILE);
      for (const spoil of [() => rmSync(store), () => writeFileSync(store, 'not a database\n')]) {
        spoil();
        const again = await ingest();
        expect(again.summary.skipped).toBe(0);
        expect(again.summary.unchanged).toBe(again.summary.files);
        expect(snapshot(output)).toEqual(cold);
      }
      const reader = new ExcerptReader(store);
      expect(() => reader.get('nowhere.txt', ['person', 'Nobody'], 'p-0')).toThrow(
        /has no excerpt of paragraph p-0 of nowhere.txt for "Nobody" \(person\): run the ingest again/,
      );
      reader.close();
    },
  );

  it('gives byte-identical output for the same input', async () => {
    await ingest();
    const first = snapshot(output);
    rmSync(output, { recursive: true });
    await ingest();
    expect(snapshot(output)).toEqual(first);
  });

  it('writes the same bytes on one thread and on several', { timeout: 60_000 }, async () => {
    const samples = readdirSync(input).map((f) => readFileSync(path.join(input, f), 'utf8'));
    // 40 folders of ~18 copies: under the 20-file floor of corpus-wide boilerplate, so every copy keeps its text.
    for (let i = 0; i < 40; i++) mkdirSync(path.join(input, `folder-${i}`));
    for (let i = 0; i < 700; i++)
      writeFileSync(
        path.join(input, `folder-${i % 40}`, `copy-${i}.txt`),
        `${samples[i % samples.length]}\nCopy number ${i}.\n`,
      );
    const one = await runIngest({ input, output, curated, threads: 1 });
    const oneFiles = snapshot(output);
    const parallelOutput = path.join(work, 'parallel');
    const two = await runIngest({ input, output: parallelOutput, curated, threads: 2 });
    expect(two.files).toEqual(one.files);
    expect(snapshot(parallelOutput)).toEqual(oneFiles);
    // Pages wait for their slugs in a spool folder (memory stays bounded); none is left behind.
    for (const dir of [output, parallelOutput])
      expect(existsSync(path.join(dir, '.ingest-spool'))).toBe(false);
  });

  it('skips unchanged raw files and leaves their MDX untouched', async () => {
    await ingest();
    const file = path.join(
      output,
      '2020-09-24-irans-zarif-tries-to-form-russia-china-alliance-against-us.mdx',
    );
    const before = statSync(file).mtimeMs;
    const report = await ingest();
    expect(report.summary).toMatchObject({ skipped: 5, written: 0 });
    expect(statSync(file).mtimeMs).toBe(before);
  });

  it('removes the page of a deleted raw file and leaves files it did not generate alone', async () => {
    await ingest();
    writeFileSync(path.join(output, 'hand-written.mdx'), '---\ntitle: Mine\n---\n');
    rmSync(path.join(input, '004_b3611ee2d1f4bff8.txt'));
    const report = await ingest();
    expect(report.deleted).toEqual([
      '2020-09-24-irans-zarif-tries-to-form-russia-china-alliance-against-us.mdx',
    ]);
    expect(readdirSync(output)).toContain('hand-written.mdx');
  });

  it('reports a bad file with its reason and still writes the others', async () => {
    writeFileSync(path.join(input, 'empty.txt'), '\n\n');
    writeFileSync(path.join(input, 'image.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]));
    const report = await ingest();
    expect(report.summary).toMatchObject({ written: 5, rejected: 2 });
    expect(report.files.find((f) => f.rawFile === 'empty.txt')?.diagnostics[0]).toMatchObject({
      severity: 'error',
      rule: 'empty-file',
    });
    expect(report.files.find((f) => f.rawFile === 'image.txt')?.diagnostics[0]).toMatchObject({
      severity: 'error',
      rule: 'binary-file',
    });
  });

  it('keeps paragraph ids when a paragraph is inserted above, and reports the one added', async () => {
    await ingest();
    const raw = path.join(input, '002_f5d3fec7361aa2d6.txt');
    const text = readFileSync(raw, 'utf8').replace(
      'Recently, the Iranian regime',
      'An editor’s note inserted above.\n\nRecently, the Iranian regime',
    );
    writeFileSync(raw, text);
    const report = await ingest();
    const file = report.files.find((f) => f.rawFile === '002_f5d3fec7361aa2d6.txt');
    expect(file?.status).toBe('written');
    expect(file?.paragraphIds?.removed).toEqual([]);
    expect(file?.paragraphIds?.added).toHaveLength(1);
  });

  it('reports the paragraph ids an edit would break', async () => {
    await ingest();
    const raw = path.join(input, '002_f5d3fec7361aa2d6.txt');
    writeFileSync(
      raw,
      readFileSync(raw, 'utf8').replace('At roughly the same time', 'At nearly the same time'),
    );
    const report = await ingest();
    expect(
      report.files.find((f) => f.rawFile === '002_f5d3fec7361aa2d6.txt')?.paragraphIds?.removed,
    ).toHaveLength(1);
  });
});

describe('corrections', () => {
  it('win over the text, and the report says what each one replaced', async () => {
    const dir = path.join(work, 'curated');
    cpSync(curated, dir, { recursive: true });
    writeFileSync(
      path.join(dir, 'corrections.yaml'),
      '004_b3611ee2d1f4bff8.txt:\n  source: The Jerusalem Post\n  dateStart: "2020-09-25"\n',
    );
    const report = await runIngest({ input, output, curated: dir });
    const file = report.files.find((f) => f.rawFile === '004_b3611ee2d1f4bff8.txt')!;
    const mdx = readFileSync(path.join(output, `${file.slug}.mdx`), 'utf8');
    expect(mdx).toContain('source: "The Jerusalem Post"');
    expect(mdx).toContain('dateStart: "2020-09-25"');
    expect(file.diagnostics.filter((d) => d.rule === 'correction').map((d) => d.message)).toEqual([
      'source set by corrections.yaml to "The Jerusalem Post" (text gave null)',
      'dateStart set by corrections.yaml to "2020-09-25" (text gave "2020-09-24")',
    ]);
  });

  it('reject an unknown field with the file and key', async () => {
    const dir = path.join(work, 'curated');
    cpSync(curated, dir, { recursive: true });
    writeFileSync(path.join(dir, 'corrections.yaml'), 'x.txt:\n  publisher: Nobody\n');
    await expect(runIngest({ input, output, curated: dir })).rejects.toThrow(
      /corrections\.yaml: error: x\.txt: Unrecognized key/,
    );
  });
});

describe('the ingest command', () => {
  const run = (...args: string[]) =>
    spawnSync(
      process.execPath,
      [
        path.join(root, 'scripts/ingest.ts'),
        '--input',
        input,
        '--output',
        output,
        '--report',
        path.join(work, 'report.json'),
        '--curated',
        curated,
        ...args,
      ],
      { encoding: 'utf8', cwd: work },
    );

  it('prints path, line, severity and rule, and a summary', () => {
    writeFileSync(path.join(input, 'bad-date.txt'), 'A headline\n\nFebruary 30, 2021\n\nText.\n');
    const result = run();
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(
      'raw/bad-date.txt:3:1: warning: date line not used: not a calendar date: 2021-2-30 (bad-date)',
    );
    expect(result.stdout).toMatch(
      /ingest: 6 raw files → 6 written, .* 1 rejected|ingest: 6 raw files → 6 written/,
    );
    expect(JSON.parse(readFileSync(path.join(work, 'report.json'), 'utf8')).summary.files).toBe(6);
  });

  // Two runs of the CLI, each loading the names library (compromise, ~0.5 s): over the default 5 s on a busy machine.
  it('exits non-zero with --strict when a file is rejected or warned about', { timeout: 30_000 }, () => {
    writeFileSync(path.join(input, 'empty.txt'), '');
    expect(run().status).toBe(0);
    const strict = run('--strict', '--force');
    expect(strict.status).toBe(1);
    expect(strict.stdout).toContain(
      'raw/empty.txt: error: the file is empty or only white space (empty-file)',
    );
  });

  it('passes --strict on the bundled samples', () => {
    expect(() =>
      execFileSync(
        process.execPath,
        [
          path.join(root, 'scripts/ingest.ts'),
          '--strict',
          '--input',
          input,
          '--output',
          output,
          '--report',
          path.join(work, 'r.json'),
          '--curated',
          curated,
        ],
        { cwd: work },
      ),
    ).not.toThrow();
  });
});
