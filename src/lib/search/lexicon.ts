/**
 * The lexicon's records, laid out so that a search can tell which pages of a shard hold every query
 * word without fetching the shard (scripts/pagefind.ts builds them, src/lib/search/pagefind-client.ts
 * reads them).
 *
 * The lexicon is one Pagefind index with one record per shard. A record holds every word Pagefind
 * read in its shard, in two parts:
 *
 * - **Rare words, page by page.** Each page's words that are on at most `rareLimit(pages)` of the
 *   shard's pages form one block: the block's words once each, the blocks shortest first. A Pagefind
 *   result gives the positions of the words that matched (`words`), and Pagefind counts a position
 *   per whitespace-separated word, so a position names its block, and its block the page.
 * - **Common words once.** The shard's other words follow, once each, from `common` on: a query word
 *   found there is taken to be on every page of the shard.
 *
 * A two-word query (`Mottaki Ankara`) whose words are both in every shard, but together on two
 * pages, then fetches the shards of those two pages only. Rare words bound the positions a search
 * reads: at most `rareLimit` a word a shard. Which block a position falls in comes from the blocks'
 * lengths, shortest first and run-length coded (`runs`), kept beside the lexicon (`BLOCKS_FILE`).
 */

/** Beside the lexicon's Pagefind files: each shard's `BlockLayout`. */
export const BLOCKS_FILE = 'blocks.json';
export const BLOCKS_FORMAT = 1;

export interface BlockLayout {
  /** Block lengths, shortest first, as `[length, count, length, count, …]`. */
  runs: number[];
  /** Position of the first common word (the rare blocks' total length). */
  common: number;
}

export interface BlocksFile {
  format: number;
  /**
   * Shard key → the layout of its lexicon record, and the record's id (Pagefind's, which changes
   * with the record's text): a layout is used only with the record it was made for, never with a
   * lexicon of another build. A shard missing here is never narrowed down.
   */
  shards: Record<string, BlockLayout & { record: string }>;
}

/** A word on more of a shard's pages than this is common: 1/64 of them, at least 8. */
export function rareLimit(pages: number): number {
  return Math.max(8, Math.round(pages / 64));
}

/** What Pagefind splits words on (Rust's `split_whitespace`: Unicode White_Space, not JavaScript's `\s`). */
const PAGEFIND_WHITESPACE = /[\t-\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/u;

/**
 * The words of `text` as Pagefind counts them, each once: split where Pagefind splits, with the
 * zero-width spaces it drops removed and its own markers (`___PAGEFIND_…`) left out, since it
 * would read them as instructions and count no position for them.
 *
 * Words that differ only by ASCII punctuation at their ends (`Iran`, `Iran,`, `(Iran`) index the
 * same words, with one exception: a word with punctuation may add parts the bare word does not
 * (Pagefind splits `abc123,` into `abc` and `123` as well, not `abc123`). So one of them is kept,
 * a punctuated one where there is one (the least in code-point order, so the output is stable).
 */
export function distinctWords(texts: Iterable<string>): string[] {
  const byCore = new Map<string, string>();
  for (const text of texts) {
    for (const raw of text.split(PAGEFIND_WHITESPACE)) {
      const word = raw.replaceAll('\u200b', '');
      if (!word || word.startsWith('___PAGEFIND_') || word.startsWith('___END_PAGEFIND_')) continue;
      const core = coreOf(word);
      const kept = byCore.get(core);
      if (kept === undefined || better(word, kept, core)) byCore.set(core, word);
    }
  }
  return [...byCore.values()];
}

/** ASCII punctuation, except `#` and `*`, which Pagefind also indexes as emoji. */
function isEndPunctuation(code: number): boolean {
  return (
    (code >= 0x21 && code <= 0x2f && code !== 0x23 && code !== 0x2a) ||
    (code >= 0x3a && code <= 0x40) ||
    (code >= 0x5b && code <= 0x60) ||
    (code >= 0x7b && code <= 0x7e)
  );
}

/** `word` without the ASCII punctuation at its ends (itself when that leaves nothing). */
function coreOf(word: string): string {
  let start = 0;
  let end = word.length;
  while (start < end && isEndPunctuation(word.charCodeAt(start))) start++;
  while (end > start && isEndPunctuation(word.charCodeAt(end - 1))) end--;
  return start === end ? word : word.slice(start, end);
}

/** Whether `word` should stand for its core instead of `kept`: a punctuated form over the bare one. */
function better(word: string, kept: string, core: string): boolean {
  if (word === kept) return false;
  if (kept === core) return true;
  if (word === core) return false;
  return word < kept;
}

/**
 * A shard's lexicon record: `pages` are each page's words (`distinctWords`), in any order. Returns
 * the record's text (words separated by single spaces) and its layout. The same pages in another
 * order give the same record.
 */
export function layoutRecord(pages: readonly (readonly string[])[]): { text: string; layout: BlockLayout } {
  const limit = rareLimit(pages.length);
  const pagesOf = new Map<string, number>();
  for (const words of pages) for (const word of words) pagesOf.set(word, (pagesOf.get(word) ?? 0) + 1);
  const blocks = pages
    .map((words) =>
      words
        .filter((w) => pagesOf.get(w)! <= limit)
        .sort(byCodePoint)
        .join(' '),
    )
    .filter((block) => block !== '')
    .map((block) => ({ block, length: block.split(' ').length }))
    .sort((a, b) => a.length - b.length || byCodePoint(a.block, b.block));
  const common = [...pagesOf]
    .filter(([, n]) => n > limit)
    .map(([w]) => w)
    .sort(byCodePoint);
  const runs: number[] = [];
  let total = 0;
  for (const { length } of blocks) {
    total += length;
    if (runs.at(-2) === length) runs[runs.length - 1]!++;
    else runs.push(length, 1);
  }
  const text = [...blocks.map((b) => b.block), ...common].join(' ');
  return { text, layout: { runs, common: total } };
}

const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Words a record's text holds: the positions Pagefind counts in it. */
export function recordWords(text: string): number {
  return text === '' ? 0 : text.split(' ').length;
}

/**
 * The block (page) each position falls in, or `undefined` for a position in the common words
 * (or past the blocks, which a well-formed layout never gives).
 */
export function blockAt(layout: BlockLayout, position: number): number | undefined {
  if (position < 0 || position >= layout.common) return undefined;
  let start = 0;
  let block = 0;
  for (let i = 0; i < layout.runs.length; i += 2) {
    const length = layout.runs[i]!;
    const count = layout.runs[i + 1]!;
    if (position < start + length * count) return block + Math.floor((position - start) / length);
    start += length * count;
    block += count;
  }
  return undefined;
}

/**
 * Whether some page of a shard can hold every query word, given, for each word that matched
 * anywhere in the lexicon, the positions it matched at in this shard's record (`undefined` when it
 * matched none there). A word with a position among the common words, or none at all here (which
 * the lexicon's own search rules out for a shard it names), narrows nothing.
 */
export function someBlockHoldsAll(
  layout: BlockLayout,
  positionsByWord: readonly (readonly number[] | undefined)[],
): boolean {
  let candidates: Set<number> | undefined;
  for (const positions of positionsByWord) {
    if (!positions || positions.length === 0) continue;
    const blocks = new Set<number>();
    let everywhere = false;
    for (const position of positions) {
      const block = blockAt(layout, position);
      if (block === undefined) {
        everywhere = true;
        break;
      }
      blocks.add(block);
    }
    if (everywhere) continue;
    candidates = candidates ? new Set([...candidates].filter((b) => blocks.has(b))) : blocks;
    if (candidates.size === 0) return false;
  }
  return true;
}
