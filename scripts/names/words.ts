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

const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}’'.\-‐]*/gu;
const POSSESSIVE = /[’']s?$/u;
/** `al-Kazimi`, `a-Salam`, `el-Sisi`: the article joined to a capitalised name starts a name word. */
const ARABIC_ARTICLE = /^(?:al|el|a|ad|an|ar|as|ash|at|az)[-‐]\p{Lu}/u;

/** Abbreviations that keep their full stop (titles, mostly). */
const ABBREVIATED = new Set(
  'adm brig capt col cpl dr gen gov hon jr lt maj messrs mr mrs ms prof rep rev sen sgt sr st'.split(' '),
);

/** `Baghdad.` → `Baghdad`, but `U.S.`, `W.` and `Gen.` keep theirs (initials, abbreviations). */
function trimDot(word: string): string {
  if (!word.endsWith('.')) return word;
  const bare = word.slice(0, -1);
  return /^(?:\p{L}\.)*\p{L}$/u.test(bare) || ABBREVIATED.has(bare.toLowerCase()) ? word : bare;
}

export function wordsOf(text: string): Word[] {
  const words: Word[] = [];
  for (const match of text.matchAll(WORD)) {
    const printed = trimDot(match[0].replace(/[-‐]+$/u, ''));
    const bare = printed.replace(POSSESSIVE, '');
    const start = match.index;
    words.push({
      text: bare,
      start,
      end: start + bare.length,
      key: normaliseWord(bare),
      capital: /^\p{Lu}/u.test(bare) || ARABIC_ARTICLE.test(bare),
      upper: /\p{Lu}/u.test(bare) && !/\p{Ll}/u.test(bare),
      joined: false,
    });
  }
  const kept = words.filter((w) => w.key !== '');
  // A possessive ends a name (`Iran’s Zarif` is two): it is in the gap, like any punctuation.
  for (let i = 0; i + 1 < kept.length; i++)
    kept[i]!.joined = /^[ \t]+$/.test(text.slice(kept[i]!.end, kept[i + 1]!.start));
  return kept;
}
