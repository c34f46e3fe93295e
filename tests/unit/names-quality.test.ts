/**
 * The names index measured, not assumed: built from the five samples, against the people,
 * organisations and places written down by hand from reading them (tests/fixtures/names/expected.yaml).
 * Prints precision and recall per kind (the README quotes them) for the index as configured and for
 * the language library alone (no curated names, every name kept), and holds each at the floor reached.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { runIngest } from '../../scripts/ingest/run.ts';
import { NAMES_FILE, type NamesIndex } from '../../src/lib/names/index-file.ts';
import { scoreIndex, scoreTable, type Expected } from '../helpers/names-quality.ts';

const root = path.resolve(import.meta.dirname, '../..');
const expected = parse(
  readFileSync(path.join(root, 'tests/fixtures/names/expected.yaml'), 'utf8'),
) as Expected;
let work: string;

async function buildIndex(curatedDir: string, name: string) {
  const output = path.join(work, name);
  const report = await runIngest({
    input: path.join(root, 'content/raw'),
    output,
    curated: curatedDir,
    threads: 1,
  });
  const slugOf = new Map(report.files.map((f) => [f.rawFile, f.slug ?? '']));
  const index = JSON.parse(readFileSync(path.join(output, NAMES_FILE), 'utf8')) as NamesIndex;
  return scoreIndex(index, expected, slugOf);
}

type Scored = Awaited<ReturnType<typeof buildIndex>>;
let configured: Scored;
let everyName: Scored;
let libraryOnly: Scored;

/** A copy of content/curated with names.yaml changed. */
function curatedWith(
  name: string,
  change: (names: Record<string, unknown>) => Record<string, unknown>,
): string {
  const dir = path.join(work, `curated-${name}`);
  cpSync(path.join(root, 'content/curated'), dir, { recursive: true });
  const names = parse(readFileSync(path.join(dir, 'names.yaml'), 'utf8')) as Record<string, unknown>;
  writeFileSync(path.join(dir, 'names.yaml'), stringify(change(names)));
  return dir;
}

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'names-quality-'));
  configured = await buildIndex(path.join(root, 'content/curated'), 'configured');
  everyName = await buildIndex(
    curatedWith('every', (n) => ({ ...n, minMentions: 1 })),
    'every',
  );
  libraryOnly = await buildIndex(
    curatedWith('library', (n) => ({ ...n, minMentions: 1, names: [] })),
    'library',
  );
  console.log(
    [
      scoreTable('names index on the five samples, content/curated/names.yaml as it is:', configured.scores),
      scoreTable('every name found kept (minMentions 1):', everyName.scores),
      scoreTable('the language library alone (no curated names, minMentions 1):', libraryOnly.scores),
      `wrong (every name kept): ${everyName.wrong.join('; ')}`,
      `missed (every name kept): ${everyName.missed.join('; ')}`,
    ].join('\n'),
  );
}, 120_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

const score = (of: Scored, kind: string) => of.scores.find((s) => s.kind === kind)!;

// Floors at the figures reached when this was written (README, "Names"): a drop is a regression.
describe('names index quality on the samples', () => {
  it('finds people with precision ≥ 0.9 and recall ≥ 0.8 when every name found is kept', () => {
    expect(score(everyName, 'person').precision).toBeGreaterThanOrEqual(0.9);
    expect(score(everyName, 'person').recall).toBeGreaterThanOrEqual(0.8);
  });

  it('finds people with the library alone at the precision and recall reached', () => {
    expect(score(libraryOnly, 'person').precision).toBeGreaterThanOrEqual(0.9);
    expect(score(libraryOnly, 'person').recall).toBeGreaterThanOrEqual(0.85);
  });

  it('keeps only well-attested names in the index as configured', () => {
    expect(score(configured, 'person').precision).toBeGreaterThanOrEqual(0.95);
    expect(score(configured, 'place').precision).toBeGreaterThanOrEqual(0.95);
    expect(score(configured, 'organisation').precision).toBeGreaterThanOrEqual(0.9);
  });
});
