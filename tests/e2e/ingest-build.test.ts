/**
 * Astro compiles every file the ingester generates, including the hostile fixtures, and what the
 * raw text said is on the page as text: nothing evaluated at build time, nothing live in the browser.
 */
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestSite, type TestSite } from '../helpers/build-site.ts';
import { listFixtures } from '../helpers/fixtures.ts';

const fixtures = listFixtures();
let raw: string;
let site: TestSite;

beforeAll(async () => {
  raw = mkdtempSync(path.join(tmpdir(), 'ingest-build-raw-'));
  for (const fixture of fixtures)
    copyFileSync(path.join(fixture.dir, 'input.txt'), path.join(raw, `${fixture.name}.txt`));
  site = await openTestSite(raw, 'ingest-build-');
}, 240_000);

afterAll(async () => {
  await site?.close();
  if (raw) rmSync(raw, { recursive: true, force: true });
});

const slugOf = (rawFile: string): string => {
  const slug = site.report.files.find((f) => f.rawFile === rawFile)?.slug;
  if (!slug) throw new Error(`no page for ${rawFile}`);
  return slug;
};

describe('a build of every fixture', () => {
  it('has a page for every accepted file and none for the rejected ones', () => {
    const written = site.report.files.filter((f) => f.status === 'written');
    // The fixtures with no expected.mdx are the ones the ingester rejects (empty, binary, boilerplate only).
    const rejected = fixtures.filter((f) => !existsSync(path.join(f.dir, 'expected.mdx')));
    expect(rejected.length).toBeGreaterThan(0);
    expect(written.length).toBe(site.report.files.length - rejected.length);
    for (const file of written)
      expect(existsSync(path.join(site.work, 'dist/articles', file.slug!, 'index.html')), file.rawFile).toBe(
        true,
      );
  });

  it('shows MDX, HTML and script syntax as text and runs none of it', async () => {
    const page = await site.browser.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(`${site.server.url}/articles/${slugOf('mdx-syntax.txt')}/`);
    const text = await page.locator('.prose').innerText();
    for (const line of [
      "import x from 'y'",
      'export const a = 1',
      '# not a heading',
      '1. not a list',
      '> not a quote',
      '| pipes | in | a | row |',
      '&amp; stays &amp;, a backslash \\ and \\n stay, `ticks`, *stars*, _under_, [link](javascript:alert(1))',
      '<script>alert("x")</script>',
      '<img src=x onerror=alert(1)>',
      '{1+1} and {process.exit(1)} and <Component prop={1} />',
      '<!-- an HTML comment -->',
    ]) {
      expect(text).toContain(line);
    }
    expect(await page.locator('h1').first().innerText()).toBe('Untrusted {input} <b>test</b> & friends');
    expect(
      await page
        .locator('.prose script, .prose img, .prose b, .prose h1, .prose ol, .prose blockquote, .prose table')
        .count(),
    ).toBe(0);
    expect(dialogs).toEqual([]);
    // The title reaches the JSON-LD block escaped, and parses back unchanged.
    const ld = (await page.locator('head script[type="application/ld+json"]').textContent())!;
    expect(ld).not.toMatch(/[<>&]/);
    expect(JSON.parse(ld)).toMatchObject({
      '@type': 'NewsArticle',
      headline: 'Untrusted {input} <b>test</b> & friends',
    });
    await page.close();
  });

  it('keeps Persian text, zero-width non-joiners and direction marks', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.server.url}/articles/${slugOf('persian-rtl.txt')}/`);
    const text = await page.locator('.prose').textContent();
    expect(text).toContain('می\u200cخواهم این متن با نیم\u200cفاصله');
    expect(text).toContain('بند دوم: {آکولاد} و <تگ> و # علامت.');
    expect(text).toContain('Qaʼani / Qaʿani');
    expect(text).toContain('\u00e9 (decomposed e-acute)');
    await page.close();
  });

  it('decodes Windows-1252 and UTF-16', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.server.url}/articles/${slugOf('encoding-windows-1252.txt')}/`);
    expect(await page.locator('.prose').textContent()).toContain(
      'The naïve résumé costs €20 … and that’s all.',
    );
    await page.goto(`${site.server.url}/articles/${slugOf('encoding-utf16-bom.txt')}/`);
    expect(await page.locator('h1').first().textContent()).toContain('Ein überschrift mit Umlaut');
    await page.close();
  });
});
