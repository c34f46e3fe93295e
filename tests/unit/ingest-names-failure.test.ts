/**
 * A batch whose names step fails: each article's names are then found alone, so only the article
 * that broke the step is rejected (with the reason), and the others of its batch are ingested as
 * they would be alone. The names finder is wrapped to fail on one marked article.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { ingestBytes, ingestFiles } from '../../scripts/ingest/article.ts';
import { loadCurated, type Curated } from '../../scripts/ingest/curated.ts';

const MARK = 'Zebediah Quarrington';

vi.mock('../../scripts/names/find.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../scripts/names/find.ts')>();
  return {
    ...real,
    findNamesInArticles: (...args: Parameters<typeof real.findNamesInArticles>) => {
      if (args[0].some((paragraphs) => paragraphs.some((p) => p.text.includes(MARK))))
        throw new Error('the names step broke');
      return real.findNamesInArticles(...args);
    },
  };
});

const root = path.resolve(import.meta.dirname, '../..');
const raw = path.join(root, 'content/raw');
let curated: Curated;

beforeAll(async () => {
  curated = await loadCurated(path.join(root, 'content/curated'));
});

describe('a batch whose names step fails', () => {
  it('rejects only the article that broke it, with the reason, and ingests the others as alone', () => {
    const files = readdirSync(raw)
      .sort()
      .map((rawFile) => ({ rawFile, bytes: readFileSync(path.join(raw, rawFile)) }));
    const broken = {
      rawFile: 'broken.txt',
      bytes: new TextEncoder().encode(`A headline\n\n${MARK} spoke in Tehran on Monday.\n`),
    };
    const batch = [files[0]!, broken, ...files.slice(1)];
    const results = ingestFiles(batch, curated);
    expect(results[1]).toEqual({
      ok: false,
      diagnostics: [
        {
          severity: 'error',
          rule: 'internal-error',
          message: 'the ingester failed on this file: the names step broke',
        },
      ],
    });
    const others = results.filter((_, i) => i !== 1);
    expect(others.every((r) => r.ok && r.names.length > 0)).toBe(true);
    expect(others).toEqual(
      batch.filter((_, i) => i !== 1).map(({ bytes, rawFile }) => ingestBytes(bytes, rawFile, curated)),
    );
  });
});
