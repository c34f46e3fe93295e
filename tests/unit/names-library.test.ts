/**
 * The language library as the names finder runs it (scripts/names/library.ts): a faster sweep and
 * no chunking must tag exactly as the stock library does. Checked on real text: every line of the
 * Tehran Times fixture files and of the five samples, each term's tags and each person,
 * organisation and place found.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { library, tag, withStockLibrary, type Doc } from '../../scripts/names/library.ts';

const root = path.resolve(import.meta.dirname, '../..');

function linesOf(dir: string, every: number): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .filter((_, i) => i % every === 0)
    .flatMap((name) => readFileSync(path.join(dir, name), 'utf8').split(/\r?\n/))
    .map((line) => line.trim())
    .filter((line) => /\p{Lu}/u.test(line));
}

/** Everything the names finder reads from a tagged text, and every term's tags. */
function readingOf(doc: Doc) {
  const found = (selection: { json(options: object): unknown }) =>
    (selection.json({ offset: true }) as { text: string; offset: { start: number; length: number } }[]).map(
      ({ text, offset }) => [text, offset.start, offset.length],
    );
  return {
    terms: (doc.json() as { terms: { text: string; tags: string[] }[] }[]).map((s) =>
      s.terms.map((t) => `${t.text} ${[...t.tags].sort().join(',')}`),
    ),
    people: found(doc.people()),
    organisations: found(doc.organizations()),
    places: found(doc.places()),
  };
}

describe('the names finder’s language library', () => {
  const lines = [
    ...linesOf(path.join(root, 'tests/fixtures/tehran-times/data'), 3),
    ...linesOf(path.join(root, 'content/raw'), 1),
  ];

  it('tags real text exactly as the stock library does', () => {
    expect(lines.length).toBeGreaterThan(200);
    // Ten lines a call: each line's tags may depend on the others only as the stock library's do.
    const batches: string[] = [];
    for (let i = 0; i < lines.length; i += 10) batches.push(lines.slice(i, i + 10).join('\n'));
    const stock = withStockLibrary(() => batches.map((text) => readingOf(library()(text))));
    const faster = batches.map((text) => readingOf(tag(text)));
    const names = faster.reduce((n, r) => n + r.people.length + r.organisations.length + r.places.length, 0);
    expect(names).toBeGreaterThan(1000);
    faster.forEach((reading, i) =>
      expect({ text: batches[i], ...reading }).toEqual({ text: batches[i], ...stock[i] }),
    );
  });

  it('compares with the stock sweep, not with itself', () => {
    const sweep = () =>
      (library().world() as { methods: { one: { bulkMatch: unknown } } }).methods.one.bulkMatch;
    const faster = sweep();
    expect(withStockLibrary(sweep)).not.toBe(faster);
    expect(sweep()).toBe(faster);
  });

  it('leaves chunking in for the library’s other callers', () => {
    expect(library()('The foreign minister met his counterpart in Ankara.').chunks().length).toBeGreaterThan(
      1,
    );
  });
});
