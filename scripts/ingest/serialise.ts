/**
 * mdast → MDX text with remark-stringify, remark-mdx and remark-gfm (the serialiser escapes what
 * MDX would otherwise read as syntax: `{`, `<`, `import`, `#`, `|` …), and front-matter → YAML with
 * the `yaml` package.
 */
import type { Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { stringify } from 'yaml';
import type { ArticleData } from '../../src/content.config.ts';

const FIELD_ORDER: (keyof ArticleData)[] = [
  'title', 'subtitle', 'source', 'series', 'via', 'dateStart', 'dateEnd', 'editor', 'tags', 'rawFile',
];

/**
 * MDX reads a line starting with `import ` or `export ` as JavaScript and runs it at build time;
 * the stock escapes cover punctuation only. Marking the first letter unsafe makes the serialiser
 * write it as a character reference (`&#x69;mport`), which renders as the letter.
 */
const ESM_UNSAFE = [
  { character: 'i', atBreak: true, after: 'mport\\b' },
  { character: 'e', atBreak: true, after: 'xport\\b' },
];

const processor = unified()
  .use(remarkStringify, { bullet: '-', emphasis: '_', fences: true, rule: '-', unsafe: ESM_UNSAFE })
  .use(remarkFrontmatter, ['yaml'])
  .use(remarkMdx)
  .use(remarkGfm)
  .freeze();

/** YAML in a fixed field order, every scalar a plain string (no dates, no YAML 1.1 booleans). */
export function frontmatterYaml(data: ArticleData): string {
  const ordered: Record<string, unknown> = {};
  for (const key of FIELD_ORDER) if (data[key] !== undefined) ordered[key] = data[key];
  return stringify(ordered, { lineWidth: 0, defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN' });
}

export function serialise(tree: Root): string {
  return processor.stringify(tree);
}
