/**
 * Mastheads: the publication line at the top of a scrape, e.g. "Jerusalem Center for Public
 * Affairs", "NCRI", "Spotlight on Iran", or a republisher's prefix before the original publisher:
 * "MESOPOTAMIA NEWS INTEL BY MEIR AMIT INTELLIGENCE & TERRORISM INFORMATION CENTER / ISRAEL –
 * Spotlight on Iran". A line is a masthead only when registry names account for all of it but
 * words listed in `mastheadExtras`.
 */
import type { Registry } from './curated.ts';

export interface Masthead {
  source?: string;
  series?: string;
  via?: string;
}

/** Case-folded words, `&` read as `and`, punctuation dropped: "INTEL BY" ~ "Intel by". */
export function foldWords(text: string): string[] {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

function startsWithWords(words: string[], prefix: string[]): boolean {
  return prefix.length > 0 && prefix.every((w, i) => words[i] === w);
}

/** Removes the first occurrence of `needle` (as a run of words) from `words`. */
function removeRun(words: string[], needle: string[]): string[] | undefined {
  for (let i = 0; i + needle.length <= words.length; i++) {
    if (needle.every((w, j) => words[i + j] === w))
      return [...words.slice(0, i), ...words.slice(i + needle.length)];
  }
  return undefined;
}

/** Longest names first, so "NCRI Iran News" wins over "NCRI". */
function byLength<T>(items: [T, string[]][]): [T, string[]][] {
  return items.sort((a, b) => b[1].length - a[1].length);
}

function takeRepublisher(registry: Registry, words: string[]): [string | undefined, string[]] {
  const prefixes = byLength(
    registry.republishers.flatMap((r) => r.prefixes.map((p) => [r.name, foldWords(p)] as [string, string[]])),
  );
  for (const [name, prefix] of prefixes) {
    if (startsWithWords(words, prefix)) return [name, words.slice(prefix.length)];
  }
  return [undefined, words];
}

/** `candidates` longest first (see `byLength`). */
function takeName<T>(candidates: [T, string[]][], words: string[]): [T | undefined, string[]] {
  for (const [value, needle] of candidates) {
    const rest = removeRun(words, needle);
    if (rest) return [value, rest];
  }
  return [undefined, words];
}

interface FoldedRegistry {
  series: [{ series: string; source: string }, string[]][];
  publications: [string, string[]][];
  extras: Set<string>;
}

/** The registry's names as folded words, worked out once per registry rather than per article. */
const foldedRegistries = new WeakMap<Registry, FoldedRegistry>();

function folded(registry: Registry): FoldedRegistry {
  let names = foldedRegistries.get(registry);
  if (!names) {
    names = {
      series: byLength(
        registry.publications.flatMap((p) =>
          p.series.flatMap((s) =>
            [s.name, ...s.aliases].map(
              (n) =>
                [{ series: s.name, source: p.name }, foldWords(n)] as [
                  { series: string; source: string },
                  string[],
                ],
            ),
          ),
        ),
      ),
      publications: byLength(
        registry.publications.flatMap((p) =>
          [p.name, ...p.aliases].map((n) => [p.name, foldWords(n)] as [string, string[]]),
        ),
      ),
      extras: new Set(registry.mastheadExtras.flatMap(foldWords)),
    };
    foldedRegistries.set(registry, names);
  }
  return names;
}

export function matchMasthead(line: string, registry: Registry): Masthead | undefined {
  if (line.length > 200) return undefined;
  const names = folded(registry);
  const [via, afterVia] = takeRepublisher(registry, foldWords(line));
  const [series, afterSeries] = takeName(names.series, afterVia);
  const [source, rest] = takeName(names.publications, afterSeries);
  if ((!series && !source) || rest.some((w) => !names.extras.has(w))) return undefined;
  return { source: source ?? series?.source, series: series?.series, via };
}

/** Taglines of every publication, for boilerplate matching. */
export function taglines(registry: Registry): string[] {
  return registry.publications.flatMap((p) => p.taglines);
}
