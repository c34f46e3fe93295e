/**
 * The article loader renders each body once, to the same bytes Astro's MDX integration produced,
 * refuses MDX that is code rather than text (naming file, line and column), and skips files whose
 * source and pipeline are unchanged.
 */
import {
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
  existsSync,
  mkdirSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LoaderContext } from 'astro/loaders';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serialise } from '../../scripts/ingest/serialise.ts';
import { articleLoader, splitFrontMatter } from '../../src/loaders/articles.ts';
import { readRendered } from '../../src/loaders/html-cache.ts';
import { renderArticle } from '../../src/loaders/render-article.ts';
import { createAstroMdxRenderer, type AstroMdxRenderer } from '../helpers/astro-mdx-html.ts';

const root = path.resolve(import.meta.dirname, '../..');
const fixtures = path.join(root, 'tests/fixtures');
const generated = readdirSync(fixtures)
  .filter((name) => existsSync(path.join(fixtures, name, 'expected.mdx')))
  .map((name) => ({ name, source: readFileSync(path.join(fixtures, name, 'expected.mdx'), 'utf8') }));

let reference: AstroMdxRenderer;
beforeAll(async () => {
  reference = await createAstroMdxRenderer();
}, 60_000);
afterAll(() => reference?.close());

describe('the loader renders what Astro’s MDX pipeline rendered', () => {
  it('has generated fixtures to compare', () => {
    expect(generated.length).toBeGreaterThanOrEqual(12);
  });

  for (const { name, source } of generated) {
    it(`renders ${name} to byte-identical HTML with the same headings`, async () => {
      const { body } = splitFrontMatter(source);
      const expected = await reference.render(body, `${name}.mdx`);
      expect(renderArticle(body, `${name}.mdx`)).toEqual({
        html: expected.html,
        headings: expected.headings,
      });
    });
  }

  it('renders arbitrary text the ingester serialises exactly as Astro did', async () => {
    const line = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 60 }).filter((s) => s.trim() !== '');
    await fc.assert(
      fc.asyncProperty(fc.array(line, { minLength: 1, maxLength: 4 }), async (lines) => {
        const body = serialise({
          type: 'root',
          children: lines.map((value) => ({ type: 'paragraph', children: [{ type: 'text', value }] })),
        });
        const expected = await reference.render(body, 'property.mdx');
        expect(renderArticle(body, 'property.mdx').html).toBe(expected.html);
      }),
      { numRuns: 60 },
    );
  }, 60_000);
});

describe('MDX that is code, not text', () => {
  const cases: [string, string, string][] = [
    ['an import', "Text.\n\nimport x from 'y'\n", '3:1'],
    ['an export', 'export const a = 1\n', '1:1'],
    ['a flow expression', 'Text.\n\n{process.exit(1)}\n', '3:1'],
    ['an inline expression', 'Some {1 + 1} text.\n', '1:6'],
    ['a component', 'Text <Component /> here.\n', '1:6'],
    ['an HTML element the ingester never writes', '<div>hi</div>\n', '1:1'],
    ['an event handler attribute', 'A<sup onclick="alert(1)">1</sup>\n', '1:2'],
    ['a computed class', 'A<sup class={x}>1</sup>\n', '1:2'],
    ['a spread attribute', '<figure {...x}>\n\nhi\n\n</figure>\n', '1:1'],
    ['a fragment', '<>hi</>\n', '1:1'],
  ];
  for (const [what, body, place] of cases) {
    it(`refuses ${what}, naming the file, line and column`, () => {
      expect(() => renderArticle(body, 'content/articles/bad.mdx')).toThrow(
        expect.objectContaining({
          file: 'content/articles/bad.mdx',
          ruleId: 'plain-mdx',
          place: expect.anything(),
        }),
      );
      try {
        renderArticle(body, 'content/articles/bad.mdx');
      } catch (error) {
        const { line, column } = error as { line: number; column: number };
        expect(`${line}:${column}`).toBe(place);
      }
    });
  }

  it('refuses MDX that does not parse, with its position', () => {
    expect(() => renderArticle('Text.\n\n<figure class="caption">\n', 'content/articles/bad.mdx')).toThrow(
      expect.objectContaining({
        file: 'content/articles/bad.mdx',
        line: 3,
        column: 1,
        ruleId: 'mdx-syntax',
        reason: expect.stringMatching(/closing tag for `<figure>`/),
      }),
    );
  });

  it('accepts the three elements the ingester writes', () => {
    const body =
      '<figure class="caption">\n  <figcaption>\n    Caption\n  </figcaption>\n</figure>\n\nA mark.<sup class="footnote-mark">1</sup>\n';
    expect(renderArticle(body, 'ok.mdx').html).toContain('<sup class="footnote-mark">1</sup>');
  });
});

describe('the loader', () => {
  let work: string;
  let cacheDir: string;

  beforeAll(() => {
    work = mkdtempSync(path.join(tmpdir(), 'article-loader-'));
    cacheDir = path.join(work, 'cache');
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  /** The parts of Astro's loader context the loader uses, with a Map as the store. */
  function fakeContext(): {
    context: LoaderContext;
    store: Map<string, { id: string; digest?: string; body?: string }>;
    parsed: string[];
  } {
    const store = new Map<string, { id: string; digest?: string; body?: string }>();
    const parsed: string[] = [];
    const context = {
      config: { root: pathToFileURL(`${work}/`) },
      store: {
        get: (id: string) => store.get(id),
        set: (entry: { id: string; digest?: string }) => (store.set(entry.id, entry), true),
        delete: (id: string) => store.delete(id),
        keys: () => [...store.keys()],
      },
      parseData: async ({ id, data }: { id: string; data: Record<string, unknown> }) => (
        parsed.push(id),
        data
      ),
      generateDigest: (text: string) =>
        String(text.length) + ':' + Buffer.from(text).toString('base64url').slice(-24),
      logger: { info: () => {} },
    } as unknown as LoaderContext;
    return { context, store, parsed };
  }

  const article = (title: string, body: string) => `---\ntitle: "${title}"\n---\n\n${body}\n`;

  it('renders new files, skips unchanged ones, re-renders a changed one and drops a deleted one', async () => {
    const dir = path.join(work, 'articles');
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'a.mdx'), article('A', 'First.'));
    writeFileSync(path.join(dir, 'b.mdx'), article('B', 'Second.'));
    const { context, store, parsed } = fakeContext();
    const load = articleLoader({ base: 'articles', cacheDir }).load;

    await load(context);
    expect(parsed).toEqual(['a', 'b']);
    expect(readRendered(store.get('a')!, cacheDir).html).toContain('First.');

    await load(context);
    expect(parsed).toEqual(['a', 'b']);

    writeFileSync(path.join(dir, 'b.mdx'), article('B', 'Second, edited.'));
    rmSync(path.join(dir, 'a.mdx'));
    await load(context);
    expect(parsed).toEqual(['a', 'b', 'b']);
    expect([...store.keys()]).toEqual(['b']);
    expect(readRendered(store.get('b')!, cacheDir).html).toContain('Second, edited.');
    expect(readdirSync(cacheDir)).toHaveLength(1);
  });

  it('fails the load naming every bad file with its line, after loading the good ones', async () => {
    const dir = path.join(work, 'mixed');
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'good.mdx'), article('Good', 'Fine.'));
    writeFileSync(path.join(dir, 'bad-one.mdx'), article('Bad', 'Text {1+1}.'));
    writeFileSync(path.join(dir, 'bad-two.mdx'), article('Bad', "import x from 'y'"));
    const { context, store } = fakeContext();
    const failure = articleLoader({ base: 'mixed', cacheDir }).load(context);
    await expect(failure).rejects.toThrow(/mixed\/bad-one\.mdx:5:6: an MDX expression/);
    await expect(failure).rejects.toThrow(/mixed\/bad-two\.mdx:5:1: an import or export/);
    expect(store.has('good')).toBe(true);
  });
});
