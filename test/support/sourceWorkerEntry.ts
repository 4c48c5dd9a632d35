// The worker threads run from their TypeScript source (tests and benchmarks load them through tsx).
import path from 'node:path';
import type { WorkerEntry } from '../../src/main/sampler/SamplerThread';

export const sourceWorkerEntry: WorkerEntry = {
  file: path.resolve(__dirname, 'samplerWorkerFromSource.cjs'),
};

export const sourceLabWatcherEntry: WorkerEntry = {
  file: path.resolve(__dirname, 'labWatcherWorkerFromSource.cjs'),
};
