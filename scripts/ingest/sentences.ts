/**
 * Sentence boundaries in a line of text, for telling a lede from a headline, cutting a first sentence
 * and finding sentences repeated across a corpus. A boundary is `.`, `!`, `?` or `…` (with any closing
 * quote or bracket) followed by white space and an opening quote, bracket, digit or capital letter,
 * unless the word before the full stop is an initial (`U.S.`, `J.`) or a common abbreviation.
 */

const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'lt', 'col', 'maj', 'capt', 'sgt', 'brig', 'adm', 'gov', 'sen', 'rep',
  'st', 'jr', 'sr', 'no', 'nos', 'vol', 'pp', 'p', 'fig', 'vs', 'etc', 'inc', 'ltd', 'co', 'corp', 'dept', 'est',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'approx', 'ca', 'cf', 'al',
]);

const END = /[.!?…]["”’»)\]]*\s+(?=["“‘«(\[\p{Lu}\p{N}])/gu;

function isAbbreviation(text: string, dot: number): boolean {
  if (text[dot] !== '.') return false;
  const word = /([\p{L}.]+)$/u.exec(text.slice(Math.max(0, dot - 12), dot))?.[1] ?? '';
  // "U.S." or "J." (initials), or a listed abbreviation such as "Gen." or "Sept.".
  return /^(?:\p{L}\.)*\p{L}$/u.test(word) || ABBREVIATIONS.has(word.toLowerCase());
}

/** Offsets where each sentence after the first starts. */
export function sentenceStarts(text: string): number[] {
  const starts: number[] = [];
  END.lastIndex = 0;
  for (let match = END.exec(text); match; match = END.exec(text)) {
    if (!isAbbreviation(text, match.index)) starts.push(match.index + match[0].length);
  }
  return starts;
}

/** The line cut into sentences, each trimmed; a line without a boundary is one sentence. */
export function splitSentences(text: string): string[] {
  const bounds = [0, ...sentenceStarts(text), text.length];
  const sentences: string[] = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const sentence = text.slice(bounds[i], bounds[i + 1]).trim();
    if (sentence) sentences.push(sentence);
  }
  return sentences;
}
