/**
 * Search in Chromium on the sample build: names land on the paragraph that holds them, every
 * article mentioning a name is found, filters and sort narrow and order, the URL drives the search
 * (shareable, back/forward), nothing of Pagefind loads before the reader starts to search, and the
 * page explains itself without JavaScript. Also logs the bytes a first query costs.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { Browser, BrowserContext, Page, Request } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { servedSite } from '../helpers/served-site.ts';
import { distDir } from '../helpers/server.ts';

const site = servedSite();

/** Text of each built article's indexed part (headline and body), apostrophes dropped. */
function articleTexts(): Map<string, string> {
  const dir = path.join(distDir(), 'articles');
  const texts = new Map<string, string>();
  for (const slug of readdirSync(dir).filter((s) => !s.includes('.'))) {
    const html = readFileSync(path.join(dir, slug, 'index.html'), 'utf8');
    const body = /<article[^>]*data-pagefind-body[^>]*>([\s\S]*?)<\/article>/.exec(html)?.[1] ?? '';
    texts.set(`/articles/${slug}/`, normalise(body.replace(/<[^>]+>/g, ' ')));
  }
  return texts;
}

const normalise = (text: string) => text.toLowerCase().replace(/[’'ʼʿʾ]/g, '');

async function newPage(
  options: Parameters<Browser['newContext']>[0] = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await site.browser.newContext({ viewport: { width: 1000, height: 700 }, ...options });
  return { context, page: await context.newPage() };
}

async function searchFor(page: Page, query: string): Promise<void> {
  await page.goto(`${site.server.url}/search/?q=${encodeURIComponent(query)}`);
  // `done`: every shard of the index searched (`partial` while the first shards' results show).
  await page.locator('[data-search-status][data-state="done"]').waitFor();
}

/** The folders under /pagefind/ (shards, the lexicon) that `context` fetches from, as it does. */
function pagefindFolders(context: BrowserContext): Set<string> {
  const folders = new Set<string>();
  context.on('request', (r) => {
    const folder = /^\/pagefind\/([^/]+)\//.exec(new URL(r.url()).pathname)?.[1];
    if (folder) folders.add(folder);
  });
  return folders;
}

const resultPaths = (page: Page) =>
  page.$$eval('.search-result-title a', (links) =>
    links.map((a) => new URL((a as HTMLAnchorElement).href).pathname),
  );

const paragraphLinks = (page: Page) =>
  page.$$eval('.search-paragraphs a', (links) => links.map((a) => (a as HTMLAnchorElement).href));

describe('names', () => {
  const names = ['Salami', 'Zarif', 'Nakhleh', 'Shekarchi', 'Bagheri', 'Soleimani', 'Qa’ani'];

  it.each(names)('%s: every article that mentions it is found', async (name) => {
    const { context, page } = await newPage();
    await searchFor(page, name);
    const expected = [...articleTexts()]
      .filter(([, text]) => text.includes(normalise(name)))
      .map(([url]) => url);
    expect(expected.length).toBeGreaterThan(0);
    expect((await resultPaths(page)).sort()).toEqual(expected.sort());
    await context.close();
  });

  it.each(names)(
    '%s: each paragraph link lands on a paragraph holding it, in view and highlighted',
    async (name) => {
      const { context, page } = await newPage({ viewport: { width: 390, height: 600 } });
      await searchFor(page, name);
      const links = await paragraphLinks(page);
      expect(links.length).toBeGreaterThan(0);
      for (const href of links) {
        await page.goto(href);
        const id = decodeURIComponent(new URL(href).hash.slice(1));
        const target = page.locator(`[id="${id}"]`);
        expect(normalise(await target.innerText())).toContain(normalise(name));
        await target.locator('mark.pagefind-highlight').first().waitFor();
        const box = await target.evaluate((el) => el.getBoundingClientRect().top);
        expect(box).toBeGreaterThanOrEqual(0);
        expect(box).toBeLessThan(600);
      }
      await context.close();
    },
  );

  it("treats Qa’ani, Qa'ani and Qaani alike, and quoted phrases exactly", async () => {
    const { context, page } = await newPage();
    const found: string[][] = [];
    for (const q of ['Qa’ani', "Qa'ani", 'Qaani', 'Qaʼani']) {
      await searchFor(page, q);
      found.push((await resultPaths(page)).sort());
    }
    expect(found[0].length).toBe(2);
    for (const set of found) expect(set).toEqual(found[0]);
    await searchFor(page, '"Esmail Qa’ani"');
    const phrase = await resultPaths(page);
    const expected = [...articleTexts()].filter(([, t]) => t.includes('esmail qaani')).map(([u]) => u);
    expect(phrase.sort()).toEqual(expected.sort());
    expect(phrase.length).toBeLessThan(found[0].length + 1);
    await context.close();
  });
});

describe('result headlines', () => {
  it('show each headline as printed, without the spellings indexed with it', async () => {
    // "Iran’s Zarif tries to form Russia-China alliance against US" prints two curated spellings.
    const headlines = readdirSync(path.join(distDir(), 'articles')).map(
      (slug) =>
        /<h1[^>]*>([^<]*)<\/h1>/.exec(
          readFileSync(path.join(distDir(), 'articles', slug, 'index.html'), 'utf8'),
        )![1]!,
    );
    const { context, page } = await newPage();
    await searchFor(page, 'Zarif');
    const titles = await page.$$eval('.search-result-title a', (as) => as.map((a) => a.textContent ?? ''));
    expect(titles).toContain('Iran’s Zarif tries to form Russia-China alliance against US');
    for (const title of titles) expect(headlines).toContain(title);
    await context.close();
  });
});

describe('aliases (content/curated/names.yaml)', () => {
  it('Ghaani finds every article that prints Qa’ani, and each link lands on it highlighted', async () => {
    const { context, page } = await newPage({ viewport: { width: 390, height: 600 } });
    await searchFor(page, 'Ghaani');
    const expected = [...articleTexts()].filter(([, text]) => text.includes('qaani')).map(([url]) => url);
    expect(expected.length).toBeGreaterThan(0);
    expect((await resultPaths(page)).sort()).toEqual(expected.sort());
    expect(await page.locator('.search-results').innerText()).not.toMatch(/\u2063|ghaani/i);
    const links = await paragraphLinks(page);
    expect(links.length).toBeGreaterThan(0);
    for (const href of links) {
      await page.goto(href);
      const id = decodeURIComponent(new URL(href).hash.slice(1));
      const target = page.locator(`[id="${id}"]`);
      expect(normalise(await target.innerText())).toContain('qaani');
      await target.locator('mark.pagefind-highlight').first().waitFor();
    }
    expect(await page.content()).not.toContain('\u2063');
    await context.close();
  });
});

describe('paragraph ranking', () => {
  const holdsAll = (text: string, words: string[]) => words.every((w) => normalise(text).includes(w));

  it.each([
    ['Shalamcheh railway', ['shalamcheh', 'railway']],
    ['"Esmail Qa’ani"', ['esmail qaani']],
  ])(
    '%s: the headline and the first paragraph link land on the paragraph holding every term',
    async (query, words) => {
      const { context, page } = await newPage();
      await searchFor(page, query);
      const first = page.locator('.search-result').first();
      const headline = await first.locator('.search-result-title a').getAttribute('href');
      const paragraph = await first.locator('.search-paragraphs a').first().getAttribute('href');
      expect(headline).toBe(paragraph);
      await page.goto(new URL(headline!, site.server.url).href);
      const id = decodeURIComponent(new URL(page.url()).hash.slice(1));
      expect(holdsAll(await page.locator(`[id="${id}"]`).innerText(), words)).toBe(true);
      await context.close();
    },
  );
});

describe('the search page', () => {
  it('narrows with filters and shows counts', async () => {
    const { context, page } = await newPage();
    await searchFor(page, 'Iran');
    const all = await resultPaths(page);
    expect(all.length).toBe(5);
    await page.locator('summary', { hasText: 'Filters' }).click();
    const source = page
      .locator('fieldset', { hasText: 'Source' })
      .locator('label', { hasText: 'Jerusalem Center' });
    await expect.poll(() => source.innerText()).toContain('(1)');
    await source.locator('input').check();
    await expect.poll(() => resultPaths(page)).toHaveLength(1);
    expect(new URL(page.url()).searchParams.get('source')).toBe('Jerusalem Center for Public Affairs');
    await page.goto(`${site.server.url}/search/?q=Iran&year=2021`);
    await expect
      .poll(() => resultPaths(page))
      .toEqual(['/articles/2021-05-13-spotlight-on-iran-may-13-27-2021/']);
    expect(await page.locator('[data-search-filter-panel]').getAttribute('open')).not.toBeNull();
    await context.close();
  });

  it('fetches the filter index only once the filter panel is opened', async () => {
    const { context, page } = await newPage();
    const filterFiles: string[] = [];
    context.on(
      'request',
      (r) =>
        void (
          /^\/pagefind\/(?:[^/]+\/)?filter\//.test(new URL(r.url()).pathname) && filterFiles.push(r.url())
        ),
    );
    await searchFor(page, 'Iran');
    await page.waitForLoadState('networkidle');
    expect(filterFiles).toEqual([]);
    expect(await page.locator('fieldset').count()).toBe(0);
    await page.locator('summary', { hasText: 'Filters' }).click();
    await page.locator('fieldset', { hasText: 'Source' }).waitFor();
    expect(filterFiles.length).toBeGreaterThan(0);
    await context.close();
  });

  it('sorts by date both ways, undated articles last', async () => {
    const { context, page } = await newPage();
    const dated = [
      '/articles/2020-03-22-spotlight-on-iran-march-22-april-5-2020/',
      '/articles/2020-09-24-irans-zarif-tries-to-form-russia-china-alliance-against-us/',
      '/articles/2021-05-13-spotlight-on-iran-may-13-27-2021/',
    ];
    await page.goto(`${site.server.url}/search/?q=Iran&sort=oldest`);
    await expect.poll(async () => (await resultPaths(page)).slice(0, 3)).toEqual(dated);
    await page.selectOption('select[name="sort"]', 'newest');
    await expect.poll(async () => (await resultPaths(page)).slice(0, 3)).toEqual([...dated].reverse());
    expect(await resultPaths(page)).toHaveLength(5);
    expect(new URL(page.url()).searchParams.get('sort')).toBe('newest');
    await context.close();
  });

  it('writes typing to the URL; back and forward restore the search', async () => {
    const { context, page } = await newPage();
    await page.goto(`${site.server.url}/search/`);
    await page.fill('#search-q', 'Shekarchi');
    await page.press('#search-q', 'Enter');
    await expect.poll(() => resultPaths(page)).toHaveLength(1);
    await page.fill('#search-q', 'Nakhleh');
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('Nakhleh');
    await expect
      .poll(() => resultPaths(page))
      .toEqual(['/articles/2021-05-13-spotlight-on-iran-may-13-27-2021/']);
    await page.goBack();
    await expect.poll(() => page.inputValue('#search-q')).toBe('Shekarchi');
    await expect
      .poll(() => resultPaths(page))
      .toEqual([
        '/articles/iran-we-will-help-any-country-fighting-the-zionist-regime-and-the-united-states/',
      ]);
    await page.goForward();
    await expect.poll(() => page.inputValue('#search-q')).toBe('Nakhleh');
    await expect
      .poll(() => resultPaths(page))
      .toEqual(['/articles/2021-05-13-spotlight-on-iran-may-13-27-2021/']);
    await context.close();
  });

  it('without JavaScript says search needs it and offers the indexes', async () => {
    const { context, page } = await newPage({ javaScriptEnabled: false });
    await page.goto(`${site.server.url}/search/?q=Zarif`);
    expect(await page.locator('main').innerText()).toContain('Search needs JavaScript');
    const hrefs = await page.$$eval('main a', (as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs).toEqual(expect.arrayContaining(['/tags/', '/dates/', '/sources/']));
    expect(await page.locator('[data-search]').isVisible()).toBe(false);
    await context.close();
  });
});

describe('a sharded index (this build: shards of two pages)', () => {
  const shardsFile = () =>
    JSON.parse(readFileSync(path.join(distDir(), 'pagefind/shards.json'), 'utf8')) as {
      shards: { key: string; pages: number }[];
    };

  it('lists its shards newest first, the undated last', () => {
    expect(shardsFile().shards.map((s) => [s.key, s.pages])).toEqual([
      ['2021', 1],
      ['2020', 2],
      ['undated', 2],
    ]);
  });

  it('shows the newest shard’s results first, then every shard’s, ranked together', async () => {
    const { context, page } = await newPage();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    // Hold the older shards back: the first results must come from the newest shard alone.
    await context.route(/\/pagefind\/(?:2020|undated)\//, async (route) => {
      await gate;
      await route.continue();
    });
    await page.goto(`${site.server.url}/search/?q=Iran`);
    const status = page.locator('[data-search-status]');
    await page.locator('[data-search-status][data-state="partial"]').waitFor();
    expect(await status.innerText()).toBe('Best matches among the newest 1 of 5; searching the rest…');
    expect(await resultPaths(page)).toEqual(['/articles/2021-05-13-spotlight-on-iran-may-13-27-2021/']);
    release();
    await page.locator('[data-search-status][data-state="done"]').waitFor();
    expect(await status.innerText()).toBe('5 articles for “Iran”.');
    expect(await resultPaths(page)).toHaveLength(5);
    await context.close();
  });
});

describe('a word one shard holds (the lexicon)', () => {
  // `Germany` is in one sample; the 2021 shard's only article has `German`, no word beginning with
  // `germani` (Pagefind's stem of `Germany`). Searched alone, that shard would fall back to `german`
  // and return its article: the lexicon sends the search to the shards that hold the word only.
  it('finds the article that has it, and fetches nothing of the shards that lack it', async () => {
    const { context, page } = await newPage();
    const fetched = pagefindFolders(context);
    await searchFor(page, 'Germany');
    const expected = [...articleTexts()].filter(([, text]) => /\bgermany\b/.test(text)).map(([url]) => url);
    expect(expected).toHaveLength(1);
    expect(await resultPaths(page)).toEqual(expected);
    expect(await page.locator('[data-search-status]').innerText()).toBe('1 article for “Germany”.');
    expect(fetched.has('lexicon')).toBe(true);
    expect(fetched.has('2021')).toBe(false);
    expect(fetched.size).toBe(2); // the lexicon and the one shard
    await context.close();
  });
});

/** Built page URL → key of the search shard that indexes it (from the shards' fragments). */
function shardOfPage(): Map<string, string> {
  const pagefind = path.join(distDir(), 'pagefind');
  const { shards } = JSON.parse(readFileSync(path.join(pagefind, 'shards.json'), 'utf8')) as {
    shards: { key: string }[];
  };
  const shardOf = new Map<string, string>();
  for (const { key } of shards) {
    const folder = path.join(pagefind, key, 'fragment');
    for (const name of readdirSync(folder)) {
      // A fragment is gzip of `pagefind_dcd` and the page's JSON.
      const fragment = JSON.parse(
        gunzipSync(readFileSync(path.join(folder, name)))
          .subarray(12)
          .toString('utf8'),
      ) as {
        url: string;
      };
      shardOf.set(fragment.url, key);
    }
  }
  return shardOf;
}

describe('words together on one page (the lexicon’s layout)', () => {
  // `Hezbollah` and `Lebanon` are both in several shards, but on one page together in fewer: the
  // lexicon's records lay the words out page by page, so only those shards are fetched.
  it('fetches only the shards with a page that holds every word', async () => {
    const shardOf = shardOfPage();
    const texts = [...articleTexts()];
    const holding = (word: string) =>
      new Set(texts.filter(([, text]) => new RegExp(`\\b${word}`).test(text)).map(([url]) => url));
    const [hezbollah, lebanon] = [holding('hezbollah'), holding('lebanon')];
    const together = [...hezbollah].filter((url) => lebanon.has(url)).sort();
    const shardsOf = (urls: Iterable<string>) => new Set([...urls].map((url) => shardOf.get(url)!));
    const needed = shardsOf(together);
    const bothWords = [...shardsOf(hezbollah)].filter((key) => shardsOf(lebanon).has(key));
    expect(together.length).toBeGreaterThan(0);
    expect(bothWords.length).toBeGreaterThan(needed.size); // what the lexicon alone would fetch

    const { context, page } = await newPage();
    const fetched = pagefindFolders(context);
    await searchFor(page, 'Hezbollah Lebanon');
    expect((await resultPaths(page)).sort()).toEqual(together);
    expect([...fetched].filter((folder) => folder !== 'lexicon').sort()).toEqual([...needed].sort());
    await context.close();
  });

  it('fetches no shard for words that are never on one page', async () => {
    const { context, page } = await newPage();
    const fetched = pagefindFolders(context);
    const shardOf = shardOfPage();
    const shardsHolding = (word: string) =>
      new Set([...articleTexts()].filter(([, text]) => text.includes(word)).map(([url]) => shardOf.get(url)));
    const snapback = shardsHolding('snapback');
    expect([...shardsHolding('hezbollah')].filter((key) => snapback.has(key)).length).toBeGreaterThan(0);
    await searchFor(page, 'Hezbollah snapback');
    expect(await resultPaths(page)).toEqual([]);
    expect([...fetched]).toEqual(['lexicon']);
    await context.close();
  });
});

describe('loading', () => {
  const isPagefind = (r: Request) => new URL(r.url()).pathname.startsWith('/pagefind/');

  it('fetches nothing of Pagefind before the reader types; / focuses the header box', async () => {
    const { context, page } = await newPage();
    const requests: string[] = [];
    context.on('request', (r) => void (isPagefind(r) && requests.push(r.url())));
    for (const url of [
      '/',
      '/articles/2020-09-24-irans-zarif-tries-to-form-russia-china-alliance-against-us/',
      '/search/',
      '/tags/',
    ]) {
      await page.goto(site.server.url + url, { waitUntil: 'networkidle' });
    }
    expect(requests).toEqual([]);
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('site-search-q');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Shift+Tab');
    expect(requests).toEqual([]); // focus alone loads nothing
    await page.keyboard.type('Zarif');
    await expect.poll(() => requests.some((u) => u.endsWith('/pagefind/pagefind.js'))).toBe(true);
    await context.close();
  });

  it('measures the bytes of a first query on /search/', async () => {
    const { context, page } = await newPage();
    const fetched = new Set<string>();
    context.on('requestfinished', (r) => void (isPagefind(r) && fetched.add(new URL(r.url()).pathname)));
    await page.goto(`${site.server.url}/search/`, { waitUntil: 'networkidle' });
    expect(fetched.size).toBe(0);
    await page.fill('#search-q', 'Salami');
    await expect.poll(() => resultPaths(page)).toHaveLength(2);
    await page.waitForLoadState('networkidle');
    // The test server sends files as they are: the sizes on disk are the bytes on the wire (index
    // files are gzipped by Pagefind; the JS and JSON would shrink further with HTTP compression).
    const sizes = [...fetched].map((url) => {
      const body = readFileSync(path.join(distDir(), url));
      const text = /\.(js|json)$/.test(url);
      return { url, bytes: body.length, gzip: text ? gzipSync(body, { level: 9 }).length : body.length };
    });
    const sum = (key: 'bytes' | 'gzip') => sizes.reduce((total, s) => total + s[key], 0);
    console.log(
      `first query "Salami" on /search/: ${sizes.length} Pagefind files, ${sum('bytes')} bytes as served, ` +
        `${sum('gzip')} with JS/JSON gzipped\n` +
        sizes.map((s) => `  ${s.bytes}\t${s.gzip}\t${s.url}`).join('\n'),
    );
    expect(sizes.some((s) => s.url.endsWith('.pf_fragment'))).toBe(true);
    expect(sizes.some((s) => s.url.endsWith('.pf_index'))).toBe(true);
    await context.close();
  });
});
