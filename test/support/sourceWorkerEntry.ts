// The sampler worker run from its TypeScript source (tests and benchmarks load it through tsx).
import path from 'node:path';
import type { WorkerEntry } from '../../src/main/sampler/SamplerThread';

export const sourceWorkerEntry: WorkerEntry = {
  file: path.resolve(__dirname, 'samplerWorkerFromSource.cjs'),
};
