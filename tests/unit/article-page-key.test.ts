/** An article page's cache key changes exactly when something the page shows changes. */
import { describe, expect, it } from 'vitest';
import type { ArticleData } from '../../src/content.config.ts';
import { buildArchive } from '../../src/lib/archive/archive.ts';
import { articlePageKey } from '../../src/lib/article-page-key.ts';

interface Entry {
  id: string;
  digest: string;
  body: string;
  data: ArticleData;
}

const entry = (id: string, dateStart: string, tags: string[], digest = `d-${id}`): Entry => ({
  id,
  digest,
  body: 'Text.',
  data: { title: id.toUpperCase(), dateStart, tags, rawFile: `${id}.txt`, series: 'S', wordCount: 1 },
});

const base = [
  entry('a', '2020-01-01', ['x']),
  entry('b', '2021-01-01', ['x']),
  entry('c', '2022-01-01', ['y']),
  entry('z', '2019-01-01', ['q']),
];

function keys(entries: Entry[]): Map<string, string> {
  const archive = buildArchive(entries);
  return new Map(archive.articles.map((a) => [a.id, articlePageKey(archive, a)]));
}

describe('articlePageKey', () => {
  it('is the same for the same archive', () => {
    expect(keys(base)).toEqual(keys(base.map((e) => ({ ...e }))));
  });

  it('changes for the article whose source changed and for the pages that show it', () => {
    const before = keys(base);
    const after = keys(base.map((e) => (e.id === 'b' ? { ...e, digest: 'd-b2' } : e)));
    expect(after.get('b')).not.toBe(before.get('b'));
    // a and c are b's neighbours in time and in the series; a shares its tag.
    expect(after.get('a')).not.toBe(before.get('a'));
    expect(after.get('c')).not.toBe(before.get('c'));
  });

  it('changes for the neighbours of an added article and not for the others', () => {
    const before = keys(base);
    const after = keys([...base, entry('n', '2023-01-01', ['n'])]);
    expect(after.get('c')).not.toBe(before.get('c'));
    expect(after.get('z')).toBe(before.get('z'));
  });
});
