/** The recognisers behind "no article dropped for its shape": file names, ledes, headlines, repeats. */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCurated, type Curated } from '../../scripts/ingest/curated.ts';
import { decode } from '../../scripts/ingest/decode.ts';
import { readFileName } from '../../scripts/ingest/filename.ts';
import { folderDefaults, folderTag } from '../../scripts/ingest/folders.ts';
import { bodyTextReason, firstSentenceTitle, headlineFromName } from '../../scripts/ingest/headline.ts';
import { readHeader } from '../../scripts/ingest/header.ts';
import type { Line } from '../../scripts/ingest/model.ts';
import { foldedHash, RepeatedCounter, stripRepeated } from '../../scripts/ingest/repeated.ts';
import { splitSentences } from '../../src/lib/sentences.ts';

let curated: Curated;
beforeAll(async () => {
  curated = await loadCurated(path.resolve(import.meta.dirname, '../../content/curated'));
});

const lines = (...texts: string[]): Line[] => texts.map((text, i) => ({ no: i + 1, text }));

describe('file names', () => {
  it('spell a headline after the id segments of a Tehran Times name', () => {
    expect(readFileName('data/_news_454943_Zarif-s-trip-to-Moscow-Baku-postponed.txt')).toEqual({
      words: ['Zarif', 's', 'trip', 'to', 'Moscow', 'Baku', 'postponed'],
    });
  });
  it('hold no headline when they are numbers, hashes or generic words', () => {
    for (const name of [
      'politics/001.txt',
      '000_89785c16a81d71ee.txt',
      'article-12.txt',
      'news_page.txt',
      'input.txt',
    ])
      expect(readFileName(name).words, name).toBeUndefined();
  });
  it('count a single capitalised word, and words split by underscores', () => {
    expect(readFileName('_news_455796_Legacy.txt').words).toEqual(['Legacy']);
    expect(readFileName('Oil_prices_fall.txt').words).toEqual(['Oil', 'prices', 'fall']);
    expect(readFileName('decade_facade.txt').words).toEqual(['decade', 'facade']);
  });
  it('date an article only by a real calendar date at their start', () => {
    expect(readFileName('2021-05-13-iran-rail-deal.txt')).toEqual({
      date: '2021-05-13',
      words: ['iran', 'rail', 'deal'],
    });
    expect(readFileName('20210513_iran_rail_deal.txt').date).toBe('2021-05-13');
    expect(readFileName('20211313_iran_rail_deal.txt').date).toBeUndefined();
    expect(readFileName('_news_20210513_Iran.txt').date).toBeUndefined();
    expect(readFileName('report-2021-05-13.txt').date).toBeUndefined();
  });
});

describe('body text at the top of a file', () => {
  it('is recognised by a dateline, in the shapes wire stories print', () => {
    for (const lede of [
      'TEHRAN – Iran said on Sunday',
      'TEHRAN -- Many diseases',
      'BEIJING (AP)— China said',
      'PADANG BAKUNG, Indonesia (Reuters) -- Floods',
      'TEHRAN, Sept. 24 (MNA) – Iran',
      'Tehran (IRNA)--Iran will',
      '(Washington Post)- Iran has',
      'KABUL/KANDAHAR (AFP/AP) -- Afghan troops',
    ]) {
      expect(bodyTextReason(lede), lede).toBe('it opens with a dateline');
    }
  });
  it('is recognised by several sentences, a final full stop after many words, or a trailing colon', () => {
    expect(bodyTextReason('Talks resumed. Both sides met.')).toBe('it holds several sentences');
    expect(bodyTextReason('The World Bank lauded East Asia’s economic integration on Sunday.')).toBe(
      'it ends a sentence',
    );
    expect(bodyTextReason('Managing Director:')).toBe('it ends mid-sentence');
  });
  it('leaves headlines alone, abbreviations included', () => {
    for (const headline of [
      'U.S. Harsh Language Against Tehran',
      'Iran: “We Will Help Any Country”',
      'Why Trump won',
      'Brig. Gen. Salami visits Mashhad',
      'UN - Iran talks',
    ]) {
      expect(bodyTextReason(headline), headline).toBeUndefined();
    }
  });
  it('splits sentences but not at initials or titles', () => {
    expect(splitSentences('Mr. Zarif met U.S. envoys in Sept. 2020. He left.')).toEqual([
      'Mr. Zarif met U.S. envoys in Sept. 2020.',
      'He left.',
    ]);
  });
});

describe('headlines from file names', () => {
  it('restores apostrophes, hyphens and initials the way the text spells them', () => {
    const text = 'Iran’s envoy said he won’t go. The Iran-Iraq talks and U.S. officials.';
    expect(
      headlineFromName(['Iran', 's', 'envoy', 'won', 't', 'attend', 'Iran', 'Iraq', 'U', 'S', 'talks'], text)
        .title,
    ).toBe('Iran’s envoy won’t attend Iran-Iraq U.S. talks');
  });
  it('joins a lower-case clitic even when the text does not spell it, but not a capital letter', () => {
    expect(headlineFromName(['Zarif', 's', 'trip'], 'No match here.').title).toBe('Zarif’s trip');
    expect(headlineFromName(['Brazil', 'India', 'S', 'Africa'], 'No match here.').title).toBe(
      'Brazil India S Africa',
    );
  });
  it('gives a lower-case name the capitals the text always uses', () => {
    expect(
      headlineFromName(['iran', 'and', 'iraq', 'sign', 'deal'], 'Iran and Iraq signed. The deal with Iraq.')
        .title,
    ).toBe('Iran and Iraq sign deal');
  });
  it('cuts a first sentence at a word boundary', () => {
    expect(firstSentenceTitle('Short one. Then more.')).toBe('Short one.');
    const long = `${'word '.repeat(40)}end.`;
    const title = firstSentenceTitle(long);
    expect(title.length).toBeLessThanOrEqual(121);
    expect(title).toMatch(/word…$/);
  });
});

describe('the headline a file gets', () => {
  const header = (rawFile: string, ...texts: string[]) =>
    readHeader(lines(...texts), curated.registry, rawFile);

  it('is the printed first line when the file name agrees with it or spells none', () => {
    expect(
      header(
        '_news_1_Nujaba-Movement-denounces-U-S-pressure.txt',
        'Nujaba Movement denounces U.S. pressure',
        'Text.',
      ).header.title,
    ).toBe('Nujaba Movement denounces U.S. pressure');
    expect(header('politics/001.txt', 'Labour plans maternity pay rise', 'Text.').header.title).toBe(
      'Labour plans maternity pay rise',
    );
  });
  it('is the file name’s when a headline-cased name disagrees with a short first line, which stays in the body', () => {
    const result = header(
      '_news_2_Iran-blasts-Israeli-massacre.txt',
      'Tehran urges international bodies to act',
      'More text.',
    );
    expect(result.header.title).toBe('Iran blasts Israeli massacre');
    expect(result.bodyStart).toBe(0);
  });
  it('is the printed line when only a lower-case slug disagrees with it', () => {
    expect(header('encoding-utf16-bom.txt', 'Ein überschrift mit Umlaut', 'Text.').header.title).toBe(
      'Ein überschrift mit Umlaut',
    );
  });
  it('comes from the first sentence, with a warning, when nothing else gives one', () => {
    const result = header('001.txt', 'TEHRAN – A lede that opens the file. And goes on.');
    expect(result.header.title).toBe('TEHRAN – A lede that opens the file.');
    expect(result.bodyStart).toBe(0);
    expect(result.diagnostics).toContainEqual(
      expect.objectContaining({ line: 1, severity: 'warning', rule: 'title-from-first-sentence' }),
    );
  });
});

describe('stray bytes', () => {
  it('are removed from text and counted per line', () => {
    expect(
      decode(
        new TextEncoder().encode(
          'Good text\u0000 here, a line of ordinary length\nand \u001a\u001amore of the same\n',
        ),
      ),
    ).toEqual({
      text: 'Good text here, a line of ordinary length\nand more of the same\n',
      encoding: 'utf-8',
      controls: [
        { line: 1, count: 1 },
        { line: 2, count: 2 },
      ],
    });
  });
  it('make a file binary only when they are a tenth of it or there is no letter', () => {
    expect(() => decode(new Uint8Array([0x41, 0x42, 0, 0, 0x43]))).toThrow(/binary/);
    expect(() => decode(new Uint8Array([0x31, 0, 0x32]))).toThrow(/binary/);
  });
});

describe('repeated sentences', () => {
  const licence = [{ text: 'all content by mehr news agency is licensed.' }];
  it('are cut where they stand, glued to a line, with the white space around them', () => {
    expect(stripRepeated('He said so. SB/MG All  Content by Mehr News Agency is licensed.', licence)).toEqual(
      { text: 'He said so. SB/MG', cut: ['All  Content by Mehr News Agency is licensed.'] },
    );
    expect(stripRepeated('A. All content by Mehr News Agency is licensed. B.', licence)).toEqual({
      text: 'A. B.',
      cut: ['All content by Mehr News Agency is licensed.'],
    });
  });
  it('are matched as whole words only', () => {
    expect(stripRepeated('XAll content by Mehr News Agency is licensed.', licence).cut).toEqual([]);
  });
  it('are counted per sentence of at least the minimum length, once per file, per folder', () => {
    const counter = new RepeatedCounter(
      { minFiles: 3, minShare: 0.5, minWords: 4, keep: [] },
      new Map([
        ['a', 4],
        ['b', 4],
      ]),
    );
    for (let i = 0; i < 4; i++) {
      counter.add(
        `a/${i}.txt`,
        `Story ${i} starts here today. Read MORE at   our site now. Too short.\nRead more at our site now.`,
      );
      counter.add(`b/${i}.txt`, i < 2 ? 'Read more at our site now.' : `Story ${i}.`);
    }
    expect(counter.sets()).toEqual({
      a: [{ text: 'read more at our site now.', shown: 'Read MORE at   our site now.', files: 4 }],
    });
  });
});

describe('folders', () => {
  it('name a tag the way a person would write it', () => {
    expect(folderTag('politics')).toBe('Politics');
    expect(folderTag('bbc/world_news')).toBe('World News');
    expect(folderTag('US')).toBe('US');
    expect(folderTag('2021')).toBeUndefined();
  });
  it('take nested curated entries, the deeper winning, tags adding up', () => {
    const folders = {
      bbc: { source: 'BBC News', tags: ['United Kingdom'] },
      'bbc/sport': { source: 'BBC Sport', tags: ['Sport'] },
    };
    expect(folderDefaults('bbc/sport/1.txt', folders)).toEqual({
      source: 'BBC Sport',
      tags: ['United Kingdom', 'Sport'],
    });
    expect(folderDefaults('cnn/1.txt', folders)).toEqual({ tags: ['Cnn'] });
    expect(folderDefaults('1.txt', folders)).toEqual({ tags: [] });
  });
});

describe('folded hashes', () => {
  it('equal for text that folds alike, and count its words', () => {
    const a = 'All  Content by\tMEHR News — Ünïcode';
    const b = 'all content by mehr news — ünïcode';
    expect(foldedHash(a, 0, a.length)).toEqual(foldedHash(b, 0, b.length));
    expect(foldedHash(a, 0, a.length).words).toBe(7);
    expect(foldedHash(a, 0, a.length).hash).not.toBe(foldedHash('all content by mehr news', 0, 24).hash);
  });
});
