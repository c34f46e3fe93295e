/**
 * The ingester's version: what decides that yesterday's MDX is still what today's ingester would
 * write. It hashes every local module the ingester loads (found by following the relative imports
 * of its entry points, through `src/` too: the schema, the paragraph ids), the lockfile (an
 * `npm update` of the serialiser changes output) and the curated data.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** `import … from './x.ts'`, `export … from '../y.ts'`, `import('./z.ts')`, `new URL('./w.ts', import.meta.url)`. */
const LOCAL_IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\bnew URL\(\s*)['"](\.{1,2}\/[^'"]+)['"]/g;

/** Every local module reachable from `entries`, sorted: the files whose change can change the output. */
export function importGraph(entries: string[]): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file) || !existsSync(file)) return;
    seen.add(file);
    for (const match of readFileSync(file, 'utf8').matchAll(LOCAL_IMPORT))
      visit(path.resolve(path.dirname(file), match[1]!));
  };
  entries.forEach((entry) => visit(path.resolve(entry)));
  return [...seen].sort();
}

/** The project root: the nearest folder above the ingester that holds package.json. */
function projectRoot(from: string): string {
  let dir = from;
  while (!existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
}

export interface VersionInputs {
  /** Entry modules of the ingester. */
  entries: string[];
  /** The lockfile, if the project has one. */
  lockfile?: string;
  curatedDir: string;
}

export function defaultInputs(curatedDir: string): VersionInputs {
  const here = import.meta.dirname;
  const root = projectRoot(here);
  return {
    entries: [path.join(here, 'run.ts'), path.join(here, 'worker.ts')],
    lockfile: path.join(root, 'package-lock.json'),
    curatedDir,
  };
}

export function ingesterVersion(inputs: VersionInputs): string {
  const root = projectRoot(path.dirname(path.resolve(inputs.entries[0]!)));
  const curated = readdirSync(inputs.curatedDir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => path.join(inputs.curatedDir, f));
  const lockfile = inputs.lockfile && existsSync(inputs.lockfile) ? [inputs.lockfile] : [];
  const hash = createHash('sha256');
  for (const file of [...importGraph(inputs.entries), ...lockfile])
    hash.update(path.relative(root, file)).update('\0').update(readFileSync(file));
  for (const file of curated) hash.update(path.basename(file)).update('\0').update(readFileSync(file));
  return hash.digest('hex').slice(0, 16);
}
