// Parses /proc/net/unix (proc(5)): every UNIX socket of this network namespace by inode.

export type UnixSocketType = 'stream' | 'dgram' | 'seqpacket' | 'other';

export interface UnixSocketEntry {
  inode: number;
  type: UnixSocketType;
  /** SS_CONNECTED (3): the socket has a peer, or had one until it closed. */
  connected: boolean;
  /** __SO_ACCEPTCON in Flags: a listening socket, which is never one end of a connection. */
  listening: boolean;
  /** The bound path ("@name" for the abstract namespace); accepted sockets show their listener's. */
  path: string | null;
}

const TYPES: Record<number, UnixSocketType> = { 1: 'stream', 2: 'dgram', 5: 'seqpacket' };
const SO_ACCEPTCON = 0x10000;
const SS_CONNECTED = 3;

export function parseNetUnix(text: string): Map<number, UnixSocketEntry> {
  const sockets = new Map<number, UnixSocketEntry>();
  for (const line of text.split('\n')) {
    // Num: RefCount Protocol Flags Type St Inode [Path]; the path is the rest of the line.
    const match =
      /^\s*[0-9a-f]+:\s+[0-9a-f]+\s+[0-9a-f]+\s+([0-9a-f]+)\s+([0-9a-f]+)\s+([0-9a-f]+)\s+(\d+)(?: (.*))?$/i.exec(line);
    if (!match) continue;
    const inode = Number(match[4]);
    sockets.set(inode, {
      inode,
      type: TYPES[parseInt(match[2]!, 16)] ?? 'other',
      connected: parseInt(match[3]!, 16) === SS_CONNECTED,
      listening: (parseInt(match[1]!, 16) & SO_ACCEPTCON) !== 0,
      path: match[5]?.trim() || null,
    });
  }
  return sockets;
}
