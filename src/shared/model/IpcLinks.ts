// The IPC graph: which processes share a pipe or a FIFO, or hold the two ends of a socket.

export type IpcKind = 'pipe' | 'fifo' | 'unix' | 'tcp';

/**
 * What an end does. Pipes and FIFOs: the fd's access mode (O_RDONLY reads, O_WRONLY writes,
 * O_RDWR both). Sockets: `server` is the accepted end (its local address is the listening
 * one), `client` the end that connected, `peer` when neither is known (a socketpair).
 */
export type IpcRole = 'reader' | 'writer' | 'reader-writer' | 'server' | 'client' | 'peer';

export interface IpcEnd {
  pid: number;
  startTime: number;
  comm: string;
  fd: number;
  /** The inode of this end: a pipe's or FIFO's ends share one; each end of a socket has its own. */
  inode: number;
  role: IpcRole;
}

export interface IpcLink {
  kind: IpcKind;
  /** Identifies the link: the pipe's or FIFO's inode; for a socket, the lower inode of its two ends. */
  inode: number;
  /** A FIFO's or UNIX socket's path, or "127.0.0.1:8000 ⇄ 127.0.0.1:51234"; null when unnamed. */
  name: string | null;
  /** Every fd on it among the scanned processes (at least two processes), by pid then fd. */
  ends: IpcEnd[];
}

export interface IpcLinks {
  takenAt: number;
  links: IpcLink[];
  /** How many processes' fd tables were read. */
  scanned: number;
  /** Asked-for processes whose fds could not be read (another user's, or exited meanwhile). */
  unreadable: number[];
  /** The scan stopped at its cap (processes or fds): some processes were not read. */
  truncated: boolean;
  /**
   * UNIX socket ends could be paired: the kernel tells a socket's peer only through sock_diag
   * netlink, read with `ss` (iproute2); without it UNIX sockets are left out.
   */
  unixPaired: boolean;
}
