/**
 * The lexicon's worker thread (scripts/pagefind.ts, `indexLexiconAside`): builds the lexicon with a
 * Pagefind service of its own, so that it runs beside the shards' indexing.
 */
import * as pagefind from 'pagefind';
import { parentPort, workerData } from 'node:worker_threads';
import { indexLexicon, type LexiconRecord } from './pagefind.ts';

const { dir, records } = workerData as { dir: string; records: { key: string; record: LexiconRecord }[] };
try {
  const { miscounted } = await indexLexicon(dir, records);
  parentPort!.postMessage({ miscounted });
} catch (error) {
  parentPort!.postMessage({ error: (error as Error).message });
} finally {
  await pagefind.close();
}
