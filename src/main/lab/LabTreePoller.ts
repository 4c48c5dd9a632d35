// Follows the process trees of lab runs through the kernel's own lists of each task's children
// (/proc/PID/task/TID/children, proc(5)): only the lab's processes are read, so a poll costs a few
// reads however many processes the machine runs, and it can run every few milliseconds.
import { readdirSync, readFileSync } from 'node:fs';
import type { ProcIdentityReader } from '../sampler/ProcIdentityReader';

export interface WatchedProcess {
  pid: number;
  startTime: number;
  runId: string;
}

export interface BornProcess extends WatchedProcess {
  ppid: number;
  comm: string;
  /** When the poller first saw it (epoch ms). */
  seenAt: number;
}

export interface GoneProcess extends WatchedProcess {
  /** When the poller found it gone (reaped) or its pid taken by another process. */
  goneAt: number;
}

export interface TreeChanges {
  born: BornProcess[];
  gone: GoneProcess[];
}

export class LabTreePoller {
  private readonly watched = new Map<number, WatchedProcess>();

  constructor(
    private readonly reader: ProcIdentityReader,
    private readonly procRoot = '/proc',
  ) {}

  get size(): number {
    return this.watched.size;
  }

  /** Follows this process and, from now on, every child it or its descendants fork. */
  watch(process: WatchedProcess): void {
    const known = this.watched.get(process.pid);
    if (known?.startTime !== process.startTime) this.watched.set(process.pid, { ...process });
  }

  /** One look at every watched process: who was born under it, and who is gone. */
  poll(): TreeChanges {
    const changes: TreeChanges = { born: [], gone: [] };
    // A Map visits entries added while it is iterated: grandchildren are found in the same poll.
    for (const [pid, watched] of this.watched) {
      const now = this.reader.read(pid);
      if (!now || now.startTime !== watched.startTime) {
        this.watched.delete(pid);
        changes.gone.push({ ...watched, goneAt: Date.now() });
        continue;
      }
      if (now.state === 'Z' || now.state === 'X') continue;
      for (const childPid of this.childrenOf(pid)) {
        if (this.watched.get(childPid)) continue;
        const child = this.reader.read(childPid);
        // The list was read a moment ago: the pid must still name a child of this process.
        if (!child || child.ppid !== pid) continue;
        const born = { pid: childPid, startTime: child.startTime, runId: watched.runId };
        this.watched.set(childPid, born);
        changes.born.push({ ...born, ppid: pid, comm: child.comm, seenAt: Date.now() });
      }
    }
    return changes;
  }

  /** Children of every thread of the process: a child belongs to the thread that forked it. */
  private childrenOf(pid: number): number[] {
    const pids: number[] = [];
    let tids: string[];
    try {
      tids = readdirSync(`${this.procRoot}/${pid}/task`);
    } catch {
      return pids;
    }
    for (const tid of tids) {
      let text: string;
      try {
        text = readFileSync(`${this.procRoot}/${pid}/task/${tid}/children`, 'latin1');
      } catch {
        continue;
      }
      for (const field of text.split(' ')) if (field !== '') pids.push(Number(field));
    }
    return pids;
  }
}
