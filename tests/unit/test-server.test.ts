import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { serveDist, type StaticServer } from '../helpers/server.ts';

// A served `dist/` beside a sibling `dist-x/` whose name starts with the same characters: a server
// that checks containment by string prefix would hand out the sibling's files.
let work: string;
let servers: StaticServer[] = [];

function write(file: string, text: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

/** GET with the request target sent exactly as given (fetch would normalise `..` away). */
function get(server: StaticServer, target: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path: target }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

async function serve(...args: Parameters<typeof serveDist>): Promise<StaticServer> {
  const server = await serveDist(...args);
  servers.push(server);
  return server;
}

beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'test-server-'));
  write(path.join(work, 'dist/index.html'), 'home');
  write(path.join(work, 'dist/404.html'), 'the 404 page');
  write(path.join(work, 'dist/articles/a b/index.html'), 'article with a space');
  write(path.join(work, 'dist-x/secret.html'), 'sibling secret');
  write(path.join(work, 'secret.html'), 'parent secret');
});

afterAll(async () => {
  await Promise.all(servers.map((server) => server.close()));
  servers = [];
  rmSync(work, { recursive: true, force: true });
});

describe('test server', () => {
  test('serves a folder index and a percent-encoded path', async () => {
    const server = await serve(path.join(work, 'dist'));
    expect(await get(server, '/')).toEqual({ status: 200, body: 'home' });
    expect(await get(server, '/articles/a%20b/?q=1')).toEqual({ status: 200, body: 'article with a space' });
  });

  test('answers an unknown path with 404.html and status 404', async () => {
    const server = await serve(path.join(work, 'dist'));
    expect(await get(server, '/no/such/page/')).toEqual({ status: 404, body: 'the 404 page' });
  });

  test('answers a plain 404 when the site has no 404.html', async () => {
    const server = await serve(path.join(work, 'dist-x'));
    expect(await get(server, '/missing/')).toEqual({ status: 404, body: 'not found' });
  });

  test.each([
    '/../dist-x/secret.html',
    '/..%2fdist-x/secret.html',
    '/%2e%2e/dist-x/secret.html',
    '/%2E%2E%2Fdist-x%2Fsecret.html',
    '/../secret.html',
    '/articles/../../secret.html',
  ])('refuses %s, which leaves the served folder', async (target) => {
    const server = await serve(path.join(work, 'dist'));
    const { status, body } = await get(server, target);
    expect(status).toBe(403);
    expect(body).not.toContain('secret');
  });

  test.each(['/%', '/%E0%A4%A', '/articles/%zz/', '/a%00b'])('answers %s with 400', async (target) => {
    const server = await serve(path.join(work, 'dist'));
    expect((await get(server, target)).status).toBe(400);
  });

  test('serves under a base path and nowhere else', async () => {
    const server = await serve(path.join(work, 'dist'), { base: '/archive/' });
    expect(await get(server, '/archive/')).toEqual({ status: 200, body: 'home' });
    expect(await get(server, '/archive/articles/a%20b/')).toEqual({
      status: 200,
      body: 'article with a space',
    });
    expect(await get(server, '/')).toEqual({ status: 404, body: 'the 404 page' });
    expect(await get(server, '/articles/a%20b/')).toEqual({ status: 404, body: 'the 404 page' });
    expect((await get(server, '/archive/../dist-x/secret.html')).status).toBe(403);
  });
});
