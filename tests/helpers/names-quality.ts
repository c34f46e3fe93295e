/**
 * Precision and recall of a names index against names written down by hand
 * (tests/fixtures/names/expected.yaml), per kind, over all the articles: an indexed name is right
 * when one of its spellings is one of the spellings of an expected name of the same kind in the
 * same article; an expected name is found when an indexed name of its kind in that article is it.
 */
import type { NameKind, NamesIndex } from '../../src/lib/names/index-file.ts';
import { wordsOf } from '../../scripts/names/words.ts';

export type Expected = Record<string, Partial<Record<NameKind, string[]>>>;

export interface Score {
  kind: NameKind;
  indexed: number;
  right: number;
  expected: number;
  found: number;
  precision: number;
  recall: number;
}

const fold = (text: string) =>
  wordsOf(text)
    .map((w) => w.key)
    .join(' ');

const KINDS: NameKind[] = ['person', 'organisation', 'place'];

/** `slugOf`: raw file → article slug. Also returns the misses, for the test output. */
export function scoreIndex(index: NamesIndex, expected: Expected, slugOf: Map<string, string>) {
  const scores: Score[] = [];
  const wrong: string[] = [];
  const missed: string[] = [];
  for (const kind of KINDS) {
    const score = { kind, indexed: 0, right: 0, expected: 0, found: 0, precision: 0, recall: 0 };
    for (const [rawFile, byKind] of Object.entries(expected)) {
      const slug = slugOf.get(rawFile);
      const names = index.names.filter((n) => n.kind === kind && n.articles.some((a) => a.slug === slug));
      const spellingsOf = names.map((n) => new Set([n.name, ...n.aliases].map(fold)));
      const wanted = (byKind[kind] ?? []).map((line) => line.split(' | ').map(fold));
      const hit = (spellings: Set<string>, alternatives: string[]) =>
        alternatives.some((a) => spellings.has(a));
      names.forEach((n, i) => {
        const ok = wanted.some((alternatives) => hit(spellingsOf[i]!, alternatives));
        if (!ok) wrong.push(`${rawFile} ${kind}: ${n.name}`);
        score.indexed += 1;
        score.right += ok ? 1 : 0;
      });
      wanted.forEach((alternatives, i) => {
        const ok = spellingsOf.some((spellings) => hit(spellings, alternatives));
        if (!ok) missed.push(`${rawFile} ${kind}: ${byKind[kind]![i]}`);
        score.expected += 1;
        score.found += ok ? 1 : 0;
      });
    }
    score.precision = score.indexed === 0 ? 0 : score.right / score.indexed;
    score.recall = score.expected === 0 ? 0 : score.found / score.expected;
    scores.push(score);
  }
  return { scores, wrong, missed };
}

export function scoreTable(title: string, scores: readonly Score[]): string {
  const rows = scores.map(
    (s) =>
      `  ${s.kind.padEnd(13)} precision ${s.precision.toFixed(2)} (${s.right}/${s.indexed})  recall ${s.recall.toFixed(2)} (${s.found}/${s.expected})`,
  );
  return [title, ...rows].join('\n');
}
