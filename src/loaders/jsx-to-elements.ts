/**
 * Rehype plugin: turns the ingester's JSX elements (already checked by `plain-mdx.ts`: known names,
 * literal `class` only) into ordinary hast elements, so the rest of the pipeline and the serialiser
 * see one kind of node. `class` becomes `className`, as it would for HTML.
 */
import type { Element, ElementContent, Root } from 'hast';
import type { MdxJsxAttribute } from 'mdast-util-mdx-jsx';

interface JsxNode {
  type: 'mdxJsxFlowElement' | 'mdxJsxTextElement';
  name: string;
  attributes: MdxJsxAttribute[];
  children: ElementContent[];
}

function toElement(node: JsxNode): Element {
  const properties: Element['properties'] = {};
  for (const { name, value } of node.attributes) {
    properties[name === 'class' ? 'className' : name] =
      name === 'class' ? String(value).split(/\s+/).filter(Boolean) : String(value);
  }
  return { type: 'element', tagName: node.name, properties, children: node.children };
}

function convert(children: (ElementContent | JsxNode)[]): void {
  children.forEach((child, i) => {
    if (child.type === 'mdxJsxFlowElement' || child.type === 'mdxJsxTextElement')
      children[i] = toElement(child as JsxNode);
    const converted = children[i] as ElementContent;
    if ('children' in converted) convert(converted.children as (ElementContent | JsxNode)[]);
  });
}

export default function rehypeJsxToElements() {
  return (tree: Root): void => convert(tree.children as (ElementContent | JsxNode)[]);
}
