/**
 * Names whatever the spelling. A curated list (content/curated/names.yaml) names each person
 * with the spellings sources use: `Esmail Qa’ani`, `Qaani`, `Ghaani`. When the search index is
 * built (scripts/pagefind.ts), a paragraph of the indexed copy that prints one spelling gets, at
 * its end, every word of every spelling, each prefixed with ALIAS_MARK (U+2063, an invisible
 * separator Pagefind drops from the word it indexes) and kept apart by a lone mark. So `Ghaani` finds the paragraph that prints
 * `Qa’ani`, phrases inside the paragraph stay intact, and the served HTML stays as written. The
 * results page skips marked words when it shows text and marks the printed spelling instead
 * (paragraphs.ts); a group of alias words starts with the mark doubled.
 */
import { normaliseWord } from './query-terms.ts';

export const ALIAS_MARK = '\u2063';

export interface AliasEntry {
  /** The name as the archive prefers it. */
  name: string;
  /** Other ways sources write it; one or more words each. */
  spellings: string[];
}

/** Normalised spelling (words joined by one space) → every normalised word of its entry. */
export interface AliasTable {
  bySpelling: Map<string, string[]>;
  /** Most words in any spelling: how far ahead a match may reach. */
  longest: number;
  /** The first word of every spelling: a match can start only at one of these. */
  firsts: Set<string>;
}

const words = (text: string) =>
  text
    .split(/\s+/)
    .map(normaliseWord)
    .filter((w) => w !== '');

export function aliasTable(entries: readonly AliasEntry[]): AliasTable {
  const bySpelling = new Map<string, string[]>();
  const firsts = new Set<string>();
  let longest = 1;
  for (const entry of entries) {
    const spellings = [entry.name, ...entry.spellings].map(words).filter((w) => w.length > 0);
    const all = [...new Set(spellings.flat())];
    for (const spelling of spellings) {
      const key = spelling.join(' ');
      const other = bySpelling.get(key);
      if (other && other.join() !== all.join())
        throw new Error(`aliases: "${key}" is listed under two names`);
      bySpelling.set(key, all);
      firsts.add(spelling[0]!);
      longest = Math.max(longest, spelling.length);
    }
  }
  return { bySpelling, longest, firsts };
}

/** The alias groups (each the words of one entry) whose spellings a run of text prints. */
export function groupsIn(text: string, table: AliasTable): string[][] {
  const normal = text.split(/\s+/).map(normaliseWord);
  const found = new Set<string[]>();
  for (let i = 0; i < normal.length; i++) {
    if (!table.firsts.has(normal[i]!)) continue;
    for (let n = Math.min(table.longest, normal.length - i); n >= 1; n--) {
      const group = table.bySpelling.get(normal.slice(i, i + n).join(' '));
      if (!group) continue;
      found.add(group);
      i += n - 1;
      break;
    }
  }
  return [...found];
}

/** The marked words appended to a paragraph that prints these groups' spellings. A lone mark
 * before each word (a position Pagefind counts but indexes nothing for) keeps the alias words
 * from forming phrases with each other or with the paragraph's last word. */
export function aliasRun(groups: readonly string[][]): string {
  return groups
    .map((group) => group.map((w, i) => ` ${ALIAS_MARK} ${ALIAS_MARK.repeat(i === 0 ? 2 : 1)}${w}`).join(''))
    .join('');
}

/** Elements that end a paragraph-like block: the alias words go just before their closing tag. */
const BLOCK_END = /^<\/(p|li|h[1-6]|blockquote|dd|dt|td|th|figcaption|caption)\s*>/i;

const BLOCK_START = /^<(p|li|h[1-6]|blockquote|dd|dt|td|th|figcaption|caption)\b/i;

/** Expands the text of an HTML page block by block, leaving tags, attributes, scripts and styles alone. */
export function expandHtml(html: string, table: AliasTable): string {
  if (table.bySpelling.size === 0) return html;
  let skipping: string | undefined;
  let block = ''; // the current block's text so far
  const out: string[] = [];
  for (const part of html.split(/(<[^>]*>)/)) {
    if (!part.startsWith('<')) {
      if (!skipping) block += part;
      out.push(part);
      continue;
    }
    const open = /^<(script|style|template)\b/i.exec(part)?.[1]?.toLowerCase();
    if (open) skipping = open;
    else if (skipping && new RegExp(`^</${skipping}\\s*>`, 'i').test(part)) skipping = undefined;
    if (BLOCK_END.test(part)) {
      out.push(aliasRun(groupsIn(block, table)));
      block = '';
    } else if (BLOCK_START.test(part)) block = '';
    else if (/^<(br|\/?(div|ul|ol|section|article|table|tr))\b/i.test(part)) block += ' ';
    out.push(part);
  }
  return out.join('');
}

export function isAliasWord(word: string | undefined): boolean {
  return word?.startsWith(ALIAS_MARK) ?? false;
}

/**
 * A text of the indexed copy as the page prints it: without the marked alias words. Pagefind takes
 * a result's title from the indexed headline, which carries them when it prints a spelling
 * (`Raisi, Qalibaf …` would show as `Raisi, Qalibaf … mohammad bagher qalibaf ghalibaf`).
 */
export function withoutAliasWords(text: string): string {
  if (!text.includes(ALIAS_MARK)) return text;
  return text
    .split(/\s+/u)
    .filter((word) => word !== '' && !isAliasWord(word))
    .join(' ');
}

/** The words of the alias group that the marked word at `at` belongs to. */
export function aliasGroupAt(words: readonly string[], at: number): Set<string> {
  let start = at;
  while (start > 0 && !words[start]!.startsWith(ALIAS_MARK.repeat(2)) && isAliasWord(words[start - 1]))
    start--;
  const group = new Set<string>();
  for (
    let i = start;
    i < words.length && isAliasWord(words[i]) && (i === start || !words[i]!.startsWith(ALIAS_MARK.repeat(2)));
    i++
  ) {
    const word = normaliseWord(words[i]!);
    if (word !== '') group.add(word);
  }
  return group;
}
