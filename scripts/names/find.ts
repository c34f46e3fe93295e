/**
 * The names one article mentions, paragraph by paragraph: first the curated names (one compiled
 * matcher, matcher.ts), then what the language library (compromise) calls a person, organisation or
 * place among the runs of capitalised words left over. The library reads only those runs, each with
 * the two words before it (`foreign minister Javad Zarif`), not the whole text: tagging every word
 * of every article costs ~140 ms an article, the runs a few; and the same run in the same words is
 * tagged once per thread (the result is a function of the phrase alone, so the output is the same).
 *
 * Pure apart from that memo: the same paragraphs give the same names.
 */
import { createRequire } from 'node:module';
import { sentenceStarts } from '../../src/lib/sentences.ts';
import type { CuratedNames, NameKind } from './curated.ts';
import { compileMatcher, matchCurated, type Matcher } from './matcher.ts';
import { isTitleWord, titleLength } from './titles.ts';
import { wordsOf, type Word } from './words.ts';

/** A name in one article: where it occurs and a short excerpt of each paragraph there. */
export interface ArticleName {
  /** The curated entry's name, or the spelling found with its titles left out. */
  name: string;
  kind: NameKind;
  /** The curated list knows it. */
  curated: boolean;
  /** Paragraph id → the sentence that names it there (clipped), in document order. */
  paragraphs: [id: string, excerpt: string][];
}

export interface Paragraph {
  id: string;
  text: string;
}

/**
 * Lower-case words that may join a name's capitalised words: `Ministry of Foreign Affairs`, `Abu al Fadl`.
 * Not `and` or `the`: `Iraq and the Persian Gulf` is two names far more often than one.
 */
const CONNECTORS = new Set(['of', 'for', 'al', 'el', 'bin', 'ibn', 'de', 'la', 'du', 'van', 'von', 'der']);

const EXCERPT_MAX = 200;

type Nlp = typeof import('compromise').default;
let loaded: Nlp | undefined;

/** The library, loaded on first use (~0.5 s a thread): a run with curated names only never pays for it. */
const nlp = (): Nlp => (loaded ??= createRequire(import.meta.url)('compromise') as Nlp);

/** Per curated list (one per run): its matcher, the library's extra words, and the phrases tagged so far. */
interface Prepared {
  matcher: Matcher;
  lexicon: Record<string, string>;
  tagged: Map<string, Tagged[]>;
}
const prepared = new WeakMap<CuratedNames, Prepared>();
const MEMO_MAX = 200_000;

function prepare(curated: CuratedNames): Prepared {
  let ready = prepared.get(curated);
  if (ready) return ready;
  // compromise adds these words to its lexicon for the whole thread: one curated list per process.
  const lexicon = Object.fromEntries(curated.givenNames.map((name) => [name.toLowerCase(), 'FirstName']));
  prepared.set(curated, (ready = { matcher: compileMatcher(curated), lexicon, tagged: new Map() }));
  return ready;
}

interface Tagged {
  text: string;
  kind: NameKind;
}

/** Runs of capitalised words (connectors inside), never across punctuation or a curated name. */
function capitalRuns(words: readonly Word[], taken: readonly boolean[]): [number, number][] {
  const runs: [number, number][] = [];
  let i = 0;
  while (i < words.length) {
    if (taken[i] || !words[i]!.capital) {
      i++;
      continue;
    }
    let end = i + 1; // one past the last capitalised word
    let j = i;
    while (words[j]!.joined && j + 1 < words.length && !taken[j + 1]) {
      const next = words[j + 1]!;
      if (next.capital) end = j + 2;
      else if (!CONNECTORS.has(next.key)) break;
      j++;
    }
    runs.push([i, end]);
    i = Math.max(end, j + 1);
  }
  return runs;
}

type Doc = ReturnType<Nlp>;
type Selection = { out(format: 'array'): unknown };

const KINDS: [NameKind, (doc: Doc) => Selection][] = [
  ['person', (doc) => doc.people()],
  ['organisation', (doc) => doc.organizations()],
  ['place', (doc) => doc.places()],
];

/** What the library calls the names in a phrase; memoised, since runs repeat across articles. */
function tagPhrase(phrase: string, ready: Prepared): Tagged[] {
  const { tagged } = ready;
  const memo = tagged.get(phrase);
  if (memo) return memo;
  if (tagged.size === 0) nlp().addWords(ready.lexicon);
  const doc = nlp()(phrase);
  const seen = new Set<string>();
  const found: Tagged[] = [];
  for (const [kind, select] of KINDS) {
    for (const text of select(doc).out('array') as string[]) {
      if (seen.has(text)) continue;
      seen.add(text);
      found.push({ text, kind });
    }
  }
  if (tagged.size >= MEMO_MAX) tagged.clear();
  tagged.set(phrase, found);
  return found;
}

/** A found spelling as a name: its own words only, titles (for people) and stray words left out. */
function cleanName(text: string, kind: NameKind): string | undefined {
  let words = wordsOf(text);
  if (kind === 'person') words = words.slice(titleLength(words.map((w) => w.key)));
  while (words.length > 0 && (!words[0]!.capital || words[0]!.key === 'the')) words = words.slice(1);
  while (words.length > 0 && !words.at(-1)!.capital) words = words.slice(0, -1);
  if (words.length === 0 || words.every((w) => isTitleWord(w.key))) return undefined;
  if (words.length === 1 && words[0]!.key.length < 3) return undefined;
  // A lone `al-Mayadin` is a newspaper or a place as often as a surname: only a full name says person.
  if (kind === 'person' && words.length === 1 && !/^\p{Lu}/u.test(words[0]!.text)) return undefined;
  return words.map((w) => w.text).join(' ');
}

/** Where each sentence of a text starts, and its end. */
const sentenceBounds = (text: string): number[] => [0, ...sentenceStarts(text), text.length];

/** The sentence around offset `at`, clipped around it to about EXCERPT_MAX characters. */
export function excerptAt(text: string, at: number, starts = sentenceBounds(text)): string {
  let s = 0;
  while (s + 2 < starts.length && starts[s + 1]! <= at) s++;
  const sentence = text
    .slice(starts[s], starts[s + 1])
    .replace(/\s+/g, ' ')
    .trim();
  if (sentence.length <= EXCERPT_MAX) return sentence;
  const local = Math.max(0, at - starts[s]! - EXCERPT_MAX / 3);
  const from = local === 0 ? 0 : sentence.indexOf(' ', local) + 1;
  const cut = sentence.slice(from, from + EXCERPT_MAX);
  const end = from + EXCERPT_MAX >= sentence.length ? cut : cut.slice(0, cut.lastIndexOf(' '));
  return `${from > 0 ? '…' : ''}${end}${end.length < sentence.length - from ? '…' : ''}`;
}

interface Hit {
  name: string;
  kind: NameKind;
  curated: boolean;
  at: number;
}

/**
 * A person the library cut short (`Brig. Gen. Abolfazi` of `Brig. Gen. Abolfazi Shekarchi`, `al-Ajouri`
 * of `Akram al-Ajouri`): when the run is capitalised words only, the whole run is the name.
 */
function extended(person: string, run: string): string {
  return run.includes(person) &&
    /^\p{Lu}?[\p{L}’'.-]*(?: \p{Lu}?[\p{L}’'.-]*)*$/u.test(run) &&
    !/ (?:of|and|for|the) /u.test(` ${run} `)
    ? run
    : person;
}

/** An organisation the library cut short (`International Association` of `… for Muslim Awakening`): the run is its name. */
function wholeRun(organisation: string, run: string): string {
  return run.includes(organisation) && run.split(' ').length <= 8 ? run : organisation;
}

/** The library's names in one run, located in the paragraph. */
function foundIn(text: string, words: readonly Word[], [from, to]: [number, number], ready: Prepared): Hit[] {
  const context = words
    .slice(Math.max(0, from - 2), from)
    .filter((w, i, all) => !w.capital && all.slice(i).every((x) => x.joined))
    .map((w) => w.text);
  const run = text.slice(words[from]!.start, words[to - 1]!.end);
  const hits: Hit[] = [];
  for (const { text: tagged, kind } of tagPhrase([...context, run].join(' '), ready)) {
    const whole =
      kind === 'person' ? extended(tagged, run) : kind === 'organisation' ? wholeRun(tagged, run) : tagged;
    const name = cleanName(whole, kind);
    if (name === undefined) continue;
    const offset = run.indexOf(name.split(' ')[0]!);
    hits.push({ name, kind, curated: false, at: words[from]!.start + Math.max(0, offset) });
  }
  return hits;
}

function hitsIn(paragraph: Paragraph, ready: Prepared, library: boolean): Hit[] {
  const { matcher } = ready;
  const words = wordsOf(paragraph.text);
  const matches = matchCurated(words, matcher);
  const taken = words.map(() => false);
  const hits: Hit[] = matches.map((m) => {
    for (let i = m.from; i < m.to; i++) taken[i] = true;
    return { name: m.entry.name, kind: m.entry.kind, curated: true, at: words[m.from]!.start };
  });
  if (library)
    for (const run of capitalRuns(words, taken)) {
      const found = foundIn(paragraph.text, words, run, ready);
      // A found spelling that is a curated one (`Gen. Qaani` once the title is off) counts for the entry.
      for (const hit of found) {
        const entry = matcher.entryOf(
          wordsOf(hit.name)
            .map((w) => w.key)
            .join(' '),
        );
        hits.push(entry ? { ...hit, name: entry.name, kind: entry.kind, curated: true } : hit);
      }
    }
  return hits;
}

export interface FindOptions {
  /** Run the language library (else curated names only); names.yaml's `library` by default. */
  library?: boolean;
}

export function findNames(
  paragraphs: readonly Paragraph[],
  curated: CuratedNames,
  options: FindOptions = {},
): ArticleName[] {
  const ready = prepare(curated);
  const byName = new Map<string, ArticleName>();
  for (const paragraph of paragraphs) {
    const hits = hitsIn(paragraph, ready, options.library ?? curated.library);
    const bounds = hits.length > 0 ? sentenceBounds(paragraph.text) : [];
    for (const hit of hits) {
      const key = `${hit.kind}\u0000${hit.name}`;
      let entry = byName.get(key);
      if (!entry)
        byName.set(key, (entry = { name: hit.name, kind: hit.kind, curated: hit.curated, paragraphs: [] }));
      if (entry.paragraphs.at(-1)?.[0] !== paragraph.id)
        entry.paragraphs.push([paragraph.id, excerptAt(paragraph.text, hit.at, bounds)]);
    }
  }
  const order = new Map(paragraphs.map((p, i) => [p.id, i]));
  const names = mergeSurnames([...byName.values()]);
  for (const name of names) name.paragraphs.sort(([a], [b]) => order.get(a)! - order.get(b)!);
  return names.sort((a, b) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0,
  );
}

/** Across the article's paragraphs: a lone surname joins the one full name it ends, if there is one. */
function mergeSurnames(names: ArticleName[]): ArticleName[] {
  const people = names.filter((n) => n.kind === 'person' && !n.curated);
  const merged = new Map<ArticleName, ArticleName>();
  for (const single of people.filter((n) => !n.name.includes(' '))) {
    const full = people.filter((n) => n.name.includes(' ') && n.name.split(' ').at(-1) === single.name);
    if (full.length === 1) merged.set(single, full[0]!);
  }
  for (const [single, full] of merged) {
    const ids = new Set(full.paragraphs.map(([id]) => id));
    full.paragraphs.push(...single.paragraphs.filter(([id]) => !ids.has(id)));
  }
  return names.filter((n) => !merged.has(n));
}
