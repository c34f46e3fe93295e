/** The bench's corpus generator at a tiny N, checked through the real ingester. */
import { mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copiedCorpus } from '../../scripts/bench/changes.ts';
import { articleAt, loadTemplates, writeCorpus, type Template } from '../../scripts/bench/corpus.ts';
import { ingestBytes } from '../../scripts/ingest/article.ts';
import { loadCurated, type Curated } from '../../scripts/ingest/curated.ts';

const root = path.resolve(import.meta.dirname, '../..');
const N = 40;
let templates: Template[];
let curated: Curated;
let dir: string;
let names: string[];

beforeAll(async () => {
  templates = await loadTemplates(path.join(root, 'content/raw'), path.join(root, 'content/curated'));
  curated = await loadCurated(path.join(root, 'content/curated'));
  dir = await mkdtemp(path.join(os.tmpdir(), 'bench-corpus-'));
  names = await writeCorpus(templates, dir, 0, N);
});

afterAll(() => rm(dir, { recursive: true, force: true }));

async function ingested(): Promise<
  { name: string; data: Extract<ReturnType<typeof ingestBytes>, { ok: true }>['data']; mdx: string }[]
> {
  return Promise.all(
    names.map(async (name) => {
      const result = ingestBytes(await readFile(path.join(dir, name)), name, curated);
      if (!result.ok) throw new Error(`${name}: ${result.diagnostics.map((d) => d.message).join('; ')}`);
      return { name, data: result.data, mdx: result.mdx };
    }),
  );
}

describe('bench corpus', () => {
  it('is deterministic: the same index gives the same bytes', async () => {
    expect(await readdir(dir)).toHaveLength(N);
    for (const [k, t] of templates.entries()) expect(articleAt(t, k + 7)).toBe(articleAt(t, k + 7));
  });

  it('gives every article a unique title, and dated ones dates spread over a decade', async () => {
    const articles = await ingested();
    expect(new Set(articles.map((a) => a.data.title)).size).toBe(N);
    const years = new Set(
      articles.flatMap((a) => (a.data.dateStart ? [Number(a.data.dateStart.slice(0, 4))] : [])),
    );
    expect(Math.min(...years)).toBeGreaterThanOrEqual(2015);
    expect(Math.max(...years)).toBeLessThanOrEqual(2025);
    expect(years.size).toBeGreaterThanOrEqual(8);
  });

  it("keeps each sample's layout: line count, masthead, bullets and captions stay where they were", () => {
    for (const t of templates) {
      const lines = articleAt(t, 123).split('\n');
      expect(lines).toHaveLength(t.lines.length);
      t.lines.forEach((line, i) => {
        const kept =
          !t.prose.includes(i) && !t.bullets.includes(i) && !t.titleLines.includes(i) && i !== t.dateLine;
        if (kept) expect(lines[i], `${t.name}:${i + 1}`).toBe(line);
        if (t.bullets.includes(i)) expect(lines[i]).toMatch(/^\s*•\s/);
      });
    }
  });

  it('reshuffles the body: same paragraphs, another order', () => {
    const withBody = templates.filter((t) => t.prose.length + t.bullets.length > 3);
    expect(withBody.length).toBeGreaterThan(0);
    for (const t of withBody) {
      const lines = articleAt(t, 5).split('\n');
      const moved = [...t.prose, ...t.bullets];
      expect(moved.map((i) => lines[i]).sort()).toEqual(moved.map((i) => t.lines[i]).sort());
      expect(moved.map((i) => lines[i])).not.toEqual(moved.map((i) => t.lines[i]));
    }
  });

  it('ingests with the same structure as its sample: headings, bullets and captions survive', async () => {
    const articles = await ingested();
    for (const [k, t] of templates.entries()) {
      const sample = ingestBytes(Buffer.from(t.lines.join('\n')), t.name, curated);
      if (!sample.ok) throw new Error(t.name);
      const shape = (mdx: string): string[] =>
        mdx
          .split('\n')
          .map((l) => /^(#+|\s*[-*]|>|<)/.exec(l)?.[1] ?? '')
          .filter(Boolean);
      expect(shape(articles[k]!.mdx), t.name).toEqual(shape(sample.mdx));
      expect(articles[k]!.data.series).toBe(sample.data.series);
      expect(articles[k]!.data.source).toBe(sample.data.source);
    }
  });
});

describe('a copied corpus', () => {
  it('keeps each file’s bytes and time, and holds the last back until it is added', async () => {
    const from = await mkdtemp(path.join(os.tmpdir(), 'bench-copied-from-'));
    const to = path.join(from, 'copy');
    try {
      const old = new Date('2023-07-08T17:12:07Z');
      for (const name of ['a.txt', 'b.txt', 'c.txt', 'd.txt']) {
        await writeFile(path.join(from, name), `Story ${name}\n`);
        await utimes(path.join(from, name), old, old);
      }
      const corpus = await copiedCorpus(from, to);
      expect(corpus.files).toEqual(['a.txt', 'b.txt', 'c.txt']);
      expect(await readdir(to)).toEqual(['a.txt', 'b.txt', 'c.txt']);
      expect(await corpus.addOne()).toBe('d.txt');
      for (const name of ['a.txt', 'd.txt']) {
        expect(await readFile(path.join(to, name), 'utf8')).toBe(`Story ${name}\n`);
        expect((await stat(path.join(to, name))).mtime).toEqual(old);
      }
    } finally {
      await rm(from, { recursive: true, force: true });
    }
  });
});
