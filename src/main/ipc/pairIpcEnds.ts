// Turns the fds of the scanned processes into links: the holders of one pipe or FIFO, and the
// holders of the two ends of a socket that the kernel lets us pair. Pure: every input is given.
import type { IpcKind, IpcRole } from '../../shared/model/IpcLinks';
import { describeFd } from '../details/describeFd';
import { formatTcpAddress, type TcpSocketEntry } from './parseNetTcp';
import type { UnixSocketEntry } from './parseNetUnix';

/** One fd of a scanned process, as /proc/PID/fd/FD links it. */
export interface OpenEnd {
  pid: number;
  fd: number;
  target: string;
}

/** A FIFO is a file: the same one is the same (device, inode), whatever path names it. */
export interface FifoIdentity {
  dev: number;
  ino: number;
}

export interface SocketTables {
  unix: ReadonlyMap<number, UnixSocketEntry>;
  tcp: readonly TcpSocketEntry[];
  /** Inode → peer inode, from sock_diag; empty when it could not be read. */
  unixPeers: ReadonlyMap<number, number>;
}

/** A link before the roles of pipe and FIFO ends are read from fdinfo (role null). */
export interface DraftLink {
  kind: IpcKind;
  inode: number;
  name: string | null;
  ends: { pid: number; fd: number; inode: number; role: IpcRole | null }[];
}

interface SocketPair {
  kind: 'unix' | 'tcp';
  peer: number;
  name: string | null;
  role: IpcRole;
  peerRole: IpcRole;
}

const KIND_ORDER: IpcKind[] = ['pipe', 'fifo', 'unix', 'tcp'];

export function pairIpcEnds(
  ends: readonly OpenEnd[],
  fifos: ReadonlyMap<string, FifoIdentity>,
  tables: SocketTables,
): DraftLink[] {
  const shared = new Map<string, DraftLink>();
  const socketHolders = new Map<number, OpenEnd[]>();
  for (const end of ends) {
    const { kind, inode } = describeFd(end.fd, end.target);
    const fifo = kind === 'file' ? fifos.get(end.target) : undefined;
    if (kind === 'socket') socketHolders.set(inode!, [...(socketHolders.get(inode!) ?? []), end]);
    else if (kind === 'pipe') addEnd(shared, `pipe:${inode}`, 'pipe', inode!, null, end);
    else if (fifo) addEnd(shared, `fifo:${fifo.dev}:${fifo.ino}`, 'fifo', fifo.ino, end.target, end);
  }
  const links = [...shared.values()];
  const pairSocket = socketPairing(tables);
  const paired = new Set<number>();
  for (const [inode, holders] of socketHolders) {
    const pair = paired.has(inode) ? null : pairSocket(inode);
    if (!pair) continue;
    paired.add(inode).add(pair.peer);
    const asEnds = (list: OpenEnd[], socket: number, role: IpcRole) =>
      list.map(({ pid, fd }) => ({ pid, fd, inode: socket, role }));
    links.push({
      kind: pair.kind,
      inode: Math.min(inode, pair.peer),
      name: pair.name,
      ends: [
        ...asEnds(holders, inode, pair.role),
        ...asEnds(socketHolders.get(pair.peer) ?? [], pair.peer, pair.peerRole),
      ],
    });
  }
  return links
    .filter((link) => new Set(link.ends.map((end) => end.pid)).size >= 2)
    .map((link) => ({ ...link, ends: link.ends.sort((a, b) => a.pid - b.pid || a.fd - b.fd) }))
    .sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || a.inode - b.inode);
}

function addEnd(
  links: Map<string, DraftLink>,
  key: string,
  kind: IpcKind,
  inode: number,
  name: string | null,
  end: OpenEnd,
): void {
  const link = links.get(key) ?? { kind, inode, name: name?.replace(/ \(deleted\)$/, '') ?? null, ends: [] };
  link.ends.push({ pid: end.pid, fd: end.fd, inode, role: null });
  links.set(key, link);
}

/** The other end of a socket, where the kernel's tables say it is on this machine. */
function socketPairing(tables: SocketTables): (inode: number) => SocketPair | null {
  const tcpByInode = new Map(tables.tcp.map((entry) => [entry.inode, entry]));
  const tcpByAddresses = new Map(
    tables.tcp.filter((entry) => !entry.listening).map((entry) => [`${entry.local}>${entry.remote}`, entry]),
  );
  const listeningPorts = new Set(tables.tcp.filter((entry) => entry.listening).map((entry) => entry.localPort));
  return (inode) => {
    const tcp = tcpByInode.get(inode);
    if (tcp) {
      const peer = tcp.listening ? undefined : tcpByAddresses.get(`${tcp.remote}>${tcp.local}`);
      if (!peer || peer.inode === 0) return null;
      const [role, peerRole] = rolesOf(listeningPorts.has(tcp.localPort), listeningPorts.has(peer.localPort));
      const [server, client] = role === 'client' ? [peer, tcp] : [tcp, peer];
      const name = `${formatTcpAddress(server.local)} ⇄ ${formatTcpAddress(client.local)}`;
      return { kind: 'tcp', peer: peer.inode, name, role, peerRole };
    }
    const unix = tables.unix.get(inode);
    const peer = tables.unixPeers.get(inode);
    if (!unix || unix.listening || !peer) return null;
    const peerPath = tables.unix.get(peer)?.path ?? null;
    // An accepted socket shows its listener's path; the client's has none unless it bound one.
    const [role, peerRole] = rolesOf(unix.path !== null, peerPath !== null);
    return { kind: 'unix', peer, name: unix.path ?? peerPath, role, peerRole };
  };
}

function rolesOf(isServer: boolean, peerIsServer: boolean): [IpcRole, IpcRole] {
  if (isServer === peerIsServer) return ['peer', 'peer'];
  return isServer ? ['server', 'client'] : ['client', 'server'];
}
