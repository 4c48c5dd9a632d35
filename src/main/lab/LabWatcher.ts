// Main-thread handle of the lab watcher thread: started on the first run, told which processes
// to follow, and it reports births and exits in the lab's process trees.
import { Worker } from 'node:worker_threads';
import { closeWorker } from '../closeWorker';
import type { WorkerEntry } from '../sampler/SamplerThread';
import type { TreeChanges, WatchedProcess } from './LabTreePoller';
import type { WatcherReply, WatcherRequest } from './labWatcherMessages';

export class LabWatcher {
  private worker: Worker | null = null;
  private ready: Promise<void> | null = null;

  constructor(
    private readonly entry: WorkerEntry,
    private readonly onChanges: (changes: TreeChanges) => void,
    /** What to follow again if the thread had to be restarted. */
    private readonly stillWatched: () => WatchedProcess[],
  ) {}

  /** Resolves once the thread polls: a run started afterwards is followed from its first fork. */
  start(): Promise<void> {
    if (this.ready) return this.ready;
    const worker = new Worker(this.entry.file, { execArgv: this.entry.execArgv ?? [] });
    // The lab's children keep ProcLab alive while they run; this thread must not on its own.
    worker.unref();
    this.worker = worker;
    let started = false;
    this.ready = new Promise((resolve, reject) => {
      worker.on('message', (reply: WatcherReply) => {
        if (reply.type === 'ready') {
          started = true;
          resolve();
        } else {
          this.onChanges(reply.changes);
        }
      });
      worker.once('error', (error) => {
        console.error('[proclab] the lab watcher failed:', error);
        reject(error);
      });
    });
    worker.once('exit', () => {
      if (this.worker !== worker) return;
      this.worker = null;
      this.ready = null;
      // Restarted at once if it had run (the runs still need following), not if it cannot start.
      const watched = this.stillWatched();
      if (started && watched.length > 0) {
        void this.start()
          .then(() => watched.forEach((p) => this.watch(p)))
          .catch(() => undefined);
      }
    });
    return this.ready;
  }

  watch(process: WatchedProcess): void {
    this.worker?.postMessage({ type: 'watch', process } satisfies WatcherRequest);
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    this.ready = null;
    if (worker) await closeWorker(worker);
  }
}
