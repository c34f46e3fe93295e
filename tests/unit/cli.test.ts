/**
 * The command-line scripts (scripts/cli.ts): a mistyped option is a clear message and the usage,
 * with exit code 2, never Node's stack trace; `--help` prints the usage and does nothing else.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const run = (script: string, ...args: string[]) =>
  spawnSync(process.execPath, [path.join(root, 'scripts', script), ...args], { cwd: root, encoding: 'utf8' });

describe('command-line scripts', () => {
  it.each([
    ['ingest.ts', ['--inptu', 'content/raw'], "Unknown option '--inptu'"],
    ['ingest.ts', ['content/raw'], "Unexpected argument 'content/raw'"],
    ['pagefind.ts', ['dist', '--shard-size'], "Option '--shard-size <value>' argument missing"],
    ['bench.ts', ['--artciles', '10'], "Unknown option '--artciles'"],
  ])('%s %j: says what is wrong and how to call it, exit code 2', (script, args, message) => {
    const result = run(script, ...args);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`error: ${message}`);
    expect(result.stderr).toMatch(/^Usage: /m);
    expect(result.stderr).not.toMatch(/^\s+at /m); // no stack trace
    expect(result.stdout).toBe('');
  });

  it.each([
    ['ingest.ts', '--help', 'npm run ingest --'],
    ['pagefind.ts', '-h', 'node scripts/pagefind.ts'],
    ['bench.ts', '--help', 'npm run bench --'],
  ])('%s %s: prints the usage and exits 0', (script, flag, usage) => {
    const result = run(script, flag);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`^Usage: ${usage.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    expect(result.stderr).toBe('');
  });
});
