/**
 * The lexicon's records (src/lib/search/lexicon.ts): which words a page contributes, how a shard's
 * pages are laid out, and how positions Pagefind reports are read back as pages. The same records,
 * built by Pagefind and searched with its browser code, are tested in search-index.test.ts.
 */
import { describe, expect, it } from 'vitest';
import {
  blockAt,
  distinctWords,
  layoutRecord,
  rareLimit,
  recordWords,
  someBlockHoldsAll,
} from '../../src/lib/search/lexicon.ts';

describe('distinctWords', () => {
  it('splits where Pagefind does: Unicode white space, not JavaScript’s \\s', () => {
    // U+0085 (next line) is white space to Pagefind (Rust) and not to JavaScript; U+FEFF the reverse.
    expect(distinctWords(['a\u0085b c\u00a0d e\ufefff'])).toEqual(['a', 'b', 'c', 'd', 'e\ufefff']);
  });

  it('drops zero-width spaces and Pagefind’s own markers, which count no position', () => {
    expect(distinctWords(['\u200b x\u200by ___PAGEFIND_WEIGHT___2 ___END_PAGEFIND_WEIGHT___ z'])).toEqual([
      'xy',
      'z',
    ]);
  });

  it('keeps each word once, across texts (the content and the title)', () => {
    expect(distinctWords(['Iran and Iran', 'Iran talks'])).toEqual(['Iran', 'and', 'talks']);
  });

  it('keeps one of the forms that differ by ASCII punctuation at the ends, a punctuated one', () => {
    expect(distinctWords(['Iran (Iran Iran, Iran.'])).toEqual(['(Iran']);
    // `abc123,` is indexed as `abc123`, `abc` and `123`; `abc123` as `abc123` only.
    expect(distinctWords(['abc123 abc123,'])).toEqual(['abc123,']);
    expect(distinctWords(['abc123, abc123'])).toEqual(['abc123,']);
  });

  it('keeps forms apart that Pagefind may index differently', () => {
    // `#` and `*` are emoji to Pagefind; curly quotes are not ASCII; inner punctuation splits words.
    expect(distinctWords(['#1 1 *x x “Iran Iran Qa’ani Qaani U.S. US — ...'])).toEqual([
      '#1',
      '1',
      '*x',
      'x',
      '“Iran',
      'Iran',
      'Qa’ani',
      'Qaani',
      'U.S.',
      'US',
      '—',
      '...',
    ]);
  });

  it('gives the same words whatever order the forms come in', () => {
    const forms = ['Iran,', 'Iran', '(Iran', 'Iran.'];
    const reversed = [...forms].reverse();
    expect(distinctWords([forms.join(' ')])).toEqual(distinctWords([reversed.join(' ')]));
  });
});

describe('rareLimit', () => {
  it('is 1/64 of the pages, at least 8', () => {
    expect([1, 100, 512, 640, 4200, 5000].map(rareLimit)).toEqual([8, 8, 8, 10, 66, 78]);
  });
});

/** `n` pages, page i holding `filler-i` and the words `extra(i)` gives it. */
function pages(n: number, extra: (i: number) => string[]): string[][] {
  return Array.from({ length: n }, (_, i) => [`filler-${i}`, ...extra(i)]);
}

describe('layoutRecord', () => {
  // 20 pages: limit 8. `common` on 9 pages is common; `rare` on 2, `once` on 1.
  const shard = pages(20, (i) => [
    ...(i < 9 ? ['common'] : []),
    ...(i === 3 || i === 15 ? ['rare'] : []),
    ...(i === 15 ? ['once', 'twice'] : []),
    ...(i === 7 ? ['twice'] : []),
  ]);
  const { text, layout } = layoutRecord(shard);
  const words = text.split(' ');

  it('puts each page’s rare words in a block, shortest first, then the common words once', () => {
    expect(words.filter((w) => w === 'common')).toHaveLength(1);
    expect(words.indexOf('common')).toBeGreaterThanOrEqual(layout.common);
    expect(words.slice(layout.common)).toEqual(['common']);
    // 17 pages hold their filler alone; pages 3 and 7 one more word; page 15 three more.
    expect(layout.runs).toEqual([1, 17, 2, 2, 4, 1]);
    expect(layout.common).toBe(17 + 4 + 4);
    expect(recordWords(text)).toBe(layout.common + 1);
  });

  it('gives each position the block of the page it came from', () => {
    const blockOfPage = new Map<number, number>();
    words.forEach((word, position) => {
      const page = /^filler-(\d+)$/.exec(word)?.[1];
      if (page !== undefined) blockOfPage.set(Number(page), blockAt(layout, position)!);
    });
    expect(new Set(blockOfPage.values()).size).toBe(20);
    words.forEach((word, position) => {
      const block = blockAt(layout, position);
      if (word === 'common') expect(block).toBeUndefined();
      if (word === 'once') expect(block).toBe(blockOfPage.get(15));
    });
    const rare = words.flatMap((w, p) => (w === 'rare' ? [blockAt(layout, p)] : []));
    expect(rare.sort()).toEqual([blockOfPage.get(3), blockOfPage.get(15)].sort());
  });

  it('is the same for the same pages in any order', () => {
    expect(layoutRecord([...shard].reverse())).toEqual(layoutRecord(shard));
  });

  it('lays out an empty shard as nothing', () => {
    expect(layoutRecord([])).toEqual({ text: '', layout: { runs: [], common: 0 } });
    expect(recordWords('')).toBe(0);
  });
});

describe('someBlockHoldsAll', () => {
  // Blocks: 0 = [0, 2), 1 = [2, 4), 2 = [4, 7); common words from 7.
  const layout = { runs: [2, 2, 3, 1], common: 7 };

  it('reads positions as blocks', () => {
    expect([0, 1, 2, 3, 4, 6, 7, 99, -1].map((p) => blockAt(layout, p))).toEqual([
      0,
      0,
      1,
      1,
      2,
      2,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('is true only when one block holds a position of every word', () => {
    expect(someBlockHoldsAll(layout, [[0], [1]])).toBe(true);
    expect(someBlockHoldsAll(layout, [[0], [2]])).toBe(false);
    expect(someBlockHoldsAll(layout, [[0, 5], [2, 6], [4]])).toBe(true);
    expect(someBlockHoldsAll(layout, [[0, 5], [2, 6], [3]])).toBe(false);
  });

  it('takes a word among the common ones to be on every page', () => {
    expect(someBlockHoldsAll(layout, [[0], [7]])).toBe(true);
    expect(someBlockHoldsAll(layout, [[8], [9]])).toBe(true);
    expect(someBlockHoldsAll(layout, [[0], [8], [2]])).toBe(false);
  });

  it('lets a word with no positions in this record narrow nothing', () => {
    expect(someBlockHoldsAll(layout, [[0], undefined])).toBe(true);
    expect(someBlockHoldsAll(layout, [[0], []])).toBe(true);
    expect(someBlockHoldsAll(layout, [])).toBe(true);
  });
});
