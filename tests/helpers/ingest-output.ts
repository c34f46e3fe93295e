/** An ingest's output folder as tests compare it: every file's text, the excerpt store by its rows. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { SCAN_CACHE } from '../../scripts/ingest/scan-cache.ts';
import { EXCERPTS_FILE } from '../../src/lib/names/excerpts.ts';

/** Every row of the excerpt store, in key order: what it holds, whatever its file's bytes. */
export function storeRows(file: string): unknown[] {
  const db = new DatabaseSync(file, { readOnly: true });
  try {
    return [
      ...db.prepare('SELECT * FROM article ORDER BY raw').all(),
      ...db.prepare('SELECT * FROM excerpt ORDER BY raw, kind, name, id').all(),
    ].map((row) => ({ ...row }));
  } finally {
    db.close();
  }
}

/**
 * File name → text, for every file of the folder; the store (SQLite, whose bytes depend on the
 * order of its writes, not only on what it holds) → its rows. The scan cache is left out: it
 * records the raw files' times and inodes, not anything the site is built from.
 */
export const snapshot = (dir: string): Record<string, unknown> =>
  Object.fromEntries(
    readdirSync(dir)
      .filter((f) => f !== SCAN_CACHE)
      .sort()
      .map((f) => [
        f,
        f === EXCERPTS_FILE ? storeRows(path.join(dir, f)) : readFileSync(path.join(dir, f), 'utf8'),
      ]),
  );
