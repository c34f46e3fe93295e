/**
 * The samples built with `BASE_PATH=/archive/` and served under `/archive/` only, as on a host that
 * gives the archive a sub-path: every internal link, fragment, feed and sitemap entry stays under
 * the base, search finds articles and links under it, and paragraph permalinks and citations work.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/browser.ts';
import { serveDist, type StaticServer } from '../helpers/server.ts';
import { fileForPath, idsIn, linksIn, listHtmlPages, type BuiltPage } from '../helpers/site-pages.ts';

const root = path.resolve(import.meta.dirname, '../..');
const BASE = '/archive/';
const ORIGIN = 'https://archive.example.org';
let work: string;
let dist: string;
let buildLog: string;
let pages: BuiltPage[];
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'base-path-'));
  dist = path.join(work, 'dist');
  // The articles the global setup ingested; only the site is built again, under the base.
  const env = { ...process.env, BASE_PATH: BASE, SITE_URL: ORIGIN };
  const build = spawnSync(path.join(root, 'node_modules/.bin/astro'), ['build', '--outDir', dist], {
    cwd: root,
    env,
    encoding: 'utf8',
  });
  buildLog = `${build.stdout}${build.stderr}`;
  if (build.status !== 0) throw new Error(`astro build failed:\n${buildLog}`);
  execFileSync(process.execPath, ['scripts/pagefind.ts', dist], { cwd: root, env, stdio: 'pipe' });
  pages = listHtmlPages(dist);
  [server, browser] = await Promise.all([serveDist(dist, { base: BASE }), launchChromium()]);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

/** The page's address on the deployed site: its file path under the base. */
const addressOf = (page: BuiltPage) => new URL(BASE + page.url.slice(1), ORIGIN);

/** A same-site link's target, or undefined for another site. */
function internal(href: string, from: URL): URL | undefined {
  const url = new URL(href, from);
  return url.origin === ORIGIN ? url : undefined;
}

/** The built file a deployed path serves, or undefined (also for a path outside the base). */
function fileFor(pathname: string): string | undefined {
  return pathname.startsWith(BASE) ? fileForPath(dist, `/${pathname.slice(BASE.length)}`) : undefined;
}

async function open(pathAndQuery: string): Promise<Page> {
  const page = await browser.newPage();
  const response = await page.goto(server.url + pathAndQuery);
  expect(response?.status(), pathAndQuery).toBe(200);
  return page;
}

describe('a build under /archive/', () => {
  it('prints no warning', () => {
    expect(buildLog).toContain('Complete!');
    expect(buildLog.split('\n').filter((line) => /\bWARN\b|MODULE_LEVEL_DIRECTIVE/i.test(line))).toEqual([]);
  });

  it('links every href, src and form action to a built file under the base', () => {
    expect(pages.length).toBeGreaterThan(20);
    const broken: string[] = [];
    for (const page of pages) {
      for (const href of linksIn(page.html)) {
        const target = internal(href, addressOf(page));
        if (target && !fileFor(target.pathname)) broken.push(`${page.url} → ${href}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('resolves every #fragment to an id on the target page', () => {
    const ids = new Map(pages.map((p) => [addressOf(p).pathname, idsIn(p.html)]));
    const missing: string[] = [];
    for (const page of pages) {
      for (const href of linksIn(page.html)) {
        const target = internal(href, addressOf(page));
        if (!target?.hash) continue;
        const id = decodeURIComponent(target.hash.slice(1));
        if (!ids.get(target.pathname)?.has(id)) missing.push(`${page.url} → ${href}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('names the deployed address in canonical links, JSON-LD, citations, the feed and the sitemap', () => {
    const article = pages.find((p) => p.url.startsWith('/articles/'))!;
    const address = addressOf(article).href;
    expect(article.html).toContain(`<link rel="canonical" href="${address}">`);
    expect(article.html).toContain(`"url":"${address}"`);
    expect(article.html).toContain(`${address}.</p>`);
    const xml = ['rss.xml', 'sitemap-0.xml'].map((f) => readFileSync(path.join(dist, f), 'utf8'));
    const urls = xml.flatMap((text) => [...text.matchAll(/<(?:link|loc)>([^<]+)</g)].map((m) => m[1]));
    expect(urls.length).toBeGreaterThan(pages.length / 2);
    for (const url of urls) expect(fileFor(new URL(url).pathname), url).toBeDefined();
  });

  it('serves the 404 page with its styles and links under the base', async () => {
    const page = await browser.newPage();
    const response = await page.goto(`${server.url}${BASE}no-such-page/`);
    expect(response?.status()).toBe(404);
    expect(await page.locator('h1').textContent()).toBe('Page not found');
    const home = await page.locator('main a', { hasText: 'home page' }).getAttribute('href');
    expect(home).toBe(BASE);
    const css = await page.evaluate(() => [...document.styleSheets].filter((s) => s.href).length);
    expect(css).toBeGreaterThan(0);
    await page.close();
  });

  it('finds articles from the header search and links results and paragraphs under the base', async () => {
    const page = await open(BASE);
    await page.locator('#site-search-q').fill('Salami');
    await page.locator('#site-search-q').press('Enter');
    await page.waitForURL(`**${BASE}search/?q=Salami`);
    await page
      .locator('[data-search-status][data-state="done"]')
      .filter({ hasText: /article/ })
      .waitFor();
    const results = await page.$$eval('.search-result-title a', (as) =>
      as.map((a) => (a as HTMLAnchorElement).href),
    );
    const paragraphs = await page.$$eval('.search-paragraphs a', (as) =>
      as.map((a) => (a as HTMLAnchorElement).href),
    );
    expect(results.length).toBeGreaterThan(0);
    expect(paragraphs.length).toBeGreaterThan(0);
    for (const href of [...results, ...paragraphs])
      expect(new URL(href).pathname).toMatch(/^\/archive\/articles\/[^/]+\/$/);
    // A paragraph link opens the article at that paragraph, with the term highlighted.
    const target = new URL(paragraphs[0]!);
    const response = await page.goto(target.href);
    expect(response?.status()).toBe(200);
    const paragraph = page.locator(`[id="${decodeURIComponent(target.hash.slice(1))}"]`);
    await paragraph.locator('mark.pagefind-highlight').first().waitFor();
    await page.close();
  });

  it('gives a paragraph a permalink that opens it and a citation naming the deployed address', async () => {
    const article = pages.find((p) => p.url.startsWith('/articles/'))!;
    const context = await browser.newContext();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    const page = await context.newPage();
    await page.goto(server.url + addressOf(article).pathname);
    const pilcrow = page.locator('.prose a.pilcrow').first();
    const id = (await pilcrow.getAttribute('href'))!.slice(1);
    await pilcrow.click();
    expect(new URL(page.url()).pathname).toBe(addressOf(article).pathname);
    expect(new URL(page.url()).hash).toBe(`#${id}`);
    await page.locator('.para-tools button', { hasText: 'Cite' }).click();
    const citation = await page.evaluate(() => navigator.clipboard.readText());
    expect(citation).toContain(`${addressOf(article).href}#${id}.`);
    await page.reload();
    expect(await page.locator(`[id="${id}"]`).evaluate((el) => el.matches(':target'))).toBe(true);
    await context.close();
  });
});
