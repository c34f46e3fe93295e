import { describe, expect, it } from 'vitest';
import type { ArticleData } from '../../src/schema/article.ts';
import { buildArchive, type SourceEntry } from '../../src/lib/archive/archive.ts';
import { articleCount, pageNote } from '../../src/lib/archive/labels.ts';
import { pagerItems, paginate } from '../../src/lib/archive/paginate.ts';
import { groupByInitial, initialOf } from '../../src/lib/archive/facets.ts';
import { readingMinutes } from '../../src/lib/archive/reading-time.ts';

function entry(id: string, data: Partial<ArticleData> = {}, body = 'Some words.'): SourceEntry {
  return { id, body, data: { title: id, tags: ['Iran'], rawFile: `${id}.txt`, wordCount: 2, ...data } };
}

describe('calendar', () => {
  const archive = buildArchive([
    entry('bulletin', { dateStart: '2020-03-22', dateEnd: '2020-04-05' }),
    entry('new-year', { dateStart: '2020-12-28', dateEnd: '2021-01-03' }),
    entry('single', { dateStart: '2020-04-01' }),
    entry('undated'),
  ]);
  const month = (key: string) => archive.calendar.byMonth.get(key)?.articles.map((a) => a.id);

  it('lists a range under every month it covers', () => {
    expect(month('2020-03')).toEqual(['bulletin']);
    expect(month('2020-04')).toEqual(['bulletin', 'single']);
  });

  it('lists a cross-year range under both years', () => {
    expect(month('2020-12')).toEqual(['new-year']);
    expect(month('2021-01')).toEqual(['new-year']);
    expect(archive.calendar.years.map((y) => y.year)).toEqual([2021, 2020]);
  });

  it('counts each article once per year however many months it covers', () => {
    expect(archive.calendar.years.find((y) => y.year === 2020)?.count).toBe(3);
  });

  it('puts undated articles in their own section and in no month', () => {
    expect(archive.calendar.undated.map((a) => a.id)).toEqual(['undated']);
    const inMonths = [...archive.calendar.byMonth.values()].flatMap((m) => m.articles.map((a) => a.id));
    expect(inMonths).not.toContain('undated');
  });

  it('gives undated articles no date label', () => {
    expect(archive.byId.get('undated')?.dateLabel).toBeUndefined();
    expect(archive.byId.get('bulletin')?.dateLabel).toBe('22 March – 5 April 2020');
  });

  it('uses zero-padded month URLs', () => {
    expect(archive.calendar.byMonth.get('2020-04')?.url).toBe('/dates/2020/04/');
  });
});

describe('sorting', () => {
  it('lists articles newest first with undated ones last', () => {
    const archive = buildArchive([
      entry('b-undated'),
      entry('old', { dateStart: '2019-01-01' }),
      entry('a-undated'),
      entry('new', { dateStart: '2021-01-01' }),
    ]);
    expect(archive.articles.map((a) => a.id)).toEqual(['new', 'old', 'a-undated', 'b-undated']);
  });
});

describe('facets', () => {
  const archive = buildArchive([
    entry('one', { tags: ['Iran', 'إيران'], source: 'NCRI', editor: 'Dr. Raz Zimmt' }),
    entry('two', { tags: ['Iran', 'Iraq'], source: 'NCRI' }),
  ]);

  it('files each article under each of its tags', () => {
    const iran = archive.facets.tags.byName.get('Iran');
    expect(iran?.url).toBe('/tags/iran/');
    expect(iran?.articles.map((a) => a.id)).toEqual(['one', 'two']);
  });

  it('gives non-ASCII tags a reachable ASCII URL', () => {
    expect(archive.facets.tags.byName.get('إيران')?.url).toMatch(/^\/tags\/[a-z0-9-]+\/$/);
  });

  it('indexes sources and editors by slug', () => {
    expect(archive.facets.sources.byName.get('NCRI')?.url).toBe('/sources/ncri/');
    expect(archive.facets.editors.byName.get('Dr. Raz Zimmt')?.url).toBe('/editors/dr-raz-zimmt/');
  });
});

describe('related', () => {
  it('ranks articles sharing rarer tags first and never lists the article itself', () => {
    const archive = buildArchive([
      entry('a', { tags: ['Iran', 'Hamas'] }),
      entry('b', { tags: ['Iran'] }),
      entry('c', { tags: ['Iran', 'Hamas'] }),
      entry('d', { tags: ['Iraq'] }),
    ]);
    const related = archive.related(archive.byId.get('a')!).map((r) => r.id);
    expect(related).toEqual(['c', 'b']);
  });
});

describe('paginate', () => {
  const items = Array.from({ length: 120 }, (_, i) => i);

  it('splits more than 50 items into pages of 50', () => {
    const pages = paginate(items, '/tags/iran/');
    expect(pages.map((p) => p.items.length)).toEqual([50, 50, 20]);
  });

  it('puts page 1 at the list URL and later pages under it', () => {
    const pages = paginate(items, '/tags/iran/');
    expect(pages.map((p) => p.url)).toEqual(['/tags/iran/', '/tags/iran/2/', '/tags/iran/3/']);
    expect(pages[1]).toMatchObject({ prevUrl: '/tags/iran/', nextUrl: '/tags/iran/3/', total: 3 });
  });

  it('keeps exactly 50 items on one page', () => {
    expect(paginate(items.slice(0, 50), '/x/')).toHaveLength(1);
  });

  it('gives an empty list one empty page', () => {
    expect(paginate([], '/x/')).toEqual([
      { number: 1, total: 1, items: [], url: '/x/', firstUrl: '/x/', jumps: [] },
    ]);
  });

  it('gives a list in sections the first page of each, in list order', () => {
    const dated = Array.from({ length: 120 }, (_, i) => (i < 70 ? '2024' : i < 110 ? '2023' : undefined));
    const pages = paginate(dated, '/tags/iran/', 50, (year) => year);
    expect(pages[2].jumps).toEqual([
      { label: '2024', number: 1, url: '/tags/iran/' },
      { label: '2023', number: 2, url: '/tags/iran/2/' },
    ]);
  });

  it('offers no jumps for a one-section or one-page list', () => {
    expect(paginate(items, '/x/', 50, () => '2024')[0].jumps).toEqual([]);
    expect(paginate([1, 2], '/x/', 50, (n) => String(2000 + n))[0].jumps).toEqual([]);
  });
});

describe('pagerItems', () => {
  const numbers = (n: number, total: number) =>
    pagerItems({ number: n, total, firstUrl: '/t/' })
      .map((i) => ('gap' in i ? '…' : i.current ? `[${i.number}]` : String(i.number)))
      .join(' ');

  it('shows first and last with a window around the current page', () => {
    expect(numbers(6, 15)).toBe('1 … 4 5 [6] 7 8 … 15');
    expect(numbers(1, 15)).toBe('[1] 2 3 … 15');
    expect(numbers(15, 15)).toBe('1 … 13 14 [15]');
  });

  it('adds round pages at strides of 10 and 100 in a long list', () => {
    expect(numbers(1, 554)).toBe('[1] 2 3 … 10 … 20 … 100 … 200 … 554');
    expect(numbers(237, 554)).toBe(
      '1 … 100 … 200 … 210 … 220 … 230 … 235 236 [237] 238 239 240 … 250 … 300 … 400 … 554',
    );
  });

  it('reaches any page of a long list in a few clicks', () => {
    const clicks = (target: number, total: number) => {
      let at = 1;
      for (let n = 0; n < 20; n++) {
        if (at === target) return n;
        const links = pagerItems({ number: at, total, firstUrl: '/t/' }).flatMap((i) =>
          'gap' in i ? [] : [i.number],
        );
        at = links.reduce((best, p) => (Math.abs(p - target) < Math.abs(best - target) ? p : best));
      }
      return Infinity;
    };
    for (const target of [2, 77, 333, 538, 675]) expect(clicks(target, 675)).toBeLessThanOrEqual(8);
  });

  it('shows a lone hidden page instead of a gap, and every page of a short list', () => {
    expect(numbers(4, 9)).toBe('1 2 3 [4] 5 6 … 9');
    expect(numbers(2, 3)).toBe('1 [2] 3');
  });

  it('links page 1 at the list URL', () => {
    expect(pagerItems({ number: 2, total: 3, firstUrl: '/t/' })).toEqual([
      { number: 1, url: '/t/', current: false },
      { number: 2, url: '/t/2/', current: true },
      { number: 3, url: '/t/3/', current: false },
    ]);
  });
});

describe('readingMinutes', () => {
  it('rounds to at least a minute for a short body, and is zero for none', () => {
    expect(readingMinutes(4)).toBe(1);
    expect(readingMinutes(0)).toBe(0);
  });

  it('counts 230 words a minute', () => {
    expect(readingMinutes(690)).toBe(3);
  });
});

describe('labels', () => {
  it('counts one article in the singular', () => {
    expect(articleCount(1)).toBe('1 article');
    expect(articleCount(3)).toBe('3 articles');
  });

  it('notes the page only for lists of more than one page', () => {
    const [first] = paginate([1], '/x/');
    const [, second] = paginate(
      Array.from({ length: 60 }, (_, i) => i),
      '/x/',
    );
    expect(pageNote(first)).toBe('');
    expect(pageNote(second)).toBe(' (page 2 of 2)');
  });
});

describe('groupByInitial', () => {
  const term = (name: string) => ({ name, slug: name, url: `/tags/${name}/`, articles: [] });

  it('sections names by initial letter, accents folded, others last', () => {
    const groups = groupByInitial(['1st Brigade', 'Aleppo', 'Ümit', 'ayatollahs', 'Zarif', 'قم'].map(term));
    expect(groups.map((g) => [g.letter, g.id, g.terms.map((t) => t.name)])).toEqual([
      ['A', 'letter-a', ['Aleppo', 'ayatollahs']],
      ['U', 'letter-u', ['Ümit']],
      ['Z', 'letter-z', ['Zarif']],
      ['#', 'letter-other', ['1st Brigade', 'قم']],
    ]);
  });

  it('reads the initial past leading punctuation', () => {
    expect(initialOf('“Quoted” name')).toBe('Q');
    expect(initialOf('al-Kazimi')).toBe('A');
  });
});
