/**
 * The built site served locally and a Chromium to open it in, for one test file's browser tests:
 * both start before the file's first test and stop after its last (vitest's hooks, registered by
 * the call), so each file reads `site.browser` and `site.server.url`.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from './browser.ts';
import { serveDist, type StaticServer } from './server.ts';

export interface ServedSite {
  readonly browser: Browser;
  readonly server: StaticServer;
}

export function servedSite(): ServedSite {
  let browser: Browser | undefined;
  let server: StaticServer | undefined;
  beforeAll(async () => {
    [browser, server] = await Promise.all([launchChromium(), serveDist()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`servedSite: the ${what} is only there while the tests run`);
    return value;
  };
  return {
    get browser() {
      return started(browser, 'browser');
    },
    get server() {
      return started(server, 'server');
    },
  };
}
