/**
 * Browser side of paragraph permalinks. The ¶ links and the article citation work without it; this
 * adds "Copy link" and "Cite" for the linked (`:target`) paragraph, and copy buttons for the article
 * citation. Everything is built with DOM APIs and `textContent`: article text is never parsed as HTML.
 */
import { paragraphCitation, type CiteSource } from './cite.ts';

type Announce = (message: string) => void;

/** Copies, falling back to a prompt (plain http, denied permission) so the text is never lost. */
async function copy(text: string, what: string, announce: Announce): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    announce(`${what.charAt(0).toUpperCase()}${what.slice(1)} copied to the clipboard.`);
    return true;
  } catch {
    window.prompt(`Copy the ${what.toLowerCase()}:`, text);
    return false;
  }
}

function button(
  label: string,
  accessibleName: string,
  onClick: (b: HTMLButtonElement) => void,
): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = label;
  if (accessibleName !== label) b.setAttribute('aria-label', accessibleName);
  b.addEventListener('click', () => onClick(b));
  return b;
}

/** Marks a button done for a moment: the visual counterpart of the spoken confirmation. */
function flagDone(b: HTMLButtonElement): void {
  b.dataset.done = '';
  window.setTimeout(() => delete b.dataset.done, 2000);
}

/** The words of a paragraph as a reader sees them, without ¶, tools, note marks or sub-lists. */
export function visibleText(el: Element): string {
  const clone = el.cloneNode(true) as Element;
  clone.querySelectorAll('.pilcrow, .para-tools, sup, ul, ol').forEach((n) => n.remove());
  return (clone.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** The ¶ link of the paragraph or item with this id, if that element is a paragraph target. */
function pilcrowOf(id: string): HTMLAnchorElement | undefined {
  const target = id ? document.getElementById(id) : null;
  if (!target) return undefined;
  return [...target.querySelectorAll<HTMLAnchorElement>('a.pilcrow')].find(
    (a) => a.getAttribute('href') === `#${id}`,
  );
}

function currentId(): string {
  try {
    return decodeURIComponent(location.hash.slice(1));
  } catch {
    return '';
  }
}

function paragraphTools(cite: CiteSource, announce: Announce): HTMLElement {
  const tools = document.createElement('span');
  tools.className = 'para-tools';
  tools.setAttribute('role', 'group');
  tools.setAttribute('aria-label', 'This paragraph');
  tools.dataset.pagefindIgnore = '';
  const withTarget = (act: (id: string, el: Element) => Promise<boolean>) => async (b: HTMLButtonElement) => {
    const id = currentId();
    const el = document.getElementById(id);
    if (el && (await act(id, el))) flagDone(b);
  };
  tools.append(
    button(
      'Copy link',
      'Copy link to this paragraph',
      withTarget((id) => copy(new URL(`#${id}`, location.href).href, 'Link', announce)),
    ),
    button(
      'Cite',
      'Cite this paragraph',
      withTarget((id, el) => copy(paragraphCitation(cite, id, visibleText(el)), 'Citation', announce)),
    ),
  );
  return tools;
}

/** Adds copy buttons under the rendered article citations (`[data-cite-text]`). */
function articleButtons(root: HTMLElement, announce: Announce): void {
  root.querySelectorAll<HTMLElement>('[data-cite-text]').forEach((source) => {
    const name = source.dataset.citeLabel ?? 'Citation';
    const b = button(`Copy ${name}`, `Copy ${name} of this article`, async (self) => {
      if (await copy(source.textContent ?? '', name, announce)) flagDone(self);
    });
    b.className = 'cite-copy';
    source.closest('[data-cite-block]')?.append(b);
  });
}

export function initPermalinks(root: HTMLElement): void {
  const cite = JSON.parse(root.dataset.permalinks ?? '{}') as CiteSource;
  const status = root.querySelector<HTMLElement>('[data-permalinks-status]');
  const announce: Announce = (message) => {
    if (!status) return;
    // Emptying first makes a repeated, identical message be announced again.
    status.textContent = '';
    window.setTimeout(() => (status.textContent = message), 50);
  };
  const tools = paragraphTools(cite, announce);
  let followed: Element | undefined;
  const place = () => {
    const link = pilcrowOf(currentId());
    if (!link) return tools.remove();
    link.after(tools);
    // Following a fragment drops focus to the page and restarts Tab at the paragraph's start; giving
    // focus back to the ¶ that was used makes the next Tab reach "Copy link" instead of the ¶ again.
    if (followed === link) link.focus({ preventScroll: true });
    followed = undefined;
  };
  document.addEventListener('click', (event) => {
    followed = event.target instanceof Element ? (event.target.closest('a.pilcrow') ?? undefined) : undefined;
  });
  window.addEventListener('hashchange', place);
  place();
  articleButtons(root, announce);
}
