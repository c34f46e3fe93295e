/**
 * Tags: the article's own "Filed under:" labels first, then curated vocabulary tags whose terms
 * appear in the headline, standfirst or a section heading, or often enough in the body.
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

/** Whole-word, case-sensitive matcher for a term list ("Iran" does not match "Iranian"). */
function matcher(terms: string[]): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${terms.map(escape).join('|')})(?![\\p{L}\\p{N}])`, 'gu');
}

/** Compiled once per vocabulary, not once per article. */
const matchers = new WeakMap<Vocabulary, [string, RegExp][]>();

function compiled(vocabulary: Vocabulary): [string, RegExp][] {
  let list = matchers.get(vocabulary);
  if (!list) {
    list = Object.entries(vocabulary.tags).map(([tag, terms]) => [tag, matcher(terms)]);
    matchers.set(vocabulary, list);
  }
  return list;
}

export function assignTags(input: TagInput, vocabulary: Vocabulary): string[] {
  const tags = [...input.filedUnder];
  const seen = new Set(tags.map((t) => t.toLowerCase()));
  // Blocks joined by a line break, which no term spans: one regex pass per tag over the article.
  const prominent = input.prominent.join('\n');
  const body = input.body.join('\n');
  for (const [tag, pattern] of compiled(vocabulary)) {
    if (seen.has(tag.toLowerCase())) continue;
    if (prominent.search(pattern) !== -1 || (body.match(pattern)?.length ?? 0) >= vocabulary.minBodyMatches) {
      tags.push(tag);
      seen.add(tag.toLowerCase());
    }
  }
  return tags;
}
