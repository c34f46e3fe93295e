/**
 * The built site in Chromium: navigation with JavaScript off, accessibility (axe) in light and dark,
 * narrow screens, print, the skip link, and the RSS feed and sitemap as XML.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/browser.ts';
import { distDir, serveDist, type StaticServer } from '../helpers/server.ts';
import { fileForPath, listHtmlPages, SITE_ORIGIN } from '../helpers/site-pages.ts';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let server: StaticServer;
let browser: Browser;
let noJs: BrowserContext;

beforeAll(async () => {
  server = await serveDist();
  browser = await launchChromium();
  // Every page must work without JavaScript, so navigation is driven with it switched off.
  noJs = await browser.newContext({ javaScriptEnabled: false });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(path: string, context = noJs): Promise<Page> {
  const page = await context.newPage();
  const response = await page.goto(server.url + path);
  expect(response?.status(), path).toBe(200);
  return page;
}

function firstPath(prefix: string): string {
  const url = listHtmlPages(distDir()).find((p) => p.url.startsWith(prefix) && p.url !== prefix)?.url;
  if (!url) throw new Error(`no built page under ${prefix}`);
  return url;
}

describe('navigation without JavaScript', () => {
  it('goes from the home page to an article', async () => {
    const page = await open('/');
    const link = page.locator('#latest ~ .article-list a').first();
    const title = (await link.textContent())!.trim();
    await link.click();
    await page.waitForURL(/\/articles\/[^/]+\/$/);
    expect((await page.locator('article h1').textContent())?.trim()).toBe(title);
    await page.close();
  });

  it('goes from the home page to a tag and on to an article under it', async () => {
    const page = await open('/');
    const tag = page.locator('#top-tags ~ .term-list a').first();
    const tagName = (await tag.textContent())!.trim();
    await tag.click();
    await page.waitForURL(/\/tags\/[^/]+\/$/);
    expect(await page.locator('h1').textContent()).toContain(tagName);
    const link = page.locator('.article-list a').first();
    const title = (await link.textContent())!.trim();
    await link.click();
    await page.waitForURL(/\/articles\/[^/]+\/$/);
    expect((await page.locator('article h1').textContent())?.trim()).toBe(title);
    expect(await page.locator('.article-foot .tags').textContent()).toContain(tagName);
    await page.close();
  });

  it('lists the March–April 2020 bulletin under April 2020', async () => {
    const page = await open('/dates/2020/04/');
    const item = page.locator('.article-list > li', { hasText: '22 March – 5 April 2020' });
    expect(await item.count()).toBe(1);
    await item.locator('a').first().click();
    await page.waitForURL(/\/articles\/[^/]+\/$/);
    expect(await page.locator('.article-meta').textContent()).toContain('22 March – 5 April 2020');
    await page.close();
  });

  it('lists every section of an article in its contents, and each entry jumps to its heading', async () => {
    const page = await open('/articles/2020-03-22-spotlight-on-iran-march-22-april-5-2020/');
    const toc = page.getByRole('navigation', { name: 'Contents' });
    const entries = toc.getByRole('link');
    const sectionIds = await Promise.all(
      (await page.locator('.prose h2').all()).map((h) => h.getAttribute('id')),
    );
    const targets = await Promise.all((await entries.all()).map((a) => a.getAttribute('href')));
    expect(sectionIds.length).toBeGreaterThan(1);
    expect(targets).toEqual(sectionIds.map((id) => `#${id}`));
    const last = entries.last();
    const text = (await last.textContent())!.trim();
    await last.click();
    await page.waitForURL(new RegExp(`${sectionIds.at(-1)}$`));
    const heading = page.locator(`.prose h2#${sectionIds.at(-1)}`);
    expect((await heading.textContent())?.trim()).toBe(text);
    await expect.poll(() => heading.isVisible()).toBe(true);
    const box = await heading.boundingBox();
    expect(box!.y).toBeLessThan(page.viewportSize()!.height / 2);
    await page.close();
  });

  it('walks the archive and a series by their later and earlier links', async () => {
    const first = '/articles/2020-03-22-spotlight-on-iran-march-22-april-5-2020/';
    const page = await open(first);
    const section = (name: RegExp) =>
      page.locator('.neighbours section', { has: page.getByRole('heading', { name }) });
    await section(/^In the archive$/)
      .locator('.later a')
      .click();
    await page.waitForURL(/2020-09-24-irans-zarif/);
    await section(/^In the archive$/)
      .locator('.earlier a')
      .click();
    await page.waitForURL(new RegExp(`${first}$`));
    await section(/^In the series Spotlight on Iran$/)
      .locator('.later a')
      .click();
    await page.waitForURL(/2021-05-13-spotlight-on-iran/);
    expect(await page.locator('.kicker').textContent()).toBe('Spotlight on Iran');
    await page.close();
  });

  it('submits the header search box to the search page', async () => {
    const page = await open('/');
    await page.getByRole('searchbox', { name: 'Search articles' }).fill('Zarif');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.waitForURL(/\/search\/\?q=Zarif$/);
    await page.close();
  });
});

describe('accessibility', () => {
  const paths = () => ['/', firstPath('/articles/'), '/tags/', '/dates/', firstPath('/tags/'), '/search/'];

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`has no serious or critical axe violations in ${colorScheme} mode`, async () => {
      // axe is injected as an inline script, which the site's CSP rightly refuses; it is the test's own.
      const context = await browser.newContext({ colorScheme, bypassCSP: true });
      const found: string[] = [];
      for (const path of paths()) {
        const page = await open(path, context);
        await page.addScriptTag({ content: axeSource });
        const violations = await page.evaluate(async () => {
          const axe = (window as unknown as { axe: { run(): Promise<{ violations: AxeViolation[] }> } }).axe;
          return (await axe.run()).violations.map((v) => ({
            id: v.id,
            impact: v.impact,
            targets: v.nodes.map((n) => n.target.join(' ')),
          }));
        });
        for (const v of violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')) {
          found.push(`${path}: ${v.id} (${v.impact}) at ${v.targets.join(', ')}`);
        }
        await page.close();
      }
      await context.close();
      expect(found).toEqual([]);
    });
  }

  it('moves focus to the main content through a visible skip link', async () => {
    const page = await open('/');
    await page.keyboard.press('Tab');
    const skip = page.locator('a.skip');
    expect(await skip.evaluate((el) => el === document.activeElement)).toBe(true);
    const box = await skip.boundingBox();
    expect(box && box.y >= 0).toBe(true);
    await page.keyboard.press('Enter');
    await page.waitForURL(/#main$/);
    await page.close();
  });
});

interface AxeViolation {
  id: string;
  impact?: string;
  nodes: { target: string[] }[];
}

describe('layout', () => {
  it('fits a 320 px wide screen without sideways scrolling', async () => {
    const context = await browser.newContext({ viewport: { width: 320, height: 640 } });
    for (const path of ['/', firstPath('/articles/'), '/dates/2020/04/', '/tags/']) {
      const page = await open(path, context);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width, path).toBeLessThanOrEqual(320);
      await page.close();
    }
    await context.close();
  });

  it('prints an article without the site header and footer', async () => {
    const page = await open(firstPath('/articles/'));
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.site-header').isVisible()).toBe(false);
    expect(await page.locator('.site-footer').isVisible()).toBe(false);
    expect(await page.locator('article h1').isVisible()).toBe(true);
    await page.close();
  });
});

describe('feeds', () => {
  async function parseXml(path: string): Promise<{ root: string; errors: number; links: string[] }> {
    const text = await (await fetch(server.url + path)).text();
    // Chromium's own XML parser judges well-formedness; it needs a page with script enabled.
    const parser = await browser.newPage();
    const result = await parser.evaluate((xml) => {
      const doc = new DOMParser().parseFromString(xml, 'application/xml');
      return {
        root: doc.documentElement.nodeName,
        errors: doc.getElementsByTagName('parsererror').length,
        links: [...doc.querySelectorAll('item > link, loc')].map((n) => n.textContent ?? ''),
      };
    }, text);
    await parser.close();
    return result;
  }

  function assertLocal(links: string[]): void {
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) {
      const url = new URL(link);
      expect(url.origin, link).toBe(SITE_ORIGIN);
      expect(fileForPath(distDir(), url.pathname), link).toBeDefined();
    }
  }

  it('serves a well-formed RSS feed whose items link to built articles', async () => {
    const feed = await parseXml('/rss.xml');
    expect(feed).toMatchObject({ root: 'rss', errors: 0 });
    assertLocal(feed.links);
  });

  it('serves a well-formed sitemap index and sitemaps listing built pages', async () => {
    const index = await parseXml('/sitemap-index.xml');
    expect(index).toMatchObject({ root: 'sitemapindex', errors: 0 });
    assertLocal(index.links);
    for (const link of index.links) {
      const sitemap = await parseXml(new URL(link).pathname);
      expect(sitemap).toMatchObject({ root: 'urlset', errors: 0 });
      assertLocal(sitemap.links);
    }
  });
});
