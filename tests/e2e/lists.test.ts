/**
 * Browsing on the sample build: the home page lists only dated articles, newest first; the
 * header's search box stays on the title row at 1280 px on every kind of page. (The pager's page
 * numbers and year jumps and the letter sections of long indexes need more articles than the
 * samples hold: their logic is unit-tested in tests/unit/archive-index.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { servedSite } from '../helpers/served-site.ts';

const site = servedSite();

describe('home page', () => {
  it('lists the dated articles only, newest first', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.server.url}/`);
    const hrefs = await page.$$eval('#latest ~ .article-list .article-list-title a', (as) =>
      as.map((a) => a.getAttribute('href')),
    );
    expect(hrefs).toEqual([
      '/articles/2021-05-13-spotlight-on-iran-may-13-27-2021/',
      '/articles/2020-09-24-irans-zarif-tries-to-form-russia-china-alliance-against-us/',
      '/articles/2020-03-22-spotlight-on-iran-march-22-april-5-2020/',
    ]);
    await page.close();
  });
});

describe('header', () => {
  it.each(['/', '/tags/', '/tags/iran/', '/sources/', '/editors/', '/dates/', '/search/'])(
    '%s: at 1280 px the search box sits on the title row',
    async (path) => {
      const page = await site.browser.newPage({ viewport: { width: 1280, height: 800 } });
      await page.goto(site.server.url + path);
      const top = (selector: string) =>
        page.locator(selector).evaluate((el) => Math.round(el.getBoundingClientRect().top));
      const [name, search] = [await top('.site-name'), await top('.site-search')];
      expect(Math.abs(name - search)).toBeLessThanOrEqual(4);
      await page.close();
    },
  );
});
