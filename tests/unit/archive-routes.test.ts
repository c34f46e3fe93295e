import { describe, expect, it } from 'vitest';
import type { ArticleData } from '../../src/schema/article.ts';
import { buildArchive, type SourceEntry } from '../../src/lib/archive/archive.ts';
import { monthPaths, termPaths, undatedPaths, yearPaths } from '../../src/lib/archive/routes.ts';

function entry(id: string, data: Partial<ArticleData> = {}): SourceEntry {
  return { id, body: '', data: { title: id, tags: ['Iran'], rawFile: `${id}.txt`, wordCount: 2, ...data } };
}

const many = Array.from({ length: 120 }, (_, i) =>
  entry(`a${String(i).padStart(3, '0')}`, { dateStart: '2020-04-01' }),
);

describe('termPaths', () => {
  it('gives a tag of 120 articles three pages, the first at the tag URL itself', () => {
    const paths = termPaths(buildArchive(many), 'tags');
    expect(paths.map((p) => p.params)).toEqual([
      { name: 'iran', page: undefined },
      { name: 'iran', page: '2' },
      { name: 'iran', page: '3' },
    ]);
    expect(paths.map((p) => p.props.page.items.length)).toEqual([50, 50, 20]);
  });

  it('lets a dated tag list jump to each year, and to where its undated articles begin', () => {
    const years = [
      ...many.slice(0, 60).map((e) => ({ ...e, data: { ...e.data, dateStart: '2021-02-02' } })),
      ...many.slice(60, 100),
      ...many.slice(100).map((e) => ({ ...e, data: { ...e.data, dateStart: undefined } })),
    ];
    const [first] = termPaths(buildArchive(years), 'tags');
    expect(first.props.page.jumps.map((j) => [j.label, j.url])).toEqual([
      ['2021', '/tags/iran/'],
      ['2020', '/tags/iran/2/'],
      ['Undated', '/tags/iran/3/'],
    ]);
  });
});

describe('termPaths for sources, editors and series', () => {
  const prolific = many.map((e) => ({
    ...e,
    data: { ...e.data, source: 'NCRI', editor: 'Dr. Raz Zimmt', series: 'Spotlight' },
  }));

  for (const [key, base] of [
    ['sources', '/sources/ncri/'],
    ['editors', '/editors/dr-raz-zimmt/'],
    ['series', '/series/spotlight/'],
  ] as const) {
    it(`paginates ${key} beyond 50 articles at ${base}2/ and ${base}3/`, () => {
      const pages = termPaths(buildArchive(prolific), key).map((p) => p.props.page);
      expect(pages.map((p) => p.url)).toEqual([base, `${base}2/`, `${base}3/`]);
      expect(pages.map((p) => p.items.length)).toEqual([50, 50, 20]);
    });
  }
});

describe('monthPaths', () => {
  it('uses zero-padded months and links each month to its neighbours with articles', () => {
    const archive = buildArchive([
      entry('bulletin', { dateStart: '2020-03-22', dateEnd: '2020-04-05' }),
      entry('later', { dateStart: '2020-09-24' }),
    ]);
    const paths = monthPaths(archive);
    expect(paths.map((p) => `${p.params.year}/${p.params.month}`)).toEqual(['2020/03', '2020/04', '2020/09']);
    expect(paths[1].props.earlier?.key).toBe('2020-03');
    expect(paths[1].props.later?.key).toBe('2020-09');
  });

  it('paginates a month with more than 50 articles', () => {
    expect(monthPaths(buildArchive(many)).map((p) => p.params.page)).toEqual([undefined, '2', '3']);
  });
});

describe('yearPaths', () => {
  it('links each year to the next newer and older year', () => {
    const archive = buildArchive([
      entry('a', { dateStart: '2019-01-01' }),
      entry('b', { dateStart: '2021-01-01' }),
    ]);
    const [newest, oldest] = yearPaths(archive);
    expect(newest.params.year).toBe('2021');
    expect(newest.props.older?.year).toBe(2019);
    expect(oldest.props.newer?.year).toBe(2021);
  });
});

describe('undatedPaths', () => {
  it('builds no page when every article is dated', () => {
    expect(undatedPaths(buildArchive([entry('a', { dateStart: '2020-01-01' })]))).toEqual([]);
  });

  it('paginates more than 50 undated articles', () => {
    const undated = many.map((e) => ({ ...e, data: { ...e.data, dateStart: undefined } }));
    const paths = undatedPaths(buildArchive(undated));
    expect(paths.map((p) => p.props.page.url)).toEqual([
      '/dates/undated/',
      '/dates/undated/2/',
      '/dates/undated/3/',
    ]);
  });

  it('lets an undated list jump by the titles’ initial letter', () => {
    const titled = Array.from({ length: 120 }, (_, i) =>
      entry(`${i < 70 ? 'a' : 'b'}${String(i).padStart(3, '0')}`),
    );
    const [first] = undatedPaths(buildArchive(titled));
    expect(first.props.page.jumps.map((j) => [j.label, j.url])).toEqual([
      ['A', '/dates/undated/'],
      ['B', '/dates/undated/2/'],
    ]);
  });

  it('lists undated articles at /dates/undated/', () => {
    const [first] = undatedPaths(buildArchive([entry('a'), entry('b', { dateStart: '2020-01-01' })]));
    expect(first.params.page).toBeUndefined();
    expect(first.props.page.items.map((a) => a.id)).toEqual(['a']);
  });
});

describe('list page cache keys (incremental build)', () => {
  const digested = (entries: SourceEntry[], digestOf: (id: string) => string) =>
    entries.map((e) => ({ ...e, digest: digestOf(e.id) }));
  const tagPages = (entries: SourceEntry[]) => termPaths(buildArchive(entries), 'tags');

  it('change on the page that lists a changed article, and on no other', () => {
    const before = tagPages(digested(many, (id) => `d-${id}`));
    expect(tagPages(digested(many, (id) => `d-${id}`)).map((p) => p.cacheKey)).toEqual(
      before.map((p) => p.cacheKey),
    );
    const after = tagPages(digested(many, (id) => (id === 'a075' ? 'd-edited' : `d-${id}`)));
    const listing = before.map((p) => p.props.page.items.some((a) => a.id === 'a075'));
    expect(listing.filter(Boolean)).toHaveLength(1);
    expect(after.map((p, i) => p.cacheKey !== before[i]!.cacheKey)).toEqual(listing);
  });

  it('change on every page when the list grows (each page prints its length)', () => {
    const before = tagPages(digested(many, (id) => `d-${id}`));
    const grown = [...many, entry('a999', { dateStart: '2019-01-01' })];
    const after = tagPages(digested(grown, (id) => `d-${id}`));
    expect(after.slice(0, 3).every((p, i) => p.cacheKey !== before[i]!.cacheKey)).toBe(true);
  });

  it('give each month and undated page a key of its own', () => {
    const undated = many.map((e) => ({ ...e, data: { ...e.data, dateStart: undefined } }));
    const keys = [
      ...monthPaths(buildArchive(digested(many, (id) => id))).map((p) => p.cacheKey),
      ...undatedPaths(buildArchive(digested(undated, (id) => id))).map((p) => p.cacheKey),
    ];
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.every((k) => typeof k === 'string' && k.length > 20)).toBe(true);
  });
});
