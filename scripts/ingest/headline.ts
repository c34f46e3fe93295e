/**
 * Headlines that are not printed as a headline line: whether the first line of a scrape is body
 * text (a lede) rather than a headline, the headline a file name spells (`Iran-s-envoy-won-t-go`
 * → `Iran’s envoy won’t go`, apostrophes and hyphens restored where the text spells the words so),
 * and a first sentence cut to headline length when nothing better exists.
 */
import { splitSentences } from '../../src/lib/sentences.ts';

/** Longer than any headline: the line is a paragraph. */
const LONG_LINE = 200;
/** A full stop after this many words ends a sentence, not a headline. */
const SENTENCE_WORDS = 8;
const FIRST_SENTENCE_MAX = 120;

/**
 * A dateline opening a news lede: `TEHRAN –`, `BEIJING (AP)—`, `PADANG BAKUNG, Indonesia (Reuters) --`,
 * `TEHRAN, Sept. 24 (MNA) –`, or any place (at most ~40 characters) followed by an agency in brackets
 * and a dash: `Tehran (IRNA)--`, `(Washington Post)-`.
 */
const CAPS_DATELINE =
  /^\p{Lu}[\p{Lu}\p{M} .'’/-]*\p{Lu}{3}\.?(?:,\s*[\p{L}.]+(?:\s+[\p{L}.]+)*){0,2}(?:,?\s*\p{L}+\.?\s+\d{1,2})?\s*(?:\([^)]{1,40}\))?\s*(?:--?|[–—])/u;
const AGENCY_DATELINE = /^[\p{L}\p{M} ,./'’-]{0,40}\([^)]{1,40}\)\s*(?:--?|[–—])/u;

export function startsWithDateline(text: string): boolean {
  return CAPS_DATELINE.test(text) || AGENCY_DATELINE.test(text);
}

const wordCount = (text: string): number => text.split(/\s+/).filter(Boolean).length;

/** Why a first line reads as body text rather than a headline, or undefined when it may be a headline. */
export function bodyTextReason(text: string): string | undefined {
  if (startsWithDateline(text)) return 'it opens with a dateline';
  if (text.length > LONG_LINE) return `it is longer than ${LONG_LINE} characters`;
  if (splitSentences(text).length > 1) return 'it holds several sentences';
  if (/\.["”’)]*$/u.test(text) && wordCount(text) >= SENTENCE_WORDS) return 'it ends a sentence';
  if (/[:;,]$/u.test(text)) return 'it ends mid-sentence';
  return undefined;
}

/** Lower-cased letters and digits of each word: `U.S.-Iran` and `U-S-Iran` fold alike. */
export function foldedWords(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/**
 * A printed line agrees with the file name's headline when their words are the same, or when the
 * name (cut short, as names often are) spells the line's first words.
 */
export function agreesWithName(line: string, nameWords: string[]): boolean {
  const a = foldedWords(line);
  const b = nameWords.flatMap(foldedWords);
  if (a.length === b.length) return a.every((w, i) => w === b[i]);
  return b.length >= 5 && b.length < a.length && b.every((w, i) => w === a[i]);
}

/**
 * Contractions and possessives a file name spells as a separate lower-case word: `won-t`, `Iran-s`,
 * `we-ll` (a capital `S` is more likely a word of its own: `India-S-Africa`).
 */
const CLITICS = new Set(['s', 't', 'll', 're', 've', 'd', 'm']);
/** What joins the words of a compound in the text: hyphens, apostrophes, the full stops of initials. */
const JOINERS = ['-', '‐', "'", '’', '.'];
const MAX_PARTS = 5;
const WORD_CHARACTER = /[\p{L}\p{N}]/u;

function isWordAt(text: string, i: number): boolean {
  if (i < 0 || i >= text.length) return false;
  const code = text.charCodeAt(i);
  // ASCII letters and digits answered without the Unicode pattern.
  if (code < 128) return (code >= 48 && code <= 57) || ((code | 32) >= 97 && (code | 32) <= 122);
  return WORD_CHARACTER.test(text[i]!);
}

/** The run of letters and digits starting at `from`, and where it ends. */
function wordAt(text: string, from: number): { word: string; end: number } {
  let end = from;
  while (isWordAt(text, end)) end++;
  return { word: text.slice(from, end).toLowerCase(), end };
}

/**
 * How the text spells runs of the name's words joined (`won’t`, `Iran-Iraq`, `U.S.`), keyed by their
 * folded words; the earliest spelling wins. Only the text's joiners are visited (found with
 * `indexOf`), each checked against the pairs of neighbouring name words, then extended word by word:
 * far cheaper than lower-casing or scanning the whole text for every compound.
 */
function compoundsOf(words: string[], text: string): Map<string, string> {
  const folded = words.map((w) => foldedWords(w));
  const pairs = new Map<string, number[]>();
  for (let i = 0; i + 1 < words.length; i++) {
    if (folded[i]!.length !== 1 || folded[i + 1]!.length !== 1) continue;
    const key = `${folded[i]![0]} ${folded[i + 1]![0]}`;
    pairs.set(key, [...(pairs.get(key) ?? []), i]);
  }
  const compounds = new Map<string, { at: number; spelling: string }>();
  for (const joiner of pairs.size > 0 ? JOINERS : []) {
    for (let j = text.indexOf(joiner); j !== -1; j = text.indexOf(joiner, j + 1)) {
      // Most joiners (a full stop before a space) join nothing: that is known from the next character.
      if (!isWordAt(text, j + 1) || !isWordAt(text, j - 1)) continue;
      let at = j;
      while (isWordAt(text, at - 1)) at--;
      const after = wordAt(text, j + 1);
      for (const i of pairs.get(`${text.slice(at, j).toLowerCase()} ${after.word}`) ?? [])
        extend(text, folded, i, at, after.end, compounds);
    }
  }
  return new Map([...compounds].map(([key, { spelling }]) => [key, spelling]));
}

/** Records the compound from `at` to `end` (name words i, i+1) and each longer one the text goes on to. */
function extend(
  text: string,
  folded: string[][],
  i: number,
  at: number,
  end: number,
  compounds: Map<string, { at: number; spelling: string }>,
): void {
  for (let last = i + 1; ; last++) {
    // Initials take their final full stop: `U.S.`.
    const initials = text[end] === '.' && folded.slice(i, last + 1).every((w) => w[0]!.length === 1);
    const spelling = text.slice(at, initials ? end + 1 : end);
    const key = folded
      .slice(i, last + 1)
      .map((w) => w[0])
      .join(' ');
    const known = compounds.get(key);
    if (!known || at < known.at) compounds.set(key, { at, spelling });
    const next = folded[last + 1];
    if (last + 1 - i >= MAX_PARTS || next?.length !== 1 || !JOINERS.includes(text[end] ?? '')) return;
    const following = wordAt(text, end + 1);
    if (following.word !== next[0]) return;
    end = following.end;
  }
}

/** The name's letters with the text's joins: `Iran` + `s` spelled `Iran’s` in the text → `Iran’s`. */
function joinLike(parts: string[], spelling: string): string {
  const joins = spelling.split(/[\p{L}\p{N}]+/u).slice(1, -1);
  const tail = spelling.match(/[^\p{L}\p{N}]*$/u)?.[0] ?? '';
  return parts.map((p, i) => p + (i < joins.length ? joins[i] : '')).join('') + tail;
}

export interface NameHeadline {
  title: string;
  /** The joins restored, e.g. `Iran-s → Iran’s`, for the report. */
  restored: string[];
}

/**
 * A name written all in lower case (`iran-and-iraq-sign-rail-deal`) takes the text's capitals for
 * the words the text always capitalises (proper nouns: `Iran`, `Iraq`) and a capital first letter.
 */
function restoreCase(words: string[], text: string): string[] {
  if (words.some((w) => w !== w.toLowerCase())) return words;
  const spellings = new Map<string, Set<string>>();
  for (const word of text.match(/[\p{L}\p{N}]+/gu) ?? []) {
    const key = word.toLowerCase();
    if (!spellings.has(key)) spellings.set(key, new Set());
    spellings.get(key)!.add(word);
  }
  const cased = words.map((w) => {
    const seen = spellings.get(w);
    return seen?.size === 1 ? [...seen][0]! : w;
  });
  return cased.map((w, i) => (i === 0 ? w.charAt(0).toUpperCase() + w.slice(1) : w));
}

export function headlineFromName(nameWords: string[], text: string): NameHeadline {
  const words = restoreCase(nameWords, text);
  const compounds = compoundsOf(words, text);
  const folded = words.map(foldedWords);
  const out: string[] = [];
  const restored: string[] = [];
  for (let i = 0; i < words.length;) {
    const match = compounds.size > 0 ? longestCompound(folded, i, compounds) : undefined;
    if (match) {
      out.push(joinLike(words.slice(i, i + match.length), match.spelling));
      restored.push(`${words.slice(i, i + match.length).join(' ')} → ${out.at(-1)}`);
      i += match.length;
    } else if (out.length > 0 && CLITICS.has(words[i]!)) {
      out[out.length - 1] += `’${words[i]}`;
      restored.push(`${words[i - 1]} ${words[i]} → ${out.at(-1)}`);
      i++;
    } else {
      out.push(words[i]!);
      i++;
    }
  }
  return { title: out.join(' '), restored };
}

/** `folded`: each of the name's words folded (`foldedWords`). */
function longestCompound(
  folded: string[][],
  start: number,
  compounds: Map<string, string>,
): { length: number; spelling: string } | undefined {
  for (let length = Math.min(MAX_PARTS, folded.length - start); length >= 2; length--) {
    const key = folded
      .slice(start, start + length)
      .flat()
      .join(' ');
    const spelling = compounds.get(key);
    if (spelling) return { length, spelling };
  }
  return undefined;
}

/** The first sentence of `text`, cut at a word boundary to headline length. */
export function firstSentenceTitle(text: string): string {
  const sentence = splitSentences(text)[0] ?? text.trim();
  if (sentence.length <= FIRST_SENTENCE_MAX) return sentence;
  const cut = sentence.slice(0, FIRST_SENTENCE_MAX + 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > FIRST_SENTENCE_MAX / 2 ? cut.slice(0, space) : cut.slice(0, FIRST_SENTENCE_MAX)).replace(/[\s,;:–—-]+$/u, '')}…`;
}
