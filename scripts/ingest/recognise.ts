/**
 * Text → recognised article: drops boilerplate lines (reported), reads the header zone, then the
 * body. Pure: no file system, so every recogniser is unit-testable on strings.
 */
import { FIXED_RULES, matchBoilerplate, taglineRule, type BoilerplateRule } from './boilerplate.ts';
import type { Registry } from './curated.ts';
import { readBody } from './body.ts';
import { readHeader } from './header.ts';
import { taglines } from './masthead.ts';
import type { Diagnostic, Line, Recognised, Removed } from './model.ts';
import { stripRepeated } from './repeated.ts';

export class RecogniseError extends Error {
  readonly rule: string;
  readonly line: number | undefined;
  constructor(message: string, rule: string, line?: number) {
    super(message);
    this.rule = rule;
    this.line = line;
  }
}

const rulesByRegistry = new WeakMap<Registry, BoilerplateRule[]>();

function rulesFor(registry: Registry): BoilerplateRule[] {
  let rules = rulesByRegistry.get(registry);
  if (!rules) {
    rules = [...FIXED_RULES, taglineRule(taglines(registry))];
    rulesByRegistry.set(registry, rules);
  }
  return rules;
}

/** What the recogniser knows besides the text: curated names, the file's path, its folder's repeats. */
export interface RecogniseContext {
  registry: Registry;
  rawFile: string;
  /** Sentences repeated across the file's folder (see repeated.ts), folded. */
  repeated?: { text: string }[];
}

function contentLines(text: string, context: RecogniseContext): { lines: Line[]; removed: Removed[] } {
  const rules = rulesFor(context.registry);
  const lines: Line[] = [];
  const removed: Removed[] = [];
  text.split('\n').forEach((raw, index) => {
    const no = index + 1;
    const stripped = stripRepeated(raw.trim(), context.repeated ?? []);
    for (const cut of stripped.cut)
      removed.push({ line: no, rule: 'repeated-boilerplate', text: cut, kind: 'boilerplate' });
    const line = { no, text: stripped.text };
    if (line.text === '') return;
    const rule = matchBoilerplate(line.text, rules);
    if (rule) removed.push({ line: line.no, rule, text: line.text, kind: 'boilerplate' });
    else lines.push(line);
  });
  return { lines, removed };
}

export function recognise(text: string, context: RecogniseContext): Recognised {
  if (text.trim() === '') throw new RecogniseError('the file is empty or only white space', 'empty-file');
  const content = contentLines(text, context);
  if (content.lines.length === 0)
    throw new RecogniseError('the file holds nothing but boilerplate', 'no-content');
  const header = readHeader(content.lines, context.registry, context.rawFile);
  if (header.header.title === undefined) {
    throw new RecogniseError(
      'no headline could be found or made for this file',
      'no-title',
      content.lines[0]?.no,
    );
  }
  const body = readBody(content.lines.slice(header.bodyStart));
  const diagnostics: Diagnostic[] = [...header.diagnostics];
  if (body.blocks.length === 0) {
    diagnostics.push({
      severity: 'warning',
      rule: 'empty-body',
      message: 'the article has a headline but no body text',
    });
  }
  const removed = [...content.removed, ...header.removed, ...body.removed].sort((a, b) => a.line - b.line);
  return { header: header.header, blocks: body.blocks, removed, diagnostics };
}
