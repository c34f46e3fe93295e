import { describe, expect, it } from 'vitest';
import { kindOf } from '../../scripts/bench/search.ts';

describe('kindOf', () => {
  it('sorts what a first search fetches into Pagefind’s kinds of file and the page’s own', () => {
    expect(kindOf('/pagefind/pagefind.en_b25b4a4641.pf_meta')).toBe('meta');
    expect(kindOf('/pagefind/wasm.en.pagefind')).toBe('wasm');
    expect(kindOf('/pagefind/pagefind.js')).toBe('js');
    expect(kindOf('/pagefind/pagefind-worker.js')).toBe('js');
    expect(kindOf('/pagefind/pagefind-entry.json')).toBe('js');
    expect(kindOf('/pagefind/index/en_d7245fa.pf_index')).toBe('index');
    expect(kindOf('/pagefind/filter/en_8819a19.pf_filter')).toBe('filter');
    expect(kindOf('/pagefind/fragment/en_46575d0.pf_fragment')).toBe('fragment');
    expect(kindOf('/search/')).toBe('page');
    expect(kindOf('/_astro/index.BAaJXrg5.js')).toBe('page');
  });
});
