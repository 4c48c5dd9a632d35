// Asks a worker thread to close (it releases what it holds, e.g. open /proc files), and ends it
// anyway if it has not within two seconds.
import type { Worker } from 'node:worker_threads';

export async function closeWorker(worker: Worker): Promise<void> {
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  worker.postMessage({ type: 'close' });
  const timer = setTimeout(() => void worker.terminate(), 2000);
  await exited;
  clearTimeout(timer);
}
