/**
 * Global setup for the e2e project: builds the sample archive once into `dist/` with the same
 * command a user runs (`npm run build`), unless `ARCHIVE_DIST` points at a build to reuse.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

export default function setup(): void {
  if (process.env.ARCHIVE_DIST && existsSync(process.env.ARCHIVE_DIST)) return;
  const root = path.resolve(import.meta.dirname, '../..');
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
  process.env.ARCHIVE_DIST = path.join(root, 'dist');
}
