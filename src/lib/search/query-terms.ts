/**
 * The reader's query as words and quoted phrases, in the form the client compares with the page's
 * words: transliteration-folded, diacritics and punctuation dropped, lower-cased. Pagefind tells
 * which words matched but not which query term each one matched (it stems and matches prefixes), so
 * paragraphs are ranked by matching the words back to the terms here (paragraphs.ts).
 */
import { foldTransliteration } from './fold.ts';

export interface QueryTerms {
  /** Every distinct word of the query, quoted or not, normalised. */
  terms: string[];
  /** Each quoted phrase of two or more words, as normalised words. */
  phrases: string[][];
}

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/**
 * `Qa’ani,` → `qaani`; `Sécurité` → `securite`. A word of printable ASCII only takes the short way
 * to the same result (the one ASCII character folded, the grave accent, is dropped either way).
 */
export function normaliseWord(word: string): string {
  if (PRINTABLE_ASCII.test(word)) return word.toLowerCase().replace(/[^a-z0-9]/g, '');
  return foldTransliteration(word)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

function words(text: string): string[] {
  return text
    .split(/\s+/)
    .map(normaliseWord)
    .filter((w) => w !== '');
}

export function parseQuery(query: string): QueryTerms {
  const phrases = [...query.matchAll(/["“”]([^"“”]+)["“”]/g)]
    .map((m) => words(m[1]))
    .filter((p) => p.length > 1);
  return { terms: [...new Set(words(query))], phrases };
}

function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

/** Shortest shared start for a page word to count as a form of a query term (`sanction` for
 * `sanctions`, `railways` for `railway`); a shorter term must match whole. */
const MIN_STEM = 4;

/**
 * The query term a matched page word stands for: the one sharing the longest start with it (at
 * least MIN_STEM letters, or the whole term). A word no term explains (an alias spelling, a
 * compound) stands for itself, so it still counts as one distinct term.
 */
export function termOf(word: string, terms: readonly string[]): string {
  const w = normaliseWord(word);
  let best = '';
  let bestLength = 0;
  for (const term of terms) {
    const shared = commonPrefix(w, term);
    const enough = shared === term.length || shared >= Math.min(MIN_STEM, term.length);
    if (enough && shared > bestLength) [best, bestLength] = [term, shared];
  }
  return best || w;
}
