/**
 * The ingester's fixture folders: `tests/fixtures/<case>/input.txt`, with an optional `fixture.yaml`
 * saying what the case needs besides the text: the raw file's path (`rawFile`, for cases about file
 * names and folders; `input.txt` otherwise), per-folder entries (`folders`) and the corpus-wide
 * boilerplate of its folder (`repeated`), as the folder run would have found it.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import type { Curated, Folders } from '../../scripts/ingest/curated.ts';
import { folderOf, foldKey, type RepeatedSets } from '../../scripts/ingest/repeated.ts';

export const fixturesDir = path.resolve(import.meta.dirname, '../fixtures');

export interface Fixture {
  name: string;
  dir: string;
  rawFile: string;
  bytes: Buffer;
  folders?: Folders;
  repeated: RepeatedSets;
}

interface FixtureYaml {
  rawFile?: string;
  folders?: Folders;
  repeated?: string[];
}

export function listFixtures(): Fixture[] {
  return readdirSync(fixturesDir)
    .sort()
    .filter((name) => existsSync(path.join(fixturesDir, name, 'input.txt')))
    .map((name) => {
      const dir = path.join(fixturesDir, name);
      const metaFile = path.join(dir, 'fixture.yaml');
      const meta = (existsSync(metaFile) ? parse(readFileSync(metaFile, 'utf8')) : {}) as FixtureYaml;
      const rawFile = meta.rawFile ?? 'input.txt';
      const repeated = meta.repeated
        ? {
            [folderOf(rawFile)]: meta.repeated.map((text) => ({
              text: foldKey(text),
              shown: text,
              files: 0,
            })),
          }
        : {};
      return {
        name,
        dir,
        rawFile,
        bytes: readFileSync(path.join(dir, 'input.txt')),
        folders: meta.folders,
        repeated,
      };
    });
}

/** The project's curated data with the fixture's own folder entries, if it has any. */
export function curatedFor(fixture: Fixture, curated: Curated): Curated {
  return fixture.folders ? { ...curated, folders: fixture.folders } : curated;
}
