// What the kernel counted for a process or a process tree: CPU time and RSS, read from /proc.
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

/** USER_HZ of /proc/PID/stat's time fields (proc_pid_stat(5)); 100 on every Linux that ProcLab supports. */
const TICKS_PER_SECOND = 100;

function statFields(pid: number): string[] | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which may hold spaces and parentheses: field 3 (state) is [0].
    return text.slice(text.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null;
  }
}

/** utime + stime of the whole process (all its threads) in ms, or null once it is gone. */
export function cpuMsOf(pid: number): number | null {
  const fields = statFields(pid);
  if (!fields) return null;
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
}

/** Resident memory in bytes (VmRSS of /proc/PID/status), or null once it is gone. */
export function rssOf(pid: number): number | null {
  try {
    const match = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}

export function cmdlineOf(pid: number): string[] {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
  } catch {
    return [];
  }
}

/** How many files under /proc the process holds open (the sampler keeps one per process it may skip). */
export function openProcFilesOf(pid: number): number {
  let count = 0;
  for (const fd of readdirSync(`/proc/${pid}/fd`)) {
    try {
      if (readlinkSync(`/proc/${pid}/fd/${fd}`).startsWith('/proc/')) count += 1;
    } catch {
      // closed meanwhile
    }
  }
  return count;
}

export function processCount(): number {
  return readdirSync('/proc').filter((name) => /^\d+$/.test(name)).length;
}

/** The pid and every process below it, from one pass over /proc (ppid is field 4). */
export function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const ppid = Number(statFields(Number(name))?.[1]);
    if (!children.has(ppid)) children.set(ppid, []);
    children.get(ppid)!.push(Number(name));
  }
  const tree = [root];
  for (let i = 0; i < tree.length; i++) tree.push(...(children.get(tree[i]!) ?? []));
  return tree;
}

/** Sums the CPU of some pids between start() and stop(); a pid that appears meanwhile counts from 0. */
export class CpuMeter {
  private readonly startMs = new Map<number, number>();
  private startedAt = 0;

  constructor(private readonly pids: () => number[]) {}

  start(): void {
    this.startedAt = performance.now();
    this.startMs.clear();
    for (const pid of this.pids()) {
      const ms = cpuMsOf(pid);
      if (ms !== null) this.startMs.set(pid, ms);
    }
  }

  /** % of one core over the window. */
  stop(): number {
    const elapsed = performance.now() - this.startedAt;
    let used = 0;
    for (const pid of this.pids()) {
      const ms = cpuMsOf(pid);
      if (ms !== null) used += ms - (this.startMs.get(pid) ?? 0);
    }
    return (used / elapsed) * 100;
  }
}
