/**
 * The language library (compromise), loaded once per thread, tagging as it always does but
 * faster: the names finder (find.ts) spends most of an ingest here, on short phrases.
 *
 * - **Its post-tagger's sweep picks candidates faster.** For every sentence the stock sweep walks
 *   all ~1,400 hook keys of its pattern net, concatenates the lists of those the sentence has,
 *   removes duplicates, then drops the patterns whose needs the sentence lacks: most of a short
 *   phrase's tagging time. `bulkMatch` here looks each pattern up under one of its needs only,
 *   checks it with the same rules (`keeps`) and puts the survivors in the order the stock sweep
 *   would (`rankOf`), so the same patterns run in the same order on the same terms. On the Tehran
 *   Times corpus's 419,111 distinct phrases the tags and names came out identical, and tagging
 *   took half the time (tests/unit/names-library.test.ts compares it with the stock sweep).
 * - **Chunking is left out.** It groups terms into noun and verb phrases after tagging and sets no
 *   tag; people(), organizations() and places() match on tags only.
 */
import { createRequire } from 'node:module';

export type Nlp = typeof import('compromise').default;
export type Doc = ReturnType<Nlp>;

/** A pattern of the post-tagger's net, as compromise's buildNet leaves it. */
interface Pattern {
  match: string;
  needs: string[];
  wants: string[];
  minWant: number;
  minWords: number;
  ifNo?: string[];
  unTag?: unknown;
}

interface Net {
  hooks: Record<string, Pattern[]>;
  always: Pattern[];
}

type Term = unknown;
interface Methods {
  one: {
    cacheDoc(document: Term[][]): Set<string>[];
    match(document: Term[][], pattern: Pattern): { ptrs: number[][] };
    bulkMatch: BulkMatch;
  };
}
type BulkMatch = (
  document: Term[][],
  net: Net,
  methods: Methods,
  options?: { matchOne?: boolean },
) => unknown[];

/** A pattern as the faster sweep checks it: its needs and wants as numbers of hook keys. */
interface Compiled {
  pattern: Pattern;
  /** Its place in the lookup's `compiled`: where `candidates` marks it seen. */
  id: number;
  needs: Int32Array;
  wants: Int32Array;
  minWant: number;
  ifNo: string[] | undefined;
  /** Its places in the stock sweep's concatenation, lowest rank first: each's rank and hook key. */
  ranks: Float64Array;
  hooks: Int32Array;
}

/** A net read for the faster sweep: each pattern under one of its needs, and where the stock sweep ranks it. */
interface Lookup {
  /** Hook key → its number. */
  keys: Map<string, number>;
  /** Hook key's number → the patterns looked up under it. */
  byKey: Compiled[][];
  compiled: Compiled[];
  /** Per call of `candidates`: the hook keys the sentence has (1), and the patterns already seen (= `stamp`). */
  has: Uint8Array;
  seen: Uint32Array;
  stamp: number;
}

/** What the sentence's cache (its words, tags, …; `has` by key number) must hold for the stock sweep to try a pattern. */
function keeps(pattern: Compiled, has: Uint8Array, cache: Set<string>): boolean {
  for (let i = 0; i < pattern.needs.length; i++) if (has[pattern.needs[i]!] === 0) return false;
  if (pattern.ifNo !== undefined) for (const no of pattern.ifNo) if (cache.has(no)) return false;
  if (pattern.wants.length === 0) return true;
  let found = 0;
  for (let i = 0; i < pattern.wants.length; i++) found += has[pattern.wants[i]!]!;
  return found >= pattern.minWant;
}

/**
 * The net as a lookup, or undefined when the faster sweep could not give the stock one's order:
 * that needs one pattern object per match text (buildNet keeps the first of each per hook, and
 * both needs and wants come from the text, so each text has one).
 */
function lookupOf(net: Net): Lookup | undefined {
  const places = new Map<Pattern, [number, number][]>();
  const byText = new Map<string, Pattern>();
  const names = Object.keys(net.hooks);
  const keys = new Map(names.map((key, k) => [key, k]));
  for (let k = 0; k < names.length; k++) {
    const hooked = net.hooks[names[k]!]!;
    for (let i = 0; i < hooked.length; i++) {
      const pattern = hooked[i]!;
      if ((byText.get(pattern.match) ?? pattern) !== pattern) return undefined;
      byText.set(pattern.match, pattern);
      let list = places.get(pattern);
      if (!list) places.set(pattern, (list = []));
      list.push([k * 2 ** 20 + i, k]);
    }
  }
  const byKey: Compiled[][] = names.map(() => []);
  const compiled: Compiled[] = [];
  for (const [pattern, list] of places) {
    list.sort((a, b) => a[0] - b[0]);
    // Every need and want is a hook key (buildNet files the pattern under each).
    const numbers = (of: string[]) => Int32Array.from(of, (key) => keys.get(key)!);
    const entry: Compiled = {
      pattern,
      id: compiled.length,
      needs: numbers(pattern.needs),
      wants: numbers(pattern.wants),
      minWant: pattern.minWant,
      ifNo: pattern.ifNo,
      ranks: Float64Array.from(list, ([rank]) => rank),
      hooks: Int32Array.from(list, ([, hook]) => hook),
    };
    compiled.push(entry);
    // A pattern with needs is tried only when the sentence has them all: one of them finds it.
    // One with wants only, when it has at least one: each of them finds it.
    if (pattern.needs.length === 0) new Set(entry.wants).forEach((want) => byKey[want]!.push(entry));
    else {
      const rarest = pattern.needs.reduce((a, b) => (net.hooks[b]!.length < net.hooks[a]!.length ? b : a));
      byKey[keys.get(rarest)!]!.push(entry);
    }
  }
  return {
    keys,
    byKey,
    compiled,
    has: new Uint8Array(names.length),
    seen: new Uint32Array(compiled.length),
    stamp: 0,
  };
}

/** The patterns the stock sweep tries on a sentence, in its order: by the first of its hook lists to hold them. */
function candidates(cache: Set<string>, lookup: Lookup): Pattern[] {
  const { keys, byKey, has, seen } = lookup;
  const stamp = (lookup.stamp = lookup.stamp === 0xffffffff ? 1 : lookup.stamp + 1);
  if (stamp === 1) seen.fill(0);
  const present: number[] = [];
  for (const key of cache) {
    const k = keys.get(key);
    if (k === undefined) continue;
    has[k] = 1;
    present.push(k);
  }
  const found: [Compiled, number][] = [];
  for (const k of present) {
    for (const entry of byKey[k]!) {
      if (seen[entry.id] === stamp) continue;
      seen[entry.id] = stamp;
      if (!keeps(entry, has, cache)) continue;
      let place = 0;
      while (has[entry.hooks[place]!] === 0) place++;
      found.push([entry, entry.ranks[place]!]);
    }
  }
  for (const k of present) has[k] = 0;
  return found.sort((a, b) => a[1] - b[1]).map(([entry]) => entry.pattern);
}

/** The stock sweep's matching (compromise's sweep/04-runMatch.js), over the candidates found above. */
function fasterBulkMatch(stock: BulkMatch): BulkMatch {
  const lookups = new WeakMap<Net, Lookup | undefined>();
  return function bulkMatch(document, net, methods, options = {}) {
    if (!lookups.has(net)) lookups.set(net, lookupOf(net));
    const ready = lookups.get(net);
    if (ready === undefined) return stock(document, net, methods, options);
    const caches = methods.one.cacheDoc(document);
    const results: unknown[] = [];
    for (let n = 0; n < document.length; n++) {
      for (const pattern of [...candidates(caches[n]!, ready), ...net.always]) {
        if (document[n]!.length < pattern.minWords) continue;
        const { ptrs } = methods.one.match([document[n]!], pattern);
        if (ptrs.length === 0) continue;
        for (const ptr of ptrs) {
          ptr[0] = n;
          const todo = { ...pattern, pointer: ptr };
          if (pattern.unTag !== undefined) todo.unTag = pattern.unTag;
          results.push(todo);
        }
        if (options.matchOne === true) return [results[0]];
      }
    }
    return results;
  };
}

let loaded: { nlp: Nlp; stock: BulkMatch; faster: BulkMatch; hooks: string[] } | undefined;

/** The library, loaded on first use (~0.5 s a thread), with the faster sweep in place. */
function load() {
  if (loaded) return loaded;
  const nlp = createRequire(import.meta.url)('compromise') as Nlp;
  const world = nlp.world() as unknown as { methods: Methods; hooks: string[] };
  const stock = world.methods.one.bulkMatch;
  const faster = fasterBulkMatch(stock);
  world.methods.one.bulkMatch = faster;
  return (loaded = { nlp, stock, faster, hooks: world.hooks.filter((hook) => hook !== 'chunks') });
}

export const library = (): Nlp => load().nlp;

/** The text tagged (every step of the library but chunking). */
export function tag(text: string): Doc {
  const { nlp, hooks } = load();
  const world = nlp.world() as unknown as { hooks: string[] };
  const all = world.hooks;
  world.hooks = hooks;
  try {
    return nlp(text);
  } finally {
    world.hooks = all;
  }
}

/** Runs `fn` with the library's own sweep and every step: what the faster one is checked against. */
export function withStockLibrary<T>(fn: () => T): T {
  const { nlp, stock, faster } = load();
  const methods = (nlp.world() as unknown as { methods: Methods }).methods;
  methods.one.bulkMatch = stock;
  try {
    return fn();
  } finally {
    methods.one.bulkMatch = faster;
  }
}
