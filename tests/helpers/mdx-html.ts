/**
 * Compiles and runs generated MDX the way Astro does (MDX 3, remark-gfm, front-matter stripped),
 * with hastscript's JSX runtime, so a test can read the resulting HTML tree and its text
 * (`textContent`: every code point, bidi controls included).
 */
import { evaluate } from '@mdx-js/mdx';
import type { Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { toString } from 'hast-util-to-string';
import * as runtime from 'hastscript/jsx-runtime';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';

/** hastscript's fragment is `null`, which `evaluate` refuses: stand in a marker and map it back. */
const FRAGMENT = Symbol('fragment');
const unwrap = (type: unknown) => (type === FRAGMENT ? null : type);
type JsxFunction = (type: unknown, props: unknown, key?: unknown) => unknown;
const jsxRuntime = {
  Fragment: FRAGMENT,
  jsx: (type: unknown, props: unknown, key?: unknown) =>
    (runtime.jsx as JsxFunction)(unwrap(type), props, key),
  jsxs: (type: unknown, props: unknown, key?: unknown) =>
    (runtime.jsxs as JsxFunction)(unwrap(type), props, key),
};

export async function renderMdx(source: string): Promise<{ tree: Root; html: string; text: string }> {
  const { default: Content } = await evaluate(source, {
    ...(jsxRuntime as unknown as Parameters<typeof evaluate>[1]),
    remarkPlugins: [remarkGfm, remarkFrontmatter],
  });
  const tree = (Content as (props: object) => Root)({});
  return { tree, html: toHtml(tree), text: toString(tree) };
}

export const fold = (text: string): string => text.replace(/\s+/g, ' ').trim();
