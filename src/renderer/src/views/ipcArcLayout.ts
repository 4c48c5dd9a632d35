// Places an IPC graph in a narrow column: one row per process, and each link a vertical bus to
// the left with a spoke to every process that holds it (an arc diagram that needs no width).
import type { IpcKind, IpcLink } from '../../../shared/model/IpcLinks';

export const ARC_ROW_HEIGHT = 24;
/** Lanes come closer as they multiply (a pool has a dozen pipes), so the labels keep their room. */
const LANE_WIDTH = { max: 12, min: 5, total: 60 };
const MARGIN = 10;
/** From the innermost bus to the process dots: room for an arrow in the middle of each spoke. */
const SPOKE_LENGTH = 28;

export interface ArcNode {
  pid: number;
  startTime: number;
  comm: string;
  y: number;
}

/** `bus`: the process writes into the link; `node`: it reads from it; `none`: both, or a socket. */
export interface ArcSpoke {
  pid: number;
  y: number;
  toward: 'bus' | 'node' | 'none';
}

export interface ArcBus {
  key: string;
  kind: IpcKind;
  name: string | null;
  x: number;
  yTop: number;
  yBottom: number;
  spokes: ArcSpoke[];
}

export interface ArcLayout {
  nodes: ArcNode[];
  buses: ArcBus[];
  /** Where the process dots sit; their labels start to its right. */
  nodeX: number;
  height: number;
}

function towardOf(link: IpcLink, pid: number): ArcSpoke['toward'] {
  if (link.kind === 'unix' || link.kind === 'tcp') return 'none';
  const roles = new Set(link.ends.filter((end) => end.pid === pid).map((end) => end.role));
  if (roles.size === 1 && roles.has('writer')) return 'bus';
  if (roles.size === 1 && roles.has('reader')) return 'node';
  return 'none';
}

export function layoutArcs(links: readonly IpcLink[]): ArcLayout {
  const byPid = new Map<number, Omit<ArcNode, 'y'>>();
  for (const end of links.flatMap((link) => link.ends)) byPid.set(end.pid, end);
  // Oldest first: a parent's row comes before its children's.
  const nodes = [...byPid.values()]
    .sort((a, b) => a.startTime - b.startTime || a.pid - b.pid)
    .map((node, i) => ({
      pid: node.pid,
      startTime: node.startTime,
      comm: node.comm,
      y: MARGIN + i * ARC_ROW_HEIGHT + 6,
    }));
  const yOf = new Map(nodes.map((node) => [node.pid, node.y]));
  const placed = links
    .map((link) => {
      const pids = [...new Set(link.ends.map((end) => end.pid))];
      const ys = pids.map((pid) => yOf.get(pid)!);
      return { link, pids, yTop: Math.min(...ys), yBottom: Math.max(...ys) };
    })
    .sort((a, b) => a.yTop - b.yTop || a.yBottom - b.yBottom);
  // Interval colouring: a link takes the first lane free below its top row.
  const laneEnds: number[] = [];
  const lanes = placed.map(({ yTop, yBottom }) => {
    let lane = laneEnds.findIndex((end) => end < yTop);
    if (lane < 0) lane = laneEnds.length;
    laneEnds[lane] = yBottom;
    return lane;
  });
  const laneWidth = Math.max(LANE_WIDTH.min, Math.min(LANE_WIDTH.max, Math.floor(LANE_WIDTH.total / laneEnds.length)));
  const nodeX = MARGIN + laneEnds.length * laneWidth + SPOKE_LENGTH;
  const buses = placed.map(({ link, pids, yTop, yBottom }, i) => ({
    key: `${link.kind}:${link.inode}`,
    kind: link.kind,
    name: link.name,
    x: nodeX - SPOKE_LENGTH - lanes[i]! * laneWidth,
    yTop,
    yBottom,
    spokes: pids.map((pid) => ({ pid, y: yOf.get(pid)!, toward: towardOf(link, pid) })),
  }));
  return { nodes, buses, nodeX, height: MARGIN * 2 + Math.max(nodes.length, 1) * ARC_ROW_HEIGHT - 12 };
}
