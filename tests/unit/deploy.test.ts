import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { siteUrlWarning } from '../../scripts/deploy-check.ts';
import { joinBase, normaliseBase } from '../../src/lib/base-path.ts';

const root = path.resolve(import.meta.dirname, '../..');

describe('BASE_PATH', () => {
  test.each([
    [undefined, '/'],
    ['', '/'],
    ['/', '/'],
    ['archive', '/archive/'],
    ['/archive', '/archive/'],
    ['/archive/', '/archive/'],
    [' /a/b/ ', '/a/b/'],
  ])('%j becomes %j', (raw, base) => {
    expect(normaliseBase(raw)).toBe(base);
  });

  test.each(['/a/../b/', '/a//b/', '/a?x', '/a#b', '/a b/', '/%2e%2e/', '\\a'])('rejects %j', (raw) => {
    expect(() => normaliseBase(raw)).toThrow(/BASE_PATH must be a plain path/);
  });

  test('joins a site-relative path to the base with one slash', () => {
    expect(joinBase('/', '/tags/')).toBe('/tags/');
    expect(joinBase('/archive/', '/tags/')).toBe('/archive/tags/');
    expect(joinBase('/archive/', 'pagefind/pagefind.js')).toBe('/archive/pagefind/pagefind.js');
  });
});

describe('the deploy check at the end of npm run build', () => {
  test('warns, naming what to set, when SITE_URL is unset or blank', () => {
    for (const env of [{}, { SITE_URL: '  ' }]) {
      const warning = siteUrlWarning(env);
      expect(warning).toContain('SITE_URL is not set');
      expect(warning).toContain('SITE_URL=https://archive.example.org npm run build');
      expect(warning).toContain('BASE_PATH=/archive/');
    }
  });

  test('says nothing when SITE_URL is set', () => {
    expect(siteUrlWarning({ SITE_URL: 'https://archive.example.org' })).toBeUndefined();
  });

  test('prints the warning to stderr when run as the build step, and nothing with SITE_URL set', () => {
    const run = (env: Record<string, string>) =>
      spawnSync(process.execPath, ['scripts/deploy-check.ts'], { cwd: root, env, encoding: 'utf8' });
    const unset = run({});
    expect(unset.status).toBe(0);
    expect(unset.stderr).toContain('SITE_URL is not set');
    const set = run({ SITE_URL: 'https://archive.example.org' });
    expect([set.status, set.stdout, set.stderr]).toEqual([0, '', '']);
  });
});
