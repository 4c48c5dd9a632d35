// Worker-thread entry: samples and diffs off the main thread, posting only what changed.
import { parentPort, workerData } from 'node:worker_threads';
import type { ProcessRecord } from '../../shared/model/ProcessRecord';
import { diffRows } from '../model/diffRows';
import type { SamplerKind } from '../../shared/contract/methods';
import { createSampler } from './createSampler';
import type { SamplerReply, SamplerRequest } from './samplerMessages';

/** SamplerThread decides the kind (capabilities follow from it); the worker runs exactly that one. */
const sampler = createSampler((workerData as { kind: SamplerKind }).kind);
let previous: ReadonlyMap<number, ProcessRecord> = new Map();

parentPort!.postMessage({ type: 'ready', kind: sampler.kind } satisfies SamplerReply);

parentPort!.on('message', (request: SamplerRequest) => {
  if (request.type === 'close') {
    sampler.close();
    parentPort!.close();
    return;
  }
  void sampleOnce(request.id, request.focus, request.stale);
});

async function sampleOnce(id: number, focus: number[] | undefined, stale: number[] | undefined): Promise<void> {
  try {
    const started = performance.now();
    const { rows, summary } = await sampler.sample(focus && new Set(focus), stale && new Set(stale));
    const diff = diffRows(previous, rows, summary.takenAt);
    previous = rows;
    const reply: SamplerReply = { type: 'sampled', id, diff, summary, workerMs: performance.now() - started };
    parentPort!.postMessage(reply);
  } catch (error) {
    parentPort!.postMessage({ type: 'failed', id, message: String(error) } satisfies SamplerReply);
  }
}
