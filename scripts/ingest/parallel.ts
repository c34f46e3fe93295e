/**
 * Ingests many raw files on every core: the main thread takes the first share while worker
 * threads take the rest. Results come back in input order, so the output does not depend on
 * the number of threads. Small runs stay on the main thread (a worker costs ~0.3 s to start).
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { ingestBytes, type IngestResult } from './article.ts';
import type { Curated } from './curated.ts';
import type { RepeatedSets } from './repeated.ts';

export interface Job {
  rawFile: string;
  bytes: Uint8Array;
}

const MIN_JOBS_PER_THREAD = 300;

function ingestHere(jobs: Job[], curated: Curated, repeated: RepeatedSets): IngestResult[] {
  return jobs.map((job) => ingestBytes(job.bytes, job.rawFile, curated, repeated));
}

function ingestInWorker(jobs: Job[], curated: Curated, repeated: RepeatedSets): Promise<IngestResult[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./worker.ts', import.meta.url), {
      workerData: { jobs, curated, repeated },
    });
    worker.once('message', (results: IngestResult[]) => resolve(results));
    worker.once('error', reject);
    worker.once('exit', (code) => code !== 0 && reject(new Error(`ingest worker exited with code ${code}`)));
  });
}

export async function ingestJobs(
  jobs: Job[],
  curated: Curated,
  repeated: RepeatedSets,
  threads = availableParallelism(),
): Promise<IngestResult[]> {
  const count = Math.max(1, Math.min(threads, Math.floor(jobs.length / MIN_JOBS_PER_THREAD)));
  if (count === 1) return ingestHere(jobs, curated, repeated);
  const size = Math.ceil(jobs.length / count);
  const shares = Array.from({ length: count }, (_, i) => jobs.slice(i * size, (i + 1) * size));
  const others = shares.slice(1).map((share) => ingestInWorker(share, curated, repeated));
  const mine = ingestHere(shares[0]!, curated, repeated);
  return [...mine, ...(await Promise.all(others)).flat()];
}
