/** Worker thread of `parallel.ts`: ingests its share of the raw files and posts the results. */
import { parentPort, workerData } from 'node:worker_threads';
import { ingestBytes } from './article.ts';
import type { Curated } from './curated.ts';
import type { Job } from './parallel.ts';
import type { RepeatedSets } from './repeated.ts';

const { jobs, curated, repeated } = workerData as { jobs: Job[]; curated: Curated; repeated: RepeatedSets };
parentPort?.postMessage(jobs.map((job) => ingestBytes(job.bytes, job.rawFile, curated, repeated)));
