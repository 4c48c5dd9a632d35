// Every process of a lab run carries PROCLAB_RUN=<owner pid>:<owner start>/<run id> in its
// environment, so the lab finds all of them, even after they fork, reparent or daemonise
// (proc_pid_environ(5)). The owner's start time (clock ticks since boot) tells a ProcLab that still
// runs from another process that was given its pid later.
import { readFileSync } from 'node:fs';

export const RUN_TAG_VARIABLE = 'PROCLAB_RUN';

export interface OwnerIdentity {
  pid: number;
  /** proc_pid_stat(5) field 22; null in tags written before it was part of them (`<pid>/<run>`). */
  startTicks: number | null;
}

export interface RunTag {
  owner: OwnerIdentity;
  runId: string;
}

export function formatRunTag(tag: RunTag): string {
  const { pid, startTicks } = tag.owner;
  return `${startTicks === null ? pid : `${pid}:${startTicks}`}/${tag.runId}`;
}

export function parseRunTag(value: string): RunTag | null {
  const match = /^(\d+)(?::(\d+))?\/([\w-]+)$/.exec(value);
  if (!match) return null;
  const startTicks = match[2] === undefined ? null : Number(match[2]);
  return { owner: { pid: Number(match[1]), startTicks }, runId: match[3]! };
}

/** The run tag in a process's environment, or null (no tag, gone, or not readable). */
export function readRunTag(pid: number, procRoot = '/proc'): RunTag | null {
  let environ: string;
  try {
    environ = readFileSync(`${procRoot}/${pid}/environ`, 'latin1');
  } catch {
    return null;
  }
  const prefix = `${RUN_TAG_VARIABLE}=`;
  const start = environ.startsWith(prefix) ? 0 : environ.indexOf(`\0${prefix}`) + 1;
  if (start === 0 && !environ.startsWith(prefix)) return null;
  const end = environ.indexOf('\0', start);
  return parseRunTag(environ.slice(start + prefix.length, end < 0 ? undefined : end));
}

export function sameOwner(a: OwnerIdentity, b: OwnerIdentity): boolean {
  return a.pid === b.pid && (a.startTicks === null || b.startTicks === null || a.startTicks === b.startTicks);
}
