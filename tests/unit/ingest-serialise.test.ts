import fc from 'fast-check';
import type { Root } from 'mdast';
import { describe, expect, it } from 'vitest';
import { toMdast } from '../../scripts/ingest/mdast.ts';
import { frontmatterYaml, serialise, serialiseReference } from '../../scripts/ingest/serialise.ts';
import { ARTICLE_FIELDS, articleFields, type ArticleData } from '../../src/schema/article.ts';

const PUNCTUATION = [...'!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~ \t'].concat([
  'import ',
  'export ',
  'http://',
  'www.',
  '\u00a0',
  '’',
  '”',
]);
const text = fc
  .array(fc.oneof(fc.constantFrom(...PUNCTUATION), fc.string({ unit: 'grapheme-ascii', maxLength: 4 })), {
    maxLength: 20,
  })
  .map((parts) =>
    parts
      .join('')
      .replace(/[\r\n]/g, ' ')
      .trim(),
  )
  .filter((value) => value !== '');

const kinds = fc.constantFrom('paragraph', 'heading', 'list', 'caption');

describe('the fast text handler', () => {
  it('escapes exactly as the stock serialiser does', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(kinds, text), { minLength: 1, maxLength: 6 }), (blocks) => {
        const tree: Root = toMdast(
          blocks.map(([kind, value], line) =>
            kind === 'list'
              ? { kind, line, items: [{ line, text: value }] }
              : kind === 'caption'
                ? { kind, line, lines: [value] }
                : { kind, line, text: value },
          ),
          'title: "x"',
        );
        expect(serialise(tree)).toBe(serialiseReference(tree));
      }),
      { numRuns: 500, seed: 7 },
    );
  });
});

describe('the front-matter', () => {
  it('writes every field of the schema, in the schema’s order', () => {
    const every = Object.fromEntries(
      ARTICLE_FIELDS.map((field) => [
        field,
        field === 'tags' ? ['A tag'] : field.startsWith('date') ? '2021-05-13' : `the ${field}`,
      ]),
    );
    const keys = frontmatterYaml(every as unknown as ArticleData).match(/^\w+(?=:)/gm);
    expect(keys).toEqual(ARTICLE_FIELDS);
    expect(ARTICLE_FIELDS).toEqual(Object.keys(articleFields.shape));
  });
});
