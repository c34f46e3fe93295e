/** The manifest and the names index, written and read a line at a time: the same documents as whole JSON. */
import { mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MANIFEST_NAME, readManifest, writeManifest, type Manifest } from '../../scripts/ingest/manifest.ts';
import { readNamesIndex, writeNamesIndex } from '../../scripts/names/index.ts';
import { documentBytes, linesOf, parseLines } from '../../src/lib/json-lines.ts';
import { NAMES_FILE, type NamesIndex } from '../../src/lib/names/index-file.ts';

let dir: string;
beforeEach(() => (dir = mkdtempSync(path.join(tmpdir(), 'json-lines-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const entry = (slug: string) => ({
  hash: 'h',
  repeated: 'r',
  base: slug,
  slug,
  ids: ['p-1', 'p-2'],
  tags: ['Iran'],
  names: [{ name: 'Qa’ani "the" \n {x}', kind: 'person' as const, curated: true, paragraphs: ['p-1'] }],
});

describe('json lines', () => {
  it('splits at line breaks only, decoding each line whole', () => {
    const bytes = Buffer.from('{"a":"قاآنی"}\n[1,\n2]\n', 'utf8');
    expect([...linesOf(bytes)]).toEqual(['{"a":"قاآنی"}', '[1,', '2]']);
    expect(documentBytes('[', ['1', '"ü"'], ']').toString('utf8')).toBe('[\n1,\n"ü"\n]\n');
    expect(documentBytes('[', [], ']').toString('utf8')).toBe('[\n]\n');
  });

  it('reads back the manifest it writes, which is the same document as whole JSON', async () => {
    const manifest: Manifest = { version: 'v', files: { 'b.txt': entry('b'), 'a/z.txt': entry('z') } };
    await writeManifest(dir, manifest);
    const text = readFileSync(path.join(dir, MANIFEST_NAME), 'utf8');
    expect(text.split('\n')).toHaveLength(5);
    expect(JSON.parse(text)).toEqual(manifest);
    expect(Object.keys(JSON.parse(text).files)).toEqual(['a/z.txt', 'b.txt']);
    expect(await readManifest(dir)).toEqual(manifest);
    await writeManifest(dir, { version: 'v', files: {} });
    expect(await readManifest(dir)).toEqual({ version: 'v', files: {} });
  });

  it('reads a manifest not laid out a file a line, or not JSON, as none', async () => {
    writeFileSync(
      path.join(dir, MANIFEST_NAME),
      JSON.stringify({ version: 'v', files: { 'a.txt': entry('a') } }),
    );
    expect(await readManifest(dir)).toBeUndefined();
    writeFileSync(path.join(dir, MANIFEST_NAME), '{"version":"v","files":{\n"a.txt":{\n}}\n');
    expect(await readManifest(dir)).toBeUndefined();
  });

  it('reads back the names index it writes, one name a line, and rewrites it only when its bytes change', () => {
    const index: NamesIndex = {
      version: 'v',
      names: ['Ali Lotfi', 'Esmail Qa’ani'].map((name, i) => ({
        slug: `n${i}`,
        name,
        kind: 'person',
        curated: false,
        aliases: [],
        sources: [['person', name]],
        mentions: 1,
        articles: [{ slug: 'a', paragraphs: [['p-1', 0]] }],
      })) as NamesIndex['names'],
    };
    writeNamesIndex(dir, index);
    const file = path.join(dir, NAMES_FILE);
    const text = readFileSync(file, 'utf8');
    expect(text.split('\n')).toHaveLength(5);
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(index)));
    expect(readNamesIndex(dir)).toEqual(JSON.parse(JSON.stringify(index)));
    // The same index leaves the file untouched; other bytes there are written over.
    utimesSync(file, 0, 0);
    writeNamesIndex(dir, index);
    expect(statSync(file).mtimeMs).toBe(0);
    writeFileSync(file, text.replace('"version":"v"', '"version":"v" '));
    writeNamesIndex(dir, index);
    expect(readFileSync(file, 'utf8')).toBe(text);
    writeNamesIndex(dir, { ...index, version: 'w' });
    expect(readNamesIndex(dir)!.version).toBe('w');
  });

  it('parses a head, records and a closing line, and nothing laid out otherwise', () => {
    const doc = Buffer.from('{"n":[\n1,\n2\n]}\n');
    expect(parseLines(doc, ']}', Number)).toEqual({ head: { n: [] }, records: [1, 2] });
    expect(parseLines(Buffer.from('{"n":[1,2]}\n'), ']}', Number)).toBeUndefined();
  });
});
