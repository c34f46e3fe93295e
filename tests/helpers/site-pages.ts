/**
 * The built site as files: every HTML page in `dist/` with the links and ids it contains. Astro's
 * output is regular enough (double-quoted attributes, entity-escaped values) to read with patterns.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

export interface BuiltPage {
  /** Site path, e.g. `/tags/iran/`. */
  url: string;
  file: string;
  html: string;
}

/** The public origin the build was made for (canonical links use it). */
export const SITE_ORIGIN = new URL(process.env.SITE_URL ?? 'http://localhost:4321').origin;

export function listHtmlPages(dist: string): BuiltPage[] {
  return walk(dist)
    .filter((file) => file.endsWith('.html') && !file.startsWith(path.join(dist, 'pagefind')))
    .map((file) => ({ url: fileToUrl(dist, file), file, html: readFileSync(file, 'utf8') }));
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

function fileToUrl(dist: string, file: string): string {
  const rel = '/' + path.relative(dist, file).split(path.sep).join('/');
  return rel.endsWith('/index.html') ? rel.slice(0, -'index.html'.length) : rel;
}

export function decodeEntities(value: string): string {
  return value
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** Values of `href`, `src` and form `action` attributes, decoded. */
export function linksIn(html: string): string[] {
  return [...html.matchAll(/\s(?:href|src|action)="([^"]*)"/g)].map((m) => decodeEntities(m[1]));
}

/** Fragment targets: `id` attributes and `<a name>`. */
export function idsIn(html: string): Set<string> {
  const ids = [...html.matchAll(/\sid="([^"]*)"/g), ...html.matchAll(/<a\s[^>]*name="([^"]*)"/g)];
  return new Set(ids.map((m) => decodeEntities(m[1])));
}

/** The same-site URL a link points to, or undefined for another site, `mailto:` and the like. */
export function internalTarget(href: string, fromUrl: string): URL | undefined {
  const url = new URL(href, SITE_ORIGIN + fromUrl);
  return url.origin === SITE_ORIGIN ? url : undefined;
}

/** The file in `dist/` serving a site path, or undefined. Directory URLs must end in a slash. */
export function fileForPath(dist: string, pathname: string): string | undefined {
  const decoded = decodeURIComponent(pathname);
  const candidate = path.join(dist, decoded.endsWith('/') ? path.join(decoded, 'index.html') : decoded);
  if (!candidate.startsWith(dist)) return undefined;
  const info = statSync(candidate, { throwIfNoEntry: false });
  return info?.isFile() ? candidate : undefined;
}
