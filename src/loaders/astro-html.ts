/**
 * Serialises a hast tree to HTML byte for byte as Astro renders the same tree compiled from MDX
 * (`jsxImportSource: 'astro'`, HTML attribute names): text and attribute values escaped the way
 * Astro's `escapeHTML` and `addAttribute` do, an empty attribute written bare, void elements without
 * a closing tag. Only the node kinds a plain article produces are accepted; anything else throws,
 * so a new kind of node cannot slip through unescaped.
 */
import type { Element, ElementContent, Properties, Root } from 'hast';
import { find, html as htmlSchema } from 'property-information';

const VOID_ELEMENTS =
  /^(area|base|br|col|command|embed|hr|img|input|keygen|link|meta|param|source|track|wbr)$/i;
const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  "'": '&#39;',
  '"': '&quot;',
};

/** As Astro's `escapeHTML`, for text. */
export function escapeText(value: string): string {
  return value.replace(/[&<>'"]/g, (c) => ESCAPES[c] as string);
}

/** As Astro's `toAttributeString`: only `&` and `"` inside a double-quoted value. */
function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
}

function attributeValue(property: string, value: unknown): string {
  if (!Array.isArray(value)) return String(value);
  return value.join(find(htmlSchema, property).commaSeparated ? ', ' : ' ');
}

function attributes(properties: Properties): string {
  let out = '';
  for (const [property, value] of Object.entries(properties)) {
    if (value === null || value === undefined || value === false) continue;
    const name = find(htmlSchema, property).attribute;
    const text = value === true ? '' : attributeValue(property, value);
    out += text === '' ? ` ${name}` : ` ${name}="${escapeAttribute(text)}"`;
  }
  return out;
}

function element(node: Element): string {
  const open = `<${node.tagName}${attributes(node.properties)}>`;
  if (node.children.length === 0 && VOID_ELEMENTS.test(node.tagName)) return open;
  return `${open}${node.children.map(content).join('')}</${node.tagName}>`;
}

function content(node: ElementContent): string {
  if (node.type === 'text') return escapeText(node.value);
  if (node.type === 'element') return element(node);
  throw new Error(`astro-html: cannot serialise a ${node.type} node in an article body`);
}

export function toAstroHtml(tree: Root): string {
  return tree.children.map((child) => content(child as ElementContent)).join('');
}
