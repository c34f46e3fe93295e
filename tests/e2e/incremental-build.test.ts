/**
 * A rebuild after one raw file is added, one changed and one deleted re-ingests and re-renders only
 * what they touch (the article loader's cache and Astro's incremental build) and yields the same
 * site, byte for byte, as a cold build of the same input.
 */
import {
  appendFileSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runIngest } from '../../scripts/ingest/run.ts';
import { buildSite } from '../helpers/build-site.ts';
import { listFixtures } from '../helpers/fixtures.ts';

const root = path.resolve(import.meta.dirname, '../..');
const curated = path.join(root, 'content/curated');
let work: string;
let rebuildLog: string;

/**
 * Added, changed and deleted by the rebuild: dated articles of one series, so the added one becomes
 * the others' later neighbour and the deleted one leaves a gap between 2020-03-22 and 2021-05-13.
 */
const ADDED = 'captions-and-footnotes.txt';
const CHANGED = '001_b4141182fc587337.txt';
const DELETED = '004_b3611ee2d1f4bff8.txt';

/** Astro's log, every page listed, without its colours. */
const astroBuild = (outDir: string, cacheDir: string, articles: string) =>
  buildSite(articles, outDir, cacheDir, { verbose: true });

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'incremental-build-'));
  const raw = path.join(work, 'raw');
  mkdirSync(raw);
  for (const fixture of listFixtures()) {
    if (`${fixture.name}.txt` !== ADDED)
      copyFileSync(path.join(fixture.dir, 'input.txt'), path.join(raw, `${fixture.name}.txt`));
  }
  const ingest = () => runIngest({ input: raw, output: path.join(work, 'articles'), curated });
  await ingest();
  astroBuild(path.join(work, 'dist'), path.join(work, 'cache'), path.join(work, 'articles'));

  copyFileSync(
    path.join(root, 'tests/fixtures', ADDED.replace('.txt', ''), 'input.txt'),
    path.join(raw, ADDED),
  );
  appendFileSync(path.join(raw, CHANGED), '\n\nA paragraph added after the first build.\n');
  rmSync(path.join(raw, DELETED));
  // Not written by any build: the rebuild, which knows dist/'s files from the first build's record
  // (src/integrations/keep-dist.ts), still finds and removes a file at dist/'s top level.
  writeFileSync(path.join(work, 'dist', 'stray-from-elsewhere.txt'), 'not the site’s\n');
  await ingest();
  rebuildLog = astroBuild(path.join(work, 'dist'), path.join(work, 'cache'), path.join(work, 'articles'));
  astroBuild(path.join(work, 'cold-dist'), path.join(work, 'cold-cache'), path.join(work, 'articles'));
}, 240_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('a rebuild after one file added, one changed and one deleted', () => {
  it('reuses the article pages nothing touched and renders the changed one again', () => {
    // Left in place in the kept dist/ (src/integrations/keep-dist.ts), not copied back from the cache.
    expect(rebuildLog).toMatch(/\/articles\/[\w-]+\/index\.html \(cached\)/);
    expect(rebuildLog).not.toMatch(/\(restored\)/);
    expect(existsSync(path.join(work, 'cache', 'keep-dist.json'))).toBe(true);
    expect(rebuildLog).toMatch(/\/articles\/2021-05-13-spotlight-on-iran-may-13-27-2021\/index\.html \(\+/);
    expect(rebuildLog).toMatch(
      /\/articles\/2020-03-22-spotlight-on-iran-march-22-april-5-2020\/index\.html \(\+/,
    );
    // List pages that list none of the three are reused too (src/lib/list-page-key.ts).
    expect(rebuildLog).toMatch(/\/tags\/[\w-]+\/index\.html \(cached\)/);
    expect(rebuildLog).toMatch(/\/names\/[\w-]+\/index\.html \(cached\)/);
    // Every accepted fixture is an article; of them only the added and the changed one are rendered.
    const articles = listFixtures().filter((f) => existsSync(path.join(f.dir, 'expected.mdx'))).length - 1;
    expect(rebuildLog).toContain(
      `[article-loader] ${articles} articles, 2 rendered, ${articles - 2} unchanged`,
    );
  });

  it('writes the same files, byte for byte, as a cold build of the same input', () => {
    const incremental = path.join(work, 'dist');
    const cold = path.join(work, 'cold-dist');
    expect(filesUnder(incremental)).toEqual(filesUnder(cold));
    for (const file of filesUnder(cold)) {
      expect(
        readFileSync(path.join(incremental, file)).equals(readFileSync(path.join(cold, file))),
        file,
      ).toBe(true);
    }
  });
});
