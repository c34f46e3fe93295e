/**
 * Sentence boundaries, for the ingester (telling a lede from a headline, a first sentence as a last-
 * resort headline, sentences repeated across a corpus) and the site (an article's description). A
 * boundary is `.`, `!`, `?` or `…` (with any closing quote or bracket) followed by white space and an
 * opening quote or bracket, a digit or a capital (or a letter of a script without case), unless the
 * word before the full stop is an initial (`U.S.`, `J.`, `e.g.`) or a common abbreviation.
 */

/** Lower-cased words that take a full stop without ending a sentence. */
const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'sr',
  'jr',
  'st',
  'mt',
  'ft',
  'no',
  'nos',
  'vol',
  'pp',
  'p',
  'fig',
  'vs',
  'cf',
  'approx',
  'ca',
  'al',
  'etc',
  'gen',
  'brig',
  'col',
  'lt',
  'maj',
  'capt',
  'cpt',
  'sgt',
  'cpl',
  'pvt',
  'adm',
  'cmdr',
  'cdr',
  'gov',
  'sen',
  'rep',
  'pres',
  'amb',
  'hon',
  'rev',
  'messrs',
  'inc',
  'ltd',
  'co',
  'corp',
  'dept',
  'est',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
]);

const END = /[.!?…]+["'”’»)\]]*\s+(?=["'“‘«([\p{Lu}\p{Lt}\p{Lo}\p{N}])/gu;

function isAbbreviation(text: string, dot: number): boolean {
  if (text[dot] !== '.') return false;
  const word = /([\p{L}.]+)$/u.exec(text.slice(Math.max(0, dot - 12), dot))?.[1] ?? '';
  // "U.S." or "J." (initials), or a listed abbreviation such as "Gen." or "Sept.".
  return /^(?:\p{L}\.)*\p{L}$/u.test(word) || ABBREVIATIONS.has(word.toLowerCase());
}

/** Offsets where each sentence after the first starts; only the first of them when `first`. */
export function sentenceStarts(text: string, first = false): number[] {
  const starts: number[] = [];
  END.lastIndex = 0;
  for (let match = END.exec(text); match; match = END.exec(text)) {
    if (isAbbreviation(text, match.index)) continue;
    starts.push(match.index + match[0].length);
    if (first) break;
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

/** The first sentence of text, its white space collapsed; the whole text when it has one sentence. */
export function firstSentence(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const [next] = sentenceStarts(flat, true);
  return next === undefined ? flat : flat.slice(0, next).trim();
}
