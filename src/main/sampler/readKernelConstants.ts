// Clock ticks per second and the page size, asked once of getconf (Node has no sysconf).
import { execFileSync } from 'node:child_process';

export interface KernelConstants {
  clockTicks: number;
  pageSize: number;
}

function getconf(name: string, fallback: number): number {
  try {
    const value = Number(execFileSync('getconf', [name], { encoding: 'utf8', timeout: 2000 }).trim());
    return value > 0 ? value : fallback;
  } catch {
    return fallback;
  }
}

export function readKernelConstants(): KernelConstants {
  // USER_HZ is 100 on every mainstream Linux; 4 KiB pages on x86 and most arm64 kernels.
  return { clockTicks: getconf('CLK_TCK', 100), pageSize: getconf('PAGESIZE', 4096) };
}

/** A start time in clock ticks since boot (proc_pid_stat(5) field 22) as epoch milliseconds. */
export function startTicksToEpochMs(bootTimeMs: number, startTicks: number, clockTicks: number): number {
  return bootTimeMs + Math.round((startTicks * 1000) / clockTicks);
}
