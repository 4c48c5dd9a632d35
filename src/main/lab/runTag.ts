// Every process of a lab run carries PROCLAB_RUN=<owner pid>/<run id> in its environment, so the
// lab finds all of them, even after they fork, reparent or daemonise (proc_pid_environ(5)).
import { readFileSync } from 'node:fs';

export const RUN_TAG_VARIABLE = 'PROCLAB_RUN';

export interface RunTag {
  ownerPid: number;
  runId: string;
}

export function formatRunTag(tag: RunTag): string {
  return `${tag.ownerPid}/${tag.runId}`;
}

export function parseRunTag(value: string): RunTag | null {
  const match = /^(\d+)\/([\w-]+)$/.exec(value);
  return match ? { ownerPid: Number(match[1]), runId: match[2]! } : null;
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
