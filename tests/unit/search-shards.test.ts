/**
 * The search index's shards: how pages are split (src/lib/search/shards.ts), and the build's shard
 * cache (scripts/pagefind.ts): a change re-indexes only the shard it touches, and the result equals a
 * build from an empty cache, byte for byte.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { buildSearchIndex, feedInOrder, indexedPart, type IndexedPage } from '../../scripts/pagefind.ts';
import { planShards, type ShardPage } from '../../src/lib/search/shards.ts';

const dated = (year: number, count: number, month = 1): ShardPage[] =>
  Array.from({ length: count }, (_, i) => ({
    url: `/articles/${year}-${i}/`,
    date: `${year}-${String(month).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
  }));
const undated = (count: number, prefix = 'u'): ShardPage[] =>
  Array.from({ length: count }, (_, i) => ({ url: `/articles/${prefix}-${i}/` }));
const keys = (pages: ShardPage[], target: number) => planShards(pages, target).map((s) => s.key);

describe('planShards', () => {
  it('keeps an archive within the size in one shard, and an empty one in none', () => {
    expect(keys([...dated(2020, 3), ...undated(2)], 5)).toEqual(['all']);
    expect(planShards([], 5)).toEqual([]);
  });

  it('gives each year its shard, listed newest first, the undated last', () => {
    const pages = [...dated(2015, 2), ...dated(2016, 2), ...dated(2017, 3), ...dated(2018, 1), ...undated(3)];
    const shards = planShards(pages, 4);
    expect(shards.map((s) => [s.key, s.urls.length])).toEqual([
      ['2018', 1],
      ['2017', 3],
      ['2016', 2],
      ['2015', 2],
      ['undated', 3],
    ]);
    expect(shards[0]).toMatchObject({ first: '2018', last: '2018' });
    expect(shards[4]!.first).toBeUndefined();
  });

  it('halves a year larger than a shard by calendar, keeping its parts apart from its size', () => {
    const year = [...dated(2019, 3, 2), ...dated(2019, 3, 9).map((p) => ({ ...p, url: p.url + 'b' }))];
    expect(keys(year, 4)).toEqual(['2019-07_2019-12', '2019-01_2019-06']);
    expect(planShards(year, 4)[1]).toMatchObject({ first: '2019-01', last: '2019-06' });
  });

  it('splits a year larger than a shard by month, and a month larger than a shard by hash', () => {
    const pages = [
      ...dated(2020, 3, 1),
      ...dated(2020, 3, 2).map((p) => ({ ...p, url: p.url + 'b' })),
      ...dated(2021, 9, 5),
    ];
    const shards = planShards(pages, 4);
    const shardKeys = shards.map((s) => s.key);
    const hashed = shardKeys.filter((k) => k.startsWith('2021'));
    expect(hashed.length).toBeGreaterThan(1);
    for (const key of hashed) expect(key).toMatch(/^2021-05-h[0-3]of4$/);
    expect(hashed).toEqual([...hashed].sort().reverse());
    expect(shardKeys.slice(hashed.length)).toEqual(['2020-02', '2020-01']);
    expect(shards.every((s) => s.urls.length <= 4)).toBe(true);
    expect(shards.flatMap((s) => s.urls).sort()).toEqual(pages.map((p) => p.url).sort());
  });

  it('gives the same shards whatever order the pages come in, every page in exactly one', () => {
    const pages = [...dated(2019, 7), ...dated(2020, 2), ...undated(11)];
    const a = planShards(pages, 3);
    const b = planShards([...pages].reverse(), 3);
    expect(b).toEqual(a);
    const all = a.flatMap((s) => s.urls);
    expect(new Set(all).size).toBe(pages.length);
  });

  it('changes only the shard of an article added, in any year', () => {
    const before = [
      ...dated(2015, 3),
      ...dated(2016, 3),
      ...dated(2017, 2),
      ...dated(2018, 7, 3),
      ...dated(2018, 2, 10).map((p) => ({ ...p, url: p.url + 'b' })),
    ];
    for (const date of ['2015-06-01', '2017-12-01', '2018-03-05', '2018-11-05']) {
      const a = planShards(before, 4);
      const b = planShards([...before, { url: `/articles/new-${date}/`, date }], 4);
      const changed = b.filter((s) => JSON.stringify(s) !== JSON.stringify(a.find((x) => x.key === s.key)));
      expect(changed, date).toHaveLength(1);
      expect(changed[0]!.urls, date).toContain(`/articles/new-${date}/`);
    }
  });

  it('keeps an undated page in its hash part as the archive grows, until the part count doubles', () => {
    const pages = undated(40);
    const a = planShards(pages, 16);
    const b = planShards([...pages, ...undated(5, 'v')], 16);
    expect(a.map((s) => s.key)).toEqual(b.map((s) => s.key));
    const partOf = (shards: typeof a, url: string) => shards.find((s) => s.urls.includes(url))!.key;
    for (const { url } of pages) expect(partOf(b, url)).toBe(partOf(a, url));
  });

  it('refuses a size that is not a positive integer', () => {
    expect(() => planShards(undated(2), 0)).toThrow(/positive integer/);
  });
});

describe('indexedPart', () => {
  const page = (outside: string) =>
    `<!doctype html><html lang="en"><head><title>T</title></head><body><main><article class="article" data-pagefind-body><h1>T</h1><p>Body</p></article>${outside}</main></body></html>`;

  it('leaves out what Pagefind does not read, so a new neighbour link does not re-index a page', () => {
    expect(indexedPart(page('<nav><a href="/a/">Earlier</a></nav>'))).toBe(
      indexedPart(page('<nav><a href="/b/">Later</a></nav>')),
    );
    expect(indexedPart(page(''))).toContain('<p>Body</p>');
  });

  it('takes the whole page when a Pagefind attribute stands outside the body', () => {
    const html = page('<span data-pagefind-filter="tag">x</span>');
    expect(indexedPart(html)).toBe(html);
  });
});

describe('feedInOrder', () => {
  const pages: IndexedPage[] = Array.from({ length: 12 }, (_, i) => ({
    url: `/articles/p${String(i).padStart(2, '0')}/`,
    file: `p${i}.html`,
    digest: String(i),
  }));
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  it('adds one page at a time, in the order given, however long each takes to read or to add', async () => {
    const added: string[] = [];
    const prepared: string[] = [];
    let inFlight = 0;
    let most = 0;
    await feedInOrder(
      pages,
      async (page) => {
        prepared.push(page.url);
        await sleep((pages.length - Number(page.digest)) % 5); // the later pages ready sooner
        return `<html>${page.url}</html>`;
      },
      async (url, content) => {
        inFlight++;
        most = Math.max(most, inFlight);
        expect(content).toBe(`<html>${url}</html>`);
        await sleep(Number(url.slice(-3, -1)) % 3);
        added.push(url);
        inFlight--;
      },
    );
    expect(added).toEqual(pages.map((p) => p.url));
    expect(most).toBe(1);
    // Each page read once, in order (how far ahead: the next test).
    expect(prepared).toEqual(pages.map((p) => p.url));
  });

  it('reads the next page while Pagefind reads the one before', async () => {
    const events: string[] = [];
    await feedInOrder(
      pages.slice(0, 3),
      async (page) => {
        events.push(`read ${page.digest}`);
        return page.url;
      },
      async (url) => {
        events.push(`add ${url.slice(-3, -1)}`);
        await sleep(2);
        events.push(`added ${url.slice(-3, -1)}`);
      },
    );
    expect(events).toEqual([
      ...['read 0', 'read 1', 'add 00', 'added 00'],
      ...['read 2', 'add 01', 'added 01'],
      ...['add 02', 'added 02'],
    ]);
  });

  it('reports the failed add, not the page read ahead of it', async () => {
    const feeding = feedInOrder(
      pages.slice(0, 3),
      async (page) => {
        if (page.digest === '1') throw new Error('unreadable p1');
        return page.url;
      },
      async (url) => {
        throw new Error(`pagefind: ${url}: refused`);
      },
    );
    await expect(feeding).rejects.toThrow('pagefind: /articles/p00/: refused');
  });
});

describe('the shard cache', () => {
  let dir: string;
  const article = (slug: string, date: string | undefined, body: string, outside = '') =>
    `<!doctype html><html lang="en"><head><title>${slug}</title></head><body><main><article data-pagefind-body><h1>${slug}</h1>` +
    (date ? `<dl data-pagefind-ignore><dd data-pagefind-sort="date:${date}">${date}</dd></dl>` : '') +
    `<div class="prose"><p id="p-1">${body}</p></div></article>${outside}</main></body></html>`;
  const write = (site: string, slug: string, html: string) => {
    mkdirSync(path.join(site, 'articles', slug), { recursive: true });
    writeFileSync(path.join(site, 'articles', slug, 'index.html'), html);
  };
  const tree = (root: string): Record<string, string> =>
    Object.fromEntries(
      readdirSync(root, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => {
          const file = path.join(e.parentPath, e.name);
          return [path.relative(root, file), readFileSync(file).toString('base64')];
        })
        .sort(([a], [b]) => (a < b ? -1 : 1)),
    );

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'search-shards-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('re-indexes only the shard a change touches, and equals a build from an empty cache', async () => {
    const site = path.join(dir, 'site');
    write(site, 'a', article('a', '2019-03-01', 'Zarif in Ankara.'));
    write(site, 'b', article('b', '2020-03-01', 'Rouhani in Baku.'));
    write(site, 'c', article('c', '2021-03-01', 'Qalibaf in Tehran.'));
    write(site, 'd', article('d', undefined, 'Mottaki in Ankara.'));
    mkdirSync(path.join(site, 'tags'), { recursive: true });
    writeFileSync(
      path.join(site, 'tags', 'index.html'),
      '<!doctype html><html lang="en"><body>Tags</body></html>',
    );
    const cache = path.join(dir, 'cache');
    const build = (output: string, cacheDir = cache) =>
      buildSearchIndex({ site, output, cache: cacheDir, shardSize: 1, log: () => {} });

    const cold = await build(path.join(dir, 'out'));
    expect(cold.pages).toBe(4);
    expect(cold.shards.map((s) => [s.key, s.reused])).toEqual([
      ['2021', false],
      ['2020', false],
      ['2019', false],
      ['undated', false],
    ]);

    // Nothing Pagefind reads changed (only a link outside the article body): every shard reused.
    write(
      site,
      'b',
      article('b', '2020-03-01', 'Rouhani in Baku.', '<nav><a href="/articles/c/">Later</a></nav>'),
    );
    const warm = await build(path.join(dir, 'out'));
    expect(warm.shards.every((s) => s.reused)).toBe(true);

    // One article's text changed: its shard alone is indexed again (and laid out again: the others
    // stay in place; what does not belong in the output goes).
    write(site, 'c', article('c', '2021-03-01', 'Qalibaf and Araghchi in Tehran.'));
    writeFileSync(path.join(dir, 'out', 'left-over.txt'), 'not part of the index');
    mkdirSync(path.join(dir, 'out', '2018'));
    const changed = await build(path.join(dir, 'out'));
    expect(changed.shards.filter((s) => !s.reused).map((s) => s.key)).toEqual(['2021']);
    // A new word (`Araghchi`): the lexicon of the shards' words is made again, beside the shard
    // (its record foreseen from the page read alone).
    expect(changed.lexicon).toEqual({ reused: false, aside: true });

    // New text, no new word: the shard is indexed again, the lexicon stays.
    write(
      site,
      'c',
      article('c', '2021-03-01', 'Qalibaf and Araghchi in Tehran. Qalibaf and Araghchi in Tehran.'),
    );
    const reworded = await build(path.join(dir, 'out'));
    expect(reworded.shards.filter((s) => !s.reused).map((s) => s.key)).toEqual(['2021']);
    expect(reworded.lexicon).toEqual({ reused: true, aside: false });

    const fresh = await build(path.join(dir, 'fresh'), path.join(dir, 'fresh-cache'));
    expect(fresh.shards.every((s) => !s.reused)).toBe(true);
    expect(tree(path.join(dir, 'out'))).toEqual(tree(path.join(dir, 'fresh')));
    const shards = JSON.parse(readFileSync(path.join(dir, 'out', 'shards.json'), 'utf8')) as {
      shards: unknown[];
      lexicon?: { path: string; pages: Record<string, string> };
    };
    expect(shards.shards).toHaveLength(4);
    expect(shards.lexicon?.path).toBe('lexicon/');
    // One lexicon record per shard, by the id Pagefind's results give it.
    expect(Object.values(shards.lexicon?.pages ?? {}).sort()).toEqual(['2019', '2020', '2021', 'undated']);
    // The cache keeps this build's shards and lexicon only.
    const kept = readdirSync(cache).filter((name) => !name.endsWith('.json'));
    expect(kept).toHaveLength(5);
    expect(kept.filter((name) => name.startsWith('lexicon-'))).toHaveLength(1);
  }, 60_000);

  it('numbers a shard’s pages in the order of their URLs, so the same pages give the same files', async () => {
    // The first pages are the longest: sent to Pagefind together, the short ones behind them were
    // read first and numbered first (Pagefind numbers pages as its service finishes them).
    const site = path.join(dir, 'site-order');
    const slugs = Array.from({ length: 40 }, (_, i) => `n${String(i).padStart(2, '0')}`);
    slugs.forEach((slug, i) =>
      write(site, slug, article(slug, undefined, `Word${i} `.repeat(3000 - i * 75) + 'Zarif in Ankara.')),
    );
    const build = (name: string) =>
      buildSearchIndex({
        site,
        output: path.join(dir, `out-${name}`),
        cache: path.join(dir, `cache-${name}`),
        log: () => {},
      });
    await build('order1');
    const out = path.join(dir, 'out-order1', 'all'); // one shard: the archive is within its size
    const meta = readdirSync(out).find((name) => name.endsWith('.pf_meta'))!;
    // The metadata lists the pages' fragment hashes first, by page number.
    const hashes = gunzipSync(readFileSync(path.join(out, meta)))
      .toString('latin1')
      .match(/en_[0-9a-f]{7,}/g)!;
    const urls = hashes.slice(0, slugs.length).map((hash) => {
      const bytes = gunzipSync(readFileSync(path.join(out, 'fragment', `${hash}.pf_fragment`)));
      return (JSON.parse(bytes.subarray('pagefind_dcd'.length).toString('utf8')) as { url: string }).url;
    });
    expect(urls).toEqual(slugs.map((slug) => `/articles/${slug}/`));
    await build('order2');
    expect(tree(path.join(dir, 'out-order2'))).toEqual(tree(path.join(dir, 'out-order1')));
  }, 60_000);

  it('builds the lexicon again when a shard’s record is not the one foreseen', async () => {
    // Two shards of two pages. A change to one page of 2020 lets the lexicon be built beside the
    // shard, from the other page's words as kept; kept words that are wrong (here, tampered with)
    // give another record than the shard's own, and the lexicon is built again from that.
    const site = path.join(dir, 'site2');
    write(site, 'a1', article('a1', '2019-03-01', 'Zarif in Ankara.'));
    write(site, 'a2', article('a2', '2019-04-01', 'Salami in Baghdad.'));
    write(site, 'b1', article('b1', '2020-03-01', 'Rouhani in Baku.'));
    write(site, 'b2', article('b2', '2020-04-01', 'Qalibaf in Tehran.'));
    const cache = path.join(dir, 'cache2');
    const build = (output: string, cacheDir = cache) =>
      buildSearchIndex({ site, output, cache: cacheDir, shardSize: 2, log: () => {} });
    const cold = await build(path.join(dir, 'out2'));
    expect(cold.shards.map((s) => s.key)).toEqual(['2020', '2019']);
    expect(cold.lexicon).toEqual({ reused: false, aside: false });

    write(site, 'b2', article('b2', '2020-04-01', 'Qalibaf and Araghchi in Tehran.'));
    const foreseen = await build(path.join(dir, 'out2'));
    expect(foreseen.shards.filter((s) => !s.reused).map((s) => s.key)).toEqual(['2020']);
    expect(foreseen.lexicon).toEqual({ reused: false, aside: true });

    const assembled = JSON.parse(readFileSync(path.join(cache, 'assembled.json'), 'utf8')) as {
      shards: Record<string, string>;
    };
    // A damaged cache: b1's kept words are wrong, and its fragment is missing from the shard's
    // last index. The foreseen record takes the kept words; the shard's own does not (it keeps a
    // page's words only when both indexes have its fragment), so the two differ.
    const shardDir = path.join(cache, assembled.shards['2020']!);
    const wordsFile = path.join(shardDir, 'page-words.json');
    const words = JSON.parse(readFileSync(wordsFile, 'utf8')) as {
      pages: Record<string, [string, string[], string | null]>;
    };
    const b1 = words.pages['/articles/b1/']!;
    b1[1] = ['Tampered'];
    writeFileSync(wordsFile, JSON.stringify(words));
    rmSync(path.join(shardDir, 'fragment', `${b1[2]}.pf_fragment`));
    write(site, 'b2', article('b2', '2020-04-01', 'Qalibaf and Mottaki in Tehran.'));
    const mistaken = await build(path.join(dir, 'out2'));
    expect(mistaken.lexicon).toEqual({ reused: false, aside: false });

    await build(path.join(dir, 'fresh2'), path.join(dir, 'fresh-cache2'));
    expect(tree(path.join(dir, 'out2'))).toEqual(tree(path.join(dir, 'fresh2')));
    expect(readdirSync(cache).filter((name) => name.startsWith('lexicon-'))).toHaveLength(1);
    // What the shard read of its pages, taken from its last index where it could be, is what a
    // build from an empty cache reads of them.
    const kept = (root: string) => {
      const { shards } = JSON.parse(
        readFileSync(path.join(root, 'assembled.json'), 'utf8'),
      ) as typeof assembled;
      return readFileSync(path.join(root, shards['2020']!, 'page-words.json'), 'utf8');
    };
    expect(kept(cache)).toBe(kept(path.join(dir, 'fresh-cache2')));
  }, 60_000);
});
