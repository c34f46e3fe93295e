/**
 * Every internal link goes through `withBase`, so the site works when deployed under a sub-path
 * (`BASE_PATH=/archive/`, Astro's `base`): `withBase('/tags/')` is `/tags/` at the root and
 * `/archive/tags/` under `/archive/`. Paths are written site-relative (`/tags/`), as the routes are.
 */
import { joinBase, normaliseBase } from './base-path.ts';

/** `/`, or the sub-path with both slashes (`/archive/`); Vite writes it in at build time. */
export const BASE = normaliseBase(import.meta.env.BASE_URL);

export function withBase(path: string): string {
  return joinBase(BASE, path);
}
