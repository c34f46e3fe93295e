/** Worker thread of `parallel.ts`: ingests its share of the raw files and posts the results. */
import { parentPort, workerData } from 'node:worker_threads';
import { ingestBytes } from './article.ts';
import type { Curated } from './curated.ts';
import type { Job } from './parallel.ts';

const { jobs, curated } = workerData as { jobs: Job[]; curated: Curated };
parentPort?.postMessage(jobs.map((job) => ingestBytes(job.bytes, job.rawFile, curated)));
