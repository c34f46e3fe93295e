/**
 * A worker thread of the Pagefind step (scripts/pagefind.ts, `onThread`): indexes one shard, or
 * builds the lexicon, with a Pagefind service of its own. Pagefind's service reads one page at a
 * time whichever index it is for, so each thread's own service is what lets two shards, or a shard
 * and the lexicon, be read on two cores at once.
 */
import * as pagefind from 'pagefind';
import { parentPort, workerData } from 'node:worker_threads';
import { indexLexicon, indexShard, type ThreadJob } from './pagefind.ts';

const job = workerData as ThreadJob;
try {
  if (job.kind === 'shard') {
    await indexShard(job.dir, job.pages, job.aliases, job.pipeline, job.previous);
    parentPort!.postMessage({ result: {} });
  } else {
    parentPort!.postMessage({ result: await indexLexicon(job.dir, job.records) });
  }
} catch (error) {
  parentPort!.postMessage({ error: (error as Error).message });
} finally {
  await pagefind.close();
}
