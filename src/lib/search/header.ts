/**
 * The header search box on every page: `/` focuses it, and Pagefind starts loading only once the
 * reader types in it, so a plain page view fetches nothing of it. Focus alone does not count: a
 * keyboard user tabbing through the header has not started to search, and the download would
 * compete with the page's own scripts. The box submits to /search/?q=…, which runs the search.
 */
import { loadPagefind } from './pagefind-client.ts';
import { foldTransliteration } from './fold.ts';

/** True for a bare `/` typed outside any editable field. */
export function isSearchShortcut(
  event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'isComposing'>,
  target: EventTarget | null,
): boolean {
  if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return false;
  return !isEditable(target);
}

function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target.closest('input, textarea, select, [contenteditable]') !== null;
}

export function initHeaderSearch(input: HTMLInputElement): void {
  input.setAttribute('aria-keyshortcuts', '/');
  document.addEventListener('keydown', (event) => {
    if (!isSearchShortcut(event, event.target)) return;
    event.preventDefault();
    input.focus();
    input.select();
  });
  // Warm Pagefind (script, WASM, the index chunks for the words typed) while the reader types,
  // so the search page opens on cached files.
  const warm = () => {
    const term = foldTransliteration(input.value).trim();
    void loadPagefind()
      .then((index) => (term ? index.api.preload(term) : undefined))
      .catch(() => undefined);
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(warm, 200);
  });
}
