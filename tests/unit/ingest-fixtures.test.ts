/**
 * Fixture folders: `tests/fixtures/<case>/input.txt` → `expected.mdx` (the generated file) and
 * `expected.log` (every removed line and diagnostic); `fixture.yaml` gives a case its file name,
 * folder entries or corpus-wide boilerplate (tests/helpers/fixtures.ts). `UPDATE=1 npm test` regenerates them: review
 * the diff as you would code.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ingestBytes, type IngestResult } from '../../scripts/ingest/article.ts';
import { loadCurated, type Curated } from '../../scripts/ingest/curated.ts';
import { formatDiagnostic } from '../../scripts/ingest/reporter.ts';
import { curatedFor, listFixtures } from '../helpers/fixtures.ts';

const root = path.resolve(import.meta.dirname, '../..');
const update = process.env.UPDATE === '1';
let curated: Curated;

beforeAll(async () => {
  curated = await loadCurated(path.join(root, 'content/curated'));
});

/** Removed lines, then the diagnostics exactly as the ingest command prints them. */
function logOf(result: IngestResult, rawFile: string): string {
  const lines: string[] = [];
  if (result.ok) {
    lines.push(`encoding: ${result.encoding}`);
    for (const r of result.removed) lines.push(`${r.line}: ${r.kind} (${r.rule}): ${r.text}`);
  }
  for (const d of result.diagnostics) lines.push(formatDiagnostic(rawFile, d));
  return `${lines.join('\n')}\n`;
}

function check(file: string, actual: string | undefined): void {
  if (update) {
    if (actual === undefined) return;
    writeFileSync(file, actual);
  }
  const expected = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
  expect(actual, path.relative(root, file)).toBe(expected);
}

describe('ingest fixtures', () => {
  for (const fixture of listFixtures()) {
    it(`${fixture.name}: matches expected.mdx and expected.log`, () => {
      const result = ingestBytes(
        fixture.bytes,
        fixture.rawFile,
        curatedFor(fixture, curated),
        fixture.repeated,
      );
      check(path.join(fixture.dir, 'expected.mdx'), result.ok ? result.mdx : undefined);
      check(path.join(fixture.dir, 'expected.log'), logOf(result, fixture.rawFile));
    });
  }
});
