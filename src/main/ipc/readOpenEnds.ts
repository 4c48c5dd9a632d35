// Reads the fd tables (/proc/PID/fd, proc_pid_fd(5)) of the processes asked for, within a budget
// of fds, and finds which of the files they hold are FIFOs.
import { readdir, readlink, stat } from 'node:fs/promises';
import { describeFd } from '../details/describeFd';
import type { FifoIdentity, OpenEnd } from './pairIpcEnds';

export interface ScanBudget {
  /** Fds read in one scan, over every process: past it, the remaining processes are not read. */
  maxFds: number;
  /** Fds read of one process (a server may hold 100,000 sockets). */
  maxFdsPerProcess: number;
}

export interface OpenEnds {
  ends: OpenEnd[];
  scanned: number;
  unreadable: number[];
  truncated: boolean;
}

/** Processes read at the same time: enough to keep the thread pool busy, few enough to stay light. */
const PROCESSES_AT_ONCE = 16;

export async function readOpenEnds(pids: readonly number[], budget: ScanBudget, procRoot = '/proc'): Promise<OpenEnds> {
  const result: OpenEnds = { ends: [], scanned: 0, unreadable: [], truncated: false };
  let fdsRead = 0;
  for (let start = 0; start < pids.length; start += PROCESSES_AT_ONCE) {
    if (fdsRead >= budget.maxFds) {
      result.truncated = true;
      break;
    }
    const batch = pids.slice(start, start + PROCESSES_AT_ONCE);
    const tables = await Promise.all(batch.map((pid) => readFdLinks(procRoot, pid, budget.maxFdsPerProcess)));
    tables.forEach((table, i) => {
      if (!table) return void result.unreadable.push(batch[i]!);
      result.scanned++;
      result.truncated ||= table.truncated;
      fdsRead += table.ends.length;
      result.ends.push(...table.ends);
    });
  }
  return result;
}

/** Null when the fd directory cannot be read: another user's process, or it exited. */
async function readFdLinks(
  procRoot: string,
  pid: number,
  maxFds: number,
): Promise<{ ends: OpenEnd[]; truncated: boolean } | null> {
  const dir = `${procRoot}/${pid}/fd`;
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return null;
  }
  const read = names.slice(0, maxFds);
  // An fd closed between readdir and readlink is simply not there any more.
  const targets = await Promise.all(read.map((name) => readlink(`${dir}/${name}`).catch(() => null)));
  const ends = read.flatMap((name, i) => (targets[i] === null ? [] : [{ pid, fd: Number(name), target: targets[i]! }]));
  return { ends, truncated: names.length > maxFds };
}

/**
 * The FIFOs among the files the ends hold, by the path their fd links show. Each path is looked
 * at once per scan, through the fd itself, so a FIFO whose path was removed is still found.
 */
export async function identifyFifos(ends: readonly OpenEnd[], procRoot = '/proc'): Promise<Map<string, FifoIdentity>> {
  const firstHolder = new Map<string, OpenEnd>();
  for (const end of ends) {
    if (describeFd(end.fd, end.target).kind === 'file' && !firstHolder.has(end.target))
      firstHolder.set(end.target, end);
  }
  const fifos = new Map<string, FifoIdentity>();
  await Promise.all(
    [...firstHolder].map(async ([target, end]) => {
      const info = await stat(`${procRoot}/${end.pid}/fd/${end.fd}`).catch(() => null);
      if (info?.isFIFO()) fifos.set(target, { dev: info.dev, ino: info.ino });
    }),
  );
  return fifos;
}
