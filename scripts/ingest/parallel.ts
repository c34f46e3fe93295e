/**
 * A run's threads: the main thread's share plus worker threads (worker.ts), each a `Share`
 * (share.ts). Work is handed out in batches as threads free up, so a busy core does not hold the
 * run back; results come back in input order, so the output does not depend on the number of
 * threads. Small runs stay on the main thread (a worker costs ~0.3 s to start).
 *
 * The main thread takes batches from the front of the list and the workers from the back: files
 * near each other in a folder are often near in time and share names, and each thread's memo of
 * the language library's phrases (scripts/names/find.ts) then holds more of what its next batch
 * asks for. On the Tehran Times corpus two threads tag 290,000 phrases instead of 309,000.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { RepeatedSets } from './repeated.ts';
import { Share, type Ingested, type PageWrite, type Scanned, type ShareSetup } from './share.ts';

const MIN_FILES_PER_THREAD = 300;
/** Batches each worker has queued, so it never waits while the main thread works on its own batch. */
const QUEUED = 2;

type Operation = 'setup' | 'scan' | 'ingest' | 'write' | 'repeated';

/**
 * One worker thread, driven by messages: `call` resolves with the worker's answer. It is handed
 * batches only once `ready` (its modules loaded): until then the other threads take them all.
 */
class Remote {
  private readonly worker: Worker;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private next = 0;
  /** Why the worker stopped, once it has: later calls fail at once. */
  private failed: Error | undefined;
  private loaded!: () => void;
  readonly ready: Promise<void>;

  constructor() {
    this.worker = new Worker(new URL('./worker.ts', import.meta.url));
    this.ready = new Promise((resolve) => (this.loaded = resolve));
    this.worker.on('message', (message: { id: number; result?: unknown; error?: string } | 'ready') => {
      if (message === 'ready') return this.loaded();
      const { id, result, error } = message;
      const call = this.pending.get(id)!;
      this.pending.delete(id);
      if (error === undefined) call.resolve(result);
      else call.reject(new Error(`ingest worker: ${error}`));
    });
    this.worker.on('error', (error) => this.failAll(error as Error));
    this.worker.on('exit', (code) => this.failAll(new Error(`ingest worker exited with code ${code}`)));
  }

  private failAll(error: Error): void {
    this.failed ??= error;
    for (const call of this.pending.values()) call.reject(error);
    this.pending.clear();
    // A worker that died while loading is "ready" to fail its first call, so nothing waits on it.
    this.loaded();
  }

  call<T>(op: Operation, arg: unknown): Promise<T> {
    if (this.failed) return Promise.reject(this.failed);
    const id = this.next++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.worker.postMessage({ id, op, arg });
    });
  }

  close(): Promise<number> {
    return this.worker.terminate();
  }
}

/** Hears how many of a phase's files are done. */
type Progress = (done: number) => void;

/** A thread of the pool: 0 for the main thread, then the workers. */
export type Thread = number;

export class Pool {
  private local: Share | undefined;
  private readonly remotes: Remote[];

  /**
   * Starts the workers (they load their modules while the run gets ready); `files`: how many files
   * the run reads, to decide how many threads are worth starting.
   */
  constructor(files: number, threads = availableParallelism()) {
    const count = Math.max(1, Math.min(threads, Math.floor(files / MIN_FILES_PER_THREAD)));
    this.remotes = Array.from({ length: count - 1 }, () => new Remote());
  }

  /** What every thread needs to know before the first batch. */
  setup(setup: ShareSetup): void {
    this.local = new Share(setup);
    // Answered in order before any batch; a failure surfaces with the first batch's answer.
    for (const remote of this.remotes) remote.call('setup', setup).catch(() => undefined);
  }

  private get here(): Share {
    if (!this.local) throw new Error('the pool was not set up');
    return this.local;
  }

  /**
   * Hands out `[from, to)` batches of `total` items to every thread; `results[i]` is batch i's, run
   * on `threads[i]`. `progress` hears how many items are done as batches come back, and `arrived`
   * gets each batch's result as it does (in the order they come back), before it is kept.
   */
  private async spread<R>(
    total: number,
    size: number,
    here: (from: number, to: number) => R,
    there: (remote: Remote, from: number, to: number) => Promise<R>,
    progress?: Progress,
    arrived?: (from: number, result: R) => void,
  ): Promise<{ results: R[]; threads: Thread[] }> {
    const results: R[] = [];
    const threads: Thread[] = [];
    /** The first item not taken from the front, and the first taken from the back. */
    let next = 0;
    let last = Math.ceil(total / size) * size;
    let done = 0;
    let drain!: () => void;
    /** Every batch is taken: a worker still loading has nothing to wait for (a one-file run never waits on it). */
    const drained = new Promise<void>((resolve) => (drain = resolve));
    const take = (front: boolean): number | undefined => {
      if (next < last) return front ? (next += size) - size : (last -= size);
      drain();
      return undefined;
    };
    const finish = (from: number) => progress?.((done += Math.min(size, total - from)));
    const lane = async (remote: Remote, thread: Thread) => {
      await Promise.race([remote.ready, drained]);
      for (let from = take(false); from !== undefined; from = take(false)) {
        threads[from / size] = thread;
        const result = await there(remote, from, Math.min(total, from + size));
        arrived?.(from, result);
        results[from / size] = result;
        finish(from);
      }
    };
    const lanes = Promise.all(
      this.remotes.flatMap((remote, i) => Array.from({ length: QUEUED }, () => lane(remote, i + 1))),
    );
    // A worker's failure is thrown below, once this thread's batches are done.
    lanes.catch(() => undefined);
    for (let from = take(true); from !== undefined; from = take(true)) {
      threads[from / size] = 0;
      const result = here(from, Math.min(total, from + size));
      arrived?.(from, result);
      results[from / size] = result;
      finish(from);
      // Let the workers' answers in, so they get their next batches.
      if (this.remotes.length > 0) await new Promise((resolve) => setImmediate(resolve));
    }
    await lanes;
    return { results, threads };
  }

  /** Scans every file; one `Scanned` per batch of `size` files, in order. */
  async scan(rawFiles: string[], size: number, progress?: Progress): Promise<Scanned[]> {
    const { results } = await this.spread(
      rawFiles.length,
      size,
      (from, to) => this.here.scan(rawFiles.slice(from, to)),
      (remote, from, to) => remote.call<Scanned>('scan', rawFiles.slice(from, to)),
      progress,
    );
    return results;
  }

  /**
   * Ingests the files with the folders' boilerplate; each result with the thread that keeps its
   * page. `arrived` gets each batch's results, and the index of its first file, as they come back.
   */
  async ingest(
    rawFiles: string[],
    repeated: RepeatedSets,
    size: number,
    progress?: Progress,
    arrived?: (from: number, results: Ingested[]) => void,
  ): Promise<{ result: Ingested; thread: Thread }[]> {
    this.here.setRepeated(repeated);
    // Answered before the worker's first batch (it reads its messages in order), and awaited there:
    // a worker that gets no batch is not waited for.
    const told = new Map(this.remotes.map((remote) => [remote, remote.call('repeated', repeated)]));
    for (const call of told.values()) call.catch(() => undefined);
    const { results, threads } = await this.spread(
      rawFiles.length,
      size,
      (from, to) => this.here.ingest(rawFiles.slice(from, to)),
      async (remote, from, to) => {
        await told.get(remote);
        return remote.call<Ingested[]>('ingest', rawFiles.slice(from, to));
      },
      progress,
      arrived,
    );
    return results.flatMap((batch, i) => batch.map((result) => ({ result, thread: threads[i]! })));
  }

  /** Writes the kept pages, each on the thread that keeps it; true where the file changed. */
  async write(writes: PageWrite[][]): Promise<boolean[][]> {
    const there = this.remotes.map((remote, i) =>
      (writes[i + 1] ?? []).length > 0
        ? remote.call<boolean[]>('write', writes[i + 1]!)
        : Promise.resolve([]),
    );
    const here = this.here.write(writes[0] ?? []);
    return [here, ...(await Promise.all(there))];
  }

  get threads(): number {
    return this.remotes.length + 1;
  }

  async close(): Promise<void> {
    await Promise.all(this.remotes.map((remote) => remote.close()));
  }
}
