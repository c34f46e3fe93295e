/**
 * Corpus-wide boilerplate: a sentence (or line) that recurs verbatim (white space and case folded) in
 * many files of one folder, such as a licence sentence every page of a site ends with, is not the
 * article's. Found in two steps, as CCNet finds repeated paragraphs in a crawl shard (Wenzek et al.
 * 2019): count in how many files of each folder each line and sentence occurs, then strip those over
 * the threshold wherever they stand in a line, also glued to the end of a sentence.
 *
 * Thresholds (content/curated/boilerplate.yaml): in at least `minFiles` files AND at least
 * `minShare` of the folder's files, and at least `minWords` words long (shorter repeats such as a
 * recurring section heading are structure, not boilerplate). Sentences on the keep-list stay.
 */
import { sentenceStarts } from '../../src/lib/sentences.ts';

export interface RepeatedRule {
  minFiles: number;
  minShare: number;
  minWords: number;
  keep: string[];
}

/**
 * Each folder's boilerplate sentences: folded text (what is matched), the text as first found (what
 * is shown), and the number of the folder's files it stands alone in, as a line or a sentence.
 */
export type RepeatedSets = Record<string, RepeatedSentence[]>;

export interface RepeatedSentence {
  text: string;
  shown: string;
  files: number;
}

/** Folder part of a raw file's path relative to the input folder: `''` for the top. */
export function folderOf(rawFile: string): string {
  const slash = rawFile.lastIndexOf('/');
  return slash === -1 ? '' : rawFile.slice(0, slash);
}

export function foldKey(text: string): string {
  return text.replace(/\s+/g, ' ').trim().toLowerCase();
}

/** The white space `\s` matches beyond ASCII (a surrogate half is never white space). */
function isWideSpace(code: number): boolean {
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** What `\s` matches. */
export function isWhiteSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || (code > 127 && isWideSpace(code));
}

const lowerCache = new Map<number, string>();

function lowerOf(code: number, char: string): string {
  let lower = lowerCache.get(code);
  if (lower === undefined) lowerCache.set(code, (lower = char.toLowerCase()));
  return lower;
}

/**
 * The 53-bit FNV-1a hash (two 32-bit lanes) of `text[from, to)` folded as `foldKey` folds it, and its
 * word count, without building the folded string: counting every line and sentence of a corpus is the
 * scan's main cost, and counts are kept per hash, not per string, to bound memory.
 */
export function foldedHash(text: string, from: number, to: number): { hash: number; words: number } {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  let words = 0;
  let space = true;
  for (let i = from; i < to; i++) {
    let code = text.charCodeAt(i);
    if (isWhiteSpace(code)) {
      space = true;
      continue;
    }
    if (space) {
      if (words > 0) {
        a = Math.imul(a ^ 32, 0x01000193);
        b = Math.imul(b ^ 32, 0x5bd1e995);
      }
      words++;
      space = false;
    }
    if (code >= 65 && code <= 90) code += 32;
    else if (code > 127) {
      // Outside ASCII: lower-case the character as toLowerCase would (it may become two).
      const lower = lowerOf(code, text[i]!);
      for (let j = 0; j + 1 < lower.length; j++) {
        a = Math.imul(a ^ lower.charCodeAt(j), 0x01000193);
        b = Math.imul(b ^ lower.charCodeAt(j), 0x5bd1e995);
      }
      code = lower.charCodeAt(lower.length - 1);
    }
    a = Math.imul(a ^ code, 0x01000193);
    b = Math.imul(b ^ code, 0x5bd1e995);
  }
  return { hash: (a >>> 0) * 0x200000 + ((b >>> 0) & 0x1fffff), words };
}

/**
 * Each sentence of each line of a file, as [from, to) offsets into `text` (a line of one sentence is
 * itself). A repeated line of several sentences is found through its sentences.
 */
function* candidates(text: string): Generator<[number, number]> {
  for (let start = 0; start <= text.length;) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const bounds = [0, ...sentenceStarts(text.slice(start, end)), end - start];
    for (let i = 0; i + 1 < bounds.length; i++) yield [start + bounds[i]!, start + bounds[i + 1]!];
    start = end + 1;
  }
}

/** A line or sentence of a file that is counted: its folded hash and where it stands in the text. */
export interface Span {
  hash: number;
  from: number;
  to: number;
}

/** The spans of a file that count: at least `minWords` words, each folded text once (the first time). */
export function* countedSpans(text: string, minWords: number): Generator<Span> {
  const seen = new Set<number>();
  for (const [from, to] of candidates(text)) {
    const { hash, words } = foldedHash(text, from, to);
    if (words < minWords || seen.has(hash)) continue;
    seen.add(hash);
    yield { hash, from, to };
  }
}

interface FolderCounts {
  threshold: number;
  counts: Map<number, number>;
  found: Map<string, { shown: string; files: number }>;
}

/**
 * Counts files per folder and per key; call `add` once per file (or `countSpan` for each of its
 * counted spans, when the spans were found on another thread), in file order, then `sets`.
 */
export class RepeatedCounter {
  private readonly folders = new Map<string, FolderCounts>();
  private readonly rule: RepeatedRule;
  private readonly keep: Set<string>;

  /** `filesPerFolder`: how many raw files each folder holds, to fix each folder's threshold up front. */
  constructor(rule: RepeatedRule, filesPerFolder: Map<string, number>) {
    this.rule = rule;
    this.keep = new Set(rule.keep.map(foldKey));
    for (const [folder, files] of filesPerFolder) {
      const threshold = Math.max(rule.minFiles, Math.ceil(rule.minShare * files));
      if (files >= threshold) this.folders.set(folder, { threshold, counts: new Map(), found: new Map() });
    }
  }

  /** The folders whose files are counted (a folder with fewer files than the threshold has no boilerplate). */
  countedFolders(): string[] {
    return [...this.folders.keys()];
  }

  add(rawFile: string, text: string): void {
    const folder = folderOf(rawFile);
    if (!this.folders.has(folder)) return;
    for (const { hash, from, to } of countedSpans(text, this.rule.minWords)) {
      const files = this.countSpan(folder, hash);
      if (files !== undefined) this.addFound(folder, text.slice(from, to).trim(), files);
    }
  }

  /**
   * Counts one counted span of a file of `folder` (in file order); once the span is in enough
   * files to be boilerplate, returns that number, and its text is due to `addFound`.
   */
  countSpan(folder: string, hash: number): number | undefined {
    const counts = this.folders.get(folder);
    if (!counts) return undefined;
    const count = (counts.counts.get(hash) ?? 0) + 1;
    counts.counts.set(hash, count);
    return count < counts.threshold ? undefined : count;
  }

  /** A span `countSpan` found over the threshold, by its trimmed text. */
  addFound(folder: string, text: string, files: number): void {
    const found = this.folders.get(folder)!.found;
    const key = foldKey(text);
    if (!this.keep.has(key)) found.set(key, { shown: found.get(key)?.shown ?? text, files });
  }

  /**
   * Each folder's boilerplate, longest first. A repeat that contains a shorter repeat is dropped:
   * `MH/PA All Content by … License.` recurs only because `All Content by … License.` does, and
   * stripping the shorter keeps what differs between files (here an editor's initials).
   */
  sets(): RepeatedSets {
    const sets: RepeatedSets = {};
    for (const [folder, { found }] of [...this.folders].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const entries = [...found]
        .map(([text, { shown, files }]) => ({ text, shown, files }))
        .sort((a, b) => b.text.length - a.text.length || (a.text < b.text ? -1 : 1));
      const kept = entries.filter(
        (e) =>
          !entries.some((shorter) => shorter.text.length < e.text.length && e.text.includes(shorter.text)),
      );
      if (kept.length > 0) sets[folder] = kept;
    }
    return sets;
  }
}

const WORD_CHARACTER = /[\p{L}\p{N}]/u;
const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface Patterns {
  /** The sentences, white space and case folded, standing as whole words. */
  full: RegExp;
  /** Their first two words, without Unicode mode: a fast test that most lines fail. */
  quick: RegExp;
}

const patterns = new WeakMap<object, Patterns>();

function patternsFor(sentences: { text: string }[]): Patterns {
  let found = patterns.get(sentences);
  if (!found) {
    const words = sentences.map((s) => s.text.split(' ').map(escape));
    // No lookbehind (V8 would try it at every position): the character before is checked on a match.
    const full = new RegExp(`(?:${words.map((w) => w.join('\\s+')).join('|')})(?![\\p{L}\\p{N}])`, 'giu');
    const quick = new RegExp(words.map((w) => w.slice(0, 2).join('\\s+')).join('|'), 'i');
    patterns.set(sentences, (found = { full, quick }));
  }
  return found;
}

/** A line with the repeated sentences cut out, and what was cut. */
export function stripRepeated(line: string, sentences: { text: string }[]): { text: string; cut: string[] } {
  if (sentences.length === 0) return { text: line, cut: [] };
  const { full, quick } = patternsFor(sentences);
  // Without Unicode mode a few exotic case pairs (the Kelvin sign for k) do not fold: such a line
  // keeps its boilerplate, it never loses text.
  if (!quick.test(line)) return { text: line, cut: [] };
  const cut: string[] = [];
  const kept: string[] = [];
  let from = 0;
  for (const match of line.matchAll(full)) {
    if (match.index > 0 && WORD_CHARACTER.test(line[match.index - 1]!)) continue;
    kept.push(line.slice(from, match.index));
    cut.push(match[0]);
    from = match.index + match[0].length;
  }
  kept.push(line.slice(from));
  // The white space around a cut goes with it; what stood on both sides is joined by one space.
  const text = kept
    .map((part) => part.trim())
    .filter(Boolean)
    .join(' ');
  return { text, cut };
}
