/**
 * The index as the build makes it (scripts/pagefind.ts folds each page and hands it to Pagefind's
 * Node API), searched with the very pagefind.js the browser gets, run in Node against the
 * in-memory index files. No Astro build: pages are small hand-written HTML in the site's shape.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildSearchIndex, type IndexResult } from '../../scripts/pagefind.ts';
import { ShardedIndex } from '../../src/lib/search/pagefind-client.ts';
import { paragraphHits } from '../../src/lib/search/paragraphs.ts';
import { searchPagefind, type SearchTarget } from '../../src/lib/search/search-page.ts';
import { BLOCKS_FILE, type BlocksFile } from '../../src/lib/search/lexicon.ts';
import { SHARDS_FILE, type ShardsFile } from '../../src/lib/search/shards.ts';
import { emptyState, pagefindTerm, type SearchState } from '../../src/lib/search/state.ts';
import type { PagefindApi } from '../../src/lib/search/types.ts';

const ORIGIN = 'http://pagefind.test';

function page(opts: { title: string; body: string; date?: string; years?: string[] }): string {
  const date = opts.date
    ? `<dd data-pagefind-meta="date" data-pagefind-sort="date:${opts.date}">${opts.date}</dd>`
    : '';
  const years = (opts.years ?? []).map((y) => `<span data-pagefind-filter="year">${y}</span>`).join('');
  return `<!doctype html><html lang="en"><body><header><a>Archive</a><form><input name="q"></form></header>
    <main><article data-pagefind-body><h1 data-pagefind-weight="10">${opts.title}</h1>
    <dl data-pagefind-ignore>${date}</dl><div class="prose">${opts.body}</div>
    <div hidden data-pagefind-ignore>${years}</div></article></main><footer>Qaani in the footer</footer></body></html>`;
}

const PAGES: Record<string, string> = {
  '/articles/modifier/': page({
    title: 'Bulletin A',
    date: '2020-03-22',
    years: ['2020'],
    body: '<p id="p-a1">Opening words.</p><ul><li id="p-a2">The Commander of the Qods Force, Esmail Qaʼani, visited Baghdad.</li></ul>',
  }),
  '/articles/curly/': page({
    title: 'Bulletin B',
    date: '2021-05-13',
    years: ['2020', '2021'],
    body: '<p id="p-b1">Nothing here.</p><p id="p-b2">Ismail Qa’ani met Hossein Salami.</p>',
  }),
  '/articles/straight/': page({
    title: 'Undated piece',
    body: '<p id="p-c1">A note on Qa\'ani and Ziad al-Nakhleh.</p><p id="p-c2">Badmouyehin was there.</p>',
  }),
  '/articles/plain/': page({
    title: 'Bulletin D',
    date: '2019-01-01',
    years: ['2019'],
    body: '<p id="p-d1">Zarif spoke of Qaani.</p><p id="p-d2">A bad day.</p>',
  }),
};

/**
 * Three years of ten pages each, one shard a year (a rare word is then on at most 8 of a shard's
 * pages). `Mottaki` is on one page a year; `Ankara` on the same page in 2020, on another page in
 * 2019, and on nine pages of 2021, where it is common (and so taken to be on every page).
 */
const APART: Record<string, string> = Object.fromEntries(
  ['2019', '2020', '2021'].flatMap((year) =>
    Array.from({ length: 10 }, (_, i) => {
      const words = [`Report ${i} of ${year}.`];
      if (i === 0) words.push('Mottaki spoke.');
      if ((year === '2020' && i === 0) || (year === '2019' && i === 1) || (year === '2021' && i > 0))
        words.push('In Ankara.');
      const body = `<p id="p-${i}">${words.join(' ')}</p>`;
      const date = `${year}-01-${String(i + 1).padStart(2, '0')}`;
      return [`/articles/${year}-${i}/`, page({ title: `Day ${i}`, date, body })];
    }),
  ),
);

let dir: string;

/** One index per layout: the whole archive in one shard, and one shard per page (three years and
 * the undated page), so that every search below also runs across merged shards. */
const LAYOUTS = { 'one shard': 10, 'four shards': 1 } as const;
const opened = new Map<string, ShardedIndex>();
const builds = new Map<string, IndexResult>();
/** Each site: its pages, its shard size. */
const SITES: Record<string, { pages: Record<string, string>; shardSize: number }> = {
  ...Object.fromEntries(
    Object.entries(LAYOUTS).map(([layout, shardSize]) => [layout, { pages: PAGES, shardSize }]),
  ),
  apart: { pages: APART, shardSize: 10 },
};
const logs: string[] = [];
/** Every built index's files by URL path, as the stubbed `fetch` serves them. */
const files = new Map<string, Buffer>();

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'search-index-'));
  for (const [layout, { pages, shardSize }] of Object.entries(SITES)) {
    const site = path.join(dir, 'site', layout);
    for (const [url, html] of Object.entries(pages)) {
      mkdirSync(path.join(site, url), { recursive: true });
      writeFileSync(path.join(site, url, 'index.html'), html);
    }
    const output = path.join(dir, layout);
    builds.set(
      layout,
      await buildSearchIndex({
        site,
        output,
        cache: path.join(dir, 'cache', layout),
        shardSize,
        log: (line) => logs.push(line),
      }),
    );
    for (const entry of readdirSync(output, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const file = path.join(entry.parentPath, entry.name);
      files.set(`/${layout}/${path.relative(output, file).split(path.sep).join('/')}`, readFileSync(file));
    }
  }
  vi.stubGlobal('fetch', async (input: string | URL) => {
    const body = files.get(decodeURIComponent(new URL(String(input)).pathname));
    return body ? new Response(new Uint8Array(body)) : new Response('not found', { status: 404 });
  });
  for (const layout of Object.keys(SITES)) {
    const output = path.join(dir, layout);
    const api = (await import(
      /* @vite-ignore */ pathToFileURL(path.join(output, 'pagefind.js')).href
    )) as PagefindApi;
    const shards = JSON.parse(readFileSync(path.join(output, SHARDS_FILE), 'utf8')) as ShardsFile;
    const index = await ShardedIndex.open(api, shards, `${ORIGIN}/${encodeURIComponent(layout)}/`);
    await index.mergeAll();
    await api.filters();
    opened.set(layout, index);
  }
}, 60_000);

afterAll(() => {
  vi.unstubAllGlobals();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the shards', () => {
  it('are one index under the size, else runs of years newest first and the undated last', () => {
    expect(builds.get('one shard')!.shards.map((s) => s.key)).toEqual(['all']);
    expect(builds.get('four shards')!.shards.map((s) => s.key)).toEqual(['2021', '2020', '2019', 'undated']);
    expect(opened.get('four shards')!.shards.map((s) => s.path)).toEqual([
      '2021/',
      '2020/',
      '2019/',
      'undated/',
    ]);
  });
});

describe.each(Object.keys(LAYOUTS))('%s', (layout) => {
  /** As the search page does: the shards the lexicon says can match, all merged here. */
  async function search(partial: Partial<SearchState>) {
    const state = { ...emptyState(), ...partial };
    const index = opened.get(layout)!;
    const wanted = await index.shardsFor(pagefindTerm(state));
    const target: SearchTarget = { api: index.api, shards: index.searchable(wanted) };
    return searchPagefind(target, state);
  }
  /** Each result's path → the ids of the paragraphs it links under it. */
  async function hitsByPath(q: string): Promise<Record<string, string[]>> {
    const { results } = await search({ q });
    const data = await Promise.all(results.map((r) => r.data()));
    return Object.fromEntries(
      data.map((d) => [new URL(d.url, 'http://x').pathname, paragraphHits(d).map((h) => h.id)]),
    );
  }
  async function urls(state: Partial<SearchState>): Promise<string[]> {
    const { results } = await search(state);
    const data = await Promise.all(results.map((r) => r.data()));
    return data.map((d) => new URL(d.url, 'http://x').pathname);
  }

  describe('names across spellings', () => {
    it.each(['Qaani', 'Qa’ani', "Qa'ani", 'Qaʼani', 'qaʿani'])(
      '%s finds every spelling of Qa’ani',
      async (q) => {
        expect((await urls({ q })).sort()).toEqual([
          '/articles/curly/',
          '/articles/modifier/',
          '/articles/plain/',
          '/articles/straight/',
        ]);
      },
    );

    it('finds every spelling through the curated aliases (content/curated/names.yaml)', async () => {
      expect((await urls({ q: 'Ghaani' })).sort()).toEqual([
        '/articles/curly/',
        '/articles/modifier/',
        '/articles/plain/',
        '/articles/straight/',
      ]);
      expect(await hitsByPath('Ghaani')).toEqual({
        '/articles/modifier/': ['p-a2'],
        '/articles/curly/': ['p-b2'],
        '/articles/straight/': ['p-c1'],
        '/articles/plain/': ['p-d1'],
      });
    });

    it('does not index page chrome (the footer mentions Qaani on every page)', async () => {
      expect(await urls({ q: 'footer' })).toEqual([]);
    });

    it('matches quoted phrases exactly', async () => {
      expect(await urls({ q: '"Esmail Qaʼani"' })).toEqual(['/articles/modifier/']);
      expect(await urls({ q: '"Qa’ani met"' })).toEqual(['/articles/curly/']);
      expect(await urls({ q: '"Salami met"' })).toEqual([]);
    });
  });

  describe('a word in one shard', () => {
    // Pagefind matches a query word to the indexed words it begins, and where an index has none, to
    // the longest indexed word it begins with. Each shard alone would do that: the 2019 shard has
    // `bad`, not `Badmouyehin`, and its page used to come back for `Badmouyehin`.
    it('finds the one article that has it, as one index over the archive would', async () => {
      expect(await urls({ q: 'Badmouyehin' })).toEqual(['/articles/straight/']);
      expect(await urls({ q: 'badmou' })).toEqual(['/articles/straight/']);
    });

    it('falls back, for a word no indexed word begins with, to the archive’s longest match', async () => {
      expect(await urls({ q: 'Badmouyehins' })).toEqual(['/articles/straight/']);
      expect((await urls({ q: 'bad' })).sort()).toEqual(['/articles/plain/', '/articles/straight/']);
    });

    it('routes a search to the shards that can match, and to none for a word in none', async () => {
      const index = opened.get(layout)!;
      const keys = async (term: string | null) => (await index.shardsFor(term)).map((s) => s.key);
      if (layout === 'one shard') {
        expect(await keys('Badmouyehin')).toEqual(['all']);
        return;
      }
      expect(await keys('Badmouyehin')).toEqual(['undated']);
      expect(await keys('Qaani Zarif')).toEqual(['2019']);
      expect(await keys('"Qa’ani met"')).toEqual(['2021']);
      expect(await keys('Qaani')).toEqual(['2021', '2020', '2019', 'undated']);
      expect(await keys(null)).toEqual(['2021', '2020', '2019', 'undated']);
      expect(await keys('Nowhere')).toEqual([]);
      expect(await urls({ q: 'Nowhere' })).toEqual([]);
    });
  });

  describe('paragraph of each match', () => {
    it('finds the list item holding the folded name', async () => {
      expect(await hitsByPath('Qaani')).toEqual({
        '/articles/modifier/': ['p-a2'],
        '/articles/curly/': ['p-b2'],
        '/articles/straight/': ['p-c1'],
        '/articles/plain/': ['p-d1'],
      });
      const { results } = await search({ q: 'Qaani' });
      const data = await Promise.all(results.map((r) => r.data()));
      expect(data.find((d) => d.url.includes('modifier'))?.url).toContain('pagefind-highlight=qaani');
    });
  });

  describe('sort and filters', () => {
    it('sorts by date both ways and keeps undated articles, after the dated ones', async () => {
      expect(await urls({ q: 'Qaani', sort: 'newest' })).toEqual([
        '/articles/curly/',
        '/articles/modifier/',
        '/articles/plain/',
        '/articles/straight/',
      ]);
      expect(await urls({ q: 'Qaani', sort: 'oldest' })).toEqual([
        '/articles/plain/',
        '/articles/modifier/',
        '/articles/curly/',
        '/articles/straight/',
      ]);
    });

    it('filters by every year a range covers, with counts', async () => {
      expect((await urls({ q: 'Qaani', filters: { year: ['2020'] } })).sort()).toEqual([
        '/articles/curly/',
        '/articles/modifier/',
      ]);
      expect(await urls({ q: 'Qaani', filters: { year: ['2021'] } })).toEqual(['/articles/curly/']);
      const { response } = await search({ q: 'Salami' });
      expect(response.filters.year).toEqual({ '2019': 0, '2020': 1, '2021': 1 });
    });

    it('lists filtered articles without a query', async () => {
      expect(await urls({ filters: { year: ['2019'] } })).toEqual(['/articles/plain/']);
    });
  });
});

describe('words on one page (the lexicon’s layout)', () => {
  const keys = async (q: string) =>
    (await opened.get('apart')!.shardsFor(pagefindTerm({ ...emptyState(), q }))).map((s) => s.key);

  it('lays every shard out, as Pagefind counted its words', () => {
    expect(builds.get('apart')!.shards.map((s) => s.key)).toEqual(['2021', '2020', '2019']);
    const blocks = JSON.parse(
      readFileSync(path.join(dir, 'apart', 'lexicon', BLOCKS_FILE), 'utf8'),
    ) as BlocksFile;
    expect(Object.keys(blocks.shards).sort()).toEqual(['2019', '2020', '2021']);
    expect(logs.filter((line) => line.includes('otherwise'))).toEqual([]);
  });

  it('searches only the shards with a page holding every word', async () => {
    // 2019 has both words, on two pages: not searched. In 2021 `Ankara` is common: searched.
    expect(await keys('Mottaki Ankara')).toEqual(['2021', '2020']);
    expect(await keys('ankara MOTTAKI')).toEqual(['2021', '2020']);
    expect(await keys('"Mottaki spoke. In Ankara"')).toEqual(['2021', '2020']);
    const { results } = await searchPagefind(
      {
        api: opened.get('apart')!.api,
        shards: opened
          .get('apart')!
          .searchable(
            ['2021', '2020', '2019'].map((key) => opened.get('apart')!.shards.find((s) => s.key === key)!),
          ),
      },
      { ...emptyState(), q: 'Mottaki Ankara' },
    );
    const found = await Promise.all(
      results.map(async (r) => new URL((await r.data()).url, 'http://x').pathname),
    );
    expect(found).toEqual(['/articles/2020-0/']);
  });

  it('uses a layout only with the lexicon record it was made for', async () => {
    const shardsFile = JSON.parse(readFileSync(path.join(dir, 'apart', SHARDS_FILE), 'utf8')) as ShardsFile;
    const blocksPath = `/apart/lexicon/${BLOCKS_FILE}`;
    const blocks = JSON.parse(files.get(blocksPath)!.toString('utf8')) as BlocksFile;
    expect(Object.fromEntries(Object.entries(blocks.shards).map(([key, l]) => [l.record, key]))).toEqual(
      shardsFile.lexicon!.pages,
    );
    // The same layouts, said to be for other records (another build's lexicon): not used.
    for (const layout of Object.values(blocks.shards)) layout.record = `x${layout.record}`;
    files.set(blocksPath, Buffer.from(JSON.stringify(blocks)));
    try {
      const api = opened.get('apart')!.api;
      const other = await ShardedIndex.open(api, shardsFile, `${ORIGIN}/apart/`);
      const keys = (await other.shardsFor('Mottaki Ankara')).map((s) => s.key);
      expect(keys).toEqual(['2021', '2020', '2019']);
    } finally {
      files.set(blocksPath, Buffer.from(readFileSync(path.join(dir, 'apart', 'lexicon', BLOCKS_FILE))));
    }
  });

  it('narrows nothing by a single word, or by a word no page has', async () => {
    expect(await keys('Mottaki')).toEqual(['2021', '2020', '2019']);
    expect(await keys('Mottaki Zzyzx')).toEqual(['2021', '2020', '2019']);
    expect(await keys('Mottaki Report')).toEqual(['2021', '2020', '2019']);
  });
});
