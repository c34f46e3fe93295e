/**
 * The deploy sub-path (`BASE_PATH`) in the one form Astro's `base` and the links use. Kept apart from
 * `url.ts` so astro.config.mjs can import it: that module reads `import.meta.env`, which only exists
 * inside Vite.
 */

/** `archive`, `/archive` or `/archive/` → `/archive/`; unset or empty → `/`. Rejects anything but a plain path. */
export function normaliseBase(raw: string | undefined): string {
  const trimmed = (raw ?? '').trim().replace(/^\/+|\/+$/g, '');
  if (trimmed === '') return '/';
  const segments = trimmed.split('/');
  if (/[?#%\\\s]/.test(trimmed) || segments.some((s) => s === '' || s === '.' || s === '..')) {
    throw new Error(`BASE_PATH must be a plain path such as /archive/, not ${JSON.stringify(raw)}`);
  }
  return `/${trimmed}/`;
}

/** A site-relative path (`/articles/x/`, `pagefind/pagefind.js`) under `base`. */
export function joinBase(base: string, path: string): string {
  return `${base}${path.replace(/^\/+/, '')}`;
}
