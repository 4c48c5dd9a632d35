// Worker-thread entry of the lab watcher: polls the lab's process trees every few milliseconds, on a
// thread of its own, so neither a long full sample nor a busy main thread delays it.
import { readlinkSync } from 'node:fs';
import os from 'node:os';
import { parentPort } from 'node:worker_threads';
import { ProcIdentityReader } from '../sampler/ProcIdentityReader';
import { LabTreePoller } from './LabTreePoller';
import { WATCH_INTERVAL_MS, type WatcherReply, type WatcherRequest } from './labWatcherMessages';

/** A priority above ordinary work, for this thread only (Linux keeps a nice value per thread). */
const WATCHER_NICE = -10;

/**
 * On a machine whose run queue is ten deep, an ordinary thread can wait longer for the CPU than a
 * short process lives. Only root (or CAP_SYS_NICE) may raise a priority; elsewhere the thread
 * keeps the normal one (docs/architecture.md says what that leaves).
 */
function raisePriority(): void {
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    os.setPriority(tid, WATCHER_NICE);
  } catch {
    // Not permitted: the normal priority.
  }
}

raisePriority();
const poller = new LabTreePoller(new ProcIdentityReader());
let timer: NodeJS.Timeout | null = null;

function pollNow(): void {
  timer = null;
  const changes = poller.poll();
  if (changes.born.length > 0 || changes.gone.length > 0) {
    parentPort!.postMessage({ type: 'changes', changes } satisfies WatcherReply);
  }
  // A short sleep and a little work: the scheduler wakes such a thread promptly even when the
  // machine is busy, which a long scan of every process cannot count on.
  if (poller.size > 0) timer = setTimeout(pollNow, WATCH_INTERVAL_MS);
}

parentPort!.on('message', (request: WatcherRequest) => {
  if (request.type === 'close') {
    if (timer) clearTimeout(timer);
    parentPort!.close();
    return;
  }
  poller.watch(request.process);
  if (!timer) pollNow();
});

parentPort!.postMessage({ type: 'ready' } satisfies WatcherReply);
