/**
 * The names index in Chromium, against the samples' build: a reader finds Qa’ani on /names/ under
 * any spelling, opens his page and follows a paragraph link to the paragraph that names him; his
 * page links every paragraph of the archive that does; the lists by kind work without JavaScript;
 * an article links the names it mentions and offers them as a search filter.
 */
import path from 'node:path';
import { readdirSync } from 'node:fs';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { servedSite } from '../helpers/served-site.ts';
import { distDir } from '../helpers/server.ts';

const site = servedSite();

async function open(urlPath: string, options: BrowserContextOptions = {}): Promise<Page> {
  const context = await site.browser.newContext(options);
  const page = await context.newPage();
  await page.goto(site.server.url + urlPath);
  return page;
}

/** Every spelling the samples print of him, apostrophes folded. */
const QAANI = /\b(?:Qa[’'ʼ]?ani|Ghaani)\b/;

/** Ids of the paragraphs of every article page that name him. */
async function paragraphsNamingQaani(page: Page): Promise<string[]> {
  const found: string[] = [];
  const slugs = readdirSync(path.join(distDir(), 'articles')).filter((s) => !s.includes('.'));
  for (const slug of slugs.sort()) {
    await page.goto(`${site.server.url}/articles/${slug}/`);
    const ids = await page.$$eval(
      '.prose p[id], .prose li[id]',
      (els, source) => els.filter((el) => new RegExp(source).test(el.textContent ?? '')).map((el) => el.id),
      QAANI.source,
    );
    found.push(...ids.map((id) => `/articles/${slug}/#${id}`));
  }
  return found.sort();
}

describe('names', () => {
  it('finds Qa’ani from the home page, on /names/ by another spelling, and his paragraph through his page', async () => {
    const page = await open('/');
    await page.getByRole('main').getByRole('link', { name: 'name', exact: true }).click();
    await page.waitForURL('**/names/');
    const entry = page.locator('li', { hasText: 'Ghaani' });
    expect(await entry.count()).toBe(1);
    await entry.getByRole('link').first().click();
    await page.waitForURL('**/names/esmail-qaani/');
    expect(await page.locator('h1').textContent()).toContain('Esmail Qa’ani');
    // Every page's header leads to the names index too, marked as the current section here.
    const headerLink = page
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('link', { name: 'Names' });
    expect(await headerLink.getAttribute('aria-current')).toBe('page');

    const link = page.locator('.name-paragraphs a').first();
    const href = (await link.getAttribute('href'))!;
    await link.click();
    await page.waitForURL(`**${href}`);
    const id = href.split('#')[1]!;
    expect(await page.locator(`[id="${id}"]`).textContent()).toMatch(QAANI);
    await page.context().close();
  });

  it('links every paragraph of the archive that names him, and no other', async () => {
    const page = await open('/names/esmail-qaani/');
    const linked = (
      await page.$$eval('.name-paragraphs a', (as) => as.map((a) => a.getAttribute('href')!))
    ).sort();
    expect(linked.length).toBeGreaterThan(0);
    expect(linked).toEqual(await paragraphsNamingQaani(page));
    await page.context().close();
  });

  it('lists one kind of name at a time, without JavaScript', async () => {
    const page = await open('/names/', { javaScriptEnabled: false });
    await page
      .getByRole('navigation', { name: 'Names by kind' })
      .getByRole('link', { name: 'People' })
      .click();
    await page.waitForURL('**/names/people/');
    const kinds = await page.$$eval('.name-list li', (lis) => lis.map((li) => li.getAttribute('data-kind')));
    expect(kinds.length).toBeGreaterThan(0);
    expect(new Set(kinds)).toEqual(new Set(['person']));
    expect(await page.locator('.name-list').textContent()).toContain('Esmail Qa’ani');
    const places = await open('/names/places/', { javaScriptEnabled: false });
    expect(await places.locator('.name-list').textContent()).toContain('Iran');
    expect(await places.locator('.name-list').textContent()).not.toContain('Qa’ani');
    await page.context().close();
    await places.context().close();
  });

  it('links the names an article mentions to their pages, each a search filter', async () => {
    const page = await open('/articles/2021-05-13-spotlight-on-iran-may-13-27-2021/');
    const names = page.locator('.article-names');
    const qaani = names.getByRole('link', { name: 'Esmail Qa’ani' });
    expect(await qaani.getAttribute('data-pagefind-filter')).toBe('name');
    await qaani.click();
    await page.waitForURL('**/names/esmail-qaani/');
    await page.context().close();
  });
});
