/**
 * Global setup for the e2e project: builds the sample archive once into `dist/` with the same
 * command a user runs (`npm run build`), unless `ARCHIVE_DIST` points at a build to reuse. The build
 * is for the address the tests serve it as (localhost, `SITE_URL` unless set), so it carries no
 * deploy warning.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

export default function setup(): void {
  if (process.env.ARCHIVE_DIST && existsSync(process.env.ARCHIVE_DIST)) return;
  const root = path.resolve(import.meta.dirname, '../..');
  process.env.SITE_URL ??= 'http://localhost:4321';
  // Shards of two pages: the five samples make three (2021, 2020, the undated), so every browser
  // test of search runs on a sharded index merged in the page, as a large archive's is.
  process.env.ARCHIVE_SEARCH_SHARD_SIZE ??= '2';
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
  process.env.ARCHIVE_DIST = path.join(root, 'dist');
}
