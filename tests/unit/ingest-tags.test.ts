import { describe, expect, it } from 'vitest';
import type { Vocabulary } from '../../scripts/ingest/curated.ts';
import { assignTags, overHalfMessage, overHalfTags } from '../../scripts/ingest/tags.ts';

const vocabulary: Vocabulary = {
  minBodyMatches: 3,
  tags: { Iran: ['Iran', 'Iranian', 'Tehran'], Syria: ['Syria'] },
};
const tag = (prominent: string[], body: string[]) =>
  assignTags({ filedUnder: [], prominent, body }, vocabulary);

describe('vocabulary tags apply only where prominent', () => {
  it('applies a term in the headline', () => {
    expect(tag(['Iran signs deal'], ['Nothing else.'])).toEqual(['Iran']);
  });

  it('applies a term mentioned minBodyMatches times in the body, counting every term of the tag', () => {
    expect(tag(['A deal'], ['Iran and Tehran.', 'The Iranian side.'])).toEqual(['Iran']);
  });

  it('leaves out a term mentioned only in passing', () => {
    expect(tag(['A deal'], ['Iran and Tehran agreed.', 'Syria too.'])).toEqual([]);
  });
});

describe('overHalfTags', () => {
  it('names tags on more than half of the articles, most used first', () => {
    const lists = [['Iran', 'Syria'], ['Iran'], ['Iran', 'Syria'], ['Syria'], ['Iraq']];
    expect(overHalfTags(lists)).toEqual([
      { tag: 'Iran', count: 3 },
      { tag: 'Syria', count: 3 },
    ]);
  });

  it('leaves out the tags it is told to ignore (the Untagged placeholder)', () => {
    expect(overHalfTags([['Untagged'], ['Untagged'], ['Iran']], ['Untagged'])).toEqual([]);
  });

  it('does not count exactly half, nor a tag listed twice on one article twice', () => {
    expect(overHalfTags([['Iran', 'Iran'], ['Syria']])).toEqual([]);
  });

  it('words the summary line with counts, or gives nothing', () => {
    expect(overHalfMessage([['Iran'], ['Iran'], []])).toBe(
      'ingest: tags on more than half of the archive’s articles: "Iran" on 2 of 3; narrow their terms in content/curated/tags.yaml or raise minBodyMatches',
    );
    expect(overHalfMessage([['Iran'], []])).toBeUndefined();
  });
});
