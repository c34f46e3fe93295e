/**
 * Lists at a size the samples cannot show: the 150-file Tehran Times fixture set (undated, most
 * of it tagged `Iran`) built as its own site. Pages of a long list carry page numbers and jumps by
 * initial letter, every page is reachable, and the home page of an undated archive says so and
 * offers the indexes instead of a list.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestSite, type TestSite } from '../helpers/build-site.ts';

const root = path.resolve(import.meta.dirname, '../..');
let site: TestSite;

beforeAll(async () => {
  site = await openTestSite(path.join(root, 'tests/fixtures/tehran-times/data'), 'lists-corpus-');
}, 240_000);

afterAll(async () => {
  await site?.close();
});

async function open(url: string): Promise<Page> {
  const page = await site.browser.newPage({ javaScriptEnabled: false });
  const response = await page.goto(site.server.url + url);
  expect(response?.status(), url).toBe(200);
  return page;
}

const pagerNumbers = (page: Page) =>
  page.$$eval('.pager-numbers li', (lis) => lis.map((li) => li.textContent!.trim()));

describe('a long undated list', () => {
  it('numbers its pages and reaches the last one from the first in one click', async () => {
    const page = await open('/dates/undated/');
    const numbers = await pagerNumbers(page);
    expect(numbers[0]).toBe('1');
    expect(numbers.length).toBeGreaterThan(1);
    expect(await page.locator('.pager-numbers a[aria-current="page"]').textContent()).toBe('1');
    const last = numbers.at(-1)!;
    await page.locator('.pager-numbers a', { hasText: new RegExp(`^${last}$`) }).click();
    await page.waitForURL(new RegExp(`/dates/undated/${last}/$`));
    expect(await page.locator('h1').textContent()).toContain('Undated');
    expect(await page.locator('.pager-numbers a[aria-current="page"]').textContent()).toBe(last);
    await page.close();
  });

  it('jumps to the page where titles with a given initial begin', async () => {
    const page = await open('/dates/undated/');
    const jumps = page.locator('.pager-jumps a');
    expect(await jumps.count()).toBeGreaterThan(3);
    const last = jumps.last();
    const letter = (await last.textContent())!.trim();
    await last.click();
    await page.waitForLoadState();
    const titles = await page.$$eval('.article-list-title a', (as) => as.map((a) => a.textContent!.trim()));
    expect(titles.some((t) => t.toUpperCase().startsWith(letter))).toBe(true);
    await page.close();
  });

  it('spreads a tag of many articles over numbered pages', async () => {
    const page = await open('/tags/iran/');
    expect((await pagerNumbers(page)).length).toBeGreaterThan(1);
    expect(await page.locator('.meta').first().textContent()).toMatch(/articles \(page 1 of \d+\)/);
    await page.close();
  });
});

describe('the home page of an undated archive', () => {
  it('says it cannot tell the latest and offers the indexes', async () => {
    const page = await open('/');
    const latest = page.locator('section[aria-labelledby="latest"]');
    expect(await latest.locator('h2').textContent()).toBe('Undated archive');
    expect(await latest.innerText()).toContain('None of these articles states a date');
    expect(await latest.locator('.article-list').count()).toBe(0);
    const hrefs = await latest.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs).toEqual(expect.arrayContaining(['/tags/', '/dates/', '/sources/']));
    await page.close();
  });
});
