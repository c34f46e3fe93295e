/**
 * Marked text as data. Excerpts come from untrusted article text, so they are never parsed as
 * HTML: Pagefind's excerpt is text with `<` and `>` escaped and `<mark>` inserted around matches,
 * which splits cleanly into plain and marked runs that the client renders with text nodes.
 */
export interface Segment {
  text: string;
  mark: boolean;
}

const MARKED = /<mark>([\s\S]*?)<\/mark>/g;

export function excerptSegments(excerpt: string): Segment[] {
  const segments: Segment[] = [];
  let last = 0;
  for (const match of excerpt.matchAll(MARKED)) {
    push(segments, excerpt.slice(last, match.index), false);
    push(segments, match[1], true);
    last = match.index + match[0].length;
  }
  push(segments, excerpt.slice(last), false);
  return segments;
}

/** Pagefind escapes only `<` and `>` in excerpts; stray tags other than mark are dropped. */
function unescape(text: string): string {
  return text.replace(/<[^>]*>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>');
}

export function push(segments: Segment[], raw: string, mark: boolean, escaped = true): void {
  const text = escaped ? unescape(raw) : raw;
  if (text === '') return;
  const prev = segments.at(-1);
  if (prev && prev.mark === mark) prev.text += text;
  else segments.push({ text, mark });
}

export function segmentsText(segments: readonly Segment[]): string {
  return segments.map((s) => s.text).join('');
}
