/**
 * The words of a paragraph as the names finder sees them: each with its offsets, its spelling for
 * matching (case, accents, apostrophes and a possessive `’s` folded away: `Qa’ani’s` → `qaani`) and
 * whether it starts with a capital. Names never span punctuation, so each word also says whether
 * only white space separates it from the next.
 */
import { normaliseWord } from '../../src/lib/search/query-terms.ts';

export interface Word {
  /** As printed, a possessive and a closing full stop left out (`Iraq’s` → `Iraq`, `Baghdad.` → `Baghdad`). */
  text: string;
  start: number;
  end: number;
  /** Folded for matching (`qaani`): normaliseWord's. */
  key: string;
  capital: boolean;
  /** Capitals only (`US`, `U.S.`, `IRGC`): an acronym. */
  upper: boolean;
  /** Only white space before the next word: a name may run on into it. */
  joined: boolean;
}

/** `al-Kazimi`, `a-Salam`, `el-Sisi`: the article joined to a capitalised name starts a name word. */
const ARABIC_ARTICLE = /^(?:al|el|a|ad|an|ar|as|ash|at|az)[-‐]\p{Lu}/u;

/** Abbreviations that keep their full stop (titles, mostly). */
const ABBREVIATED = new Set(
  'adm brig capt col cpl dr gen gov hon jr lt maj messrs mr mrs ms prof rep rev sen sgt sr st'.split(' '),
);

const isHyphen = (c: string | undefined) => c === '-' || c === '‐';
const isApostrophe = (c: string | undefined) => c === '’' || c === "'";

/** `Baghdad.` → `Baghdad`, but `U.S.`, `W.` and `Gen.` keep theirs (initials, abbreviations). */
function trimDot(word: string): string {
  if (!word.endsWith('.')) return word;
  const bare = word.slice(0, -1);
  return /^(?:\p{L}\.)*\p{L}$/u.test(bare) || ABBREVIATED.has(bare.toLowerCase()) ? word : bare;
}

/** The word as printed, a trailing hyphen, closing full stop and possessive (`’s`, `’`) left out. */
function bareOf(match: string): string {
  let end = match.length;
  while (isHyphen(match[end - 1])) end--;
  const printed = trimDot(end < match.length ? match.slice(0, end) : match);
  if (isApostrophe(printed.at(-1))) return printed.slice(0, -1);
  if (printed.endsWith('s') && isApostrophe(printed.at(-2))) return printed.slice(0, -2);
  return printed;
}

/** Starts with a capital, or is a capitalised name with its Arabic article (`al-Kazimi`). */
function isCapital(bare: string): boolean {
  const first = bare.charCodeAt(0);
  if (first >= 65 && first <= 90) return true;
  if (first < 128 && first !== 97 && first !== 101) return false; // only `a…`/`e…` may be an article
  return /^\p{Lu}/u.test(bare) || ARABIC_ARTICLE.test(bare);
}

/** Has a capital letter and no small one. */
function isUpper(bare: string): boolean {
  return /\p{Lu}/u.test(bare) && !/\p{Ll}/u.test(bare);
}

/** Only spaces and tabs (at least one) between `from` and `to`. */
function blankBetween(text: string, from: number, to: number): boolean {
  if (to <= from) return false;
  for (let i = from; i < to; i++) if (text[i] !== ' ' && text[i] !== '\t') return false;
  return true;
}

const LETTER_OR_NUMBER = /^[\p{L}\p{N}]$/u;
const WORD_CHARACTER = /^[\p{L}\p{M}\p{N}’'.\-‐]$/u;
/** Per code point outside ASCII: 2 starts a word, 1 continues one, 0 neither. */
const kinds = new Map<number, number>();

function kindOf(code: number): number {
  if (code < 128) {
    if ((code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122)) return 2;
    return code === 39 || code === 45 || code === 46 ? 1 : 0;
  }
  let kind = kinds.get(code);
  if (kind === undefined) {
    const c = String.fromCodePoint(code);
    kind = LETTER_OR_NUMBER.test(c) ? 2 : WORD_CHARACTER.test(c) ? 1 : 0;
    kinds.set(code, kind);
  }
  return kind;
}

/** A word of ASCII letters and digits only (most words): its key, and whether it is capitalised or in capitals. */
function plainWord(text: string, start: number, end: number): Word {
  let capitals = 0;
  let smalls = 0;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code >= 65 && code <= 90) capitals++;
    else if (code >= 97) smalls++;
  }
  const word = text.slice(start, end);
  const first = text.charCodeAt(start);
  return {
    text: word,
    start,
    end,
    key: word.toLowerCase(),
    capital: first >= 65 && first <= 90,
    upper: capitals > 0 && smalls === 0,
    joined: false,
  };
}

/** Any other word: a trailing hyphen, closing full stop and possessive left out, and folded. */
function foldedWord(word: string, start: number): Word | undefined {
  const bare = bareOf(word);
  const key = normaliseWord(bare);
  if (key === '') return undefined;
  return {
    text: bare,
    start,
    end: start + bare.length,
    key,
    capital: isCapital(bare),
    upper: isUpper(bare),
    joined: false,
  };
}

/**
 * The words of the text: each a letter or number, then letters, marks, numbers, apostrophes, dots
 * and hyphens (`[\p{L}\p{N}][\p{L}\p{M}\p{N}’'.\-‐]*`), read one code point at a time.
 */
export function wordsOf(text: string): Word[] {
  const words: Word[] = [];
  let i = 0;
  while (i < text.length) {
    const code = text.codePointAt(i)!;
    if (kindOf(code) !== 2) {
      i += code > 0xffff ? 2 : 1;
      continue;
    }
    const start = i;
    let plain = code < 128;
    i += code > 0xffff ? 2 : 1;
    while (i < text.length) {
      const next = text.codePointAt(i)!;
      const kind = kindOf(next);
      if (kind === 0) break;
      if (next >= 128 || kind !== 2) plain = false;
      i += next > 0xffff ? 2 : 1;
    }
    const word = plain ? plainWord(text, start, i) : foldedWord(text.slice(start, i), start);
    if (word) words.push(word);
  }
  // A possessive ends a name (`Iran’s Zarif` is two): it is in the gap, like any punctuation.
  for (let w = 0; w + 1 < words.length; w++)
    words[w]!.joined = blankBetween(text, words[w]!.end, words[w + 1]!.start);
  return words;
}
