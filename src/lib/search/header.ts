/**
 * The header search box on every page: `/` focuses it, and Pagefind starts loading only once the
 * reader starts to search (focus or typing), so a plain page view fetches nothing of it. The box
 * submits to /search/?q=…, which runs the search.
 */
import { loadPagefind } from './pagefind-client.ts';
import { foldTransliteration } from './fold.ts';

/** True for a bare `/` typed outside any editable field. */
export function isSearchShortcut(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'isComposing'>, target: EventTarget | null): boolean {
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
      .then((pagefind) => (term ? pagefind.preload(term) : undefined))
      .catch(() => undefined);
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('focus', warm, { once: true });
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(warm, 200);
  });
}
