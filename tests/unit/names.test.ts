/** The names finder and the archive-wide index, behaviour by behaviour. */
import { describe, expect, it } from 'vitest';
import { namesSchema, searchAliases, type CuratedNames } from '../../scripts/names/curated.ts';
import {
  cachedName,
  excerptAt,
  findNames,
  findNamesInArticles,
  type ArticleName,
} from '../../scripts/names/find.ts';
import { buildNamesIndex, foundNamesLine, thresholdOf } from '../../scripts/names/index.ts';
import { compileMatcher } from '../../scripts/names/matcher.ts';
import { titleLength } from '../../scripts/names/titles.ts';

const curated: CuratedNames = namesSchema.parse({
  minMentions: 2,
  names: [
    { name: 'Esmail Qa’ani', kind: 'person', aliases: ['Qaani', 'Ghaani', 'Ismail Qaani'] },
    { name: 'United States', kind: 'place', aliases: ['US', 'U.S.'] },
  ],
  givenNames: ['Iraj'],
  ban: ['Friday Prayers'],
});

const find = (...texts: string[]) =>
  findNames(
    texts.map((text, i) => ({ id: `p-${i}`, text })),
    curated,
  );
const names = (found: ArticleName[]) => found.map((n) => `${n.kind}:${n.name}`);

describe('findNames', () => {
  it('counts every spelling of a curated name for its entry, apostrophes and case aside', () => {
    const found = find('General Esmail Qaʼani met them.', 'GHAANI spoke.', 'Ismail Qaani left.');
    const qaani = found.find((n) => n.name === 'Esmail Qa’ani')!;
    expect(qaani).toMatchObject({ kind: 'person', curated: true });
    expect(qaani.paragraphs.map(([id]) => id)).toEqual(['p-0', 'p-1', 'p-2']);
  });

  it('matches an all-capital spelling only in capitals', () => {
    expect(names(find('Tell us what the US wants.'))).toContain('place:United States');
    expect(names(find('Tell us what you want.'))).not.toContain('place:United States');
  });

  it('does not split one person by title', () => {
    const found = find(
      'President Iraj Masjedi arrived.',
      'Brig. Gen. Iraj Masjedi spoke.',
      'Iraj Masjedi left.',
    );
    expect(found.filter((n) => n.kind === 'person').map((n) => n.name)).toEqual(['Iraj Masjedi']);
  });

  it('joins a lone surname to the one full name of the article that ends with it', () => {
    const found = find('Iraj Masjedi arrived.', 'Later, Mr. Masjedi said so.');
    const person = found.find((n) => n.name === 'Iraj Masjedi')!;
    expect(person.paragraphs.map(([id]) => id)).toEqual(['p-0', 'p-1']);
    expect(found.some((n) => n.name === 'Masjedi')).toBe(false);
  });

  it('finds the same names whether the library reads an article’s runs in one call or one paragraph a call', () => {
    const texts = [
      'Foreign Minister Javad Zarif met Sergei Lavrov in Moscow on Monday.',
      'The Atomic Energy Organization of Iran said Brig. Gen. Iraj Masjedi visited Baghdad and Damascus.',
      'Reuters quoted the Ministry of Foreign Affairs of Iraq; Mr. Lavrov spoke.',
      'President Hassan Rouhani left for New York, the International Atomic Energy Agency said.',
    ];
    const paragraphs = texts.map((text, i) => ({ id: `p-${i}`, text }));
    const fresh = (): CuratedNames => namesSchema.parse({ givenNames: ['Iraj'] });
    const batched = findNames(paragraphs, fresh());
    const alone = fresh();
    // Each paragraph's runs tagged in a call of their own first: the article then reads from that memo.
    for (const paragraph of paragraphs) findNames([paragraph], alone);
    expect(findNames(paragraphs, alone)).toEqual(batched);
    expect(batched.length).toBeGreaterThan(5);
  });

  it('finds the same names when the library’s memo fills up between two articles', () => {
    const first = [{ id: 'p-0', text: 'Javad Zarif met Sergei Lavrov in Moscow.' }];
    const second = [
      { id: 'p-0', text: 'Javad Zarif met Sergei Lavrov in Moscow.' },
      { id: 'p-1', text: 'Hassan Rouhani left for New York.' },
    ];
    const fresh = (): CuratedNames => namesSchema.parse({});
    const expected = findNames(second, fresh());
    // A memo of one phrase: the second article asks for one it knows and one it does not.
    const small = fresh();
    findNames(first, small, { memoMax: 1 });
    expect(findNames(second, small, { memoMax: 1 })).toEqual(expected);
  });

  it('reads a phrase the library splits into two sentences (`v. Wade`) as one phrase', () => {
    // The batch then has more sentences than phrases, so each phrase is tagged alone, and `Wade`
    // is found in the second sentence of its own phrase.
    const found = names(find('The ruling in Roe v. Wade stands, Hassan Rouhani said in Tehran.'));
    expect(found).toEqual(expect.arrayContaining(['person:Wade', 'person:Hassan Rouhani', 'place:Tehran']));
  });

  it('finds each article’s names alike read alone or with others in one call, `Roe v. Wade` among them', () => {
    const articles = [
      ['Foreign Minister Javad Zarif met Sergei Lavrov in Moscow on Monday.', 'Reuters quoted Mr. Lavrov.'],
      ['The ruling in Roe v. Wade stands, Hassan Rouhani said in Tehran.'],
      ['The Atomic Energy Organization of Iran said Brig. Gen. Iraj Masjedi visited Baghdad.'],
      [],
      ['President Hassan Rouhani left for New York, the International Atomic Energy Agency said.'],
    ].map((texts) => texts.map((text, i) => ({ id: `p-${i}`, text })));
    const fresh = (): CuratedNames => namesSchema.parse({ givenNames: ['Iraj'] });
    // The call's lines are out of step with its sentences (`v. Wade` is read as two): it is halved
    // until they line up, and every article still gets its own names.
    const together = findNamesInArticles(articles, fresh());
    expect(together).toEqual(articles.map((paragraphs) => findNames(paragraphs, fresh())));
    expect(names(together[1]!)).toEqual(expect.arrayContaining(['person:Wade', 'person:Hassan Rouhani']));
    expect(together.flat().length).toBeGreaterThan(10);
  });

  it('does not count the dateline that opens a story as a mention', () => {
    expect(names(find('TEHRAN – The talks went on.'))).toEqual([]);
    expect(names(find('TEHRAN — Esmail Qa’ani spoke in Tehran.'))).toEqual([
      'person:Esmail Qa’ani',
      'place:Tehran',
    ]);
    expect(names(find('The US – and others – agreed.'))).toContain('place:United States');
  });

  it('gives each paragraph the sentence that names it', () => {
    const [, excerpt] = find('It rained. Then Esmail Qa’ani came. Nobody else did.')[0]!.paragraphs[0]!;
    expect(excerpt).toBe('Then Esmail Qa’ani came.');
  });
});

describe('excerptAt', () => {
  it('clips a long sentence around the name, at words', () => {
    const text = `${'word '.repeat(80)}Qaani ${'more '.repeat(80)}end.`;
    const excerpt = excerptAt(text, text.indexOf('Qaani'));
    expect(excerpt).toContain('Qaani');
    expect(excerpt.length).toBeLessThanOrEqual(202);
    expect(excerpt.startsWith('…') && excerpt.endsWith('…')).toBe(true);
  });
});

describe('titleLength', () => {
  it('counts the title words before a name, never the whole name', () => {
    expect(titleLength(['brig', 'gen', 'abolfazi', 'shekarchi'])).toBe(2);
    expect(titleLength(['foreign', 'minister', 'javad', 'zarif'])).toBe(2);
    expect(titleLength(['president'])).toBe(0);
  });
});

describe('compileMatcher', () => {
  it('refuses a spelling listed under two names', () => {
    const twice = namesSchema.parse({
      names: [
        { name: 'A', kind: 'person', aliases: ['Qaani'] },
        { name: 'B', kind: 'person', aliases: ['Qa’ani'] },
      ],
    });
    expect(() => compileMatcher(twice)).toThrow('"Qa’ani" is a spelling of both "A" and "B"');
  });
});

describe('buildNamesIndex', () => {
  type Articles = { slug: string; names: ArticleName[] }[];
  /** The index from the names the articles' manifest entries carry. */
  const build = (articles: Articles, list = curated) =>
    buildNamesIndex(
      articles.map((a) => ({ slug: a.slug, names: a.names.map(cachedName) })),
      list,
      'v1',
    );
  const found = (name: string, kind: ArticleName['kind'], ids: string[]): ArticleName => ({
    name,
    kind,
    curated: false,
    paragraphs: ids.map((id) => [id, `${name} here.`]),
  });

  it('keeps curated names always, found names only at minMentions, and never banned ones', () => {
    const { index, found: report } = build(
      [
        {
          slug: 'a',
          names: [found('Ali Lotfi', 'person', ['p-1', 'p-2']), found('Once Only', 'person', ['p-1'])],
        },
        { slug: 'b', names: [found('Friday Prayers', 'organisation', ['p-1', 'p-2'])] },
        { slug: 'c', names: [{ ...found('Esmail Qa’ani', 'person', ['p-3']), curated: true }] },
      ],
      curated,
    );
    expect(index.names.map((n) => n.name)).toEqual(['Ali Lotfi', 'Esmail Qa’ani']);
    expect(report).toEqual([{ name: 'Ali Lotfi', kind: 'person', mentions: 2 }]);
    expect(foundNamesLine(report, 'r.json')).toContain('"Ali Lotfi" (person, 2)');
  });

  it('merges spellings that fold alike and takes the kind most mentions give', () => {
    const { index } = build(
      [
        { slug: 'a', names: [found('Ali Lotfi', 'person', ['p-1'])] },
        { slug: 'b', names: [found('ALI LOTFI', 'place', ['p-1'])] },
        { slug: 'c', names: [found('Ali Lotfi', 'person', ['p-1'])] },
      ],
      curated,
    );
    expect(index.names).toHaveLength(1);
    expect(index.names[0]).toMatchObject({
      name: 'Ali Lotfi',
      kind: 'person',
      aliases: ['ALI LOTFI'],
      mentions: 3,
    });
  });

  it('never gives a name the URL of a list by kind', () => {
    const { index } = build(
      [{ slug: 'a', names: [found('People', 'organisation', ['p-1', 'p-2'])] }],
      curated,
    );
    expect(index.names[0]!.slug).toMatch(/^people-[0-9a-z]{7}$/);
  });

  it('raises the threshold with the archive’s size when names.yaml asks', () => {
    const grows = { ...curated, minMentions: 2, minMentionsPer1000Articles: 1 };
    expect(thresholdOf(grows, 5)).toBe(2);
    expect(thresholdOf(grows, 3_001)).toBe(4);
    expect(thresholdOf({ ...grows, minMentionsPer1000Articles: 0 }, 33_724)).toBe(2);
    const articles = Array.from({ length: 3_001 }, (_, i) => ({ slug: `a${i}`, names: [] as ArticleName[] }));
    articles[0]!.names = [found('Ali Lotfi', 'person', ['p-1', 'p-2', 'p-3'])];
    articles[1]!.names = [found('Reza Kia', 'person', ['p-1', 'p-2', 'p-3', 'p-4'])];
    expect(build(articles, grows).index.names.map((n) => n.name)).toEqual(['Reza Kia']);
  });

  it('gives each paragraph the spelling that mentions it there, and no excerpt', () => {
    const { index } = build([
      { slug: 'b', names: [found('ALI LOTFI', 'person', ['p-1']), found('Ali Lotfi', 'person', ['p-2'])] },
      { slug: 'a', names: [found('Ali Lotfi', 'person', ['p-1', 'p-2'])] },
      { slug: 'c', names: [found('Ali Lotfi', 'place', ['p-9'])] },
    ]);
    expect(index.version).toBe('v1');
    const [lotfi] = index.names;
    // Numbered as the articles, by slug, first use them; one number per spelling and kind.
    expect(lotfi!.sources).toEqual([
      ['person', 'Ali Lotfi'],
      ['person', 'ALI LOTFI'],
      ['place', 'Ali Lotfi'],
    ]);
    expect(lotfi!.articles).toEqual([
      {
        slug: 'a',
        paragraphs: [
          ['p-1', 0],
          ['p-2', 0],
        ],
      },
      {
        slug: 'b',
        paragraphs: [
          ['p-1', 1],
          ['p-2', 0],
        ],
      },
      { slug: 'c', paragraphs: [['p-9', 2]] },
    ]);
  });
});

describe('searchAliases', () => {
  it('gives the search the spellings of people and places, acronyms left out', () => {
    expect(searchAliases(curated)).toEqual([
      { name: 'Esmail Qa’ani', spellings: ['Qaani', 'Ghaani', 'Ismail Qaani'] },
    ]);
  });
});
