/**
 * Recognised blocks → mdast. Text only ever enters the tree as `text` node values; markup the
 * archive adds (captions, footnote marks) is MDX JSX elements built here, never from raw text.
 * Escaping is left to the serialiser.
 */
import type { Heading, List, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import type { MdxJsxAttribute, MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { FootnoteCounter } from './footnotes.ts';
import type { Block } from './model.ts';

function classAttribute(value: string): MdxJsxAttribute {
  return { type: 'mdxJsxAttribute', name: 'class', value };
}

function footnoteMark(value: string): MdxJsxTextElement {
  return {
    type: 'mdxJsxTextElement',
    name: 'sup',
    attributes: [classAttribute('footnote-mark')],
    children: [{ type: 'text', value }],
  };
}

function inline(text: string, footnotes: FootnoteCounter): PhrasingContent[] {
  return footnotes
    .split(text)
    .map((s) => (s.type === 'text' ? { type: 'text', value: s.value } : footnoteMark(s.value)));
}

function paragraph(text: string, footnotes: FootnoteCounter): Paragraph {
  return { type: 'paragraph', children: inline(text, footnotes) };
}

function caption(lines: string[]): MdxJsxFlowElement {
  const figcaption: MdxJsxFlowElement = {
    type: 'mdxJsxFlowElement',
    name: 'figcaption',
    attributes: [],
    children: lines.map((value): Paragraph => ({ type: 'paragraph', children: [{ type: 'text', value }] })),
  };
  return {
    type: 'mdxJsxFlowElement',
    name: 'figure',
    attributes: [classAttribute('caption')],
    children: [figcaption],
  };
}

function list(items: { text: string }[], footnotes: FootnoteCounter): List {
  return {
    type: 'list',
    ordered: false,
    spread: false,
    children: items.map((item) => ({
      type: 'listItem',
      spread: false,
      children: [paragraph(item.text, footnotes)],
    })),
  };
}

function blockNode(block: Block, footnotes: FootnoteCounter): RootContent {
  switch (block.kind) {
    case 'heading':
      return { type: 'heading', depth: 2, children: [{ type: 'text', value: block.text }] } satisfies Heading;
    case 'paragraph':
      return paragraph(block.text, footnotes);
    case 'list':
      return list(block.items, footnotes);
    case 'caption':
      return caption(block.lines);
  }
}

/** The article body as mdast. */
export function bodyMdast(blocks: Block[]): Root {
  const footnotes = new FootnoteCounter();
  return { type: 'root', children: blocks.map((b) => blockNode(b, footnotes)) };
}

/** The whole MDX file as mdast: the front-matter (a `yaml` node), then the body. */
export function withFrontmatter(body: Root, frontmatterYaml: string): Root {
  return { type: 'root', children: [{ type: 'yaml', value: frontmatterYaml.trimEnd() }, ...body.children] };
}

export function toMdast(blocks: Block[], frontmatterYaml: string): Root {
  return withFrontmatter(bodyMdast(blocks), frontmatterYaml);
}
