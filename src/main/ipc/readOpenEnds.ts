// Reads the fd tables (/proc/PID/fd, proc_pid_fd(5)) of the processes asked for, within a budget
// of fds, and finds which of the files they hold are FIFOs.
import { readdirSync, readlinkSync, statSync } from 'node:fs';
import { describeFd } from '../details/describeFd';
import type { FifoIdentity, OpenEnd } from './pairIpcEnds';
import type { SyncSlices } from './SyncSlices';

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

export async function readOpenEnds(
  pids: readonly number[],
  budget: ScanBudget,
  slices: SyncSlices,
  procRoot = '/proc',
): Promise<OpenEnds> {
  const result: OpenEnds = { ends: [], scanned: 0, unreadable: [], truncated: false };
  let fdsRead = 0;
  for (const pid of pids) {
    if (fdsRead >= budget.maxFds) {
      result.truncated = true;
      break;
    }
    const table = readFdLinks(procRoot, pid, budget.maxFdsPerProcess);
    if (!table) {
      result.unreadable.push(pid);
      await slices.spend();
      continue;
    }
    result.scanned++;
    result.truncated ||= table.truncated;
    fdsRead += table.ends.length;
    for (const end of table.ends) result.ends.push(end);
    await slices.spend(1 + table.ends.length);
  }
  return result;
}

/** Null when the fd directory cannot be read: another user's process, or it exited. */
function readFdLinks(procRoot: string, pid: number, maxFds: number): { ends: OpenEnd[]; truncated: boolean } | null {
  const dir = `${procRoot}/${pid}/fd`;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return null;
  }
  const ends: OpenEnd[] = [];
  for (const name of names.slice(0, maxFds)) {
    try {
      ends.push({ pid, fd: Number(name), target: readlinkSync(`${dir}/${name}`) });
    } catch {
      // Closed between readdir and readlink: it is simply not there any more.
    }
  }
  return { ends, truncated: names.length > maxFds };
}

/**
 * The FIFOs among the files the ends hold, by the path their fd links show. Each path is looked
 * at once per scan, through the fd itself, so a FIFO whose path was removed is still found.
 */
export async function identifyFifos(
  ends: readonly OpenEnd[],
  slices: SyncSlices,
  procRoot = '/proc',
): Promise<Map<string, FifoIdentity>> {
  const fifos = new Map<string, FifoIdentity>();
  const looked = new Set<string>();
  for (const end of ends) {
    if (looked.has(end.target) || describeFd(end.fd, end.target).kind !== 'file') continue;
    looked.add(end.target);
    const info = statSync(`${procRoot}/${end.pid}/fd/${end.fd}`, { throwIfNoEntry: false });
    if (info?.isFIFO()) fifos.set(end.target, { dev: info.dev, ino: info.ino });
    await slices.spend();
  }
  return fifos;
}
