/**
 * The site under its Content-Security-Policy, as built: the `<meta http-equiv>` Astro writes into
 * every page (a static host sends no header of its own). Reading, permalinks, citations and search
 * all work with no violation reported, and the policy does refuse what it is there to refuse.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { servedSite } from '../helpers/served-site.ts';
import { distDir, serveDist } from '../helpers/server.ts';

const site = servedSite();

interface Watched {
  context: BrowserContext;
  page: Page;
  /** `directive: blocked URI` for each violation, and console errors and uncaught exceptions. */
  problems(): Promise<string[]>;
}

declare global {
  interface Window {
    __violations: string[];
    __ran?: string;
  }
}

/** A page that records every CSP violation (from the first byte on) and every console error. */
async function watchedPage(): Promise<Watched> {
  const context = await site.browser.newContext();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.server.url });
  await context.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__violations.push(
        `${e.effectiveDirective}: ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`,
      );
    });
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`exception: ${error.message}`));
  const problems = async () => [...(await page.evaluate(() => window.__violations)), ...errors];
  return { context, page, problems };
}

function firstArticle(): string {
  const slug = readdirSync(path.join(distDir(), 'articles')).find((s) => !s.includes('.'));
  if (!slug) throw new Error('no built article');
  return `/articles/${slug}/`;
}

describe('the Content-Security-Policy', () => {
  it('is on every page: hashes for Astro scripts, no inline handlers, no foreign origins', async () => {
    const { context, page } = await watchedPage();
    await page.goto(`${site.server.url}${firstArticle()}`);
    const policy =
      (await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content')) ?? '';
    const directives = new Map(
      policy
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .filter((d) => d[0])
        .map(([name, ...values]) => [name, values]),
    );
    expect(directives.get('default-src')).toEqual(["'self'"]);
    const scripts = directives.get('script-src') ?? [];
    expect(scripts.filter((s) => !s.startsWith("'sha256-"))).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(scripts.some((s) => s.startsWith("'sha256-"))).toBe(true);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(policy).not.toMatch(/'unsafe-inline'|'unsafe-hashes'|'unsafe-eval'|https?:|\*/);
    await context.close();
    const pages = readdirSync(distDir(), { recursive: true, encoding: 'utf8' }).filter((f) =>
      f.endsWith('.html'),
    );
    const without = pages.filter(
      (f) => !readFileSync(path.join(distDir(), f), 'utf8').includes(`content="${policy}"`),
    );
    expect(pages.length).toBeGreaterThan(20);
    expect(without).toEqual([]);
  });

  it('refuses an inline handler, an injected inline script and a script from another origin', async () => {
    const { context, page, problems } = await watchedPage();
    await page.goto(`${site.server.url}/`);
    await page.evaluate(() => {
      const b = document.createElement('button');
      b.setAttribute('onclick', "window.__ran = 'handler'");
      document.body.append(b);
      b.click();
      const inline = document.createElement('script');
      inline.textContent = "window.__ran = 'inline'";
      document.body.append(inline);
      const foreign = document.createElement('script');
      foreign.src = 'https://cdn.example.invalid/x.js';
      document.body.append(foreign);
    });
    await expect
      .poll(async () => (await problems()).filter((p) => p.startsWith('script-src')).length)
      .toBe(3);
    expect(await page.evaluate(() => window.__ran)).toBeUndefined();
    const found = await problems();
    expect(found.some((p) => p.startsWith('script-src-attr: inline'))).toBe(true);
    expect(found.some((p) => p.startsWith('script-src-elem: inline'))).toBe(true);
    expect(found.some((p) => p.startsWith('script-src-elem: https://cdn.example.invalid/x.js'))).toBe(true);
    await context.close();
  });

  it('reports nothing on the home page and on an article whose permalink tools copy and cite', async () => {
    const { context, page, problems } = await watchedPage();
    await page.goto(`${site.server.url}/`);
    await page.waitForLoadState('networkidle');
    await page.goto(`${site.server.url}${firstArticle()}`);
    const pilcrow = page.locator('.prose a.pilcrow').first();
    const id = (await pilcrow.getAttribute('href'))!.slice(1);
    await pilcrow.click();
    await page.locator('.para-tools button', { hasText: 'Copy link' }).click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toContain(`#${id}`);
    await page.locator('.para-tools button', { hasText: 'Cite' }).click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toMatch(/^“/);
    await page.locator('.cite-copy').first().click();
    await page.locator('[data-permalinks-status]').filter({ hasText: 'copied' }).waitFor();
    expect(await problems()).toEqual([]);
    await context.close();
  });

  it('reports nothing while the header search loads Pagefind and the search page finds paragraphs', async () => {
    const { context, page, problems } = await watchedPage();
    await page.goto(`${site.server.url}/`);
    await page.locator('#site-search-q').fill('Salami');
    await page.locator('#site-search-q').press('Enter');
    await page.waitForURL(/\/search\/\?q=Salami$/);
    await page
      .locator('[data-search-status][data-state="done"]')
      .filter({ hasText: /article/ })
      .waitFor();
    const paragraphs = await page.$$eval('.search-paragraphs a', (as) =>
      as.map((a) => (a as HTMLAnchorElement).href),
    );
    expect(paragraphs.length).toBeGreaterThan(0);
    await page.goto(paragraphs[0]!);
    await page.locator('mark.pagefind-highlight').first().waitFor();
    expect(await problems()).toEqual([]);
    await context.close();
  });

  it("lets search run when a host sends the same policy as a header, which also binds Pagefind's worker", async () => {
    // A <meta> policy does not reach a worker; a header does, and there Pagefind's WebAssembly needs
    // 'wasm-unsafe-eval' (without it: "Failed to load the Pagefind WASM").
    const html = readFileSync(path.join(distDir(), 'index.html'), 'utf8');
    const policy = /<meta http-equiv="content-security-policy" content="([^"]+)"/.exec(html)![1]!;
    const strict = await serveDist(distDir(), { headers: { 'content-security-policy': policy } });
    const { context, page, problems } = await watchedPage();
    await page.goto(`${strict.url}/search/?q=Salami`);
    await page
      .locator('[data-search-status][data-state="done"]')
      .filter({ hasText: /article/ })
      .waitFor();
    expect(await page.locator('.search-paragraphs a').count()).toBeGreaterThan(0);
    expect(await problems()).toEqual([]);
    await context.close();
    await strict.close();
  });
});
