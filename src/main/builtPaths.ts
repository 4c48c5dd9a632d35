// Where the built app's parts are, seen from the bundled main-process code in out/main.
import path from 'node:path';
import type { WorkerEntry } from './sampler/SamplerThread';

export function builtWorkerEntry(): WorkerEntry {
  return { file: path.join(__dirname, 'samplerWorker.js') };
}

/** The built renderer served in browser mode. */
export function builtRendererDir(): string {
  return path.join(__dirname, '../renderer');
}

/** The demo programs, shipped as readable files. */
export function builtDemosDir(): string {
  return path.join(__dirname, '../../resources/demos');
}
