/**
 * The whole built site, page by page: links and fragments resolve, every page is reachable from
 * the home page, every page passes html-validate, article CSS stays in budget.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { FileSystemConfigLoader, HtmlValidate } from 'html-validate';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  decodeEntities,
  fileForPath,
  idsIn,
  internalTarget,
  linksIn,
  listHtmlPages,
  type BuiltPage,
} from '../helpers/site-pages.ts';
import { distDir } from '../helpers/server.ts';

const dist = distDir();
let pages: BuiltPage[];
let byUrl: Map<string, BuiltPage>;

beforeAll(() => {
  pages = listHtmlPages(dist);
  byUrl = new Map(pages.map((p) => [p.url, p]));
});

describe('links', () => {
  it('resolves every internal href and src to a file', () => {
    const broken: string[] = [];
    for (const page of pages) {
      for (const href of linksIn(page.html)) {
        const target = internalTarget(href, page.url);
        if (target && !fileForPath(dist, target.pathname)) broken.push(`${page.url} → ${href}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('resolves every #fragment to an id on the target page', () => {
    const missing: string[] = [];
    for (const page of pages) {
      for (const href of linksIn(page.html)) {
        const target = internalTarget(href, page.url);
        if (!target || target.hash.length < 2) continue;
        const targetPage = byUrl.get(decodeURIComponent(target.pathname));
        const id = decodeURIComponent(target.hash.slice(1));
        if (!targetPage || !idsIn(targetPage.html).has(id)) missing.push(`${page.url} → ${href}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('reaches every page from the home page by following links', () => {
    const seen = new Set(['/']);
    const queue = ['/'];
    while (queue.length > 0) {
      const page = byUrl.get(queue.shift()!);
      for (const href of page ? linksIn(page.html) : []) {
        const target = internalTarget(href, page!.url);
        const next = target && decodeURIComponent(target.pathname);
        if (next && byUrl.has(next) && !seen.has(next)) {
          seen.add(next);
          queue.push(next);
        }
      }
    }
    const orphans = pages.map((p) => p.url).filter((url) => !seen.has(url) && url !== '/404.html');
    expect(orphans).toEqual([]);
  });
});

describe('markup', () => {
  it('passes html-validate on every page', async () => {
    const validator = new HtmlValidate(new FileSystemConfigLoader());
    const problems: string[] = [];
    for (const page of pages) {
      const report = await validator.validateFile(page.file);
      for (const result of report.results) {
        for (const m of result.messages)
          problems.push(`${page.url}:${m.line}:${m.column} ${m.message} (${m.ruleId})`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('keeps each article page to at most 6 kB of gzipped CSS', () => {
    const articles = pages.filter((p) => p.url.startsWith('/articles/'));
    expect(articles.length).toBeGreaterThan(0);
    for (const page of articles) {
      const inline = [...page.html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1]);
      const linked = [...page.html.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)].map((m) =>
        readFileSync(path.join(dist, m[1]), 'utf8'),
      );
      const size = gzipSync([...inline, ...linked].join('\n')).length;
      expect(size, page.url).toBeLessThanOrEqual(6 * 1024);
    }
  });
});

describe('article pages', () => {
  it('hold the headline and the body inside the indexed article', () => {
    for (const page of pages.filter((p) => p.url.startsWith('/articles/'))) {
      const article = page.html.match(/<article[^>]*data-pagefind-body[^>]*>([\s\S]*)<\/article>/)?.[1];
      expect(article, page.url).toMatch(/<h1[^>]*data-pagefind-weight="10"/);
      expect(article, page.url).toMatch(/<div class="prose"/);
    }
  });

  it('print the date of a range as people read it', () => {
    const month = byUrl.get('/dates/2020/04/');
    expect(month?.html).toContain('22 March – 5 April 2020');
  });
});

describe('article head', () => {
  const BULLETIN = '/articles/2020-03-22-spotlight-on-iran-march-22-april-5-2020/';
  const ZARIF = '/articles/2020-09-24-irans-zarif-tries-to-form-russia-china-alliance-against-us/';
  const articles = () => pages.filter((p) => p.url.startsWith('/articles/'));
  const attr = (html: string, pattern: RegExp) => {
    const value = html.match(pattern)?.[1];
    return value === undefined ? undefined : decodeEntities(value);
  };
  const description = (html: string) => attr(html, /<meta name="description" content="([^"]*)"/);
  const jsonLd = (html: string) =>
    [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) =>
      JSON.parse(m[1]),
    );

  it('has one NewsArticle JSON-LD block naming the page, its headline and its description', () => {
    for (const page of articles()) {
      const blocks = jsonLd(page.html);
      expect(blocks, page.url).toHaveLength(1);
      const [ld] = blocks;
      const headline = decodeEntities(page.html.match(/<h1[^>]*>([^<]*)<\/h1>/)![1]);
      expect(ld, page.url).toMatchObject({
        '@context': 'https://schema.org',
        '@type': 'NewsArticle',
        headline,
      });
      expect(ld.url).toBe(attr(page.html, /<link rel="canonical" href="([^"]*)"/));
      expect(new URL(ld.url).pathname).toBe(page.url);
      expect(ld.description).toBe(description(page.html));
    }
  });

  it('gives dates, publisher and editor as the article states them', () => {
    const [bulletin] = jsonLd(byUrl.get(BULLETIN)!.html);
    expect(bulletin).toMatchObject({
      temporalCoverage: '2020-03-22/2020-04-05',
      publisher: { '@type': 'Organization', name: 'Meir Amit Intelligence and Terrorism Information Center' },
      editor: { '@type': 'Person', name: 'Dr. Raz Zimmt' },
      isBasedOn: { name: '003_f962de14055e5357.txt' },
    });
    expect(bulletin).not.toHaveProperty('datePublished');
    expect(jsonLd(byUrl.get(ZARIF)!.html)[0]).toMatchObject({ datePublished: '2020-09-24' });
    for (const page of articles().filter((p) => !/<time |<dt>Date<\/dt>/.test(p.html))) {
      const [ld] = jsonLd(page.html);
      expect(ld, page.url).not.toHaveProperty('datePublished');
      expect(ld, page.url).not.toHaveProperty('temporalCoverage');
    }
  });

  it('describes each article by its standfirst or else its first sentence, for search engines and Open Graph', () => {
    expect(description(byUrl.get(ZARIF)!.html)).toBe(
      'Iran seeks to harness Russia and also China to confront “US lawlessness,”',
    );
    expect(description(byUrl.get(BULLETIN)!.html)).toBe(
      'Additional reports about the outbreak of COVID-19 (Coronavirus) among pro-Iranian militiamen operating in Syria.',
    );
    for (const page of articles()) {
      expect(description(page.html), page.url).toMatch(/\S/);
      expect(attr(page.html, /<meta property="og:description" content="([^"]*)"/)).toBe(
        description(page.html),
      );
    }
  });

  it('shows the raw file each article came from', () => {
    expect(byUrl.get(BULLETIN)!.html).toMatch(
      /<dt>Raw file<\/dt><dd><code>003_f962de14055e5357\.txt<\/code><\/dd>/,
    );
  });
});

describe('article neighbours', () => {
  /** The hrefs of the "Earlier" and "Later" links in one neighbours section of a page. */
  function neighbours(html: string, section: 'nav-archive' | 'nav-series') {
    const block =
      html.match(new RegExp(`<section aria-labelledby="${section}">([\\s\\S]*?)</section>`))?.[1] ?? '';
    const link = (cls: string) =>
      block.match(new RegExp(`<li class="${cls}">[\\s\\S]*?<a href="([^"]*)"`))?.[1];
    return { earlier: link('earlier'), later: link('later') };
  }

  it('link each way: the later article of A has A as its earlier one, in the archive and in the series', () => {
    let links = 0;
    for (const page of pages.filter((p) => p.url.startsWith('/articles/'))) {
      for (const section of ['nav-archive', 'nav-series'] as const) {
        const { later } = neighbours(page.html, section);
        if (!later) continue;
        links++;
        expect(neighbours(byUrl.get(later)!.html, section).earlier, `${page.url} → ${later}`).toBe(page.url);
      }
    }
    expect(links).toBeGreaterThanOrEqual(3);
  });

  it('run in time order across the archive and skip other articles within the series', () => {
    const bulletin = byUrl.get('/articles/2020-03-22-spotlight-on-iran-march-22-april-5-2020/')!.html;
    expect(neighbours(bulletin, 'nav-archive')).toEqual({
      earlier: undefined,
      later: '/articles/2020-09-24-irans-zarif-tries-to-form-russia-china-alliance-against-us/',
    });
    expect(neighbours(bulletin, 'nav-series')).toEqual({
      earlier: undefined,
      later: '/articles/2021-05-13-spotlight-on-iran-may-13-27-2021/',
    });
  });

  it('are not given to undated articles', () => {
    const undated = pages.filter((p) => p.url.startsWith('/articles/') && !p.html.includes('<dt>Date</dt>'));
    expect(undated.length).toBeGreaterThan(0);
    for (const page of undated) expect(page.html, page.url).not.toContain('class="neighbours"');
  });
});
