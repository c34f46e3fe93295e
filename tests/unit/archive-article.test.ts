import { describe, expect, it } from 'vitest';
import type { ArticleData } from '../../src/schema/article.ts';
import { buildArchive, type SourceEntry } from '../../src/lib/archive/archive.ts';
import { clip } from '../../src/lib/archive/description.ts';
import { firstSentence } from '../../src/lib/sentences.ts';
import { newsArticleJsonLd, serialiseJsonLd } from '../../src/lib/archive/json-ld.ts';
import { tableOfContents } from '../../src/lib/archive/toc.ts';

function entry(id: string, data: Partial<ArticleData> = {}, body = 'Some words.'): SourceEntry {
  return { id, body, data: { title: id, tags: [`only-${id}`], rawFile: `${id}.txt`, wordCount: 2, ...data } };
}

describe('firstSentence', () => {
  it('stops at the first full stop followed by a new sentence', () => {
    expect(firstSentence('Iran opened a consulate. The minister attended.')).toBe('Iran opened a consulate.');
  });

  it('reads through abbreviations of titles and ranks', () => {
    expect(firstSentence('Brig. Gen. Abolfazl Shekarchi spoke. He said more.')).toBe(
      'Brig. Gen. Abolfazl Shekarchi spoke.',
    );
    expect(firstSentence('Dr. Raz Zimmt and Mr. Smith met on Jan. 5 in St. Petersburg. Later, more.')).toBe(
      'Dr. Raz Zimmt and Mr. Smith met on Jan. 5 in St. Petersburg.',
    );
  });

  it('reads through dotted initialisms and initials', () => {
    expect(firstSentence('The U.S. Treasury acted. Iran replied.')).toBe('The U.S. Treasury acted.');
    expect(firstSentence('John F. Kennedy spoke, e.g. About Cuba. Then left.')).toBe(
      'John F. Kennedy spoke, e.g. About Cuba.',
    );
  });

  it('keeps closing quotes and brackets with the sentence', () => {
    expect(firstSentence('He called it a “victory.” Others disagreed.')).toBe('He called it a “victory.”');
    expect(firstSentence('Sanctions followed (ISNA, May 17.) Iran protested.')).toBe(
      'Sanctions followed (ISNA, May 17.)',
    );
  });

  it('ends at ! and ? too, but not before a lower-case word', () => {
    expect(firstSentence('Is this war? Nobody knows.')).toBe('Is this war?');
    expect(firstSentence('Prices rose approx. five per cent in 2020. Then fell.')).toBe(
      'Prices rose approx. five per cent in 2020.',
    );
    expect(firstSentence('It cost 3.5 million rials… and more. Next.')).toBe(
      'It cost 3.5 million rials… and more.',
    );
  });

  it('returns the whole text, spaces collapsed, when no sentence ends', () => {
    expect(firstSentence('  A headline-like lead\nwith no stop ')).toBe('A headline-like lead with no stop');
  });
});

describe('clip', () => {
  it('cuts an overlong sentence at a word, marked with an ellipsis', () => {
    const cut = clip(`${'word '.repeat(100)}end.`, 50);
    expect(cut.length).toBeLessThanOrEqual(50);
    expect(cut).toMatch(/^(word )+word…$/);
  });
});

describe('newsArticleJsonLd', () => {
  const url = 'https://archive.example/articles/b/';
  const data: ArticleData = {
    title: 'Spotlight on Iran',
    source: 'Meir Amit Center',
    editor: 'Dr. Raz Zimmt',
    series: 'Spotlight on Iran',
    dateStart: '2020-03-22',
    dateEnd: '2020-04-05',
    tags: ['Iran', 'Iraq'],
    rawFile: '003.txt',
    wordCount: 120,
  };

  it('names publisher, editor, series and the range the article covers', () => {
    expect(newsArticleJsonLd({ data, url, description: 'Lead.' })).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: 'Spotlight on Iran',
      description: 'Lead.',
      url,
      temporalCoverage: '2020-03-22/2020-04-05',
      publisher: { '@type': 'Organization', name: 'Meir Amit Center' },
      editor: { '@type': 'Person', name: 'Dr. Raz Zimmt' },
      isPartOf: { '@type': 'CreativeWorkSeries', name: 'Spotlight on Iran' },
      keywords: ['Iran', 'Iraq'],
      isBasedOn: { name: '003.txt' },
    });
  });

  it('gives a single day as datePublished and invents no date for an undated article', () => {
    expect(newsArticleJsonLd({ data: { ...data, dateEnd: undefined }, url })).toMatchObject({
      datePublished: '2020-03-22',
    });
    const undated = newsArticleJsonLd({
      data: { title: 'T', tags: ['x'], rawFile: 'r.txt', wordCount: 1 },
      url,
    });
    expect(Object.keys(undated)).not.toEqual(expect.arrayContaining(['datePublished']));
    expect(undated).not.toHaveProperty('temporalCoverage');
    expect(undated).not.toHaveProperty('publisher');
  });
});

describe('serialiseJsonLd', () => {
  const hostile = { headline: '</script><script>alert(1)</script><!-- & -->', note: 'line\u2028break' };

  it('cannot close its script element or open a comment', () => {
    const json = serialiseJsonLd(hostile);
    expect(json).not.toMatch(/<\/script/i);
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
  });

  it('still parses as the same JSON', () => {
    expect(JSON.parse(serialiseJsonLd(hostile))).toEqual(hostile);
  });
});

describe('tableOfContents', () => {
  it('lists ## headings with ### nested under them, skipping the headline and deeper levels', () => {
    const toc = tableOfContents([
      { depth: 1, slug: 'title', text: 'Title' },
      { depth: 3, slug: 'orphan', text: 'Orphan' },
      { depth: 2, slug: 'syria', text: 'Syria' },
      { depth: 3, slug: 'aleppo', text: 'Aleppo' },
      { depth: 4, slug: 'detail', text: 'Detail' },
      { depth: 2, slug: 'iraq', text: 'Iraq' },
    ]);
    expect(toc).toEqual([
      { slug: 'orphan', text: 'Orphan', children: [] },
      { slug: 'syria', text: 'Syria', children: [{ slug: 'aleppo', text: 'Aleppo', children: [] }] },
      { slug: 'iraq', text: 'Iraq', children: [] },
    ]);
  });

  it('is empty for an article without sections', () => {
    expect(tableOfContents([{ depth: 1, slug: 't', text: 'T' }])).toEqual([]);
  });
});

describe('neighbours', () => {
  const archive = buildArchive([
    entry('s1', { dateStart: '2020-03-22', dateEnd: '2020-04-05', series: 'Spotlight' }),
    entry('mid', { dateStart: '2020-09-24' }),
    entry('s2', { dateStart: '2021-05-13', dateEnd: '2021-05-27', series: 'Spotlight' }),
    entry('s-undated', { series: 'Spotlight' }),
    entry('undated'),
  ]);
  const ids = (id: string) => {
    const n = archive.neighbours(archive.byId.get(id)!);
    return {
      archive: [n.archive.earlier?.id, n.archive.later?.id],
      series: [n.series.earlier?.id, n.series.later?.id],
    };
  };

  it('links each dated article to the dated ones before and after it', () => {
    expect(ids('s1').archive).toEqual([undefined, 'mid']);
    expect(ids('mid').archive).toEqual(['s1', 's2']);
    expect(ids('s2').archive).toEqual(['mid', undefined]);
  });

  it('links parts of a series to each other, skipping other articles', () => {
    expect(ids('s1').series).toEqual([undefined, 's2']);
    expect(ids('s2').series).toEqual(['s1', undefined]);
    expect(ids('mid').series).toEqual([undefined, undefined]);
  });

  it('gives undated articles no neighbours and never makes them one', () => {
    expect(ids('undated')).toEqual({ archive: [undefined, undefined], series: [undefined, undefined] });
    expect(ids('s-undated')).toEqual({ archive: [undefined, undefined], series: [undefined, undefined] });
  });
});

describe('related by source and time', () => {
  it('ranks shared tags first, then the same source; nearness alone relates nothing', () => {
    const archive = buildArchive([
      entry('a', { tags: ['Hamas'], source: 'NCRI', dateStart: '2020-01-01' }),
      entry('tagged', { tags: ['Hamas'], dateStart: '2010-01-01' }),
      entry('same-source', { source: 'NCRI', dateStart: '2015-01-01' }),
      entry('near', { dateStart: '2020-01-02' }),
    ]);
    expect(archive.related(archive.byId.get('a')!).map((r) => r.id)).toEqual(['tagged', 'same-source']);
  });

  it('breaks ties by nearness in time', () => {
    const archive = buildArchive([
      entry('a', { tags: ['Hamas'], dateStart: '2020-06-01' }),
      entry('b-far', { tags: ['Hamas'], dateStart: '2012-01-01' }),
      entry('c-close', { tags: ['Hamas'], dateStart: '2020-05-20' }),
    ]);
    expect(archive.related(archive.byId.get('a')!).map((r) => r.id)).toEqual(['c-close', 'b-far']);
  });
});

describe('archive.description and reading time', () => {
  it('come from the front-matter the ingester wrote, not from the body', () => {
    const archive = buildArchive([
      entry(
        'a',
        { description: 'The ingester’s line.', wordCount: 690 },
        'A body that says otherwise. Really.',
      ),
    ]);
    const article = archive.byId.get('a')!;
    expect(archive.description(article)).toBe('The ingester’s line.');
    expect(article.readingMinutes).toBe(3);
  });
});
