/**
 * The archive-wide names index, built after the per-file phase from the names each article's
 * manifest entry carries: curated entries win (their spellings were matched at ingest), a found
 * name is keyed by its folded spelling (`Qa’ani` = `Qaani`), given the kind most of its mentions
 * have, dropped when banned, and kept only when at least `minMentions` paragraphs name it. Written
 * to `<output>/.names.json` only when its bytes change; the found names kept are returned for the
 * report, so an editor can confirm, merge or ban them in content/curated/names.yaml. Paragraph ids
 * only: the excerpts are in the store beside it (excerpts.ts), under each paragraph's source.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { assignSlugs, hashName } from '../../src/lib/archive/slugs.ts';
import {
  NAMES_FILE,
  namesIndexBytes,
  parseNamesIndex,
  type IndexedName,
  type NameKind,
  type NameSource,
  type NamesIndex,
} from '../../src/lib/names/index-file.ts';
import type { CuratedNames } from './curated.ts';
import type { CachedName } from './find.ts';
import { compileMatcher } from './matcher.ts';
import { wordsOf } from './words.ts';

/** URL segments of the kind filters (`/names/people/`): a name never takes one. */
export const KIND_SEGMENTS: Record<NameKind, string> = {
  person: 'people',
  organisation: 'organisations',
  place: 'places',
};

export interface FoundNameReport {
  name: string;
  kind: NameKind;
  mentions: number;
}

interface Group {
  /** `curated\u0000<name>` or the folded spelling: the same name from one run to the next. */
  id: string;
  curated: boolean;
  name?: string;
  kinds: Map<NameKind, number>;
  spellings: Map<string, number>;
  /** Article slug → its paragraph ids that mention the name, each with the article's name that does. */
  articles: Map<string, [id: string, source: CachedName][]>;
}

/** A spelling folded for grouping: `Qa’ani` → `qaani`. */
const foldKey = (text: string): string =>
  wordsOf(text)
    .map((w) => w.key)
    .join(' ');

/**
 * `foldKey`, memoised for one grouping: the ~340,000 mentions of the Tehran Times corpus are
 * ~40,000 spellings, and folding each mention again cost ~0.8 s.
 */
function memoFold(): (text: string) => string {
  const folded = new Map<string, string>();
  return (text) => {
    let key = folded.get(text);
    if (key === undefined) folded.set(text, (key = foldKey(text)));
    return key;
  };
}

const byCount = <T extends string>(counts: Map<T, number>): T =>
  [...counts].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0))[0]![0];

function groupNames(articles: readonly { slug: string; names: CachedName[] }[], curated: CuratedNames) {
  const matcher = compileMatcher(curated);
  const fold = memoFold();
  const banned = new Set(curated.ban.map(fold));
  const entries = new Map(curated.names.map((n) => [n.name, n]));
  const groups = new Map<string, Group>();
  for (const article of articles) {
    for (const found of article.names) {
      const key = fold(found.name);
      const entry = found.curated ? entries.get(found.name) : matcher.entryOf(key);
      if (!entry && banned.has(key)) continue;
      const id = entry ? `curated\u0000${entry.name}` : key;
      let group = groups.get(id);
      if (!group)
        groups.set(
          id,
          (group = {
            id,
            curated: !!entry,
            name: entry?.name,
            kinds: new Map(),
            spellings: new Map(),
            articles: new Map(),
          }),
        );
      group.kinds.set(entry?.kind ?? found.kind, (group.kinds.get(entry?.kind ?? found.kind) ?? 0) + 1);
      group.spellings.set(found.name, (group.spellings.get(found.name) ?? 0) + found.paragraphs.length);
      const paragraphs = group.articles.get(article.slug) ?? [];
      const seen = new Set(paragraphs.map(([id]) => id));
      for (const id of found.paragraphs) if (!seen.has(id)) paragraphs.push([id, found]);
      group.articles.set(article.slug, paragraphs);
    }
  }
  return groups;
}

const mentionsOf = (group: Group): number => [...group.articles.values()].reduce((n, p) => n + p.length, 0);

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/**
 * How many paragraphs must mention a found name for it to be kept: names.yaml's `minMentions`, or
 * more in a large archive (`minMentionsPer1000Articles`), so that the pages grow slower than it.
 */
export const thresholdOf = (curated: CuratedNames, articles: number): number =>
  Math.max(curated.minMentions, Math.ceil((articles * curated.minMentionsPer1000Articles) / 1000));

export interface NamesIndexBuild {
  index: NamesIndex;
  found: FoundNameReport[];
}

/**
 * A group's articles with each paragraph's source as an index into its sources, which are
 * numbered as the sorted articles first use them (the same names give the same numbers).
 */
function sourced(g: Group): Pick<IndexedName, 'sources' | 'articles'> {
  const sources: NameSource[] = [];
  const numbers = new Map<CachedName, number>();
  const byKey = new Map<string, number>();
  const numberOf = (source: CachedName): number => {
    let n = numbers.get(source);
    if (n !== undefined) return n;
    const key = `${source.kind}\u0000${source.name}`;
    n = byKey.get(key);
    if (n === undefined) byKey.set(key, (n = sources.push([source.kind, source.name]) - 1));
    numbers.set(source, n);
    return n;
  };
  const articles = [...g.articles]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([slug, paragraphs]) => ({
      slug,
      paragraphs: paragraphs.map(([id, source]): [string, number] => [id, numberOf(source)]),
    }));
  return { sources, articles };
}

/** `version`: the ingester's, which wrote the excerpts (the index records it for the name pages' keys). */
export function buildNamesIndex(
  articles: readonly { slug: string; names: CachedName[] }[],
  curated: CuratedNames,
  version: string,
): NamesIndexBuild {
  const aliasesOf = new Map(curated.names.map((n) => [n.name, n.aliases]));
  const threshold = thresholdOf(curated, articles.length);
  const kept = [...groupNames(articles, curated).values()]
    .filter((g) => g.curated || mentionsOf(g) >= threshold)
    .map((g) => {
      const name = g.name ?? byCount(g.spellings);
      const spellings = [...(aliasesOf.get(name) ?? []), ...g.spellings.keys()];
      return {
        name,
        kind: byCount(g.kinds),
        curated: g.curated,
        aliases: [...new Set(spellings)].filter((s) => s !== name).sort(),
        mentions: mentionsOf(g),
        ...sourced(g),
      };
    })
    .sort((a, b) => collator.compare(a.name, b.name) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const slugs = assignSlugs(kept.map((n) => n.name));
  const reserved = new Set(Object.values(KIND_SEGMENTS));
  const names: IndexedName[] = kept.map((n) => {
    const slug = slugs.get(n.name)!;
    return { slug: reserved.has(slug) ? `${slug}-${hashName(n.name)}` : slug, ...n };
  });
  return { index: { version, names }, found: foundNames(names) };
}

/** The names kept that the curated list does not know, most mentioned first: the ingest reports them. */
export function foundNames(names: readonly IndexedName[]): FoundNameReport[] {
  return names
    .filter((n) => !n.curated)
    .map((n) => ({ name: n.name, kind: n.kind, mentions: n.mentions }))
    .sort((a, b) => b.mentions - a.mentions || collator.compare(a.name, b.name));
}

/** The bytes of the previous run's index, if any. */
function readNamesBytes(output: string): Buffer | undefined {
  try {
    return readFileSync(path.join(output, NAMES_FILE));
  } catch {
    return undefined;
  }
}

/** The previous run's index, if any and readable. */
export function readNamesIndex(output: string): NamesIndex | undefined {
  const bytes = readNamesBytes(output);
  try {
    return bytes === undefined ? undefined : parseNamesIndex(bytes);
  } catch {
    return undefined;
  }
}

/** Writes the index beside the articles, one name a line, when its bytes change. */
export function writeNamesIndex(output: string, index: NamesIndex): void {
  const bytes = namesIndexBytes(index);
  if (!readNamesBytes(output)?.equals(bytes)) writeFileSync(path.join(output, NAMES_FILE), bytes);
}
const SHOWN = 20;

/** The console line naming the found names kept, most mentioned first; all of them are in the JSON report. */
export function foundNamesLine(found: readonly FoundNameReport[], reportFile: string): string | undefined {
  if (found.length === 0) return undefined;
  const list = found
    .slice(0, SHOWN)
    .map((n) => `"${n.name}" (${n.kind}, ${n.mentions})`)
    .join(', ');
  const more = found.length > SHOWN ? `, and ${found.length - SHOWN} more in ${reportFile}` : '';
  return `ingest: info: ${found.length} name(s) found that content/curated/names.yaml does not list, kept over its minMentions: ${list}${more}; confirm, merge or ban them there  (name-found)`;
}
