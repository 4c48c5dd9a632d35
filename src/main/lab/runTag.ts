// Every process of a lab run carries PROCLAB_RUN=<owner pid>:<owner start>/<run id> in its
// environment, so the lab finds all of them, even after they fork, reparent or daemonise
// (proc_pid_environ(5)). The owner's start time (clock ticks since boot) tells a ProcLab that still
// runs from another process that was given its pid later.
import { closeSync, openSync } from 'node:fs';
import { readWhole } from '../sampler/KeptOpenFile';

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

const TAG_AT_START = Buffer.from(`${RUN_TAG_VARIABLE}=`);
const TAG_AFTER_ANOTHER = Buffer.from(`\0${RUN_TAG_VARIABLE}=`);
/** Environments up to this size are read into one buffer kept between calls; a bigger one is read once. */
const KEPT_BUFFER_BYTES = 64 * 1024;
let environBuffer: Buffer = Buffer.allocUnsafe(16 * 1024);

/**
 * The run tag in a process's environment, or null (no tag, gone, or not readable). Read into a
 * reused buffer: readFileSync allocates 64 KiB per /proc file, and at startup every process is
 * looked at, which left some 30 MiB of freed-but-kept malloc memory at 5,000 processes.
 */
export function readRunTag(pid: number, procRoot = '/proc'): RunTag | null {
  let fd: number;
  try {
    fd = openSync(`${procRoot}/${pid}/environ`, 'r');
  } catch {
    return null;
  }
  let bytes = environBuffer;
  let length: number;
  try {
    length = readWhole(
      fd,
      () => bytes,
      (bigger) => (bytes = bigger),
    );
  } catch {
    return null;
  } finally {
    closeSync(fd);
  }
  if (bytes.length <= KEPT_BUFFER_BYTES) environBuffer = bytes;
  return findRunTag(bytes.subarray(0, length));
}

/** The run tag among NUL-separated NAME=value pairs (proc_pid_environ(5)), without decoding the rest. */
export function findRunTag(environ: Buffer): RunTag | null {
  let start: number;
  if (environ.subarray(0, TAG_AT_START.length).equals(TAG_AT_START)) start = TAG_AT_START.length;
  else {
    const at = environ.indexOf(TAG_AFTER_ANOTHER);
    if (at < 0) return null;
    start = at + TAG_AFTER_ANOTHER.length;
  }
  const end = environ.indexOf(0, start);
  return parseRunTag(environ.toString('latin1', start, end < 0 ? environ.length : end));
}

export function sameOwner(a: OwnerIdentity, b: OwnerIdentity): boolean {
  return a.pid === b.pid && (a.startTicks === null || b.startTicks === null || a.startTicks === b.startTicks);
}
