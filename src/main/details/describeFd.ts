// Classifies the target of a /proc/PID/fd link: "pipe:[123]", "socket:[456]", "/dev/pts/0", a path...
import type { FdKind, OpenFd } from '../../shared/model/ProcessDetails';

export function describeFd(fd: number, target: string): OpenFd {
  const linked = /^(pipe|socket):\[(\d+)\]$/.exec(target);
  if (linked) return { fd, target, kind: linked[1] as FdKind, inode: Number(linked[2]) };
  let kind: FdKind = 'other';
  if (target.startsWith('anon_inode:')) kind = 'anon';
  else if (target.startsWith('/dev/')) kind = 'device';
  else if (target.startsWith('/')) kind = 'file';
  return { fd, target, kind, inode: null };
}
