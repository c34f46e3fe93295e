/**
 * The ingester's side of the names' excerpts (`<output>/.names.db`, src/lib/names/excerpts.ts):
 * each article ingested this run replaces its rows as its batch comes back from its thread, so
 * the run holds one batch's excerpts at a time; the rows of raw files gone or rejected are
 * deleted. One transaction per run, committed before the names index and the manifest are
 * written: a run that stops leaves the store as the last complete run left it, and every
 * article's rows carry the stamp of the ingest that wrote them, so a page is reused only when its
 * excerpts are there too. A store that cannot be read is started again (every page is then
 * ingested again, as on a first run).
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { DatabaseSync, type StatementSync } from 'node:sqlite';
import { EXCERPTS_FILE, EXCERPTS_SCHEMA } from '../../src/lib/names/excerpts.ts';
import type { ArticleName } from './find.ts';

function open(file: string): { db: DatabaseSync; stamps: Map<string, string> } {
  const db = new DatabaseSync(file);
  try {
    db.exec(EXCERPTS_SCHEMA);
    const rows = db.prepare('SELECT raw, stamp FROM article').all() as { raw: string; stamp: string }[];
    return { db, stamps: new Map(rows.map((r) => [r.raw, r.stamp])) };
  } catch (error) {
    db.close();
    throw error;
  }
}

export class ExcerptStore {
  readonly file: string;
  private readonly db: DatabaseSync;
  /** Raw file → the stamp its rows were written with, as the run began. */
  private readonly stamps: Map<string, string>;
  private readonly statements: Record<'drop' | 'dropArticle' | 'put' | 'putArticle', StatementSync>;
  private open = false;

  constructor(output: string) {
    this.file = path.join(output, EXCERPTS_FILE);
    let opened: ReturnType<typeof open>;
    try {
      opened = open(this.file);
    } catch {
      // Not a database, or not this schema's: start again.
      rmSync(this.file, { force: true });
      rmSync(`${this.file}-journal`, { force: true });
      opened = open(this.file);
    }
    ({ db: this.db, stamps: this.stamps } = opened);
    this.statements = {
      drop: this.db.prepare('DELETE FROM excerpt WHERE raw = ?'),
      dropArticle: this.db.prepare('DELETE FROM article WHERE raw = ?'),
      put: this.db.prepare(
        'INSERT OR IGNORE INTO excerpt (raw, kind, name, id, excerpt) VALUES (?, ?, ?, ?, ?)',
      ),
      putArticle: this.db.prepare('INSERT INTO article (raw, stamp) VALUES (?, ?)'),
    };
  }

  /** Whether the raw file's excerpts were written by an ingest with this stamp. */
  has(rawFile: string, stamp: string): boolean {
    return this.stamps.get(rawFile) === stamp;
  }

  private begin(): void {
    if (this.open) return;
    this.db.exec('BEGIN');
    this.open = true;
  }

  /** Replaces the raw file's excerpts with those of this run's ingest (a file new to the store has none to delete). */
  put(rawFile: string, stamp: string, names: readonly ArticleName[]): void {
    if (this.stamps.has(rawFile)) this.drop(rawFile);
    else this.begin();
    this.statements.putArticle.run(rawFile, stamp);
    for (const { kind, name, paragraphs } of names)
      for (const [id, excerpt] of paragraphs) this.statements.put.run(rawFile, kind, name, id, excerpt);
  }

  /** Deletes the raw file's excerpts (gone, or rejected this run). */
  drop(rawFile: string): void {
    this.begin();
    this.statements.drop.run(rawFile);
    this.statements.dropArticle.run(rawFile);
  }

  /** Deletes the excerpts of every raw file the run did not accept. */
  keepOnly(accepted: ReadonlySet<string>): void {
    for (const rawFile of this.stamps.keys()) if (!accepted.has(rawFile)) this.drop(rawFile);
  }

  commit(): void {
    if (this.open) this.db.exec('COMMIT');
    this.open = false;
  }

  /** Closes the store; a transaction not committed is rolled back. */
  close(): void {
    if (this.open) this.db.exec('ROLLBACK');
    this.open = false;
    this.db.close();
  }
}
