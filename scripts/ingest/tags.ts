/**
 * Tags: the article's own "Filed under:" labels first, then curated vocabulary tags where a term is
 * prominent: in the headline, standfirst or a section heading, or at least `minBodyMatches` times
 * in the body (3 in content/curated/tags.yaml: on the Tehran Times corpus one or two passing
 * mentions put `Iran` on 82% of articles). A tag that still lands on more than half of the archive
 * does not help a reader narrow anything; `overHalfTags` names it in the ingest summary.
 */
import type { Vocabulary } from './curated.ts';

export interface TagInput {
  filedUnder: string[];
  /** Headline, standfirst and section headings. */
  prominent: string[];
  body: string[];
}

function escape(term: string): string {
  return term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Case-sensitive matcher for a term list; whole words are checked by `countWords`. */
function matcher(terms: string[]): RegExp {
  // No lookbehind: V8 would try it at every position; a plain alternation scans far faster.
  return new RegExp(`(?:${terms.map(escape).join('|')})(?![\\p{L}\\p{N}])`, 'gu');
}

const WORD_CHARACTER = /[\p{L}\p{N}]/u;

/** Whole-word matches of `pattern` in `text`, counted up to `limit` ("Iran" is not in "Iranian"). */
function countWords(pattern: RegExp, text: string, limit: number): number {
  let count = 0;
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match && count < limit; match = pattern.exec(text)) {
    if (match.index === 0 || !WORD_CHARACTER.test(text[match.index - 1]!)) count++;
  }
  return count;
}

/** A tag's terms and their matcher, compiled once per vocabulary, not once per article. */
interface Compiled {
  tag: string;
  terms: string[];
  pattern: RegExp;
}
const matchers = new WeakMap<Vocabulary, Compiled[]>();

function compiled(vocabulary: Vocabulary): Compiled[] {
  let list = matchers.get(vocabulary);
  if (!list) {
    list = Object.entries(vocabulary.tags).map(([tag, terms]) => ({ tag, terms, pattern: matcher(terms) }));
    matchers.set(vocabulary, list);
  }
  return list;
}

/**
 * `countWords`, skipped where none of the terms is in the text as written (a match needs one):
 * most tags are in few articles, and looking for a few strings is cheaper than a regex pass.
 */
function countTerms({ terms, pattern }: Compiled, text: string, limit: number): number {
  return terms.some((term) => text.includes(term)) ? countWords(pattern, text, limit) : 0;
}

export function assignTags(input: TagInput, vocabulary: Vocabulary): string[] {
  const tags = [...input.filedUnder];
  const seen = new Set(tags.map((t) => t.toLowerCase()));
  // Blocks joined by a line break, which no term spans: one regex pass per tag over the article.
  const prominent = input.prominent.join('\n');
  const body = input.body.join('\n');
  for (const entry of compiled(vocabulary)) {
    const { tag } = entry;
    if (seen.has(tag.toLowerCase())) continue;
    if (
      countTerms(entry, prominent, 1) > 0 ||
      countTerms(entry, body, vocabulary.minBodyMatches) >= vocabulary.minBodyMatches
    ) {
      tags.push(tag);
      seen.add(tag.toLowerCase());
    }
  }
  return tags;
}

export interface TagShare {
  tag: string;
  count: number;
}

/** Tags on more than half of the articles (given as each article's tags), most used first.
 * `ignore` leaves out a tag no vocabulary change would narrow (the `Untagged` placeholder). */
export function overHalfTags(
  tagLists: readonly (readonly string[])[],
  ignore: readonly string[] = [],
): TagShare[] {
  const counts = new Map<string, number>();
  for (const tags of tagLists)
    for (const tag of new Set(tags)) if (!ignore.includes(tag)) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  return [...counts]
    .filter(([, count]) => count * 2 > tagLists.length)
    .map(([tag, count]) => ({ tag, count }))
    .sort((a, b) => b.count - a.count || (a.tag < b.tag ? -1 : 1));
}

/** The ingest summary's line about over-broad tags, or `undefined` when there is none. */
export function overHalfMessage(
  tagLists: readonly (readonly string[])[],
  ignore: readonly string[] = [],
): string | undefined {
  const broad = overHalfTags(tagLists, ignore);
  if (broad.length === 0) return undefined;
  const list = broad.map((b) => `"${b.tag}" on ${b.count} of ${tagLists.length}`).join(', ');
  return `ingest: tags on more than half of the archive’s articles: ${list}; narrow their terms in content/curated/tags.yaml or raise minBodyMatches`;
}
