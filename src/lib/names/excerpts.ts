/**
 * The excerpts of the names index: for each raw file, the sentence (clipped) of each paragraph that
 * names someone, per name as the article prints it. An SQLite file beside the articles
 * (`content/articles/.names.db`), because there are far too many to hold at once: one per mention,
 * ~340,000 on the Tehran Times corpus and ~8 million on the benchmark's 100,000 synthetic articles,
 * where a single JSON document of them passed V8's longest string. The ingester keeps it
 * (scripts/names/excerpts.ts): every name it finds, kept in the index or not, so an article whose
 * name crosses the threshold later already has its excerpts. A name page reads the excerpts of its
 * own 50 articles when it renders (src/lib/names/names.ts).
 */
import { DatabaseSync, type StatementSync } from 'node:sqlite';
import type { NameSource } from './index-file.ts';

export const EXCERPTS_FILE = '.names.db';

/**
 * `article`: each raw file whose excerpts are here, with the stamp of the ingest that wrote them
 * (ingester version, bytes, folder boilerplate: the manifest's terms for reusing a page).
 * `excerpt`: one row per paragraph and name that mentions it there.
 */
export const EXCERPTS_SCHEMA = `
CREATE TABLE IF NOT EXISTS article (raw TEXT PRIMARY KEY, stamp TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS excerpt (
  raw TEXT NOT NULL, kind TEXT NOT NULL, name TEXT NOT NULL, id TEXT NOT NULL, excerpt TEXT NOT NULL,
  PRIMARY KEY (raw, kind, name, id)
) WITHOUT ROWID;
`;

/** Reads excerpts one paragraph at a time (a primary-key lookup each). */
export class ExcerptReader {
  private readonly file: string;
  private db: DatabaseSync | undefined;
  private query: StatementSync | undefined;

  constructor(file: string) {
    this.file = file;
  }

  /** The excerpt of paragraph `id` of `rawFile` for the name as `source`; an error names what is missing. */
  get(rawFile: string, [kind, name]: NameSource, id: string): string {
    this.query ??= (this.db = new DatabaseSync(this.file, { readOnly: true })).prepare(
      'SELECT excerpt FROM excerpt WHERE raw = ? AND kind = ? AND name = ? AND id = ?',
    );
    const row = this.query.get(rawFile, kind, name, id) as { excerpt: string } | undefined;
    if (row === undefined)
      throw new Error(
        `${this.file} has no excerpt of paragraph ${id} of ${rawFile} for "${name}" (${kind}): run the ingest again`,
      );
    return row.excerpt;
  }

  close(): void {
    this.db?.close();
    this.db = this.query = undefined;
  }
}
