// Reads who reads and who writes a pipe or FIFO: the access mode in /proc/PID/fdinfo/FD (proc_pid_fdinfo(5)).
import type { IpcRole } from '../../shared/model/IpcLinks';

/** O_ACCMODE of open(2): the two low bits of `flags`. */
const ACCESS_MODE_MASK = 0o3;
const ROLE_OF_MODE: Record<number, IpcRole> = { 0: 'reader', 1: 'writer', 2: 'reader-writer' };

/** `flags:` is printed in octal; null when the line is missing (the fd was closed meanwhile). */
export function parseAccessRole(text: string): IpcRole | null {
  const flags = /^flags:\s*([0-7]+)\s*$/m.exec(text);
  if (!flags) return null;
  return ROLE_OF_MODE[parseInt(flags[1]!, 8) & ACCESS_MODE_MASK] ?? null;
}
