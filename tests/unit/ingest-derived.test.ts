/**
 * Description, word count and paragraph ids are worked out once at ingest from the ingester's own
 * syntax tree. The ids must be the ones the site's rehype plugin gives the rendered page: checked
 * against the MDX pipeline itself (tests/helpers/paragraph-ids-mdx.ts) on every fixture and sample,
 * and on arbitrary blocks.
 */
import path from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { ingestBytes } from '../../scripts/ingest/article.ts';
import { loadCurated, type Curated } from '../../scripts/ingest/curated.ts';
import { countWords, deriveFromTree } from '../../scripts/ingest/derived.ts';
import { bodyMdast, toMdast } from '../../scripts/ingest/mdast.ts';
import type { Block } from '../../scripts/ingest/model.ts';
import { serialise } from '../../scripts/ingest/serialise.ts';
import { curatedFor, listFixtures } from '../helpers/fixtures.ts';
import { paragraphIdsOfMdx } from '../helpers/paragraph-ids-mdx.ts';

// eslint-disable-next-line no-control-regex -- a raw line holds no control character or line break
const LINE_BREAKS_AND_CONTROLS = /[\u0000-\u001f\u007f\u2028\u2029]/g;

let curated: Curated;
beforeAll(async () => {
  curated = await loadCurated(path.resolve(import.meta.dirname, '../../content/curated'));
});

describe('paragraph ids worked out at ingest', () => {
  for (const fixture of listFixtures()) {
    it(`${fixture.name}: equal the ids of the rendered page`, async () => {
      const result = ingestBytes(
        fixture.bytes,
        fixture.rawFile,
        curatedFor(fixture, curated),
        fixture.repeated,
      );
      if (!result.ok) return;
      expect(result.paragraphIds).toEqual(await paragraphIdsOfMdx(result.mdx));
      expect(result.paragraphIds.length).toBeGreaterThan(0);
    });
  }

  const TOKENS = [
    'Iran',
    'said',
    '“quoted.”1',
    'COVID-19',
    '{x}',
    '<b>',
    '#',
    '* ',
    '| a |',
    'http://example.com',
    '  ',
    'ق',
    'p-0abc123',
    'P 0abc123',
    '2.',
    '\u200c',
  ];
  const text = fc
    .array(fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 6 })), { minLength: 1, maxLength: 8 })
    .map((p) => p.join(' ').replace(LINE_BREAKS_AND_CONTROLS, ' ').trim())
    .filter((t) => /\p{L}/u.test(t));
  const block: fc.Arbitrary<Block> = fc.oneof(
    text.map((t): Block => ({ kind: 'paragraph', line: 1, text: t })),
    text.map((t): Block => ({ kind: 'heading', line: 1, text: t })),
    fc
      .array(text, { minLength: 1, maxLength: 3 })
      .map((items): Block => ({ kind: 'list', line: 1, items: items.map((t) => ({ line: 1, text: t })) })),
    fc
      .array(text, { minLength: 1, maxLength: 2 })
      .map((lines): Block => ({ kind: 'caption', line: 1, lines })),
  );

  it('equal the ids of the rendered page for arbitrary blocks, repeats and footnote marks included', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(block, { minLength: 1, maxLength: 6 }), async (blocks) => {
        const ids = deriveFromTree(bodyMdast(blocks), undefined).paragraphIds;
        expect(ids).toEqual(await paragraphIdsOfMdx(serialise(toMdast(blocks, 'title: "x"'))));
      }),
      { numRuns: 150, seed: 20261122 },
    );
  });
});

describe('description and word count', () => {
  const blocks: Block[] = [
    { kind: 'caption', line: 1, lines: ['A photo caption.'] },
    { kind: 'heading', line: 2, text: 'Overview' },
    { kind: 'paragraph', line: 3, text: 'The U.S. order was signed on Monday.1 Officials said more.' },
    { kind: 'list', line: 4, items: [{ line: 4, text: 'A point.' }] },
  ];

  it('take the lead’s first sentence, without captions, headings or footnote marks', () => {
    expect(deriveFromTree(bodyMdast(blocks), undefined).description).toBe(
      'The U.S. order was signed on Monday.',
    );
  });

  it('prefer the standfirst, clipped to about 300 characters', () => {
    expect(deriveFromTree(bodyMdast(blocks), 'The standfirst.').description).toBe('The standfirst.');
    expect(deriveFromTree(bodyMdast(blocks), `${'word '.repeat(100)}end.`).description).toMatch(
      /^(word )+word…$/,
    );
  });

  it('take a list item when the body opens with a list, and have none for a body without prose', () => {
    expect(
      deriveFromTree(
        bodyMdast([{ kind: 'list', line: 1, items: [{ line: 1, text: 'First point here. Second.' }] }]),
        undefined,
      ).description,
    ).toBe('First point here.');
    expect(
      deriveFromTree(bodyMdast([{ kind: 'heading', line: 1, text: 'Only a heading' }]), undefined)
        .description,
    ).toBeUndefined();
  });

  it('count words as runs without white space holding a letter or digit, for any text', () => {
    const byPattern = (text: string) => text.match(/\S*[\p{L}\p{N}]\S*/gu)?.length ?? 0;
    const unit = fc.oneof(
      fc.constantFrom(...' \t\n\u00a0\u2003\u3000\ufeff\u200b-—.,1aZé’ق𝐀\ud800'.split('')),
      fc.string({ unit: 'grapheme', maxLength: 2 }),
    );
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        expect(countWords(text)).toBe(byPattern(text));
      }),
      { numRuns: 1000, seed: 13 },
    );
    expect(countWords('“Iran’s”  — 2 𝐀𝐁 -- ,')).toBe(3);
  });

  it('count every word a reader reads, footnote marks left out', () => {
    // caption 3 + heading 1 + paragraph 10 + list 2.
    expect(deriveFromTree(bodyMdast(blocks), undefined).wordCount).toBe(16);
  });
});
