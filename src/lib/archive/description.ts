/**
 * An article's one-line description for `<meta name="description">`, Open Graph and JSON-LD: its
 * standfirst, or else the first sentence of its body, at most ~300 characters. The ingester works it
 * out once from the article's syntax tree (scripts/ingest/derived.ts) and writes it to the front-matter.
 */

/** Search engines show about this much; a longer first sentence is cut at a word. */
export const DESCRIPTION_MAX = 300;

/** Cuts text longer than `max` at the last space before it, marking the cut with "…". */
export function clip(text: string, max = DESCRIPTION_MAX): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:–—-]+$/, '')}…`;
}
