import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { listPageKey } from '../../src/lib/list-page-key.ts';

const article = (id: string, digest: string, title = 'A title') => ({
  id,
  data: { title, dateStart: '2021-05-13' },
  entry: { digest },
  url: `/articles/${id}/`,
});

/** The key as `JSON.stringify` with a replacer gives it: what the one walk must equal. */
function reference(parts: unknown): string {
  const json = JSON.stringify(parts, (_key, value: unknown) =>
    typeof value === 'object' && value !== null && 'entry' in value && 'data' in value && 'id' in value
      ? [(value as { id: string }).id, String((value as { entry: { digest: string } }).entry.digest)]
      : value,
  );
  return createHash('sha256').update(json).digest('base64url');
}

describe('listPageKey', () => {
  it('equals the key of JSON.stringify with articles as [id, digest], whatever the parts hold', () => {
    const parts = {
      name: { name: 'Esmail Qa’ani', aliases: ['Qaani', 'Ghaani'], gone: undefined, fn: () => 1 },
      page: {
        number: 2,
        items: [
          { article: article('a', 'd1'), paragraphs: [{ id: 'p-1', excerpt: 'He said…', href: '/a/#p-1' }] },
          { article: article('b', 'd2'), paragraphs: [] },
        ],
        holes: [undefined, null, 3, () => 2],
      },
      when: new Date(Date.UTC(2021, 4, 13)),
      first: undefined,
    };
    expect(listPageKey(parts)).toBe(reference(parts));
  });

  it('changes with an article’s digest and with what the page prints, not with the rest of the article', () => {
    const page = (a: ReturnType<typeof article>, extra = '') => ({ items: [{ article: a, extra }] });
    const base = listPageKey(page(article('a', 'd1')));
    expect(listPageKey(page(article('a', 'd2')))).not.toBe(base);
    expect(listPageKey(page(article('b', 'd1')))).not.toBe(base);
    expect(listPageKey(page(article('a', 'd1'), 'count 3'))).not.toBe(base);
    // The digest stands for the article's front-matter and body: the object's other fields are not read.
    expect(listPageKey(page(article('a', 'd1', 'Another title')))).toBe(base);
    expect(listPageKey({ when: new Date(0) })).not.toBe(listPageKey({ when: new Date(1) }));
  });
});
