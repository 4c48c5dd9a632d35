// Main-thread handle of the sampler worker: one sample in flight at a time, restarted if it dies.
import { Worker } from 'node:worker_threads';
import type { SamplerKind } from '../../shared/contract/methods';
import { closeWorker } from '../closeWorker';
import { samplerKindFor, type SamplerChoice } from './createSampler';
import type { SampledReply, SamplerReply, SamplerRequest } from './samplerMessages';

/** Where the worker's code is: the built .js, or the .ts source with a loader (tests, bench). */
export interface WorkerEntry {
  file: string;
  execArgv?: string[];
}

/**
 * A tick allocates little that lives (the rows that changed), yet V8 grows a young generation to
 * 16 MiB semi-spaces over time, and they stay resident: at 5,000 processes this small one saves
 * about 13 MiB of RSS for no measurable CPU (npm run bench:peers).
 */
const WORKER_YOUNG_GENERATION_MB = 2;

export class SamplerThread {
  private worker: Worker | null = null;
  private inFlightFull: Promise<SampledReply> | null = null;
  /** Samples run one after another: the worker's mark-and-sweep needs them in order. */
  private queue: Promise<unknown> = Promise.resolve();
  private nextId = 1;
  /** Sent with the next sample that leaves for the worker. */
  private readonly stale = new Set<number>();
  private readonly waiting = new Map<number, { resolve: (r: SampledReply) => void; reject: (e: Error) => void }>();

  /** The sampler the worker runs, decided here so that capabilities are known before it starts. */
  readonly kind: SamplerKind;

  constructor(
    private readonly entry: WorkerEntry,
    choice: SamplerChoice = 'auto',
  ) {
    this.kind = samplerKindFor(choice);
  }

  /**
   * Samples once. Callers asking for a full sample while one is under way share it; a focused
   * sample (only some pids) waits its turn.
   */
  sample(focus?: number[]): Promise<SampledReply> {
    if (!focus && this.inFlightFull) return this.inFlightFull;
    const next = this.queue.then(() => this.requestSample(focus));
    this.queue = next.catch(() => undefined);
    if (!focus) {
      this.inFlightFull = next;
      void next
        .finally(() => {
          if (this.inFlightFull === next) this.inFlightFull = null;
        })
        .catch(() => undefined);
    }
    return next;
  }

  /** The next sample reads this process again, even if the sampler would have reused its record. */
  markStale(pid: number): void {
    this.stale.add(pid);
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (worker) await closeWorker(worker);
  }

  private requestSample(focus: number[] | undefined): Promise<SampledReply> {
    const worker = this.ensureWorker();
    const id = this.nextId++;
    // Referenced only while a sample is awaited: an idle worker must not keep a CLI or test alive.
    worker.ref();
    const stale = this.stale.size > 0 ? [...this.stale] : undefined;
    this.stale.clear();
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      worker.postMessage({ type: 'sample', id, focus, stale } satisfies SamplerRequest);
    });
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.entry.file, {
      execArgv: this.entry.execArgv ?? [],
      workerData: { kind: this.kind },
      resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB },
    });
    worker.on('message', (reply: SamplerReply) => this.settle(reply));
    worker.on('error', (error) => this.failAll(error));
    worker.on('exit', (code) => {
      if (this.worker === worker) this.worker = null;
      this.failAll(new Error(`sampler worker exited (code ${code})`));
    });
    this.worker = worker;
    return worker;
  }

  private settle(reply: SamplerReply): void {
    if (reply.type === 'ready') return;
    const waiter = this.waiting.get(reply.id);
    if (!waiter) return;
    this.waiting.delete(reply.id);
    if (this.waiting.size === 0) this.worker?.unref();
    if (reply.type === 'sampled') waiter.resolve(reply);
    else waiter.reject(new Error(reply.message));
  }

  private failAll(error: Error): void {
    for (const waiter of this.waiting.values()) waiter.reject(error);
    this.waiting.clear();
  }
}
