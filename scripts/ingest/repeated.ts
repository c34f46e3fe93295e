/**
 * Corpus-wide boilerplate: a line or sentence that recurs verbatim (white space and case folded) in
 * many files of one folder, such as a licence sentence every page of a site ends with, is not the
 * article's. Found in two steps, as CCNet finds repeated paragraphs in a crawl shard (Wenzek et al.
 * 2019): count in how many files of each folder each line and sentence occurs, then strip those over
 * the threshold wherever they stand in a line, also glued to the end of a sentence.
 *
 * Thresholds (content/curated/boilerplate.yaml): in at least `minFiles` files AND at least
 * `minShare` of the folder's files, and at least `minWords` words long (shorter repeats such as a
 * recurring section heading are structure, not boilerplate). Sentences on the keep-list stay.
 */
import { splitSentences } from './sentences.ts';

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

const wordCount = (key: string): number => (key === '' ? 0 : key.split(' ').length);

/** 53-bit FNV-1a (two 32-bit lanes): counts are kept per hash, not per string, to bound memory. */
function hash53(text: string): number {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
  }
  return (a >>> 0) * 0x200000 + ((b >>> 0) & 0x1fffff);
}

/** Every line and every sentence of a file worth counting, once each: folded key → text as written. */
export function candidateKeys(text: string, minWords: number): Map<string, string> {
  const keys = new Map<string, string>();
  for (const line of text.split('\n')) {
    const lineKey = foldKey(line);
    if (wordCount(lineKey) < minWords) continue;
    keys.set(lineKey, line.trim());
    for (const sentence of splitSentences(line)) {
      const key = foldKey(sentence);
      if (key !== lineKey && wordCount(key) >= minWords && !keys.has(key)) keys.set(key, sentence);
    }
  }
  return keys;
}

interface FolderCounts {
  threshold: number;
  counts: Map<number, number>;
  found: Map<string, { shown: string; files: number }>;
}

/** Counts files per folder and per key; call `add` once per file, then `sets`. */
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

  add(rawFile: string, text: string): void {
    const folder = this.folders.get(folderOf(rawFile));
    if (!folder) return;
    for (const [key, shown] of candidateKeys(text, this.rule.minWords)) {
      const id = hash53(key);
      const count = (folder.counts.get(id) ?? 0) + 1;
      folder.counts.set(id, count);
      if (count >= folder.threshold && !this.keep.has(key)) folder.found.set(key, { shown: folder.found.get(key)?.shown ?? shown, files: count });
    }
  }

  /**
   * Each folder's boilerplate, longest first. A repeat that contains a shorter repeat is dropped:
   * `MH/PA All Content by … License.` recurs only because `All Content by … License.` does, and
   * stripping the shorter keeps what differs between files (here an editor's initials).
   */
  sets(): RepeatedSets {
    const sets: RepeatedSets = {};
    for (const [folder, { found }] of [...this.folders].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const entries = [...found].map(([text, { shown, files }]) => ({ text, shown, files })).sort((a, b) => b.text.length - a.text.length || (a.text < b.text ? -1 : 1));
      const kept = entries.filter((e) => !entries.some((shorter) => shorter.text.length < e.text.length && e.text.includes(shorter.text)));
      if (kept.length > 0) sets[folder] = kept;
    }
    return sets;
  }
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** One pattern per set: the sentences, white space and case folded, standing as whole words. */
const patterns = new WeakMap<object, RegExp>();

function patternFor(sentences: { text: string }[]): RegExp {
  let pattern = patterns.get(sentences);
  if (!pattern) {
    const alternatives = sentences.map((s) => s.text.split(' ').map(escape).join('\\s+'));
    pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
    patterns.set(sentences, pattern);
  }
  return pattern;
}

/** A line with the repeated sentences cut out, and what was cut. */
export function stripRepeated(line: string, sentences: { text: string }[]): { text: string; cut: string[] } {
  if (sentences.length === 0) return { text: line, cut: [] };
  const cut: string[] = [];
  const text = line
    .replace(patternFor(sentences), (match) => {
      cut.push(match);
      return '\u0000';
    })
    .replace(/\s*\u0000\s*/g, (gap, offset: number, whole: string) => (offset === 0 || offset + gap.length === whole.length ? '' : ' '))
    .trim();
  return { text, cut };
}
