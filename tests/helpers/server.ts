/**
 * A tiny static file server over `dist/` for e2e tests: what `astro preview` (or a static host)
 * serves, on a free port. Unknown paths get `404.html` with status 404; a path that leaves the served
 * folder is refused (403), a malformed `%` escape is a bad request (400). With `base` (e.g.
 * `/archive/`) the folder is served under that prefix only, as a site deployed with `BASE_PATH` is.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.svg': 'image/svg+xml',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

export function distDir(): string {
  return process.env.ARCHIVE_DIST ?? path.resolve(import.meta.dirname, '../../dist');
}

export interface ServeOptions {
  /** URL prefix the folder is served under, with leading and trailing slash; default `/`. */
  base?: string;
  /** Extra response headers on every answer (e.g. a Content-Security-Policy). */
  headers?: Record<string, string>;
}

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

type Resolution = { status: 200; file: string } | { status: 400 | 403 | 404 };

/** True when `file` is `root` itself or inside it (not a sibling that merely shares its prefix). */
export function isInside(root: string, file: string): boolean {
  const relative = path.relative(root, file);
  return relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
}

/** Decodes a request path; undefined for a malformed `%` escape or a NUL byte. */
function decodePath(raw: string): string | undefined {
  try {
    const decoded = decodeURIComponent(raw);
    return decoded.includes('\0') ? undefined : decoded;
  } catch {
    return undefined;
  }
}

async function findFile(candidate: string): Promise<string | undefined> {
  for (const file of [candidate, path.join(candidate, 'index.html')]) {
    const info = await stat(file).catch(() => undefined);
    if (info?.isFile()) return file;
  }
  return undefined;
}

/** Maps a raw request target (path and query, not normalised) to a file under `root`. */
export async function resolveRequest(root: string, target: string, base = '/'): Promise<Resolution> {
  const rawPath = target.split(/[?#]/, 1)[0] ?? '/';
  const decoded = decodePath(rawPath);
  if (decoded === undefined) return { status: 400 };
  if (!decoded.startsWith(base) && decoded !== base.slice(0, -1)) return { status: 404 };
  const candidate = path.resolve(root, `.${path.posix.sep}${decoded.slice(base.length)}`);
  if (!isInside(root, candidate)) return { status: 403 };
  const file = await findFile(candidate);
  return file ? { status: 200, file } : { status: 404 };
}

async function answer(root: string, options: ServeOptions, req: IncomingMessage, res: ServerResponse) {
  const headers = options.headers ?? {};
  const found = await resolveRequest(root, req.url ?? '/', options.base ?? '/');
  if (found.status === 200) {
    const body = await readFile(found.file);
    const type = TYPES[path.extname(found.file)] ?? 'application/octet-stream';
    res.writeHead(200, { ...headers, 'content-type': type }).end(body);
    return;
  }
  const notFoundPage = path.join(root, '404.html');
  if (found.status === 404 && (await findFile(notFoundPage))) {
    res.writeHead(404, { ...headers, 'content-type': TYPES['.html'] }).end(await readFile(notFoundPage));
    return;
  }
  const text = { 400: 'bad request', 403: 'forbidden', 404: 'not found' }[found.status];
  res.writeHead(found.status, { 'content-type': 'text/plain' }).end(text);
}

export async function serveDist(root = distDir(), options: ServeOptions = {}): Promise<StaticServer> {
  const served = path.resolve(root);
  const server = createServer((req, res) => {
    answer(served, options, req, res).catch((error: unknown) => {
      res.writeHead(500, { 'content-type': 'text/plain' }).end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('server has no port');
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
