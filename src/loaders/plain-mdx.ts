/**
 * The subset of MDX the ingester writes: Markdown, plus three JSX elements it generates itself
 * (`<figure class="caption">`, `<figcaption>`, `<sup class="footnote-mark">`). Anything else MDX can
 * express — an import or export, a `{…}` expression, another element, a computed or spread attribute —
 * is code, and an article is text, so the loader refuses it rather than render (or run) it.
 */
import type { MdxJsxAttribute, MdxJsxExpressionAttribute } from 'mdast-util-mdx-jsx';
import type { Node } from 'unist';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';

/** Element name → the literal attributes it may carry. */
const ALLOWED_ELEMENTS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['figure', new Set(['class'])],
  ['figcaption', new Set<string>()],
  ['sup', new Set(['class'])],
]);

const CODE_NODES: Record<string, string> = {
  mdxjsEsm: 'an import or export',
  mdxFlowExpression: 'an MDX expression `{…}`',
  mdxTextExpression: 'an MDX expression `{…}`',
};

/** Why an attribute is not plain text, or undefined when it is. */
function attributeProblem(
  name: string,
  attribute: MdxJsxAttribute | MdxJsxExpressionAttribute,
): string | undefined {
  if (attribute.type === 'mdxJsxExpressionAttribute') return `a spread attribute on <${name}>`;
  if (!ALLOWED_ELEMENTS.get(name)?.has(attribute.name))
    return `the attribute \`${attribute.name}\` on <${name}>`;
  if (typeof attribute.value !== 'string') return `a computed value for \`${attribute.name}\` on <${name}>`;
  return undefined;
}

/** Why a node is not allowed in an article, or undefined when it is. */
function problemOf(node: Node): string | undefined {
  const code = CODE_NODES[node.type];
  if (code) return code;
  if (node.type !== 'mdxJsxFlowElement' && node.type !== 'mdxJsxTextElement') return undefined;
  const element = node as Node & {
    name: string | null;
    attributes: (MdxJsxAttribute | MdxJsxExpressionAttribute)[];
  };
  if (element.name === null) return 'a JSX fragment `<>`';
  if (!ALLOWED_ELEMENTS.has(element.name)) return `the JSX element <${element.name}>`;
  for (const attribute of element.attributes) {
    const problem = attributeProblem(element.name, attribute);
    if (problem) return problem;
  }
  return undefined;
}

/**
 * Unified plugin over the parsed tree (MDX's nodes are the same in mdast and in hast): fails the
 * file, with line and column, at the first node that is code rather than text. The message says
 * what to do, since the ingester never writes such a file.
 */
export default function checkPlainMdx() {
  return (tree: Node, file: VFile): void => {
    visit(tree, (node) => {
      const problem = problemOf(node);
      if (!problem) return;
      file.fail(`${problem} is code, not article text; re-run the ingester or remove it by hand`, {
        place: node.position,
        ruleId: 'plain-mdx',
        source: 'article-loader',
      });
    });
  };
}
