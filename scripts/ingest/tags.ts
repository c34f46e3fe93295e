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

function count(pattern: RegExp, texts: string[]): number {
  let n = 0;
  for (const text of texts) n += text.match(pattern)?.length ?? 0;
  return n;
}

export function assignTags(input: TagInput, vocabulary: Vocabulary): string[] {
  const tags = [...input.filedUnder];
  const seen = new Set(tags.map((t) => t.toLowerCase()));
  for (const [tag, terms] of Object.entries(vocabulary.tags)) {
    if (seen.has(tag.toLowerCase())) continue;
    const pattern = matcher(terms);
    if (count(pattern, input.prominent) > 0 || count(pattern, input.body) >= vocabulary.minBodyMatches) {
      tags.push(tag);
      seen.add(tag.toLowerCase());
    }
  }
  return tags;
}
