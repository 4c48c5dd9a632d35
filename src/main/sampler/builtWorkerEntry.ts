// Where the built sampler worker lives, next to the bundled main-process code.
import path from 'node:path';
import type { WorkerEntry } from './SamplerThread';

export function builtWorkerEntry(): WorkerEntry {
  return { file: path.join(__dirname, 'samplerWorker.js') };
}

/** The built renderer served in browser mode. */
export function builtRendererDir(): string {
  return path.join(__dirname, '../renderer');
}
