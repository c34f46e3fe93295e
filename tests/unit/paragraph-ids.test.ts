import { compile } from '@mdx-js/mdx';
import fc from 'fast-check';
import type { Element, ElementContent, Root } from 'hast';
import rehypeSlug from 'rehype-slug';
import remarkGfm from 'remark-gfm';
import { describe, expect, it } from 'vitest';
import {
  diffParagraphIds,
  normaliseParagraphText,
  paragraphId,
  paragraphIds,
  paragraphTextsFromHast,
} from '../../src/lib/paragraph-id.ts';
import { shortHash } from '../../src/lib/hash.ts';
import { paragraphIdsOfMdx, stripFrontMatter } from '../helpers/paragraph-ids-mdx.ts';
import rehypeParagraphIds from '../../src/plugins/rehype-paragraph-ids.ts';

/** Compiles MDX through the site's plugins and returns the hast tree as the plugin left it. */
async function hastOf(mdx: string, times = 1): Promise<Root> {
  let tree: Root | undefined;
  const capture = () => (t: Root) => {
    tree = structuredClone(t);
  };
  const plugins = Array.from({ length: times }, () => rehypeParagraphIds);
  await compile(mdx, { remarkPlugins: [remarkGfm], rehypePlugins: [rehypeSlug, ...plugins, capture] });
  if (!tree) throw new Error('no tree');
  return tree;
}

function elements(node: Root | ElementContent, tag: string): Element[] {
  const own = node.type === 'element' && node.tagName === tag ? [node] : [];
  const kids = 'children' in node ? (node.children as ElementContent[]) : [];
  return [...own, ...kids.flatMap((child) => elements(child, tag))];
}

const pilcrows = (node: Root | Element) =>
  elements(node as Root, 'a').filter((a) =>
    (a.properties.className as string[] | undefined)?.includes('pilcrow'),
  );

describe('normaliseParagraphText / paragraphId', () => {
  it('takes the fast path for plain English prose with exactly the general rule’s result', () => {
    const general = (text: string) =>
      text
        .normalize('NFKC')
        .toLowerCase()
        .replace(/[^\p{L}\p{M}\p{N}]+/gu, ' ')
        .trim();
    const plain = fc.string({
      unit: fc.constantFrom(...'aZ09 .,;:’‘“”–—-\'"?!()[]{}<>#\t\n\u00a0£€•…'.split('')),
    });
    fc.assert(
      fc.property(plain, (text) => {
        expect(normaliseParagraphText(text)).toBe(general(text));
      }),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        expect(normaliseParagraphText(text)).toBe(general(text));
      }),
      { numRuns: 500 },
    );
    expect(normaliseParagraphText('Iran’s “Zarif” — said… ﬁne')).toBe('iran s zarif said fine');
  });

  it('hashes plain prose in one pass to the id of its normalised text', () => {
    const byRule = (text: string) => `p-${shortHash(normaliseParagraphText(text))}`;
    const plain = fc.string({
      unit: fc.constantFrom(...'aZ09 .,;:’‘“”–—-\'"?!()[]{}<>#\t\n\u00a0£€•…é'.split('')),
    });
    fc.assert(
      fc.property(fc.oneof(plain, fc.string({ unit: 'grapheme' })), (text) => {
        expect(paragraphId(text)).toBe(byRule(text));
      }),
      { numRuns: 1000, seed: 13 },
    );
    expect(paragraphId('  Iran’s   talks — resumed. ')).toBe(byRule('iran s talks resumed'));
  });

  it('ignores case, spacing, quote and dash styles, and Unicode compatibility forms', () => {
    const a = 'Iran said: "We will help" - any country.';
    const b = '  iran  SAID: “We will help” — any\ncountry ';
    expect(normaliseParagraphText(a)).toBe('iran said we will help any country');
    expect(paragraphId(b)).toBe(paragraphId(a));
    expect(paragraphId('ﬁnal')).toBe(paragraphId('final'));
  });

  it('changes when the wording changes, and has the documented shape', () => {
    expect(paragraphId('Iran will help')).not.toBe(paragraphId('Iran will not help'));
    expect(paragraphId('anything')).toMatch(/^p-[0-9a-z]{7}$/);
  });

  it('keeps non-Latin words', () => {
    expect(normaliseParagraphText('سپاه پاسداران، ارتش.')).toBe('سپاه پاسداران ارتش');
    expect(paragraphId('سپاه')).not.toBe(paragraphId('ارتش'));
  });
});

describe('paragraphIds', () => {
  it('suffixes repeated texts by order of occurrence and avoids reserved ids', () => {
    const base = paragraphId('Read more');
    expect(paragraphIds(['Read more', 'Other', 'read  MORE.', 'Read more'])).toEqual([
      base,
      paragraphId('Other'),
      `${base}-2`,
      `${base}-3`,
    ]);
    expect(paragraphIds(['Read more'], [base])).toEqual([`${base}-2`]);
  });

  // Distinct paragraph texts (by their normalised words), as a real article has.
  const texts = fc.uniqueArray(
    fc.string({ minLength: 1, maxLength: 60 }).filter((t) => normaliseParagraphText(t) !== ''),
    {
      minLength: 2,
      maxLength: 30,
      selector: normaliseParagraphText,
    },
  );

  it('keeps the ids of untouched paragraphs when others are inserted, deleted or edited', () => {
    fc.assert(
      fc.property(
        texts,
        fc.nat(),
        fc.string({ minLength: 1 }),
        fc.constantFrom('insert', 'delete', 'edit'),
        (list, at, fresh, op) => {
          const i = at % list.length;
          const freshKey = normaliseParagraphText(fresh);
          fc.pre(freshKey !== '' && !list.some((t) => normaliseParagraphText(t) === freshKey));
          const before = new Map(list.map((t, k) => [t, paragraphIds(list)[k]]));
          const next = [...list];
          if (op === 'insert') next.splice(i, 0, fresh);
          if (op === 'delete') next.splice(i, 1);
          if (op === 'edit') next[i] = fresh;
          const after = paragraphIds(next);
          next.forEach((t, k) => {
            if (before.has(t)) expect(after[k]).toBe(before.get(t));
          });
          // Only the touched paragraph's id may disappear.
          const { removed } = diffParagraphIds([...before.values()], after);
          expect(removed.length).toBeLessThanOrEqual(op === 'insert' ? 0 : 1);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('diffParagraphIds reports removed and added ids', () => {
    expect(diffParagraphIds(['p-a', 'p-b', 'p-c'], ['p-a', 'p-d', 'p-c'])).toEqual({
      removed: ['p-b'],
      added: ['p-d'],
    });
  });
});

const ARTICLE = `## The spokesman

Iran will assist the "resistance camp".<sup>1</sup>

Second paragraph with *emphasis* and a [link](https://example.org/).

- A long first item
- Second item
  - Nested item

1. Loose first

   Loose first, continued.

2. Loose second
`;

describe('rehype-paragraph-ids in the MDX pipeline', () => {
  it('gives every paragraph and list item an id and a ¶ link, leaving headings to rehype-slug', async () => {
    const tree = await hastOf(ARTICLE);
    const targets = [...elements(tree, 'p'), ...elements(tree, 'li')];
    const inItems = elements(tree, 'li').flatMap((li) => elements(li, 'p'));
    for (const el of targets) {
      if (inItems.includes(el)) expect(el.properties.id).toBeUndefined();
      else expect(el.properties.id).toMatch(/^p-[0-9a-z]{7}(-\d+)?$/);
    }
    expect(elements(tree, 'h2')[0]?.properties.id).toBe('the-spokesman');
    expect(pilcrows(tree)).toHaveLength(2 + 5); // two paragraphs, five items
    const first = elements(tree, 'p')[0] as Element;
    expect(pilcrows(first)[0]?.properties).toMatchObject({
      href: `#${String(first.properties.id)}`,
      ariaLabel: 'Link to this paragraph',
      dataPagefindIgnore: '',
    });
  });

  it('hashes a paragraph without its footnote mark and an item without its sub-list', async () => {
    const tree = await hastOf(ARTICLE);
    expect(elements(tree, 'p')[0]?.properties.id).toBe(
      paragraphId('Iran will assist the “resistance camp”.'),
    );
    const second = elements(tree, 'li')[1] as Element;
    expect(second.properties.id).toBe(paragraphId('Second item'));
    // The ¶ sits before the nested list, and inside the last paragraph of a loose item.
    expect(second.children.findIndex((c) => c.type === 'element' && c.tagName === 'a')).toBeLessThan(
      second.children.findIndex((c) => c.type === 'element' && c.tagName === 'ul'),
    );
    const loose = elements(tree, 'li')[3] as Element;
    expect(loose.properties.id).toBe(paragraphId('Loose first Loose first, continued.'));
    expect(pilcrows(elements(loose, 'p')[1] as Element)).toHaveLength(1);
  });

  it('is idempotent and leaves ¶ text out of the paragraph text', async () => {
    const once = await hastOf(ARTICLE);
    const twice = await hastOf(ARTICLE, 2);
    expect(twice).toEqual(once);
    expect(paragraphTextsFromHast(once).join(' ')).not.toContain('¶');
  });

  it('keeps ids of untouched paragraphs when one is inserted above them', async () => {
    const before = await paragraphIdsOfMdx(ARTICLE);
    const after = await paragraphIdsOfMdx(
      ARTICLE.replace('## The spokesman\n', '## The spokesman\n\nA new first paragraph.\n'),
    );
    expect(after.slice(1)).toEqual(before);
  });

  it('paragraphIdsOfMdx agrees with the plugin and ignores front matter', async () => {
    const tree = await hastOf(ARTICLE);
    const fromPlugin = [...elements(tree, 'p'), ...elements(tree, 'li')]
      .map((e) => e.properties.id)
      .filter(Boolean);
    const fromMdx = await paragraphIdsOfMdx(`---\ntitle: "x"\ntags: [a]\n---\n${ARTICLE}`);
    expect(new Set(fromMdx)).toEqual(new Set(fromPlugin));
    expect(fromMdx).toHaveLength(fromPlugin.length);
    expect(stripFrontMatter('no front matter\n---\n')).toBe('no front matter\n---\n');
  });
});
