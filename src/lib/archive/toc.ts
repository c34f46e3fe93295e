/**
 * The table of contents of an article: its `##` sections, with any `###` under them, linked by the
 * ids rehype-slug gave the headings (Astro's `render()` reports them as `headings`).
 */

/** As Astro's `render(entry)` returns them. */
export interface Heading {
  depth: number;
  slug: string;
  text: string;
}

export interface TocEntry {
  slug: string;
  text: string;
  children: TocEntry[];
}

/** Sections deeper than this are left out: the contents stay a short overview. */
const DEEPEST = 3;

/**
 * `##` headings at the top level, `###` nested under the `##` before them (or at the top when
 * none comes before). The `#` headline is the page's own title, not a section.
 */
export function tableOfContents(headings: readonly Heading[]): TocEntry[] {
  const top: { depth: number; entry: TocEntry }[] = [];
  for (const { depth, slug, text } of headings) {
    if (depth < 2 || depth > DEEPEST || slug === '') continue;
    const entry: TocEntry = { slug, text, children: [] };
    const parent = top.at(-1);
    if (depth === 3 && parent && parent.depth === 2) parent.entry.children.push(entry);
    else top.push({ depth, entry });
  }
  return top.map((t) => t.entry);
}
