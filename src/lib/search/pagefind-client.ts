/**
 * Loads Pagefind on demand. Nothing of Pagefind is fetched when a page loads: the first call (on
 * the reader's first focus of or input in a search box, or a `/search/?q=` URL) imports
 * `/pagefind/pagefind.js`, which then fetches its index pieces as queries need them.
 */
import { HIGHLIGHT_PARAM } from './highlight.ts';
import type { PagefindApi } from './types.ts';
import { BASE, withBase } from '../url.ts';

const SCRIPT = withBase('/pagefind/pagefind.js');
let loading: Promise<PagefindApi> | undefined;

export function loadPagefind(): Promise<PagefindApi> {
  loading ??= importPagefind().catch((error: unknown) => {
    loading = undefined; // let a later attempt retry, e.g. after a network hiccup
    throw error;
  });
  return loading;
}

async function importPagefind(): Promise<PagefindApi> {
  // A runtime URL, not a module Vite should bundle: the index is written after `astro build`.
  const pagefind = (await import(/* @vite-ignore */ SCRIPT)) as PagefindApi;
  // The index records site-relative URLs (`/articles/x/`); Pagefind prefixes `baseUrl` to each result.
  await pagefind.options({
    baseUrl: BASE,
    highlightParam: HIGHLIGHT_PARAM,
    excerptLength: 30,
    excerptEllipsis: '…',
  });
  await pagefind.init();
  return pagefind;
}
