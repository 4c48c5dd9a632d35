// Learns UNIX sockets' peers from `ss -xH` (the kernel's sock_diag netlink), and remembers them:
// a connected stream socket keeps its peer for life, so ss runs only for sockets not seen before.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { errnoCode } from '../details/describeErrno';
import type { UnixSocketEntry } from './parseNetUnix';
import { parseSsUnixPeers } from './parseSsUnix';

/** Where iproute2 puts ss, for a desktop session whose PATH lacks the sbin directories. */
const SS_COMMANDS = ['ss', '/usr/sbin/ss', '/sbin/ss'];
/**
 * A peer of 0 is asked again after this long: a client that has just connected points at a
 * socket that gets its inode only when the server accept()s it.
 */
const UNKNOWN_PEER_RECHECK_MS = 5_000;

const execFileAsync = promisify(execFile);

export async function runSs(): Promise<string> {
  for (const command of SS_COMMANDS) {
    try {
      const { stdout } = await execFileAsync(command, ['-xH'], {
        timeout: 5_000,
        maxBuffer: 64 * 1024 * 1024,
        env: { ...process.env, LC_ALL: 'C' },
      });
      return stdout;
    } catch (error) {
      if (errnoCode(error) !== 'ENOENT') throw error;
    }
  }
  throw Object.assign(new Error('ss (iproute2) is not installed'), { code: 'ENOENT' });
}

export class UnixPeers {
  private readonly known = new Map<number, { peer: number; at: number }>();
  /** ss is not installed: UNIX sockets cannot be paired, and it is not looked for again. */
  private missing = false;

  constructor(private readonly listPeers: () => Promise<string> = runSs) {}

  /** Inode → peer inode for the sockets asked for; null when the kernel could not be asked. */
  async peersOf(
    inodes: readonly number[],
    sockets: ReadonlyMap<number, UnixSocketEntry>,
  ): Promise<ReadonlyMap<number, number> | null> {
    for (const inode of this.known.keys()) if (!sockets.has(inode)) this.known.delete(inode);
    const now = Date.now();
    const stale = (inode: number) => {
      const entry = this.known.get(inode);
      // A datagram socket may connect() to another peer at any time.
      return (
        !entry || sockets.get(inode)?.type === 'dgram' || (entry.peer === 0 && now - entry.at > UNKNOWN_PEER_RECHECK_MS)
      );
    };
    if (inodes.some(stale)) {
      if (this.missing) return null;
      let listed: Map<number, number>;
      try {
        listed = parseSsUnixPeers(await this.listPeers());
      } catch (error) {
        this.missing = errnoCode(error) === 'ENOENT';
        return null;
      }
      for (const [inode, peer] of listed) if (sockets.has(inode)) this.known.set(inode, { peer, at: now });
      for (const inode of inodes) if (!listed.has(inode)) this.known.set(inode, { peer: 0, at: now });
    }
    const peers = new Map<number, number>();
    for (const inode of inodes) {
      const peer = this.known.get(inode)?.peer;
      if (peer) peers.set(inode, peer);
    }
    return peers;
  }
}
