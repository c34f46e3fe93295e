import { describe, expect, it } from 'vitest';
import {
  anchorAt,
  excerpt,
  holdsPhrase,
  paragraphHits,
  paragraphUrl,
  rankParagraphs,
  snippet,
  sortedAnchors,
} from '../../src/lib/search/paragraphs.ts';
import { parseQuery } from '../../src/lib/search/query-terms.ts';
import { segmentsText } from '../../src/lib/search/segments.ts';
import type { PagefindFragment } from '../../src/lib/search/types.ts';

// Words:        0         1   2   3         4  5     6     7    8  9      10   11  12       13
const content = 'Headline. Lead one two. Overview. Esmail Qa’ani went to Baghdad. Then Qa’ani met leaders.';
const fragment: PagefindFragment = {
  url: '/articles/x/?pagefind-highlight=qaani',
  content,
  excerpt: '',
  meta: { title: 'Headline' },
  anchors: [
    { element: 'p', id: 'p-lead', location: 1 },
    { element: 'h2', id: 'overview', location: 4 },
    { element: 'li', id: 'p-item', location: 5 },
    { element: 'p', id: 'p-inner', location: 5 }, // the paragraph inside the list item
    { element: 'p', id: 'p-last', location: 10 },
  ],
  locations: [11, 0, 6],
};

describe('paragraphHits', () => {
  it('assigns each match to the nearest paragraph at or before it, innermost first, in page order', () => {
    const hits = paragraphHits(fragment);
    expect(hits.map((h) => [h.id, h.locations])).toEqual([
      ['p-inner', [6]],
      ['p-last', [11]],
    ]);
  });

  it('leaves matches before the first paragraph (the headline) to the result link', () => {
    expect(paragraphHits({ ...fragment, locations: [0] })).toEqual([]);
  });

  it('snips the paragraph only, with the match marked', () => {
    const [first, second] = paragraphHits(fragment);
    expect(first.snippet).toEqual([
      { text: 'Esmail ', mark: false },
      { text: 'Qa’ani', mark: true },
      { text: ' went to Baghdad.', mark: false },
    ]);
    expect(segmentsText(second.snippet)).toBe('Then Qa’ani met leaders.');
  });

  it('reads words the way Pagefind counts them, from the text as written', () => {
    const hits = paragraphHits({
      ...fragment,
      content: 'A <b>  Qaani\u00A0here',
      raw_content: 'A &lt;b&gt;  Qaani\u00A0here',
      anchors: [{ element: 'p', id: 'p', location: 0 }],
      locations: [2],
    });
    expect(hits[0].snippet).toEqual([
      { text: 'A <b> ', mark: false },
      { text: 'Qaani', mark: true },
      { text: ' here', mark: false },
    ]);
  });

  it('keeps a literal entity in the article as typed (raw_content cannot tell it from an escape)', () => {
    const page = {
      ...fragment,
      content: 'Write &lt;b&gt; for <b>.',
      raw_content: 'Write &lt;b&gt; for &lt;b&gt;.',
      anchors: [{ element: 'p', id: 'p', location: 0 }],
      locations: [1],
    };
    expect(segmentsText(paragraphHits(page)[0].snippet)).toBe('Write &lt;b&gt; for <b>.');
  });

  it('splits on U+200B where Pagefind put it between words of unspaced scripts', () => {
    const hits = paragraphHits({
      ...fragment,
      content: '東京大阪',
      raw_content: '東京\u200B大阪',
      anchors: [{ element: 'p', id: 'p', location: 0 }],
      locations: [1],
    });
    expect(hits[0].snippet).toEqual([
      { text: '東京 ', mark: false },
      { text: '大阪', mark: true },
    ]);
  });
});

describe('anchorAt and snippet', () => {
  const anchors = sortedAnchors([
    { element: 'p', id: 'b', location: 9 },
    { element: 'p', id: 'a', location: 3 },
    { element: 'p', id: '', location: 6 },
  ]);

  it('sorts by position and skips anchors without an id', () => {
    expect(anchors.map((a) => a.id)).toEqual(['a', 'b']);
    expect(anchorAt(anchors, 2)).toBeUndefined();
    expect(anchorAt(anchors, 3)?.id).toBe('a');
    expect(anchorAt(anchors, 8)?.id).toBe('a');
    expect(anchorAt(anchors, 50)?.id).toBe('b');
  });

  it('windows long paragraphs with ellipses on the cut sides', () => {
    const words = Array.from({ length: 100 }, (_, i) => `w${i}`);
    const text = segmentsText(snippet(words, [50], 10, 90, 6));
    expect(text).toBe('… w48 w49 w50 w51 w52 w53 …');
    expect(segmentsText(snippet(words, [11], 10, 90, 4))).toBe('w10 w11 w12 w13 …');
    expect(segmentsText(snippet(words, [89], 10, 90, 4))).toBe('… w86 w87 w88 w89');
  });
});

describe('paragraphUrl', () => {
  it('keeps the highlight parameters and sets the fragment', () => {
    expect(paragraphUrl('/articles/x/?pagefind-highlight=Qa%E2%80%99ani', 'p-1abc')).toBe(
      '/articles/x/?pagefind-highlight=Qa%E2%80%99ani#p-1abc',
    );
    expect(paragraphUrl('https://example.org/a/', 'p-2')).toBe('https://example.org/a/#p-2');
  });
});

describe('excerpt', () => {
  it('windows the page around its first match, matches marked, text as written', () => {
    const page = { ...fragment, content: 'a <script>x Qa’ani b &amp; c', locations: [2, 4] };
    expect(excerpt(page)).toEqual([
      { text: 'a <script>x ', mark: false },
      { text: 'Qa’ani', mark: true },
      { text: ' b ', mark: false },
      { text: '&amp;', mark: true },
      { text: ' c', mark: false },
    ]);
  });

  it('opens the page when a filter-only search matched no word', () => {
    expect(segmentsText(excerpt({ ...fragment, locations: [] }, 3))).toBe('Headline. Lead one …');
  });
});

describe('rankParagraphs', () => {
  // Words:           0         1     2        3       4     5          6        7     8          9     10
  const content = 'Headline. A railway here. Another railway: Shalamcheh railway link. Last railway.';
  const page: PagefindFragment = {
    ...fragment,
    content,
    anchors: [
      { element: 'p', id: 'p-a', location: 1 },
      { element: 'p', id: 'p-b', location: 4 },
      { element: 'p', id: 'p-c', location: 9 },
    ],
    locations: [2, 5, 6, 7, 10],
  };

  it('puts the paragraph with the most distinct query terms first, then page order', () => {
    const hits = rankParagraphs(paragraphHits(page, parseQuery('Shalamcheh railway')));
    expect(hits.map((h) => [h.id, h.terms])).toEqual([
      ['p-b', 2],
      ['p-a', 1],
      ['p-c', 1],
    ]);
  });

  it('breaks a tie in distinct terms by the number of matches', () => {
    const many = { ...page, locations: [2, 5, 7, 10] };
    expect(rankParagraphs(paragraphHits(many, parseQuery('railway'))).map((h) => h.id)).toEqual([
      'p-b',
      'p-a',
      'p-c',
    ]);
  });

  it('counts inflected forms as the same term', () => {
    const forms = {
      ...page,
      content: 'Headline. Sanctions and sanction. New sanctioned railways.',
      anchors: [
        { element: 'p', id: 'p-a', location: 1 },
        { element: 'p', id: 'p-b', location: 4 },
      ],
      locations: [1, 3, 5, 6],
    };
    expect(paragraphHits(forms, parseQuery('sanctions railway')).map((h) => h.terms)).toEqual([1, 2]);
  });

  it('puts the paragraph holding a quoted phrase first, even with fewer matches', () => {
    const phrased = {
      ...page,
      content: 'Headline. Qa’ani met Esmail and Esmail met Qa’ani. Esmail Qa’ani spoke.',
      anchors: [
        { element: 'p', id: 'p-a', location: 1 },
        { element: 'p', id: 'p-b', location: 8 },
      ],
      locations: [1, 3, 5, 7, 8, 9],
    };
    const hits = rankParagraphs(paragraphHits(phrased, parseQuery('"Esmail Qaani"')));
    expect(hits.map((h) => [h.id, h.phrase])).toEqual([
      ['p-b', true],
      ['p-a', false],
    ]);
  });

  it('keeps page order without a query', () => {
    expect(rankParagraphs(paragraphHits(page)).map((h) => h.id)).toEqual(['p-b', 'p-a', 'p-c']);
    expect(paragraphHits(page).map((h) => h.id)).toEqual(['p-a', 'p-b', 'p-c']);
  });
});

describe('holdsPhrase', () => {
  it('compares words as normalised, punctuation and apostrophes aside', () => {
    expect(holdsPhrase(['General', 'Esmail', 'Qaʼani,', 'said'], ['esmail', 'qaani'])).toBe(true);
    expect(holdsPhrase(['Esmail', 'and', 'Qaani'], ['esmail', 'qaani'])).toBe(false);
  });
});
