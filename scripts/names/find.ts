/**
 * The names one article mentions, paragraph by paragraph: first the curated names (one compiled
 * matcher, matcher.ts), then what the language library (compromise) calls a person, organisation or
 * place among the runs of capitalised words left over. The library (library.ts) reads only those
 * runs, each with the word before it (`minister Javad Zarif`; two after `of`: `city of Takab`), not
 * the whole text: tagging every word of every article costs ~140 ms an article, the runs a few; and
 * the same run in the same words is tagged, and its names cleaned, once per thread (the result is
 * a function of the phrase alone, so the output is the same).
 *
 * Pure apart from that memo: the same paragraphs give the same names.
 */
import { sentenceStarts } from '../../src/lib/sentences.ts';
import type { CuratedNames, NameKind } from './curated.ts';
import { library, tag, type Doc } from './library.ts';
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

/** A name as the ingest manifest keeps it: its paragraphs' ids only; excerpts are made for the names kept. */
export interface CachedName extends Omit<ArticleName, 'paragraphs'> {
  paragraphs: string[];
}

export const cachedName = (name: ArticleName): CachedName => ({
  ...name,
  paragraphs: name.paragraphs.map(([id]) => id),
});

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

/**
 * Words capitalised only because a sentence starts with them: a run of one of these alone is never
 * a name, so the library is not asked (most one-word runs are these).
 */
const SENTENCE_WORDS = new Set(
  (
    'a about according after again against also although among an and another any as at because before ' +
    'both but by despite during each either even every few following for from further he her here his ' +
    'how however i if in instead into it its last later many meanwhile more moreover most much my ' +
    'neither no nor not now of on once one only or other our over several she since so some such than ' +
    'that the their then there therefore these they this those though through thus to today under ' +
    'unlike until we what when where whether which while who why with within without yesterday yet you'
  ).split(' '),
);

/** Per curated list (one per run): its matcher, the library's extra words, and the phrases read so far. */
interface Prepared {
  matcher: Matcher;
  lexicon: Record<string, string>;
  lexiconAdded: boolean;
  tagged: Map<string, RunHit[]>;
}
const prepared = new WeakMap<CuratedNames, Prepared>();
const MEMO_MAX = 200_000;

function prepare(curated: CuratedNames): Prepared {
  let ready = prepared.get(curated);
  if (ready) return ready;
  // compromise adds these words to its lexicon for the whole thread: one curated list per process.
  const lexicon = Object.fromEntries(curated.givenNames.map((name) => [name.toLowerCase(), 'FirstName']));
  prepared.set(
    curated,
    (ready = { matcher: compileMatcher(curated), lexicon, lexiconAdded: false, tagged: new Map() }),
  );
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

/** A selection of the library's: its matches' texts, and where each is ([sentence, first term, …]). */
type Selection = { out(format: 'array'): string[]; fullPointer: number[][] };

const KINDS: [NameKind, (doc: Doc) => unknown][] = [
  ['person', (doc) => doc.people()],
  ['organisation', (doc) => doc.organizations()],
  ['place', (doc) => doc.places()],
];

/**
 * What the library calls the names in each phrase of a call, one phrase a sentence: a match's
 * sentence is its phrase (its pointer says which; working it out from character offsets took
 * twice as long). A phrase tagged alone may be read as more than one sentence: all are its.
 */
function taggedOf(doc: Doc, phrases: number): Tagged[][] {
  const found: Tagged[][] = Array.from({ length: phrases }, () => []);
  const seen: Set<string>[] = Array.from({ length: phrases }, () => new Set());
  for (const [kind, select] of KINDS) {
    const selection = select(doc) as Selection;
    const pointers = selection.fullPointer;
    selection.out('array').forEach((text, m) => {
      const i = phrases === 1 ? 0 : pointers[m]![0]!;
      if (seen[i]!.has(text)) return;
      seen[i]!.add(text);
      found[i]!.push({ text, kind });
    });
  }
  return found;
}

/**
 * What the library calls the names in each phrase, one a line of one call: the library reads each
 * line as a sentence of its own (a phrase's names never depend on its neighbours, which the unit
 * tests pin), and one call of a few hundred phrases costs far less a phrase than one an article
 * (~40 µs against ~53 µs on the Tehran Times corpus's phrases, ~80 µs one a call). A phrase the
 * library reads as more than one sentence (`Roe v. Wade`) puts the lines out of step: the call is
 * then halved until each part lines up, or is one phrase.
 */
function tagFresh(fresh: readonly string[]): Tagged[][] {
  const doc = tag(fresh.join('\n'));
  if ((doc as unknown as { document: unknown[] }).document.length === fresh.length || fresh.length === 1)
    return taggedOf(doc, fresh.length);
  const half = Math.ceil(fresh.length / 2);
  return [...tagFresh(fresh.slice(0, half)), ...tagFresh(fresh.slice(half))];
}

/**
 * The library's names in each run, memoised by phrase, since runs repeat across articles: a
 * phrase is its context words and then its run, so the run's names are a function of the phrase.
 */
function tagRuns(runs: readonly Run[], ready: Prepared, memoMax: number): RunHit[][] {
  const { tagged } = ready;
  // Emptied before, not after, working out what is missing: every phrase asked for must be in the
  // memo when it is read back (emptying it after once dropped phrases already known: two Tehran
  // Times articles failed with "tagged is not iterable").
  if (tagged.size + runs.length > memoMax) tagged.clear();
  const known = runs.map((r) => tagged.get(r.phrase));
  const fresh = new Map<string, string>();
  runs.forEach((r, i) => {
    if (known[i] === undefined && !fresh.has(r.phrase)) fresh.set(r.phrase, r.run);
  });
  if (fresh.size > 0) {
    // The library is loaded on first use (~0.5 s a thread): a run with curated names only never pays for it.
    if (!ready.lexiconAdded) library().addWords(ready.lexicon);
    ready.lexiconAdded = true;
    const results = tagFresh([...fresh.keys()]);
    let i = 0;
    for (const [phrase, run] of fresh) tagged.set(phrase, hitsOfRun(run, results[i++]!, ready.matcher));
  }
  return runs.map((r, i) => known[i] ?? tagged.get(r.phrase)!);
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

/** A run of capitalised words as the library reads it: with the lower-case word or two just before it. */
interface Run {
  /** The run's text, white space as single spaces. */
  run: string;
  phrase: string;
  /** Where the run starts in the paragraph. */
  start: number;
}

/**
 * The lower-case words the library reads before a run: of the two words before it, those in lower
 * case with only white space from there to the run (`the` in `the U.S. State Department`, whose
 * `U.S.` is a curated name), and of two such, only the nearer unless it is `of`. On the Tehran
 * Times corpus's phrases the farther word changed what the library found in 0.3% of them, nearly
 * all after `of` (`city of Takab`: a place; `of Takab`: nothing); kept only there, 0.02%. Fewer
 * distinct phrases (259,000 against 419,000) is fewer to tag.
 */
function contextOf(words: readonly Word[], from: number): string[] {
  const context = words
    .slice(Math.max(0, from - 2), from)
    .filter((w, i, all) => !w.capital && all.slice(i).every((x) => x.joined));
  return (context.length === 2 && context[1]!.key !== 'of' ? context.slice(1) : context).map((w) => w.text);
}

function runOf(text: string, words: readonly Word[], [from, to]: [number, number]): Run {
  const context = contextOf(words, from);
  const run = text.slice(words[from]!.start, words[to - 1]!.end).replace(/\s+/gu, ' ');
  return { run, phrase: [...context, run].join(' '), start: words[from]!.start };
}

/** A name the library found in a run: `offset` is where its first word is in the run (-1: not found as written). */
interface RunHit {
  name: string;
  kind: NameKind;
  curated: boolean;
  offset: number;
}

/** The library's names in one run, cleaned; a curated spelling counts for its entry. */
function hitsOfRun(run: string, tagged: readonly Tagged[], matcher: Matcher): RunHit[] {
  const hits: RunHit[] = [];
  for (const { text, kind } of tagged) {
    const whole =
      kind === 'person' ? extended(text, run) : kind === 'organisation' ? wholeRun(text, run) : text;
    const name = cleanName(whole, kind);
    if (name === undefined) continue;
    const offset = run.indexOf(name.split(' ')[0]!);
    // A found spelling that is a curated one (`Gen. Qaani` once the title is off) counts for the entry.
    const entry = matcher.entryOf(
      wordsOf(name)
        .map((w) => w.key)
        .join(' '),
    );
    hits.push(
      entry
        ? { name: entry.name, kind: entry.kind, curated: true, offset }
        : { name, kind, curated: false, offset },
    );
  }
  return hits;
}

/**
 * `TEHRAN –`, `KISH —`: the words in capitals before a dash that open a news story say where it was
 * filed, not whom it is about; counted, the capital would be "mentioned" by nearly every article.
 */
function datelineLength(text: string, words: readonly Word[]): number {
  let n = 0;
  while (n < words.length && n < 4 && words[n]!.upper && words[n]!.key.length > 1) n++;
  return n > 0 && /^[\s,]*[-–—]/u.test(text.slice(words[n - 1]!.end)) ? n : 0;
}

/** A paragraph's curated names, and the runs of capitalised words they leave for the library. */
function scanParagraph(
  paragraph: Paragraph,
  matcher: Matcher,
  library: boolean,
): { hits: Hit[]; runs: Run[] } {
  const words = wordsOf(paragraph.text);
  const dateline = datelineLength(paragraph.text, words);
  const taken = words.map((_, i) => i < dateline);
  const hits: Hit[] = matchCurated(words, matcher)
    .filter((m) => m.from >= dateline)
    .map((m) => {
      for (let i = m.from; i < m.to; i++) taken[i] = true;
      return { name: m.entry.name, kind: m.entry.kind, curated: true, at: words[m.from]!.start };
    });
  const runs = library
    ? capitalRuns(words, taken)
        .filter(([from, to]) => to - from > 1 || !SENTENCE_WORDS.has(words[from]!.key))
        .map((r) => runOf(paragraph.text, words, r))
    : [];
  return { hits, runs };
}

/**
 * Each article's paragraphs' hits: their curated names, then the library's in their runs, the runs
 * of all the articles tagged at once.
 */
function hitsOf(
  articles: readonly (readonly Paragraph[])[],
  ready: Prepared,
  library: boolean,
  memoMax: number,
): Hit[][][] {
  const scanned = articles.map((paragraphs) =>
    paragraphs.map((p) => scanParagraph(p, ready.matcher, library)),
  );
  const found = tagRuns(
    scanned.flatMap((article) => article.flatMap((s) => s.runs)),
    ready,
    memoMax,
  );
  let next = 0;
  return scanned.map((article) =>
    article.map(({ hits, runs }) => [
      ...hits,
      ...runs.flatMap(({ start }) =>
        found[next++]!.map(({ offset, ...hit }): Hit => ({ ...hit, at: start + Math.max(0, offset) })),
      ),
    ]),
  );
}

export interface FindOptions {
  /** Run the language library (else curated names only); names.yaml's `library` by default. */
  library?: boolean;
  /** Phrases the library's memo holds before it is emptied (200,000; smaller in tests). */
  memoMax?: number;
}

export function findNames(
  paragraphs: readonly Paragraph[],
  curated: CuratedNames,
  options: FindOptions = {},
): ArticleName[] {
  return findNamesInArticles([paragraphs], curated, options)[0]!;
}

/**
 * The names of several articles, each's the same as `findNames` gives it alone: the library is
 * asked once for all their runs, which is cheaper a phrase than once an article.
 */
export function findNamesInArticles(
  articles: readonly (readonly Paragraph[])[],
  curated: CuratedNames,
  options: FindOptions = {},
): ArticleName[][] {
  const ready = prepare(curated);
  const hits = hitsOf(articles, ready, options.library ?? curated.library, options.memoMax ?? MEMO_MAX);
  return articles.map((paragraphs, a) => namesOf(paragraphs, hits[a]!));
}

/** An article's names from its paragraphs' hits: one entry a name, each paragraph once, excerpts made. */
function namesOf(paragraphs: readonly Paragraph[], perParagraph: Hit[][]): ArticleName[] {
  const byName = new Map<string, ArticleName>();
  paragraphs.forEach((paragraph, p) => {
    const hits = perParagraph[p]!;
    const bounds = hits.length > 0 ? sentenceBounds(paragraph.text) : [];
    for (const hit of hits) {
      const key = `${hit.kind}\u0000${hit.name}`;
      let entry = byName.get(key);
      if (!entry)
        byName.set(key, (entry = { name: hit.name, kind: hit.kind, curated: hit.curated, paragraphs: [] }));
      if (entry.paragraphs.at(-1)?.[0] !== paragraph.id)
        entry.paragraphs.push([paragraph.id, excerptAt(paragraph.text, hit.at, bounds)]);
    }
  });
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
