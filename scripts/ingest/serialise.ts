/**
 * mdast → MDX text with remark-stringify, remark-mdx and remark-gfm (the serialiser escapes what
 * MDX would otherwise read as syntax: `{`, `<`, `import`, `#`, `|` …), and front-matter → YAML with
 * the `yaml` package.
 */
import type { Parents, Root, Text } from 'mdast';
import type { Handle, Info, State, Unsafe } from 'mdast-util-to-markdown';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { stringify } from 'yaml';
import { ARTICLE_FIELDS, type ArticleData } from '../../src/schema/article.ts';

/**
 * MDX reads a line starting with `import ` or `export ` as JavaScript and runs it at build time;
 * the stock escapes cover punctuation only. Marking the first letter unsafe makes the serialiser
 * write it as a character reference (`&#x69;mport`), which renders as the letter.
 */
const ESM_UNSAFE = [
  { character: 'i', atBreak: true, after: 'mport\\b' },
  { character: 'e', atBreak: true, after: 'xport\\b' },
];

/**
 * The stock text handler runs every unsafe pattern (≈50, from markdown, GFM and MDX) over every
 * text node, which made serialising most of the ingest's cost. A pattern can only match where its
 * character occurs, and one that must stand at a line break (`atBreak`, nothing between) only where
 * its character follows a line break and blanks, so this handler hands `safe` just the patterns
 * that can match the text and its surroundings: the same escapes, found with a fraction of the scans.
 */
const relevant = new WeakMap<Unsafe[], Map<string, Unsafe[]>>();

function patternsByCharacter(unsafe: Unsafe[]): Map<string, Unsafe[]> {
  let byCharacter = relevant.get(unsafe);
  if (!byCharacter) {
    byCharacter = new Map();
    for (const pattern of unsafe)
      byCharacter.set(pattern.character, [...(byCharacter.get(pattern.character) ?? []), pattern]);
    relevant.set(unsafe, byCharacter);
  }
  return byCharacter;
}

/** The characters that stand after a line break and any blanks (`[\r\n][\t ]*x`): each blank, and the first other character. */
function afterBreaks(subject: string): Set<string> {
  const found = new Set<string>();
  for (let i = 0; i < subject.length; i++) {
    if (subject[i] !== '\n' && subject[i] !== '\r') continue;
    let j = i + 1;
    while (subject[j] === ' ' || subject[j] === '\t') found.add(subject[j++]!);
    if (j < subject.length) found.add(subject[j]!);
  }
  return found;
}

const asciiSeen = new Uint8Array(128);

/** Which ASCII characters `subject` holds (1 at their code), found in one pass; valid until the next call. */
function asciiIn(subject: string): Uint8Array {
  asciiSeen.fill(0);
  for (let i = 0; i < subject.length; i++) {
    const code = subject.charCodeAt(i);
    if (code < 128) asciiSeen[code] = 1;
  }
  return asciiSeen;
}

/** Whether `pattern` can match `subject`, which holds its character. */
function canMatch(pattern: Unsafe, breaks: Set<string> | undefined): boolean {
  // A pattern tied to the node before is anchored there (`^`), not at a break.
  if (!pattern.atBreak || pattern.beforeNode) return true;
  if (breaks === undefined) return false;
  return pattern.before !== undefined || breaks.has(pattern.character);
}

const text: Handle = (node: Text, parent: Parents | undefined, state: State, info: Info) => {
  const siblings = parent ? parent.children : [];
  const index = state.indexStack[state.indexStack.length - 1] ?? 0;
  const subject = `${info.before}${node.value}${info.after}`;
  const breaks = /[\r\n]/.test(subject) ? afterBreaks(subject) : undefined;
  const ascii = asciiIn(subject);
  const all = state.unsafe;
  const inScope: Unsafe[] = [];
  for (const [character, patterns] of patternsByCharacter(all)) {
    const code = character.charCodeAt(0);
    const present = character.length === 1 && code < 128 ? ascii[code] === 1 : subject.includes(character);
    if (present) for (const pattern of patterns) if (canMatch(pattern, breaks)) inScope.push(pattern);
  }
  state.unsafe = inScope;
  try {
    return state.safe(node.value, {
      ...info,
      afterNode: siblings[index + 1],
      beforeNode: siblings[index - 1],
    });
  } finally {
    state.unsafe = all;
  }
};

export const stringifyOptions = {
  bullet: '-',
  emphasis: '_',
  fences: true,
  rule: '-',
  unsafe: ESM_UNSAFE,
} as const;

const processor = unified()
  .use(remarkStringify, { ...stringifyOptions, handlers: { text } })
  .use(remarkFrontmatter, ['yaml'])
  .use(remarkMdx)
  .use(remarkGfm)
  .freeze();

/**
 * Front-matter is a flat record of strings, numbers and one list, so the library's anchor and
 * directive passes (aliases for an object met twice, `%TAG` lines) never have anything to write:
 * turned off, they no longer walk every document twice.
 */
const YAML_OPTIONS = {
  lineWidth: 0,
  defaultStringType: 'QUOTE_DOUBLE',
  defaultKeyType: 'PLAIN',
  aliasDuplicateObjects: false,
  directives: false,
} as const;

/** YAML in a fixed field order, every scalar a plain string (no dates, no YAML 1.1 booleans). */
export function frontmatterYaml(data: ArticleData): string {
  const ordered: Record<string, unknown> = {};
  for (const key of ARTICLE_FIELDS) if (data[key] !== undefined) ordered[key] = data[key];
  return stringify(ordered, YAML_OPTIONS);
}

export function serialise(tree: Root): string {
  return processor.stringify(tree);
}

/** The same serialiser with the stock text handler: the reference the fast handler is tested against. */
export function serialiseReference(tree: Root): string {
  return unified()
    .use(remarkStringify, stringifyOptions)
    .use(remarkFrontmatter, ['yaml'])
    .use(remarkMdx)
    .use(remarkGfm)
    .stringify(tree);
}
