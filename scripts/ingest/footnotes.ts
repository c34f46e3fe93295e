/**
 * Footnote marks glued to the text by the scrape: `assistance.”1`, `security.2`, `Executive Order3`.
 * The notes themselves are not in the raw files, so a mark becomes a superscript and nothing else.
 * A candidate counts only when it is the next number in sequence (1, 2, 3 … through the article),
 * which keeps "COVID-19", "F-35" or "2231" from ever being read as marks.
 */

export type Segment = { type: 'text'; value: string } | { type: 'mark'; value: string };

/** One to three digits followed by white space, closing punctuation or the end of the text… */
const CANDIDATE = /(\d{1,3})(?=[\s,.;:)]|$)/gu;
/** …right after closing punctuation (`.”1`, `.2`) or a word of three lower-case letters (`Order3`). */
const AFTER_PUNCTUATION = /[.,;:!?”’"')\]]$/u;
const AFTER_WORD = /\p{Ll}{3}$/u;

/** Checked by hand rather than with a lookbehind, which V8 would try at every position. */
function gluedAt(text: string, index: number): boolean {
  const before = text.slice(Math.max(0, index - 3), index);
  return AFTER_PUNCTUATION.test(before) || AFTER_WORD.test(before);
}

export class FootnoteCounter {
  next = 1;

  /** Splits `text` into text and footnote-mark segments, advancing the counter. */
  split(text: string): Segment[] {
    const segments: Segment[] = [];
    let from = 0;
    for (const match of text.matchAll(CANDIDATE)) {
      if (Number(match[1]) !== this.next || !gluedAt(text, match.index)) continue;
      this.next++;
      if (match.index > from) segments.push({ type: 'text', value: text.slice(from, match.index) });
      segments.push({ type: 'mark', value: match[1]! });
      from = match.index + match[1]!.length;
    }
    if (from < text.length) segments.push({ type: 'text', value: text.slice(from) });
    return segments;
  }
}
