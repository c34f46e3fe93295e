/**
 * Paragraph permalinks in Chromium, against the real build: every paragraph has a linkable id, a deep
 * link lands on a highlighted paragraph (light and dark), the copy and cite buttons fill the
 * clipboard, keyboard users reach a visible ¶, and plain links work without JavaScript.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { servedSite } from '../helpers/served-site.ts';
import { distDir } from '../helpers/server.ts';
import { paragraphIdsOfMdx } from '../helpers/paragraph-ids-mdx.ts';

const root = path.resolve(import.meta.dirname, '../..');

const site = servedSite();

/** Article slugs of the build, and for the test subject the one with the most ¶ links. */
function articles(): { slugs: string[]; richest: string } {
  const dir = path.join(distDir(), 'articles');
  const slugs = readdirSync(dir).filter((s) => !s.includes('.'));
  const count = (slug: string) =>
    readFileSync(path.join(dir, slug, 'index.html'), 'utf8').split('class="pilcrow"').length;
  const richest = [...slugs].sort((a, b) => count(b) - count(a))[0];
  if (!richest) throw new Error('no articles in the build');
  return { slugs, richest };
}

// A phone-sized window, so the last paragraph of any article starts below the fold.
async function open(urlPath: string, options: BrowserContextOptions = {}): Promise<Page> {
  const context = await site.browser.newContext({ viewport: { width: 390, height: 600 }, ...options });
  const page = await context.newPage();
  await page.goto(site.server.url + urlPath);
  return page;
}

/** Ids of the paragraph targets of the current page: `p` outside lists and `li`, in the body. */
const targetIds = (page: Page) =>
  page.$$eval('.prose p, .prose li', (els) =>
    els.filter((el) => el.tagName === 'LI' || !el.closest('li')).map((el) => el.id),
  );

const inViewport = (page: Page, id: string) =>
  page.evaluate((i) => {
    const r = document.getElementById(i)!.getBoundingClientRect();
    return r.top >= 0 && r.top < window.innerHeight;
  }, id);

const background = (page: Page, selector: string) =>
  page.$eval(selector, (el) => getComputedStyle(el).backgroundColor);

/** WCAG contrast ratio between an element's text colour and its own (opaque) background. */
const contrast = (page: Page, selector: string) =>
  page.$eval(selector, (el) => {
    const luminance = (css: string) => {
      const [r = 0, g = 0, b = 0] = (css.match(/[\d.]+/g) ?? []).map((v) => Number(v) / 255);
      const lin = (v: number) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
    };
    const style = getComputedStyle(el);
    const [a, b] = [luminance(style.color), luminance(style.backgroundColor)].sort((x, y) => y - x);
    return (a! + 0.05) / (b! + 0.05);
  });

describe('paragraph permalinks', () => {
  it('gives every paragraph and list item of every article a unique id with its own ¶ link', async () => {
    const page = await open('/');
    for (const slug of articles().slugs) {
      await page.goto(`${site.server.url}/articles/${slug}/`);
      const ids = await targetIds(page);
      expect(ids.length, slug).toBeGreaterThan(0);
      expect(
        ids.every((id) => /^(p-[0-9a-z]{7}(-\d+)?|user-content-fn-.+)$/.test(id)),
        `${slug}: ${ids.join(' ')}`,
      ).toBe(true);
      expect(new Set(ids).size, slug).toBe(ids.length);
      const links = await page.$$eval('.prose a.pilcrow', (as) =>
        as.map((a) => [a.getAttribute('href'), a.getAttribute('aria-label')]),
      );
      expect(links, slug).toEqual(ids.map((id) => [`#${id}`, 'Link to this paragraph']));
      // The ingest report computes ids from the MDX outside Astro: it must agree with the page.
      const mdx = readFileSync(path.join(root, 'content/articles', `${slug}.mdx`), 'utf8');
      expect(await paragraphIdsOfMdx(mdx), slug).toEqual(ids);
    }
    await page.context().close();
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`lands on a deep-linked paragraph, in view and highlighted (${scheme})`, async () => {
      const { richest } = articles();
      const top = await open(`/articles/${richest}/`, { colorScheme: scheme });
      const ids = await targetIds(top);
      const last = ids.at(-1)!;
      // Otherwise "in view" would prove nothing.
      expect(await inViewport(top, last)).toBe(false);
      await top.context().close();
      // A fresh load, as when following a link from elsewhere.
      const page = await open(`/articles/${richest}/#${last}`, { colorScheme: scheme });
      expect(await inViewport(page, last)).toBe(true);
      const marked = await background(page, `#${last}`);
      expect(marked).not.toBe(await background(page, `#${ids[0]}`));
      expect(marked).not.toBe('rgba(0, 0, 0, 0)');
      // Highlighted, and still readable.
      expect(await contrast(page, `#${last}`)).toBeGreaterThanOrEqual(4.5);
      await page.context().close();
    });
  }

  it('copies the paragraph URL and a citation, and says so to screen readers', async () => {
    const { richest } = articles();
    const page = await open(`/articles/${richest}/`, { permissions: ['clipboard-read', 'clipboard-write'] });
    const id = (await targetIds(page)).at(-1)!;
    await page.goto(`${site.server.url}/articles/${richest}/#${id}`);
    await page.getByRole('button', { name: 'Copy link to this paragraph' }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      `${site.server.url}/articles/${richest}/#${id}`,
    );
    await expect.poll(() => page.textContent('[role="status"]')).toBe('Link copied to the clipboard.');

    await page.getByRole('button', { name: 'Cite this paragraph' }).click();
    const citation = await page.evaluate(() => navigator.clipboard.readText());
    const headline = (await page.textContent('h1'))!.trim();
    expect(citation).toContain(headline.slice(0, 20));
    expect(citation).toMatch(new RegExp(`/articles/${richest}/#${id}\\.$`));
    await expect.poll(() => page.textContent('[role="status"]')).toBe('Citation copied to the clipboard.');
    await page.context().close();
  });

  it('lets keyboard users reach a visible ¶, follow it and reach the copy button', async () => {
    const page = await open(`/articles/${articles().richest}/`);
    let focused: { pilcrow: boolean; opacity: string; href: string | null } | undefined;
    for (let tab = 0; tab < 60 && !focused?.pilcrow; tab += 1) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        return {
          pilcrow: el.classList.contains('pilcrow'),
          opacity: getComputedStyle(el).opacity,
          href: el.getAttribute('href'),
        };
      });
    }
    expect(focused?.pilcrow).toBe(true);
    expect(Number(focused?.opacity)).toBeGreaterThan(0);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => location.hash)).toBe(focused?.href);
    // The tools are placed on `hashchange`, which fires after the key press returns: wait for them
    // in the linked paragraph, as a reader's next key press would come after they appear.
    await page.locator(`${focused?.href} [aria-label="Copy link to this paragraph"]`).waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
      'Copy link to this paragraph',
    );
    await page.context().close();
  });

  it('works without JavaScript: ¶ is a plain link and the target is highlighted', async () => {
    const page = await open(`/articles/${articles().richest}/`, { javaScriptEnabled: false });
    const link = page.locator('.prose a.pilcrow').first();
    const href = (await link.getAttribute('href'))!;
    await page.locator('.prose p, .prose li').first().hover();
    await link.click();
    expect(new URL(page.url()).hash).toBe(href);
    expect(await background(page, href)).not.toBe('rgba(0, 0, 0, 0)');
    expect(await page.locator('.para-tools').count()).toBe(0);
    await page.context().close();
  });

  it.each(['light', 'dark'] as const)(
    'has no axe violations in the body and the citation block, with the paragraph tools shown (%s)',
    async (scheme) => {
      const { richest } = articles();
      // axe is injected as an inline script, which the site's CSP rightly refuses; it is the test's own.
      const page = await open(`/articles/${richest}/`, { colorScheme: scheme, bypassCSP: true });
      const id = await page.$eval('.prose a.pilcrow', (a) => a.getAttribute('href'));
      await page.goto(`${site.server.url}/articles/${richest}/${id}`);
      await page.locator('.para-tools').waitFor();
      await page.addScriptTag({ path: createRequire(import.meta.url).resolve('axe-core/axe.min.js') });
      const violations = await page.evaluate(async () => {
        // @ts-expect-error axe is injected above
        const result = await window.axe.run({ include: [['.prose'], ['.cite-article']] });
        return (result.violations as { id: string; nodes: unknown[] }[]).map(
          (v) => `${v.id} (${v.nodes.length})`,
        );
      });
      expect(violations).toEqual([]);
      await page.context().close();
    },
  );
});
