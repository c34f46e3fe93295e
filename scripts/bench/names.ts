/**
 * `node scripts/bench/names.ts --input DIR [--limit N] [--curated content/curated]`
 *
 * What finding names costs the ingest, per 1,000 articles: each raw file is decoded, recognised and
 * given its paragraphs as the ingester does, then the names finder runs on them twice, timed apart
 * from the rest: curated names only (the one compiled matcher), and in full (the matcher, then the
 * language library on the runs of capitalised words), the library's memo cold. Prints one JSON
 * line. One thread; the ingest spreads the same work over every core. Not a test: nothing asserts a time.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import nlp from 'compromise';
import { loadCurated } from '../ingest/curated.ts';
import { decode } from '../ingest/decode.ts';
import { deriveFromTree } from '../ingest/derived.ts';
import { bodyMdast } from '../ingest/mdast.ts';
import { articleParagraphs } from '../ingest/names.ts';
import { recognise } from '../ingest/recognise.ts';
import { findNames } from '../names/find.ts';

const { values } = parseArgs({
  options: {
    input: { type: 'string' },
    limit: { type: 'string' },
    curated: { type: 'string', default: path.resolve(import.meta.dirname, '../../content/curated') },
    /** Also time the library on every paragraph's whole text, the design this one replaced. */
    'whole-text': { type: 'boolean', default: false },
  },
});

export interface NamesCost {
  articles: number;
  /** Milliseconds per 1,000 articles, one thread. */
  curatedOnlyMs: number;
  fullMs: number;
  /** Names found per article, on average (full). */
  namesPerArticle: number;
  /** With --whole-text: the library on every paragraph's whole text, per 1,000 articles. */
  wholeTextMs?: number;
}

/** The library over every word of every paragraph: what reading whole articles would cost. */
function timeWholeText(articles: readonly { text: string }[][]): number {
  const started = performance.now();
  for (const paragraphs of articles) {
    const doc = nlp(paragraphs.map((p) => p.text).join('\n\n'));
    doc.people().out('array');
    doc.organizations().out('array');
    doc.places().out('array');
  }
  return performance.now() - started;
}

async function main(): Promise<NamesCost> {
  if (!values.input) throw new Error('--input DIR is required');
  const curated = await loadCurated(values.curated);
  const files = readdirSync(values.input, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .slice(0, values.limit ? Number(values.limit) : undefined);
  const articles = files.flatMap((file) => {
    try {
      const { text } = decode(readFileSync(path.join(values.input!, file)));
      const { blocks } = recognise(text, { registry: curated.registry, rawFile: file });
      const body = bodyMdast(blocks);
      return [articleParagraphs(body, deriveFromTree(body, undefined).paragraphIds)];
    } catch {
      return [];
    }
  });
  let started = performance.now();
  for (const paragraphs of articles) findNames(paragraphs, curated.names, { library: false });
  const curatedOnly = performance.now() - started;
  started = performance.now();
  let names = 0;
  for (const paragraphs of articles) names += findNames(paragraphs, curated.names, { library: true }).length;
  const full = performance.now() - started;
  const per1000 = (ms: number) => Math.round((ms / articles.length) * 1000);
  return {
    articles: articles.length,
    curatedOnlyMs: per1000(curatedOnly),
    fullMs: per1000(full),
    namesPerArticle: Math.round((names / articles.length) * 10) / 10,
    ...(values['whole-text'] ? { wholeTextMs: per1000(timeWholeText(articles)) } : {}),
  };
}

if (import.meta.main) console.log(JSON.stringify(await main()));
