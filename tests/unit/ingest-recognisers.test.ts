import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXED_RULES, matchBoilerplate } from '../../scripts/ingest/boilerplate.ts';
import { isHeadingText, readBody, splitDoubled } from '../../scripts/ingest/body.ts';
import { loadCurated, type Curated } from '../../scripts/ingest/curated.ts';
import { parseDateLine } from '../../scripts/ingest/dates.ts';
import { formatDateRange } from '../../src/lib/archive/dates.ts';
import { decode } from '../../scripts/ingest/decode.ts';
import { FootnoteCounter } from '../../scripts/ingest/footnotes.ts';
import { matchMasthead } from '../../scripts/ingest/masthead.ts';
import type { Line } from '../../scripts/ingest/model.ts';
import { baseSlug, slugify, uniqueSlugs } from '../../scripts/ingest/slug.ts';
import { assignTags } from '../../scripts/ingest/tags.ts';

let curated: Curated;
beforeAll(async () => {
  curated = await loadCurated(path.resolve(import.meta.dirname, '../../content/curated'));
});

const lines = (...texts: string[]): Line[] =>
  texts.flatMap((text, i) => (text === '' ? [] : [{ no: i + 1, text }]));

describe('date lines', () => {
  it('reads a range with an editor', () => {
    expect(parseDateLine('May 13, 2021 – May 27, 2021 Editor: Dr. Raz Zimmt')).toEqual({
      ok: true,
      value: { start: '2021-05-13', end: '2021-05-27', editor: 'Dr. Raz Zimmt' },
    });
  });
  it('reads a range across months', () => {
    expect(parseDateLine('March 22, 2020 – April 5, 2020')).toMatchObject({
      ok: true,
      value: { start: '2020-03-22', end: '2020-04-05' },
    });
  });
  it('reads an upper-case date with a time', () => {
    expect(parseDateLine('SEPTEMBER 24, 2020 12:44')).toMatchObject({
      ok: true,
      value: { start: '2020-09-24' },
    });
  });
  it('reads day-first and ISO dates', () => {
    expect(parseDateLine('24 September 2020')).toMatchObject({ value: { start: '2020-09-24' } });
    expect(parseDateLine('2020-03-22 – 2020-04-05')).toMatchObject({
      value: { start: '2020-03-22', end: '2020-04-05' },
    });
  });
  it('rejects a day that is not in the calendar', () => {
    expect(parseDateLine('February 30, 2021')).toEqual({
      ok: false,
      reason: 'not a calendar date: 2021-2-30',
    });
  });
  it('rejects a range that ends before it starts', () => {
    expect(parseDateLine('May 27, 2021 – May 13, 2021')).toMatchObject({ ok: false });
  });
  it('ignores a date inside a sentence', () => {
    expect(
      parseDateLine('The Commander of the IRGC, Hossein Salami (Defa’ Press, March 28, 2020)'),
    ).toBeUndefined();
    expect(parseDateLine('On May 22, 2021 Iran opened a consulate')).toBeUndefined();
  });
  it('formats ranges for synthesised titles', () => {
    expect(formatDateRange('2021-05-13', '2021-05-27', 'month-day')).toBe('May 13–27, 2021');
    expect(formatDateRange('2020-03-22', '2020-04-05', 'month-day')).toBe('March 22 – April 5, 2020');
    expect(formatDateRange('2020-12-28', '2021-01-03', 'month-day')).toBe(
      'December 28, 2020 – January 3, 2021',
    );
  });
});

describe('mastheads', () => {
  it('recognises a publication by name or alias', () => {
    expect(matchMasthead('Jerusalem Center for Public Affairs', curated.registry)).toEqual({
      source: 'Jerusalem Center for Public Affairs',
    });
    expect(matchMasthead('NCRI', curated.registry)).toEqual({
      source: 'National Council of Resistance of Iran (NCRI)',
    });
  });
  it('recognises a series and its publisher', () => {
    expect(matchMasthead('Spotlight on Iran', curated.registry)).toEqual({
      source: 'Meir Amit Intelligence and Terrorism Information Center',
      series: 'Spotlight on Iran',
    });
  });
  it('recognises a republisher prefix', () => {
    const line =
      'MESOPOTAMIA NEWS INTEL BY MEIR AMIT INTELLIGENCE & TERRORISM INFORMATION CENTER / ISRAEL – Spotlight on Iran';
    expect(matchMasthead(line, curated.registry)).toEqual({
      source: 'Meir Amit Intelligence and Terrorism Information Center',
      series: 'Spotlight on Iran',
      via: 'Mesopotamia News',
    });
  });
  it('does not take a headline that names a publication for a masthead', () => {
    expect(matchMasthead('NCRI says the regime hides the death toll', curated.registry)).toBeUndefined();
  });
});

describe('boilerplate', () => {
  it.each([
    ['Skip to content', 'skip-link'],
    ['Exit mobile version', 'mobile-version'],
    ['cnxps.cmd.push(function () { cnxps({ playerId: ’36af’ }).render(‘4c4d’); });', 'ad-script'],
    ['Content retrieved from:', 'retrieved-from'],
    ['About The Author', 'about-author'],
    ['* * *', 'separator'],
  ])('removes %j as %s', (line, rule) => {
    expect(matchBoilerplate(line, FIXED_RULES)).toBe(rule);
  });
  it('keeps a sentence that only mentions boilerplate', () => {
    expect(
      matchBoilerplate('Readers who skip to content they like miss the point.', FIXED_RULES),
    ).toBeUndefined();
  });
});

describe('body', () => {
  it('splits a caption printed twice on one line', () => {
    expect(splitDoubled('Rally in Tehran. (ISNA, May 19)    Rally in Tehran. (ISNA, May 19)')).toBe(
      'Rally in Tehran. (ISNA, May 19)',
    );
    expect(splitDoubled('Two different    halves of a line')).toBeUndefined();
  });
  it('keeps one caption for a doubled line followed by its split repeat', () => {
    const { blocks, removed } = readBody(
      lines('Rally. (ISNA, May 19)    Rally. (ISNA, May 19)', 'Rally.', '(ISNA, May 19)', '  • next'),
    );
    expect(blocks[0]).toEqual({ kind: 'caption', line: 1, lines: ['Rally. (ISNA, May 19)'] });
    expect(removed.map((r) => r.line)).toEqual([1, 2, 3]);
  });
  it('turns a line repeated after a blank line into one caption', () => {
    const { blocks } = readBody(
      lines('Salami (Defa’ Press, March 28, 2020)', '', 'Salami (Defa’ Press, March 28, 2020)'),
    );
    expect(blocks).toEqual([{ kind: 'caption', line: 1, lines: ['Salami (Defa’ Press, March 28, 2020)'] }]);
  });
  it('reads "  •" bullets as one list until a heading', () => {
    const { blocks } = readBody(lines('• one', '• two', 'Iranian Involvement in Syria', '• three'));
    expect(blocks.map((b) => b.kind)).toEqual(['list', 'heading', 'list']);
  });
  it('does not take a short sentence inside running text for a heading', () => {
    expect(isHeadingText('He said so.')).toBe(false);
    expect(isHeadingText('Iran Watches the U.S.-European Rift with Approval')).toBe(true);
    const { blocks } = readBody(lines('A paragraph.', 'Short line', 'Another paragraph.'));
    expect(blocks.map((b) => b.kind)).toEqual(['paragraph', 'paragraph', 'paragraph']);
  });
});

describe('footnote marks', () => {
  it('finds marks after punctuation and glued to a word, in sequence only', () => {
    const counter = new FootnoteCounter();
    expect(counter.split('for its assistance.”1')).toEqual([
      { type: 'text', value: 'for its assistance.”' },
      { type: 'mark', value: '1' },
    ]);
    expect(counter.split('an Executive Order2 designed')).toEqual([
      { type: 'text', value: 'an Executive Order' },
      { type: 'mark', value: '2' },
      { type: 'text', value: ' designed' },
    ]);
    expect(counter.split('COVID-19, F-35, Resolution 2231, security.7')).toEqual([
      { type: 'text', value: 'COVID-19, F-35, Resolution 2231, security.7' },
    ]);
  });
});

describe('decoding', () => {
  it('reads UTF-16 with a BOM, Windows-1252 and CRLF', () => {
    expect(decode(new Uint8Array([0xff, 0xfe, 0x41, 0, 0x0d, 0, 0x0a, 0]))).toEqual({
      text: 'A\n',
      encoding: 'utf-16le',
    });
    expect(decode(new Uint8Array([0x93, 0x41, 0x94, 0x0d]))).toEqual({
      text: '“A”\n',
      encoding: 'windows-1252',
    });
  });
  it('normalises to NFC and keeps zero-width joiners and non-joiners', () => {
    const text = decode(new TextEncoder().encode('e\u0301 می\u200cروم لا\u200dله')).text;
    expect(text).toBe('\u00e9 می\u200cروم لا\u200dله');
  });
  it('rejects binary data', () => {
    expect(() => decode(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]))).toThrow(/binary/);
  });
});

describe('slugs', () => {
  it('makes readable ASCII slugs from date and title', () => {
    expect(
      baseSlug('Iran’s Zarif tries to form Russia-China alliance against US', '2020-09-24', 'x.txt'),
    ).toBe('2020-09-24-irans-zarif-tries-to-form-russia-china-alliance-against-us');
    expect(slugify('Café “Société”')).toBe('cafe-societe');
  });
  it('keeps Latin letters the way the name URLs do', () => {
    expect(baseSlug('Straße in Łódź', '2021-05-13', 'x.txt')).toBe('2021-05-13-strasse-in-lodz');
  });
  it('falls back to a hash for titles without Latin letters', () => {
    expect(baseSlug('گزارش ویژه', undefined, 'fa.txt')).toMatch(/^article-[0-9a-z]{7}$/);
  });
  it('gives colliding slugs a suffix that does not depend on input order', () => {
    const a = uniqueSlugs([
      { rawFile: 'b.txt', base: 's' },
      { rawFile: 'a.txt', base: 's' },
    ]);
    const b = uniqueSlugs([
      { rawFile: 'a.txt', base: 's' },
      { rawFile: 'b.txt', base: 's' },
    ]);
    expect(a).toEqual(b);
    expect(a.get('a.txt')).toBe('s');
    expect(a.get('b.txt')).toMatch(/^s-[0-9a-z]{7}$/);
  });
});

describe('tags', () => {
  it('keeps the article’s own labels first and adds vocabulary tags', () => {
    const tags = assignTags(
      { filedUnder: ['Iran', 'U.S. Policy'], prominent: ['Hamas leaders meet'], body: ['Syria once'] },
      curated.vocabulary,
    );
    expect(tags.slice(0, 2)).toEqual(['Iran', 'U.S. Policy']);
    expect(tags).toContain('Hamas');
    expect(tags).not.toContain('Syria');
  });
});
