// The IPC links among the processes asked for: their fds, the kernel's socket tables, the peers of
// UNIX sockets, and who reads and who writes each pipe. One scan at a time, within a budget.
import { readFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import type { IpcLink, IpcLinks } from '../../shared/model/IpcLinks';
import type { ProcessRecord } from '../../shared/model/ProcessRecord';
import { pairIpcEnds, type DraftLink, type OpenEnd, type SocketTables } from './pairIpcEnds';
import { parseAccessRole } from './parseFdInfo';
import { parseNetTcp } from './parseNetTcp';
import { parseNetUnix } from './parseNetUnix';
import { identifyFifos, readOpenEnds, type ScanBudget } from './readOpenEnds';
import { SyncSlices } from './SyncSlices';
import { UnixPeers } from './UnixPeers';

export const DEFAULT_SCAN_BUDGET: ScanBudget = { maxFds: 50_000, maxFdsPerProcess: 4_096 };
/** /proc/net/tcp of a busy server can reach megabytes: past this, its tail is not read. */
const MAX_SOCKET_TABLE_BYTES = 8 * 1024 * 1024;

export class IpcScanner {
  private queue: Promise<unknown> = Promise.resolve();
  private readonly unixPeers: UnixPeers;

  constructor(
    private readonly budget: ScanBudget = DEFAULT_SCAN_BUDGET,
    private readonly procRoot = '/proc',
    unixPeers?: UnixPeers,
  ) {
    this.unixPeers = unixPeers ?? new UnixPeers();
  }

  /** Links among `pids` (those of `table`; others count as unreadable). Scans run one after another. */
  scan(pids: readonly number[], table: ReadonlyMap<number, ProcessRecord>): Promise<IpcLinks> {
    const scan = this.queue.then(() => this.scanNow(pids, table));
    this.queue = scan.catch(() => undefined);
    return scan;
  }

  private async scanNow(pids: readonly number[], table: ReadonlyMap<number, ProcessRecord>): Promise<IpcLinks> {
    const takenAt = Date.now();
    const known = [...new Set(pids)].filter((pid) => table.has(pid));
    const slices = new SyncSlices();
    const fds = await readOpenEnds(known, this.budget, slices, this.procRoot);
    const fifos = await identifyFifos(fds.ends, slices, this.procRoot);
    const sockets = await this.readSocketTables(fds.ends);
    const drafts = pairIpcEnds(fds.ends, fifos, sockets.tables);
    return {
      takenAt,
      links: await this.withRoles(drafts, table, slices),
      scanned: fds.scanned,
      unreadable: [...pids.filter((pid) => !table.has(pid)), ...fds.unreadable],
      truncated: fds.truncated || sockets.truncated,
      unixPaired: sockets.unixPaired,
    };
  }

  /** Read only when a scanned process holds a socket; UNIX peers only for connected ones. */
  private async readSocketTables(
    ends: readonly OpenEnd[],
  ): Promise<{ tables: SocketTables; truncated: boolean; unixPaired: boolean }> {
    const socketInodes = ends.flatMap((end) => {
      const match = /^socket:\[(\d+)\]$/.exec(end.target);
      return match ? [Number(match[1])] : [];
    });
    if (socketInodes.length === 0) {
      return { tables: { unix: new Map(), tcp: [], unixPeers: new Map() }, truncated: false, unixPaired: true };
    }
    const [unixText, tcpText, tcp6Text] = await Promise.all(
      ['unix', 'tcp', 'tcp6'].map((name) => readBounded(`${this.procRoot}/net/${name}`)),
    );
    const unix = parseNetUnix(unixText!.text);
    const connected = socketInodes.filter((inode) => unix.get(inode)?.connected && !unix.get(inode)?.listening);
    const peers = connected.length > 0 ? await this.unixPeers.peersOf(connected, unix) : new Map<number, number>();
    return {
      tables: {
        unix,
        tcp: [...parseNetTcp(tcpText!.text), ...parseNetTcp(tcp6Text!.text)],
        unixPeers: peers ?? new Map(),
      },
      truncated: [unixText, tcpText, tcp6Text].some((file) => file!.truncated),
      unixPaired: peers !== null,
    };
  }

  /** Pipe and FIFO ends get their role from fdinfo; an fd closed meanwhile drops out. */
  private async withRoles(
    drafts: DraftLink[],
    table: ReadonlyMap<number, ProcessRecord>,
    slices: SyncSlices,
  ): Promise<IpcLink[]> {
    const links: IpcLink[] = [];
    for (const draft of drafts) {
      const ends: IpcLink['ends'] = [];
      for (const end of draft.ends) {
        const role = end.role ?? parseAccessRole(this.readFdInfo(end.pid, end.fd));
        const record = table.get(end.pid);
        if (role && record) ends.push({ ...end, role, startTime: record.startTime, comm: record.comm });
        if (end.role === null) await slices.spend();
      }
      if (new Set(ends.map((end) => end.pid)).size >= 2) links.push({ ...draft, ends });
    }
    return links;
  }

  private readFdInfo(pid: number, fd: number): string {
    try {
      return readFileSync(`${this.procRoot}/${pid}/fdinfo/${fd}`, 'utf8');
    } catch {
      return '';
    }
  }
}

/** A /proc file read up to MAX_SOCKET_TABLE_BYTES; a missing one (no IPv6) reads as empty. */
async function readBounded(path: string): Promise<{ text: string; truncated: boolean }> {
  const file = await open(path, 'r').catch(() => null);
  if (!file) return { text: '', truncated: false };
  try {
    const chunks: Buffer[] = [];
    let length = 0;
    // proc files have no size to stat: read chunks until the end or the cap.
    while (length <= MAX_SOCKET_TABLE_BYTES) {
      const { bytesRead, buffer } = await file.read(Buffer.alloc(64 * 1024), 0, 64 * 1024);
      if (bytesRead === 0) break;
      chunks.push(buffer.subarray(0, bytesRead));
      length += bytesRead;
    }
    const truncated = length > MAX_SOCKET_TABLE_BYTES;
    const text = Buffer.concat(chunks).toString('utf8', 0, Math.min(length, MAX_SOCKET_TABLE_BYTES));
    // A cut line would parse wrong: keep whole lines only.
    return { text: truncated ? text.slice(0, text.lastIndexOf('\n') + 1) : text, truncated };
  } finally {
    await file.close();
  }
}
