import { describe, expect, it } from 'vitest';
import {
  articleCitation,
  bibEscape,
  bibKey,
  bibtex,
  citeSource,
  excerpt,
  formatDateRange,
  paragraphCitation,
  quotedTitle,
  type CiteSource,
} from '../../src/lib/cite.ts';

const spotlight: CiteSource = {
  slug: 'spotlight-on-iran-2020-03-22',
  title: 'Spotlight on Iran, 22 March – 5 April 2020',
  source: 'Meir Amit Intelligence and Terrorism Information Center',
  series: 'Spotlight on Iran',
  via: 'Mesopotamia News',
  editor: 'Dr. Raz Zimmt',
  dateStart: '2020-03-22',
  dateEnd: '2020-04-05',
  url: 'https://archive.example/articles/spotlight-on-iran-2020-03-22/',
};

const undated: CiteSource = {
  slug: 'iran-we-will-help',
  title: 'Iran: “We Will Help”?',
  url: 'https://archive.example/articles/iran-we-will-help/',
};

describe('formatDateRange', () => {
  it('formats a day, and ranges within a month, across months and across years', () => {
    expect(formatDateRange('2020-09-18')).toBe('September 18, 2020');
    expect(formatDateRange('2020-09-18', '2020-09-18')).toBe('September 18, 2020');
    expect(formatDateRange('2020-09-18', '2020-09-24')).toBe('September 18–24, 2020');
    expect(formatDateRange('2020-03-22', '2020-04-05')).toBe('March 22 – April 5, 2020');
    expect(formatDateRange('2020-12-28', '2021-01-03')).toBe('December 28, 2020 – January 3, 2021');
  });

  it('returns nothing for an undated article rather than inventing a date', () => {
    expect(formatDateRange(undefined, undefined)).toBeUndefined();
  });
});

describe('articleCitation', () => {
  it('cites every known part in order', () => {
    expect(articleCitation(spotlight)).toBe(
      '“Spotlight on Iran, 22 March – 5 April 2020.” Edited by Dr. Raz Zimmt. Spotlight on Iran. ' +
        'Meir Amit Intelligence and Terrorism Information Center, March 22 – April 5, 2020. ' +
        'Republished by Mesopotamia News. https://archive.example/articles/spotlight-on-iran-2020-03-22/.',
    );
  });

  it('says n.d. for an undated article and keeps a title’s own closing mark', () => {
    expect(articleCitation(undated)).toBe(
      '“Iran: ‘We Will Help’?” n.d. https://archive.example/articles/iran-we-will-help/.',
    );
    expect(articleCitation({ ...undated, source: 'JCPA' })).toBe(
      '“Iran: ‘We Will Help’?” JCPA, n.d. https://archive.example/articles/iran-we-will-help/.',
    );
  });
});

describe('quotedTitle', () => {
  it('turns inner quotes single and puts the period inside them', () => {
    expect(quotedTitle('Iran: “We Will Help Any Country”')).toBe('“Iran: ‘We Will Help Any Country.’”');
    expect(quotedTitle('Zarif says "no" to talks')).toBe('“Zarif says ‘no’ to talks.”');
    expect(quotedTitle('Is it over?')).toBe('“Is it over?”');
    expect(quotedTitle('Iran: “Will it help?”')).toBe('“Iran: ‘Will it help?’”');
  });
});

describe('paragraphCitation', () => {
  it('adds the first words and the fragment to the article URL', () => {
    const text =
      'The Lebanese newspaper al-Modon reported (March 23) that Russia imposed a policy of distancing the forces. ¶';
    const cited = paragraphCitation(spotlight, 'p-0abc123', text);
    expect(cited).toContain('March 22 – April 5, 2020.');
    expect(cited).toContain(
      'Paragraph beginning “The Lebanese newspaper al-Modon reported (March 23) that Russia imposed a policy…”.',
    );
    expect(cited.endsWith('https://archive.example/articles/spotlight-on-iran-2020-03-22/#p-0abc123.')).toBe(
      true,
    );
  });

  it('quotes a short paragraph whole and leaves out an empty one', () => {
    expect(excerpt('Short one. ¶')).toBe('Short one.');
    expect(paragraphCitation(undated, 'p-x', '¶')).not.toContain('Paragraph beginning');
  });
});

describe('bibtex', () => {
  it('writes a @misc entry with escaped fields, month macro and biblatex date range', () => {
    expect(bibtex({ ...spotlight, title: 'Guns & Roses: 100% {new}' })).toBe(
      [
        '@misc{spotlight-on-iran-2020-03-22,',
        '  title = {{Guns \\& Roses: 100\\% \\{new\\}}},',
        '  editor = {Dr. Raz Zimmt},',
        '  howpublished = {Meir Amit Intelligence and Terrorism Information Center},',
        '  series = {Spotlight on Iran},',
        '  year = {2020},',
        '  month = mar,',
        '  date = {2020-03-22/2020-04-05},',
        '  url = {https://archive.example/articles/spotlight-on-iran-2020-03-22/},',
        '  note = {Republished by Mesopotamia News},',
        '}',
      ].join('\n'),
    );
  });

  it('has no year when undated, and a safe key', () => {
    const entry = bibtex(undated);
    expect(entry).not.toMatch(/year|month|date/);
    expect(bibKey('été 2020/x')).toBe('ete-2020-x');
    expect(bibKey('???')).toBe('article');
    expect(bibEscape('a_b#c~d^e\\f$')).toBe(
      'a\\_b\\#c\\textasciitilde{}d\\textasciicircum{}e\\textbackslash{}f\\$',
    );
  });
});

describe('citeSource', () => {
  it('takes the citation fields from the front-matter and leaves absent ones out', () => {
    const data = {
      title: 'T',
      source: 'S',
      tags: ['x'],
      rawFile: 'r.txt',
      dateStart: '2020-09-24',
      wordCount: 3,
    };
    expect(citeSource('slug', 'https://a/', data)).toEqual({
      slug: 'slug',
      url: 'https://a/',
      title: 'T',
      source: 'S',
      dateStart: '2020-09-24',
    });
  });
});
