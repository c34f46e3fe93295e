/**
 * The index as the build makes it (scripts/pagefind.ts folds each page and hands it to Pagefind's
 * Node API), searched with the very pagefind.js the browser gets, run in Node against the
 * in-memory index files. No Astro build: pages are small hand-written HTML in the site's shape.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as pagefind from 'pagefind';
import { addFoldedHtml, loadAliases } from '../../scripts/pagefind.ts';
import { paragraphHits } from '../../src/lib/search/paragraphs.ts';
import { searchPagefind } from '../../src/lib/search/search-page.ts';
import { emptyState, type SearchState } from '../../src/lib/search/state.ts';
import type { PagefindApi } from '../../src/lib/search/types.ts';

const BASE = 'http://pagefind.test/pagefind/';

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
    body: '<p id="p-c1">A note on Qa\'ani and Ziad al-Nakhleh.</p>',
  }),
  '/articles/plain/': page({
    title: 'Bulletin D',
    date: '2019-01-01',
    years: ['2019'],
    body: '<p id="p-d1">Zarif spoke of Qaani.</p>',
  }),
};

let dir: string;
let pf: PagefindApi;

beforeAll(async () => {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
  if (!index) throw new Error(errors.join('; '));
  const aliases = await loadAliases();
  for (const [url, html] of Object.entries(PAGES)) await addFoldedHtml(index, url, html, aliases);
  const { files } = await index.getFiles();
  await pagefind.close();
  dir = mkdtempSync(path.join(tmpdir(), 'search-index-'));
  const byPath = new Map(files.map((f) => [f.path, f.content]));
  for (const [file, content] of byPath) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), content);
  }
  vi.stubGlobal('fetch', async (input: string | URL) => {
    const file = new URL(String(input)).pathname.replace(/^\/pagefind\//, '');
    const body = byPath.get(file);
    return body ? new Response(new Uint8Array(body)) : new Response('not found', { status: 404 });
  });
  pf = (await import(/* @vite-ignore */ pathToFileURL(path.join(dir, 'pagefind.js')).href)) as PagefindApi;
  await pf.options({ basePath: BASE, highlightParam: 'pagefind-highlight' });
  await pf.filters();
}, 60_000);

afterAll(() => {
  vi.unstubAllGlobals();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function urls(state: Partial<SearchState>): Promise<string[]> {
  const { results } = await searchPagefind(pf, { ...emptyState(), ...state });
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
    const { results } = await searchPagefind(pf, { ...emptyState(), q: 'Ghaani' });
    const data = await Promise.all(results.map((r) => r.data()));
    const hits = Object.fromEntries(
      data.map((d) => [new URL(d.url, 'http://x').pathname, paragraphHits(d).map((h) => h.id)]),
    );
    expect(hits).toEqual({
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

describe('paragraph of each match', () => {
  it('finds the list item holding the folded name', async () => {
    const { results } = await searchPagefind(pf, { ...emptyState(), q: 'Qaani' });
    const data = await Promise.all(results.map((r) => r.data()));
    const byPath = Object.fromEntries(
      data.map((d) => [new URL(d.url, 'http://x').pathname, paragraphHits(d).map((h) => h.id)]),
    );
    expect(byPath).toEqual({
      '/articles/modifier/': ['p-a2'],
      '/articles/curly/': ['p-b2'],
      '/articles/straight/': ['p-c1'],
      '/articles/plain/': ['p-d1'],
    });
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
    const { response } = await searchPagefind(pf, { ...emptyState(), q: 'Salami' });
    expect(response.filters.year).toEqual({ '2019': 0, '2020': 1, '2021': 1 });
  });

  it('lists filtered articles without a query', async () => {
    expect(await urls({ filters: { year: ['2019'] } })).toEqual(['/articles/plain/']);
  });
});
