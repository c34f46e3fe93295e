/**
 * The whole built site, page by page: links and fragments resolve, every page is reachable from
 * the home page, every page passes html-validate, article CSS stays in budget.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { FileSystemConfigLoader, HtmlValidate } from 'html-validate';
import { beforeAll, describe, expect, it } from 'vitest';
import { fileForPath, idsIn, internalTarget, linksIn, listHtmlPages, type BuiltPage } from '../helpers/site-pages.ts';
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
        for (const m of result.messages) problems.push(`${page.url}:${m.line}:${m.column} ${m.message} (${m.ruleId})`);
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
