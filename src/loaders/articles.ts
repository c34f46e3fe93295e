/**
 * The articles collection's loader: reads each `<slug>.mdx` the ingester wrote, validates its
 * front-matter with the collection's schema, and renders its body to HTML once (`render-article.ts`).
 * A file whose source and pipeline are unchanged since the last build is neither parsed nor rendered
 * again: its store entry and cached HTML carry over. Articles are plain data to Astro — no module is
 * compiled per article — and pages print the cached HTML.
 *
 * A file that is not plain article MDX (an import, an expression, unknown JSX) fails the build with
 * its path, line and column, after every other file was checked, so all problems show at once.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AstroError } from 'astro/errors';
import type { Loader, LoaderContext } from 'astro/loaders';
import { VFileMessage } from 'vfile-message';
import { parse as parseYaml } from 'yaml';
import { hasRendered, pruneRendered, useCacheDir, writeRendered } from './html-cache.ts';

export interface ArticleLoaderOptions {
  /** The folder of `.mdx` files, relative to the project root (or absolute). */
  base: string;
  /** Where rendered bodies are cached; by default `article-html/` in Astro's `cacheDir`. */
  cacheDir?: string;
}

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?=\r?\n|$)/;

/**
 * Splits a file into its front-matter and its body. The body keeps the file's length, the
 * front-matter blanked to spaces, so positions in it are the file's own (as Astro's MDX did).
 */
export function splitFrontMatter(source: string): { data: Record<string, unknown>; body: string } {
  const match = FRONT_MATTER.exec(source);
  if (!match) return { data: {}, body: source };
  const data: unknown = parseYaml(match[1] as string);
  const blank = match[0].replace(/[^\r\n]/g, ' ');
  return {
    data: data && typeof data === 'object' ? (data as Record<string, unknown>) : {},
    body: blank + source.slice(match[0].length),
  };
}

/**
 * The pipeline, loaded on first use: the ingester imports the collection's schema from the content
 * config (and so this module) in every worker thread, and must not pay for the renderer there.
 */
const pipeline = (): Promise<typeof import('./render-article.ts')> => import('./render-article.ts');

/** Loads one file into the store unless an entry with the same digest (and its HTML) is already there. */
async function syncFile(
  context: LoaderContext,
  dir: string,
  name: string,
  cacheDir: string,
): Promise<{ id: string; digest: string; rendered: boolean }> {
  const { store, parseData, generateDigest, config } = context;
  const id = name.slice(0, -'.mdx'.length);
  const filePath = path.join(dir, name);
  const { PIPELINE_VERSION, renderArticle } = await pipeline();
  const source = readFileSync(filePath, 'utf8');
  const digest = generateDigest(`${PIPELINE_VERSION}\n${source}`);
  if (store.get(id)?.digest === digest && hasRendered(digest, cacheDir))
    return { id, digest, rendered: false };

  const relativePath = path.relative(fileURLToPath(config.root), filePath).split(path.sep).join('/');
  const { data, body } = splitFrontMatter(source);
  const parsed = await parseData({ id, data, filePath });
  writeRendered(digest, renderArticle(body, relativePath), cacheDir);
  // No body in the store: the pages print the cached HTML, and the description and reading time come
  // from the front-matter, so the store (bundled into one module every build) stays small.
  store.set({ id, data: parsed, filePath: relativePath, digest });
  return { id, digest, rendered: true };
}

/** `path:line:column: reason` for a syntax or plain-MDX problem; the file and message otherwise. */
export function describeError(error: unknown, file: string): string {
  if (error instanceof VFileMessage)
    return `${error.file || file}:${error.line ?? 1}:${error.column ?? 1}: ${error.reason}${error.ruleId ? `  (${error.ruleId})` : ''}`;
  return `${file}: ${error instanceof Error ? error.message : String(error)}`;
}

export function articleLoader({ base, cacheDir: cacheDirOption }: ArticleLoaderOptions): Loader {
  return {
    name: 'article-loader',
    async load(context) {
      const dir = path.resolve(fileURLToPath(context.config.root), base);
      const cacheDir = cacheDirOption ?? useCacheDir(context.config.cacheDir);
      if (!existsSync(dir))
        context.logger.warn(`No articles: ${dir} does not exist (run \`npm run ingest\`).`);
      const names = existsSync(dir)
        ? readdirSync(dir)
            .filter((name) => name.endsWith('.mdx'))
            .sort()
        : [];
      const untouched = new Set(context.store.keys());
      const digests = new Set<string>();
      const problems: string[] = [];
      let renderedCount = 0;
      for (const name of names) {
        try {
          const { id, digest, rendered } = await syncFile(context, dir, name, cacheDir);
          untouched.delete(id);
          digests.add(digest);
          if (rendered) renderedCount += 1;
        } catch (error) {
          problems.push(describeError(error, path.join(base, name)));
        }
      }
      for (const id of untouched) context.store.delete(id);
      if (problems.length > 0) {
        throw new AstroError(
          `${problems.length} article file(s) could not be loaded:\n${problems.join('\n')}`,
          'An article body is text: MDX imports, exports, expressions and JSX other than the ingester’s own are refused. Re-run `npm run ingest`, or fix the file named above.',
        );
      }
      pruneRendered(digests, cacheDir);
      context.logger.info(
        `${names.length} articles, ${renderedCount} rendered, ${names.length - renderedCount} unchanged`,
      );
    },
  };
}
