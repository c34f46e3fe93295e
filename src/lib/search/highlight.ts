/** Article page: term highlighting for visitors arriving from a search result. */
import { FOLDED_CHARACTERS } from './fold.ts';
import { withBase } from '../url.ts';

export const HIGHLIGHT_PARAM = 'pagefind-highlight';
const SCRIPT = withBase('/pagefind/pagefind-highlight.js');

/** Apostrophes mark.js may skip inside a word, so the term `Qaani` (or `Qa’ani`) marks the page's
 * `Qa’ani`, `Qa'ani` and `Qaʼani` alike, as the index matched them. */
export const IGNORED_PUNCTUATION = ['\u2019', '\u2018', "'", ...FOLDED_CHARACTERS];

export function hasHighlightTerms(search: string): boolean {
  return new URLSearchParams(search).getAll(HIGHLIGHT_PARAM).some((t) => t.trim() !== '');
}

export async function highlightFromUrl(): Promise<void> {
  if (!hasHighlightTerms(location.search)) return;
  const module = (await import(/* @vite-ignore */ SCRIPT)) as { default: new (options: object) => unknown };
  new module.default({
    highlightParam: HIGHLIGHT_PARAM,
    addStyles: false,
    markOptions: {
      className: 'pagefind-highlight',
      exclude: ['[data-pagefind-ignore]', '[data-pagefind-ignore] *'],
      ignorePunctuation: IGNORED_PUNCTUATION,
    },
  });
  scrollToTarget();
}

/** Marking rewrites text nodes after the browser has scrolled to the fragment; make sure the
 * linked paragraph is still where the reader looks. */
function scrollToTarget(): void {
  const id = decodeURIComponent(location.hash.slice(1));
  const target = id ? document.getElementById(id) : null;
  if (!target) return;
  const box = target.getBoundingClientRect();
  if (box.top < 0 || box.top > window.innerHeight) target.scrollIntoView({ block: 'start' });
}
