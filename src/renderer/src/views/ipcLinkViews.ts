// The IPC links as one process sees them: its peers, which way data flows, and which processes
// to look among for the other ends of its pipes and sockets.
import type { IpcEnd, IpcLink, IpcRole } from '../../../shared/model/IpcLinks';
import type { ProcessRecord } from '../../../shared/model/ProcessRecord';

/** `to`: this process writes, the peer reads; `shared`: both hold the same end (inherited). */
export type Direction = 'to' | 'from' | 'both' | 'shared';

export const ARROWS: Record<Direction, string> = { to: '→', from: '←', both: '⇄', shared: '═' };

export interface PeerView {
  pid: number;
  startTime: number;
  comm: string;
  roles: IpcRole[];
}

export interface LinkView {
  link: IpcLink;
  /** This process's fds on the link. */
  mine: IpcEnd[];
  myRoles: IpcRole[];
  peers: PeerView[];
  direction: Direction;
}

const reads = (roles: IpcRole[]) => roles.includes('reader') || roles.includes('reader-writer');
const writes = (roles: IpcRole[]) => roles.includes('writer') || roles.includes('reader-writer');
const distinct = <T>(items: T[]) => [...new Set(items)];

function directionOf(link: IpcLink, mine: IpcEnd[], theirs: IpcEnd[]): Direction {
  if (link.kind === 'unix' || link.kind === 'tcp') {
    // Two holders of the same socket (a fork) share one end; the two ends of a socket talk both ways.
    const myInodes = new Set(mine.map((end) => end.inode));
    return theirs.some((end) => !myInodes.has(end.inode)) ? 'both' : 'shared';
  }
  const myRoles = mine.map((end) => end.role);
  const theirRoles = theirs.map((end) => end.role);
  const sends = writes(myRoles) && reads(theirRoles);
  const receives = reads(myRoles) && writes(theirRoles);
  if (sends && receives) return 'both';
  return sends ? 'to' : receives ? 'from' : 'shared';
}

/**
 * Whether data can pass between two of its processes: one writes and another reads a pipe, or
 * they hold the two different ends of a socket. Otherwise they only share one end, inherited
 * through fork, and its other end is held outside the processes scanned.
 */
export function carriesData(link: IpcLink): boolean {
  const pids = distinct(link.ends.map((end) => end.pid));
  return pids.some((pid) => viewFrom(link, pid).direction !== 'shared');
}

/** Every link seen from one of its processes. */
export function viewFrom(link: IpcLink, pid: number): LinkView {
  const mine = link.ends.filter((end) => end.pid === pid);
  const theirs = link.ends.filter((end) => end.pid !== pid);
  const peers = new Map<number, PeerView>();
  for (const end of theirs) {
    const peer = peers.get(end.pid) ?? { pid: end.pid, startTime: end.startTime, comm: end.comm, roles: [] };
    peer.roles = distinct([...peer.roles, end.role]);
    peers.set(end.pid, peer);
  }
  return {
    link,
    mine,
    myRoles: distinct(mine.map((end) => end.role)),
    peers: [...peers.values()],
    direction: directionOf(link, mine, theirs),
  };
}

/** The links of every process that holds one, seen from that process. */
export function linkViewsByPid(links: readonly IpcLink[]): Map<number, LinkView[]> {
  const byPid = new Map<number, LinkView[]>();
  for (const link of links) {
    for (const pid of distinct(link.ends.map((end) => end.pid))) {
      byPid.set(pid, [...(byPid.get(pid) ?? []), viewFrom(link, pid)]);
    }
  }
  return byPid;
}

/**
 * Where the other ends of a process's pipes and sockets usually are, nearest first: itself, its
 * parent and children, its process group, its siblings (a shell pipeline's other commands), its
 * session. Siblings under init are unrelated services, so they are left out.
 */
export function neighbourhoodOf(pid: number, byPid: ReadonlyMap<number, ProcessRecord>, max: number): number[] {
  const self = byPid.get(pid);
  if (!self) return [pid];
  const children: number[] = [];
  const group: number[] = [];
  const siblings: number[] = [];
  const session: number[] = [];
  for (const record of byPid.values()) {
    if (record.kernelThread || record.pid === pid) continue;
    if (record.ppid === pid) children.push(record.pid);
    else if (record.pgid === self.pgid && self.pgid > 1) group.push(record.pid);
    else if (record.ppid === self.ppid && self.ppid > 1) siblings.push(record.pid);
    else if (record.sid === self.sid && self.sid > 1) session.push(record.pid);
  }
  const parent = self.ppid > 0 ? [self.ppid] : [];
  return distinct([pid, ...parent, ...children, ...group, ...siblings, ...session]).slice(0, max);
}
