/**
 * The curated names as one matcher, compiled once per thread: every spelling of every entry,
 * folded (`Qa’ani` = `Qaani` = `QAANI`), looked up word by word, longest spelling first. An
 * all-capital spelling (`US`, `IRGC`) matches only in capitals, so the word `us` is not a country.
 */
import { isAcronym, type CuratedName, type CuratedNames } from './curated.ts';
import { wordsOf, type Word } from './words.ts';

interface Spelling {
  entry: CuratedName;
  /** Matches only words in capitals. */
  acronym: boolean;
}

export interface Matcher {
  bySpelling: Map<string, Spelling>;
  /** Most words in any spelling. */
  longest: number;
  /** The first word of every spelling: most words start none, and are passed over at once. */
  firsts: Set<string>;
  /** Folded spelling → entry, for names the library finds that turn out to be curated. */
  entryOf(key: string): CuratedName | undefined;
}

export interface Match {
  entry: CuratedName;
  /** Index of the first word and one past the last. */
  from: number;
  to: number;
}

const keyOf = (words: readonly Word[]): string => words.map((w) => w.key).join(' ');

/** Throws when one spelling is listed under two names: which one a paragraph means would be a guess. */
export function compileMatcher(curated: CuratedNames): Matcher {
  const bySpelling = new Map<string, Spelling>();
  let longest = 1;
  const firsts = new Set<string>();
  for (const entry of curated.names) {
    for (const spelling of [entry.name, ...entry.aliases]) {
      const words = wordsOf(spelling);
      const key = keyOf(words);
      if (key === '') continue;
      const other = bySpelling.get(key);
      if (other && other.entry !== entry)
        throw new Error(`"${spelling}" is a spelling of both "${other.entry.name}" and "${entry.name}"`);
      bySpelling.set(key, { entry, acronym: (other?.acronym ?? true) && isAcronym(spelling) });
      longest = Math.max(longest, words.length);
      firsts.add(words[0]!.key);
    }
  }
  return { bySpelling, longest, firsts, entryOf: (key) => bySpelling.get(key)?.entry };
}

/** The curated names a paragraph's words spell, left to right, never overlapping; a name starts with a capital. */
export function matchCurated(words: readonly Word[], matcher: Matcher): Match[] {
  const found: Match[] = [];
  for (let i = 0; i < words.length; i++) {
    if (!words[i]!.capital || !matcher.firsts.has(words[i]!.key)) continue;
    for (let n = Math.min(matcher.longest, words.length - i); n >= 1; n--) {
      const span = words.slice(i, i + n);
      if (span.slice(0, -1).some((w) => !w.joined)) continue;
      const spelling = matcher.bySpelling.get(keyOf(span));
      if (!spelling || (spelling.acronym && !span.every((w) => w.upper))) continue;
      found.push({ entry: spelling.entry, from: i, to: i + n });
      i += n - 1;
      break;
    }
  }
  return found;
}
