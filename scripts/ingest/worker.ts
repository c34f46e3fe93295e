/** Worker thread of `parallel.ts`: one `Share` of the run, answering the main thread's calls in order. */
import { parentPort } from 'node:worker_threads';
import type { RepeatedSets } from './repeated.ts';
import { Share, type PageWrite, type ShareSetup } from './share.ts';

let share: Share;

function answer(op: string, arg: unknown): { result: unknown; transfer?: ArrayBuffer[] } {
  switch (op) {
    case 'setup':
      share = new Share(arg as ShareSetup);
      return { result: undefined };
    case 'scan': {
      const scanned = share.scan(arg as string[]);
      const { file, hash, from, to } = scanned.spans;
      return { result: scanned, transfer: [file.buffer, hash.buffer, from.buffer, to.buffer] };
    }
    case 'repeated':
      return { result: share.setRepeated(arg as RepeatedSets) };
    case 'ingest':
      return { result: share.ingest(arg as string[]) };
    case 'write':
      return { result: share.write(arg as PageWrite[]) };
    default:
      throw new Error(`unknown operation ${op}`);
  }
}

parentPort?.on('message', ({ id, op, arg }: { id: number; op: string; arg: unknown }) => {
  try {
    const { result, transfer } = answer(op, arg);
    parentPort!.postMessage({ id, result }, transfer ?? []);
  } catch (error) {
    parentPort!.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
parentPort?.postMessage('ready');
